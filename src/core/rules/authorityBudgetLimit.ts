import { writtenButInvalid, type Rule } from './rule';
import { levelOf, rowsOf } from './authorityHelpers';

export const authorityBudgetLimit: Rule = {
  id: 'authority-budget-limit',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A `budget` row where the executive decides has no `limit`.',
    rationale: 'Spending authority without a ceiling is either unbounded or, in practice, none at all because nobody dares use it. A threshold (e.g. alone up to 5,000, CEO approval above) makes it usable.',
    fix: 'Add `limit: <amount>` to the row, in the engagement\'s currency, and a second row above the limit where the CEO approves.',
  },
  check({ model, report }) {
    for (const row of rowsOf(model, 'budget')) {
      if (levelOf(row, 'exec') === 'decide' && row.limit === undefined && !writtenButInvalid(model, [...row.path, 'limit'])) {
        report([...row.path, 'exec'], `The executive decides ${row.decision ? `"${row.decision}"` : 'this spending'} with no \`limit\`: set the ceiling up to which they act alone.`, { part: 'key' });
      }
    }
  },
};
