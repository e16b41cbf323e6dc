import type { Rule } from './rule';

export const planWinsAndInitiatives: Rule = {
  id: 'plan-wins-and-initiatives',
  defaultSeverity: 'info',
  docs: {
    summary: 'The plan has fewer than 2 or more than 3 quick wins, or of initiatives.',
    rationale: 'Two or three quick wins build credibility and momentum early; two or three larger initiatives keep focus. Fewer gives too little, more spreads a part-time leader too thin.',
    fix: 'List two or three entries under `plan.quick-wins` and under `plan.initiatives`.',
  },
  check({ model, report }) {
    const plan = model.plan;
    if (!plan) return;
    const lists = [
      { key: 'quick-wins', items: plan.quickWins, what: 'quick wins', one: 'quick win', few: 'too little early momentum' },
      { key: 'initiatives', items: plan.initiatives, what: 'initiatives', one: 'initiative', few: 'too little lasting change' },
    ];
    for (const { key, items, what, one, few } of lists) {
      const count = items?.length ?? 0;
      if (count >= 2 && count <= 3) continue;
      const problem = count === 0 ? `no ${what}` : count === 1 ? `only one ${one}` : `${count} ${what}`;
      const advice = count < 2 ? few : 'too many to keep focus';
      report(['plan', key], `The plan has ${problem}: ${advice}. ${count < 2 ? 'Add' : 'Keep'} 2 or 3.`, { part: 'key' });
    }
  },
};
