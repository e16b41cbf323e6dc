import type { Rule } from './rule';
import { areaPath, levelOf, rowsOf } from './authorityHelpers';

export const authorityStrategy: Rule = {
  id: 'authority-strategy',
  defaultSeverity: 'info',
  docs: {
    summary: 'The executive (`exec`) neither decides nor recommends any `strategy` row.',
    rationale: 'Big strategic calls usually need the CEO, but an executive with no voice in them must deliver a direction they had no part in shaping, and the client loses the judgement it is paying for.',
    fix: 'Give `exec` at least `recommend` on the strategy decisions of their function (target markets, positioning, ideal customer profile).',
  },
  check({ model, report }) {
    if (!model.authority) return;
    const shapes = rowsOf(model, 'strategy').some((row) => ['decide', 'recommend'].includes(levelOf(row, 'exec') ?? ''));
    if (!shapes) report(areaPath(model, 'strategy'), 'The executive can neither decide nor recommend strategy: give them at least `recommend` where their function is concerned.', { part: 'key' });
  },
};
