import type { RuleInfo } from './rule';

/** Checked across files by `analyzeWorkspace`, not per file; see `../portfolio.ts`. */
export const portfolioOvercommittedInfo: RuleInfo = {
  id: 'portfolio-overcommitted',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Across the workspace, one executive\'s active engagements overlap with more than 5 days a week in total.',
    rationale: 'A fractional leader who has sold more days than a week holds cannot deliver on all of them; the clients find out one missed meeting at a time.',
    fix: 'Lower a commitment, move a term or a surge so they no longer overlap, or set an engagement that is not running to a status other than `active`.',
  },
};
