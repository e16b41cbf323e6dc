import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderHtmlDocument } from '../../src/core/render/renderHtml';
import { BASE, edit } from './helpers';

const today = dayOf('2026-02-07');

describe('values the schema rejects', () => {
  it('size nothing: a plan of ten million days renders as the default plan, and every rule runs', () => {
    for (const days of ['10000000', '100000000', '1e300']) {
      const analysis = analyze(edit(BASE, 'plan:\n', `plan:\n  days: ${days}\n`), { today: '2026-02-07' });
      assert.ok(analysis.findings.some((f) => f.ruleId === 'schema' && /days/.test(f.message)), `${days} is reported`);
      assert.ok(!analysis.findings.some((f) => /Internal error/.test(f.message)), `no rule fails on ${days}`);
      assert.equal(analysis.schedule?.planDays, 90, 'the plan keeps its default length');
      const page = renderHtmlDocument(analysis, { today });
      assert.ok(page.length < 200_000, `${page.length} characters`);
    }
  });

  it('are reported once, by the schema: a quoted baseline is not also "not measurable"', () => {
    const analysis = analyze(edit(BASE, 'baseline: 50', 'baseline: "50"'));
    assert.deepEqual(
      analysis.findings.filter((f) => /baseline/.test(f.message)).map((f) => f.ruleId),
      ['schema'],
    );
    const missing = analyze(edit(BASE, '    baseline: 50\n', ''));
    assert.ok(missing.findings.some((f) => f.ruleId === 'kpi-not-measurable'), 'a baseline that is absent is still reported');
  });

  it('keep the rest of their item: the KPI stays, only the rejected field is gone', () => {
    const analysis = analyze(edit(BASE, 'baseline: 50', 'baseline: "50"'));
    const kpi = analysis.model!.kpis.find((k) => k.id === 'revenue')!;
    assert.equal(kpi.baseline, undefined);
    assert.equal(kpi.target, 80);
    assert.ok(analysis.model!.invalidPaths?.has('/kpis/1/baseline'));
  });

  it('that the schema allows, however extreme, give finite widths', () => {
    const text = edit(edit(BASE, 'baseline: 50', 'baseline: -1e308'), 'target: 80', 'target: 1e308\n    actuals:\n      - { date: 2026-01-20, value: 1e308 }\n      - { date: 2026-02-01, value: -1e308 }');
    const page = renderHtmlDocument(analyze(text, { today: '2026-02-07' }), { today });
    assert.doesNotMatch(page, /NaN|Infinity/);
  });
});
