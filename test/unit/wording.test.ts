import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderBody } from '../../src/core/render/renderHtml';
import { monthlyCost } from '../../src/core/model/monthlyCost';
import { countOf, formatAmount, formatNumber } from '../../src/core/text/numbers';
import { BASE, edit } from './helpers';

const today = dayOf('2026-02-07');
const WITH_FEES = edit(BASE, 'mandate:', 'fees: { rate: { amount: 1000, per: day } }\nmandate:');

describe('numbers and wording, the same in messages, the preview and the exports', () => {
  it('formats every number one way: grouped thousands, at most two decimals, unit after', () => {
    assert.deepEqual([formatNumber(9000), formatNumber(15588), formatNumber(1.5), formatNumber(2.345), formatNumber(-1200000)], ['9,000', '15,588', '1.5', '2.35', '-1,200,000']);
    assert.deepEqual([formatAmount(9000, 'USD'), formatAmount(12, '%'), formatAmount(undefined)], ['9,000 USD', '12 %', '–']);
    assert.deepEqual([countOf(1, 'day'), countOf(2, 'day'), countOf(0.5, 'day')], ['1 day', '2 days', '0.5 days']);
  });

  it('says "1 day a week", in the preview and in Markdown', () => {
    const text = edit(BASE, 'days-per-week: 2', 'days-per-week: 1');
    const analysis = analyze(text, { today: '2026-02-07' });
    assert.match(renderBody(analysis, { today }), /<dd>1 day a week<\/dd>/);
    assert.match(renderMarkdown(analysis, { today }), /\*\*Commitment:\*\* 1 day a week/);
    assert.ok(analysis.findings.some((f) => f.message.startsWith('1 day a week is too little')));
  });

  it('counts surges in the estimated monthly cost', () => {
    const text = edit(WITH_FEES, 'days-per-week: 2', 'days-per-week: 2\n  surge:\n    - { days-per-week: 4, from: 2026-03-01, until: 2026-04-30 }');
    const analysis = analyze(text, { today: '2026-02-07' });
    const cost = monthlyCost(analysis.model!)!;
    assert.equal(Math.round(cost.base), 8660);
    assert.deepEqual(cost.surges.map((s) => [s.from, s.until, Math.round(s.cost)]), [['2026-03-01', '2026-04-30', 17320]]);
    const html = renderBody(analysis, { today });
    assert.match(html, /<dd>8,660 USD; 17,320 USD during the surge from 2026-03-01 to 2026-04-30<\/dd>/);
    assert.match(html, /<dd>2 days a week; surge: 4 days a week from 2026-03-01 to 2026-04-30<\/dd>/);
    assert.match(renderMarkdown(analysis, { today }), /Estimated monthly cost:\*\* 8,660 USD; 17,320 USD during the surge/);
  });

  it('shows budget limits with grouped thousands beside other amounts', () => {
    const md = renderMarkdown(analyze(edit(WITH_FEES, 'limit: 5000', 'limit: 9000'), { today: '2026-02-07' }), { today });
    assert.match(md, /\| 9,000 USD \|/);
    assert.match(md, /8,660 USD/);
  });
});
