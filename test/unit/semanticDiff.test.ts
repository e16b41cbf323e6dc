import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { CHANGE_KINDS, type ChangeKind } from '../../src/core/diff/changeKinds';
import { diffEngagements, type Change, type ChangeLevels } from '../../src/core/diff/semanticDiff';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { BASE, edit } from './helpers';

const TODAY = '2026-02-07';
const of = (text: string) => analyze(text, { today: TODAY });

/** The changes from the clean fixture to `text`. */
function changes(text: string, levels?: ChangeLevels): Change[] {
  return diffEngagements(of(BASE), of(text), levels);
}

/** The one change of `kind` that `text` makes, with no other change of terms. */
function only(kind: ChangeKind, text: string): Change {
  const found = changes(text).filter((c) => !c.kind.startsWith('finding-'));
  assert.deepEqual(found.map((c) => c.kind), [kind], JSON.stringify(found));
  return found[0]!;
}

const lineOf = (text: string, marker: string): number => text.slice(0, text.indexOf(marker)).split('\n').length;

/** Every kind, with an edit of the fixture that makes it and the message it must give. */
const CASES: [ChangeKind, string, RegExp][] = [
  ['status-changed', edit(BASE, 'status: active', 'status: paused'), /^Status active → paused\.$/],
  ['commitment-reduced', edit(BASE, 'days-per-week: 2', 'days-per-week: 1'), /^Commitment 2 days a week → 1 day a week\.$/],
  ['commitment-increased', edit(BASE, 'days-per-week: 2', 'days-per-week: 3'), /^Commitment 2 days a week → 3 days a week\.$/],
  ['surge-changed', edit(BASE, 'days-per-week: 2\n', 'days-per-week: 2\n  surge:\n    - { days-per-week: 4, from: 2026-02-02, until: 2026-02-27 }\n'), /^Surge added: 4 days a week from 2026-02-02 until 2026-02-27\.$/],
  ['term-shortened', edit(BASE, 'end: 2026-06-30', 'end: 2026-05-31'), /^Term ends 2026-06-30 → 2026-05-31\.$/],
  ['term-extended', edit(BASE, 'end: 2026-06-30', 'end: 2026-09-30'), /^Term ends 2026-06-30 → 2026-09-30\.$/],
  ['term-start-moved', edit(BASE, 'start: 2026-01-05\n  end', 'start: 2026-01-12\n  end'), /^Term starts 2026-01-05 → 2026-01-12\.$/],
  ['notice-changed', edit(BASE, 'end: 2026-06-30', 'end: 2026-06-30\n  notice-days: 30'), /^Notice none → 30 days\.$/],
  ['authority-reduced', edit(BASE, 'decision: Hire within sales\n      exec: decide', 'decision: Hire within sales\n      exec: recommend'), /^exec: decide → recommend on `hiring` \(reduced authority\)\.$/],
  ['authority-increased', edit(BASE, 'decision: Ideal customer profile\n      exec: recommend', 'decision: Ideal customer profile\n      exec: approve'), /^exec: recommend → approve on `icp`\.$/],
  ['authority-changed', edit(BASE, 'ceo: inform', 'ceo: consult'), /^ceo: inform → consult on `hiring`\.$/],
  ['party-changed', edit(BASE, '  cfo:\n    name: Chris\n', '  cfo:\n    name: Chris\n  board:\n    name: The board\n'), /^Party `board` \(The board\) added\.$/],
  ['budget-limit-lowered', edit(BASE, 'limit: 5000', 'limit: 2500'), /^Budget limit on `spend` 5,000 USD → 2,500 USD\.$/],
  ['budget-limit-raised', edit(BASE, 'limit: 5000', 'limit: 10000'), /^Budget limit on `spend` 5,000 USD → 10,000 USD\.$/],
  ['access-reduced', edit(BASE, 'crm: full', 'crm: view'), /^CRM access full → view\.$/],
  ['access-increased', edit(BASE, 'crm: full', 'crm: full\n  meetings: [board]'), /^Meetings: `board` granted\.$/],
  ['reporting-changed', edit(BASE, '  - { name: Monthly review, cadence: monthly }\n', ''), /^Reporting "Monthly review" \(monthly\) dropped\.$/],
  ['kpi-added', edit(BASE, 'plan:\n', '  - id: win-rate\n    name: Win rate\n    type: leading\n    baseline: 20\n    target: 30\n    by: day 90\nplan:\n'), /^KPI "Win rate" added \(target 30, due day 90\)\.$/],
  ['kpi-removed', edit(BASE, '  - id: revenue\n    name: Revenue\n    type: lagging\n    baseline: 50\n    target: 80\n    by: day 90\n', ''), /^KPI "Revenue" removed\.$/],
  ['kpi-target-eased', edit(BASE, 'target: 300', 'target: 200'), /^KPI "Qualified pipeline": target lowered 300 → 200: the goalposts moved\.$/],
  ['kpi-target-raised', edit(BASE, 'target: 300', 'target: 400'), /^KPI "Qualified pipeline": target raised 300 → 400\.$/],
  ['kpi-baseline-changed', edit(BASE, 'baseline: 100', 'baseline: 120'), /^KPI "Qualified pipeline": baseline 100 → 120\.$/],
  ['kpi-deadline-changed', edit(BASE, 'by: 2026-06-30', 'by: 2026-05-29'), /^KPI "Qualified pipeline": due 2026-06-30 → 2026-05-29\.$/],
  ['kpi-direction-changed', edit(BASE, 'target: 80\n', 'target: 80\n    direction: increase\n'), /^KPI "Revenue": direction none → increase\.$/],
  ['kpi-actuals-added', edit(BASE, 'authority: [stages]', 'authority: [stages]\n    actuals:\n      - { date: 2026-02-01, value: 140 }'), /^KPI "Qualified pipeline": new actuals 140 on 2026-02-01\.$/],
  ['plan-moved', edit(BASE, 'days: "31-60"', 'days: "31-55"'), /^Phase `build` days 31-60 → days 31-55\.$/],
  ['activity-changed', edit(BASE, 'weeks: "1-2"', 'weeks: "1-3"'), /^Activity "Interviews" days 1-14 → days 1-21\.$/],
  ['review-added', `${BASE}  - date: 2026-07-01\n    kind: quarterly\n    scores: { financial-impact: 4, capability-building: 3, strategic-clarity: 5 }\n    decision: continue\n`, /^Review on 2026-07-01 \(quarterly\): scores: financial impact 4, capability building 3, strategic clarity 5; decision continue\.$/],
];

describe('the semantic diff of two engagements', () => {
  for (const [kind, text, message] of CASES) {
    it(`tells ${kind}: ${CHANGE_KINDS[kind].summary}`, () => {
      const change = only(kind, text);
      assert.match(change.message, message);
      assert.equal(change.level, CHANGE_KINDS[kind].level);
      assert.ok(change.afterLine === undefined || change.afterLine >= 1);
    });
  }

  it('points at the line of the field in each version', () => {
    const text = edit(`# a comment added above\n${BASE}`, 'target: 300', 'target: 200');
    const change = only('kpi-target-eased', text);
    assert.equal(change.beforeLine, lineOf(BASE, 'target: 300'));
    assert.equal(change.afterLine, lineOf(text, 'target: 200'));
    assert.equal(change.item, 'pipeline');
    assert.deepEqual([change.before, change.after], ['300', '200']);
  });

  it('tells a removed decision the executive decided as reduced authority, an emptied area, and fees with the monthly cost', () => {
    const withoutProcess = edit(BASE, '  process:\n    - id: stages\n      decision: Sales stages\n      exec: decide\n', '  process: []\n');
    assert.deepEqual(changes(withoutProcess).filter((c) => !c.kind.startsWith('finding-')).map((c) => [c.kind, c.message]), [
      ['authority-reduced', 'Decision `stages` removed (exec: decide).'],
      ['area-emptied', 'Authority area `process` has no decisions any more.'],
    ]);
    const rated = edit(BASE, 'mandate:', 'fees:\n  rate: { amount: 1500, per: day }\nmandate:');
    const raised = diffEngagements(of(rated), of(edit(rated, 'amount: 1500', 'amount: 1800')));
    assert.deepEqual(raised.map((c) => c.message), ['Rate 1,500 USD per day → 1,800 USD per day. Estimated monthly cost 12,990 USD → 15,588 USD.']);
  });

  it('matches items by id: a reordering is no change', () => {
    const pipeline = BASE.slice(BASE.indexOf('  - id: pipeline'), BASE.indexOf('  - id: revenue'));
    const revenue = BASE.slice(BASE.indexOf('  - id: revenue'), BASE.indexOf('plan:'));
    const reordered = BASE.replace(pipeline + revenue, revenue + pipeline);
    assert.notEqual(reordered, BASE);
    assert.deepEqual(changes(reordered), []);
    assert.deepEqual(changes(BASE), []);
  });

  it('tells findings introduced and resolved, at their lines', () => {
    const broken = edit(BASE, 'crm: full', 'crm: view');
    const introduced = changes(broken).find((c) => c.kind === 'finding-introduced')!;
    assert.equal(introduced.item, 'access-crm');
    assert.equal(introduced.afterLine, lineOf(broken, 'crm: view'));
    const resolved = diffEngagements(of(broken), of(BASE)).find((c) => c.kind === 'finding-resolved')!;
    assert.equal(resolved.item, 'access-crm');
    assert.equal(resolved.beforeLine, lineOf(broken, 'crm: view'));
  });

  it('tells a file added or removed', () => {
    assert.deepEqual(diffEngagements(undefined, of(BASE)).map((c) => [c.kind, c.message]), [['engagement-added', 'New engagement "Base engagement".']]);
    assert.deepEqual(diffEngagements(of(BASE), undefined).map((c) => [c.kind, c.message]), [['engagement-removed', 'Engagement "Base engagement" deleted.']]);
  });

  it('takes levels from the configuration, and leaves out a kind set to off', () => {
    const text = edit(edit(BASE, 'crm: full', 'crm: view'), 'target: 300', 'target: 200');
    const found = changes(text, { 'access-reduced': 'info', 'kpi-target-eased': 'off' }).filter((c) => !c.kind.startsWith('finding-'));
    assert.deepEqual(found.map((c) => [c.kind, c.level]), [['access-reduced', 'info']]);
  });

  it('has a case above for every kind it can report', () => {
    const covered = new Set<string>([...CASES.map(([k]) => k), 'area-emptied', 'fees-changed', 'finding-introduced', 'finding-resolved', 'engagement-added', 'engagement-removed']);
    assert.deepEqual(Object.keys(CHANGE_KINDS).filter((k) => !covered.has(k)), []);
  });

  it('reads change levels from .engagementrc.yaml, and reports an unknown kind or level where it is written', () => {
    const config = parseConfig('diff:\n  levels:\n    kpi-added: notable\n    kpi-remove: info\n    access-reduced: fatal\n');
    assert.deepEqual(config.changeLevels, { 'kpi-added': 'notable' });
    assert.deepEqual(
      config.findings.map((f) => [f.message, f.suggestion]),
      [
        ['Unknown change kind `kpi-remove`. Did you mean `kpi-removed`?', 'kpi-removed'],
        ['The level of `access-reduced` must be one of: breaking, notable, info, off.', undefined],
      ],
    );
  });
});
