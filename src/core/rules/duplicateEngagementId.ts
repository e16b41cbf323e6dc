import type { RuleInfo } from './rule';

/** Checked across files by `analyzeWorkspace`, not per file; see `../workspaceIds.ts`. */
export const duplicateEngagementIdInfo: RuleInfo = {
  id: 'duplicate-engagement-id',
  defaultSeverity: 'error',
  docs: {
    summary: 'Two engagement files in one workspace have the same `id`.',
    rationale: 'The id names an engagement in reports, in the portfolio and in history: two files with one id are two engagements that every list, comparison and link will confuse. A copied file that kept its id is the usual cause.',
    fix: 'Give each engagement its own `id`, for example the client and the role (`acme-cro`); rename the file to match if you name files after ids.',
  },
};
