import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderBody } from '../../src/core/render/renderHtml';
import { BASE, edit } from './helpers';

const today = dayOf('2026-02-07');
const activity = (analysis: ReturnType<typeof analyze>) => analysis.model!.plan!.phases[0]!.activities[0]!;

describe('YAML written in a person\'s own style', () => {
  for (const [written, span] of [
    ['weeks: 4', { first: 22, last: 28 }],
    ['weeks: "4"', { first: 22, last: 28 }],
    ['weeks: 1', { first: 1, last: 7 }],
    ['days: 12', { first: 12, last: 12 }],
    ['days: "12"', { first: 12, last: 12 }],
  ] as const) {
    it(`reads \`${written}\` as that one week or day`, () => {
      const analysis = analyze(edit(BASE, 'weeks: "1-2"', written));
      assert.deepEqual(analysis.findings.filter((f) => f.severity !== 'info'), []);
      assert.deepEqual(activity(analysis).span, span);
    });
  }

  for (const empty of ['notes: ~', 'notes: null', 'notes:', 'notes: Null']) {
    it(`reads \`${empty}\` on an optional field as the field left out`, () => {
      const analysis = analyze(edit(BASE, 'plan:\n', `${empty}\nplan:\n`));
      assert.deepEqual(analysis.findings, []);
      assert.equal(analysis.model!.notes, undefined);
    });
  }

  it('reports a required field left empty as missing, once', () => {
    const schema = analyze(edit(BASE, 'title: Base engagement', 'title: ~')).findings.filter((f) => /title/.test(f.message));
    assert.deepEqual(schema.map((f) => f.message), ['The engagement is missing the required key `title`.']);
  });

  for (const [written, number] of [
    ['"25"', '25'],
    ['"10,000"', '10000'],
    ['"$1.5k"', '1500'],
    ['"EUR 2m"', '2000000'],
  ] as const) {
    it(`says to write ${number} for a baseline written ${written}, once`, () => {
      const findings = analyze(edit(BASE, 'baseline: 50', `baseline: ${written}`)).findings;
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0]!.ruleId, 'schema');
      assert.equal(findings[0]!.message, `\`kpis[1].baseline\` must be a number, found the text \`${JSON.parse(written)}\`. Write \`${number}\`, a plain number.`);
      assert.equal(findings[0]!.suggestion, number, 'the quick fix writes the number');
    });
  }

  it('names weeks for a week field and days for a day field when the value is unreadable', () => {
    const weeks = analyze(edit(BASE, 'weeks: "1-2"', 'weeks: "week 4"')).findings;
    assert.deepEqual(weeks.map((f) => f.message), ['`plan.phases[0].activities[0].weeks` must be a week or a range of weeks, like 4 or "2-3" (found `week 4`).']);
    const days = analyze(edit(BASE, 'days: "1-30"', 'days: "first month"')).findings.filter((f) => f.ruleId === 'schema');
    assert.match(days[0]!.message, /must be a day or a range of days, like 12 or "1-30"/);
  });

  it('keeps an item whose days are unreadable in the preview, marked, deliverable and all', () => {
    const text = edit(BASE, '        - name: Interviews\n          weeks: "1-2"', '        - name: Interviews\n          weeks: "week 4"\n          deliverable: true');
    const html = renderBody(analyze(text, { today: '2026-02-07' }), { today, includeChecks: true });
    assert.match(html, /◆<\/span> Interviews<\/div>\n<div class="ek-track"><span class="ek-unplaced">not placed/);
    const phaseGone = renderBody(analyze(edit(BASE, 'days: "31-60"', 'days: "a month"'), { today: '2026-02-07' }), { today });
    assert.match(phaseGone, /<strong>build<\/strong><small>days not readable<\/small>/);
  });
});
