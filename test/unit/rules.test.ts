import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { RULE_CATALOG } from '../../src/core/rules';
import { BASE, edit, expectFinding, expectNoFinding } from './helpers';

interface Case {
  readonly name: string;
  /** Text edits applied in order to the clean base file. */
  readonly edits: readonly (readonly [string, string])[];
  /** Where the finding must start, `|` marking the place. */
  readonly at: string;
  readonly severity?: 'error' | 'warning' | 'info';
}

interface NearMiss {
  readonly name: string;
  readonly edits: readonly (readonly [string, string])[];
}

const STRATEGY_AREA = '  strategy:\n    - id: icp\n      decision: Ideal customer profile\n      exec: recommend\n      ceo: decide\n';

const FIRES: Record<string, readonly Case[]> = {
  'duplicate-id': [
    { name: 'two KPIs with one id', edits: [['  - id: revenue\n', '  - id: pipeline\n']], at: '|pipeline\n    name: Revenue' },
    { name: 'two phases with one id', edits: [['    - id: execute\n', '    - id: build\n']], at: '|build\n      kind: execute' },
    { name: 'two decisions with one id', edits: [['    - id: stages\n', '    - id: hiring\n']], at: '|hiring\n      decision: Sales stages' },
  ],
  'unknown-reference': [
    { name: 'a phase', edits: [['phase: execute }', 'phase: exekute }']], at: '|exekute' },
    { name: 'a party as a row key', edits: [['      cfo: consult\n', '      cf0: consult\n']], at: '|cf0: consult' },
    { name: 'a decision in KPI authority', edits: [['authority: [stages]', 'authority: [stagez]']], at: '[|stagez]' },
    { name: 'a KPI in a quick win', edits: [['{ name: Clean pipeline, kpi: pipeline', '{ name: Clean pipeline, kpi: pipelin']], at: 'kpi: |pipelin,' },
  ],
  'term-dates': [
    { name: 'end before start', edits: [['  end: 2026-06-30', '  end: 2025-06-30']], at: 'end: |2025-06-30' },
    { name: 'plan past the end of the term', edits: [['  end: 2026-06-30', '  end: 2026-03-01']], at: '|plan:' },
  ],
  'commitment-too-low': [
    { name: 'days a week', edits: [['days-per-week: 2', 'days-per-week: 1.5']], at: 'days-per-week: |1.5' },
    { name: 'days a month', edits: [['days-per-week: 2', 'days-per-month: 6']], at: 'days-per-month: |6' },
  ],
  'surge-too-long': [
    {
      name: 'four days a week for seven months',
      edits: [['  days-per-week: 2\n', '  days-per-week: 2\n  surge:\n    - { days-per-week: 4, from: 2026-01-05, until: 2026-07-10 }\n']],
      at: 'until: |2026-07-10',
    },
  ],
  'authority-area-missing': [
    { name: 'an area left out', edits: [[STRATEGY_AREA, '']], at: '|authority:\n  people' },
    { name: 'an empty area', edits: [['  process:\n    - id: stages\n      decision: Sales stages\n      exec: decide\n', '  process: []\n']], at: '|process: []' },
  ],
  'authority-advisory-only': [
    { name: 'exec decides nothing', edits: [['      decision: Hire within sales\n      exec: decide', '      decision: Hire within sales\n      exec: recommend'], ['      limit: 5000\n      exec: decide', '      limit: 5000\n      exec: recommend'], ['      decision: Sales stages\n      exec: decide', '      decision: Sales stages\n      exec: recommend']], at: '|authority:\n  people' },
  ],
  'authority-decider': [
    { name: 'two deciders', edits: [['      decision: Sales stages\n      exec: decide\n', '      decision: Sales stages\n      exec: decide\n      cfo: decide\n']], at: '|cfo: decide', severity: 'error' },
    { name: 'no decider', edits: [['      decision: Hire within sales\n      exec: decide', '      decision: Hire within sales\n      exec: approve']], at: 'decision: |Hire within sales', severity: 'warning' },
  ],
  'authority-process': [
    { name: 'exec only recommends process', edits: [['      decision: Sales stages\n      exec: decide', '      decision: Sales stages\n      exec: recommend\n      ceo: decide']], at: '|process:' },
  ],
  'authority-budget-limit': [
    { name: 'no limit where exec decides', edits: [['      limit: 5000\n', '']], at: '|exec: decide\n      cfo: consult' },
  ],
  'authority-strategy': [
    { name: 'exec is only consulted on strategy', edits: [['      exec: recommend\n      ceo: decide', '      exec: consult\n      ceo: decide']], at: '|strategy:', severity: 'info' },
  ],
  'access-crm': [
    { name: 'view only', edits: [['crm: full', 'crm: view']], at: 'crm: |view' },
    { name: 'none', edits: [['crm: full', 'crm: none']], at: 'crm: |none' },
  ],
  'access-ceo': [
    { name: 'monthly', edits: [['ceo-one-on-one: weekly', 'ceo-one-on-one: monthly']], at: 'ceo-one-on-one: |monthly' },
    { name: 'not agreed', edits: [['  ceo-one-on-one: weekly\n', '']], at: '|access:' },
  ],
  'reporting-too-frequent': [
    { name: 'a daily report', edits: [['{ name: Weekly status, cadence: weekly }', '{ name: Weekly status, cadence: daily }']], at: 'cadence: |daily' },
  ],
  'reporting-missing': [
    { name: 'no quarterly assessment', edits: [['  - { name: Quarterly assessment, cadence: quarterly }\n', '']], at: '|reporting:', severity: 'info' },
  ],
  'kpi-not-measurable': [
    { name: 'no baseline', edits: [['    baseline: 50\n', '']], at: '- id: |revenue' },
  ],
  'kpi-balance': [
    { name: 'only leading KPIs', edits: [['type: lagging', 'type: leading']], at: '|kpis:' },
  ],
  'kpi-direction': [
    { name: 'target equals baseline', edits: [['    target: 80\n', '    target: 50\n']], at: 'target: |50' },
    { name: 'direction against the target', edits: [['    target: 300\n', '    target: 300\n    direction: decrease\n']], at: 'direction: |decrease' },
  ],
  'kpi-deadline': [
    { name: 'a date after the term', edits: [['by: 2026-06-30', 'by: 2026-08-01']], at: 'by: |2026-08-01' },
    { name: 'a plan day after the term', edits: [['by: day 90', 'by: day 200']], at: 'by: |day 200' },
  ],
  'kpi-outside-influence': [
    {
      name: 'exec only consulted on a listed decision',
      edits: [['authority: [stages]', 'authority: [stages, icp]'], ['      exec: recommend\n      ceo: decide', '      exec: consult\n      ceo: decide']],
      at: 'stages, |icp',
    },
  ],
  'plan-coverage': [
    { name: 'overlapping phases', edits: [['days: "31-60"', 'days: "25-60"']], at: 'days: |"25-60"', severity: 'error' },
    { name: 'a gap', edits: [['days: "61-90"', 'days: "65-90"']], at: 'days: |"65-90"', severity: 'warning' },
    { name: 'a late start', edits: [['days: "1-30"', 'days: "3-30"']], at: 'days: |"3-30"', severity: 'warning' },
    { name: 'an early end', edits: [['days: "61-90"', 'days: "61-80"']], at: 'days: |"61-80"', severity: 'warning' },
    { name: 'an overrun', edits: [['days: "61-90"', 'days: "61-95"']], at: 'days: |"61-95"', severity: 'warning' },
  ],
  'plan-diagnostic-first': [
    { name: 'starts with a custom phase', edits: [['kind: diagnostic', 'kind: custom']], at: 'kind: |custom' },
  ],
  'plan-activity-outside-phase': [
    { name: 'weeks beyond the phase', edits: [['weeks: "1-2"', 'weeks: "4-5"']], at: 'weeks: |"4-5"' },
  ],
  'plan-wins-and-initiatives': [
    { name: 'one quick win', edits: [['    - { name: Next steps on deals, kpi: pipeline, phase: build }\n', '']], at: '|quick-wins:', severity: 'info' },
    {
      name: 'four initiatives',
      edits: [['    - { name: Outbound, kpi: revenue, phase: execute }\n', '    - { name: Outbound, kpi: revenue, phase: execute }\n    - { name: Partners, kpi: revenue }\n    - { name: Pricing, kpi: revenue }\n']],
      at: '|initiatives:',
      severity: 'info',
    },
  ],
  'review-criteria': [
    { name: 'a quarterly review without strategic clarity', edits: [[', strategic-clarity: 4 }', ' }']], at: '|scores:', severity: 'info' },
  ],
};

const NEAR_MISSES: Record<string, readonly NearMiss[]> = {
  'commitment-too-low': [
    { name: 'advising on one day a week', edits: [['days-per-week: 2', 'days-per-week: 1'], ['mode: lead', 'mode: advise']] },
    { name: 'exactly 8 days a month', edits: [['days-per-week: 2', 'days-per-month: 8']] },
  ],
  'surge-too-long': [
    { name: 'exactly six months', edits: [['  days-per-week: 2\n', '  days-per-week: 2\n  surge:\n    - { days-per-week: 4, from: 2026-01-05, until: 2026-07-04 }\n']] },
    { name: 'a long surge below four days', edits: [['  days-per-week: 2\n', '  days-per-week: 2\n  surge:\n    - { days-per-week: 3.5, from: 2026-01-05, until: 2026-12-31 }\n']] },
  ],
  'access-ceo': [{ name: 'biweekly', edits: [['ceo-one-on-one: weekly', 'ceo-one-on-one: biweekly']] }],
  'kpi-outside-influence': [
    { name: 'exec recommends the listed decision', edits: [['authority: [stages]', 'authority: [stages, icp]']] },
    { name: 'a KPI owned by someone else', edits: [['authority: [stages]', 'authority: [icp]\n    owner: ceo'], ['      exec: recommend\n      ceo: decide', '      exec: consult\n      ceo: decide']] },
  ],
  'kpi-direction': [{ name: 'an explicit direction that agrees', edits: [['    target: 300\n', '    target: 300\n    direction: increase\n']] }],
  'review-criteria': [{ name: 'a monthly review without scores', edits: [['    kind: quarterly\n    scores: { financial-impact: 3, capability-building: 3, strategic-clarity: 4 }\n', '    kind: monthly\n']] }],
  'plan-activity-outside-phase': [{ name: 'weeks at the edge of the phase', edits: [['weeks: "1-2"', 'days: "1-30"']] }],
};

const apply = (edits: readonly (readonly [string, string])[]): string => edits.reduce((text, [from, to]) => edit(text, from, to), BASE);

/** A sentence that tells the reader to do something: an imperative after the statement of what is wrong. */
const TELLS_WHAT_TO_DO = /(?:^|[:.;,] |, or |\bor )(?:add|give|set|start|move|correct|extend|shorten|raise|remove|make|name|write|drop|split|replace|choose|keep|plan|use|record|fix|agree|list|hand|limit|lower|define|declare|schedule|ask|grant|say|lengthen|cut|rename|reduce|turn|state|put|change|score|end|check|let|open|include)\b/i;

describe('rules', () => {
  it('the base fixture is clean: no rule fires on it', () => {
    assert.deepEqual(analyze(BASE).findings, []);
  });

  it('every per-file rule of the catalog has a firing case', () => {
    const tested = new Set(Object.keys(FIRES));
    const missing = RULE_CATALOG.map((r) => r.id).filter((id) => !tested.has(id) && id !== 'schema' && id !== 'portfolio-overcommitted' && id !== 'duplicate-engagement-id');
    assert.deepEqual(missing, []);
  });

  for (const [ruleId, cases] of Object.entries(FIRES)) {
    describe(ruleId, () => {
      for (const c of cases) {
        it(`fires on ${c.name}`, () => {
          const text = apply(c.edits);
          const finding = expectFinding(text, ruleId, c.at);
          const expected = c.severity ?? RULE_CATALOG.find((r) => r.id === ruleId)!.defaultSeverity;
          assert.equal(finding.severity, expected);
          assert.ok(finding.message.length > 20, 'the message explains the finding');
          assert.match(finding.message, TELLS_WHAT_TO_DO, 'the message says what to do, not only what is wrong');
          assert.doesNotMatch(finding.message, /\b1 days\b|\ba `[aeiou]|\d{5,}/, 'good English, numbers grouped');
        });
      }
      for (const miss of NEAR_MISSES[ruleId] ?? []) {
        it(`does not fire on ${miss.name}`, () => expectNoFinding(apply(miss.edits), ruleId));
      }
    });
  }

  it('semantic rules still run when another part breaks the schema', () => {
    const text = apply([
      ['    baseline: 100\n', '    baseline: lots\n'],
      ['days: "61-90"', 'days: "65-90"'],
    ]);
    expectFinding(text, 'schema', 'baseline: |lots');
    expectFinding(text, 'plan-coverage', 'days: |"65-90"');
  });
});
