import type { Rule } from './rule';
import { areaPath, levelOf, rowsOf } from './authorityHelpers';

export const authorityStrategy: Rule = {
  id: 'authority-strategy',
  defaultSeverity: 'info',
  docs: {
    summary: 'The executive (`exec`) neither decides nor recommends any `strategy` row.',
    rationale: 'Big strategic calls usually need the CEO, but an executive who cannot even propose them ends up carrying out someone else\'s strategy.',
    fix: 'Give `exec` at least `recommend` on the strategy decisions of their function (target markets, positioning, ideal customer profile).',
  },
  check({ model, report }) {
    if (!model.authority) return;
    const shapes = rowsOf(model, 'strategy').some((row) => ['decide', 'recommend'].includes(levelOf(row, 'exec') ?? ''));
    if (!shapes) report(areaPath(model, 'strategy'), 'The executive can neither decide nor recommend strategy: they will be executing someone else\'s.', { part: 'key' });
  },
};
