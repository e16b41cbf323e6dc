import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderBody, renderHtmlDocument } from '../../src/core/render/renderHtml';
import { esc } from '../../src/core/render/escape';
import { FUZZ_RUNS } from './fuzz';
import { BASE, ROOT } from './helpers';

const today = dayOf('2026-02-07');
const HOSTILE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'hostile.engagement.yaml'), 'utf8');

/** Every string value in a parsed YAML tree. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe('HTML renderer', () => {
  const analysis = analyze(BASE, { today: '2026-02-07' });
  const html = renderBody(analysis, { today });

  it('lays out the phases with their days and calendar dates, and a today line', () => {
    assert.match(html, /<strong>diagnostic<\/strong><small>days 1-30 · 2026-01-05 → 2026-02-03<\/small>/);
    assert.match(html, /<strong>build<\/strong><small>days 31-60 · 2026-02-04 → 2026-03-05<\/small>/);
    assert.match(html, /<strong>execute<\/strong><small>days 61-90 · 2026-03-06 → 2026-04-04<\/small>/);
    // Day 34 is centred on its day: (34 - 0.5) / 90.
    assert.match(html, /class="ek-today" style="left:37\.22%" title="Today: day 34"/);
  });

  it('fills every cell of the authority matrix', () => {
    const rows = [...html.matchAll(/<tr data-line="\d+"><th scope="row">([^<]*)<\/th><td class="ek-limit">([^<]*)<\/td>(.*?)<\/tr>/g)].map((m) => [m[1], m[2], [...m[3]!.matchAll(/<td class="ek-level ek-(\w+)"/g)].map((c) => c[1])]);
    // columns: exec, ceo, cfo
    assert.deepEqual(rows, [
      ['Hire within sales', '', ['decide', 'inform', 'none']],
      ['Tools and campaigns', '5,000 USD', ['decide', 'none', 'consult']],
      ['Sales stages', '', ['decide', 'none', 'none']],
      ['Ideal customer profile', '', ['recommend', 'decide', 'none']],
    ]);
  });

  it('gives each KPI its status as the core computes it', () => {
    const withActuals = BASE.replace('    authority: [stages]\n', '    authority: [stages]\n    actuals:\n      - { date: 2026-01-20, value: 110 }\n      - { date: 2026-02-01, value: 160 }\n');
    const body = renderBody(analyze(withActuals), { today });
    assert.deepEqual([...body.matchAll(/<span class="ek-status ek-([\w-]+)">/g)].map((m) => m[1]), ['on-track', 'no-data']);
    assert.match(body, /<svg class="ek-spark"/);
  });

  it('links each element to its source line', () => {
    const line = BASE.split('\n').findIndex((l) => l === '  - id: revenue');
    assert.match(html, new RegExp(`<tr data-line="${line}">\\s*<th scope="row">Revenue`));
  });

  it('redacts fees and notes on request', () => {
    const text = BASE.replace('mandate:', 'fees: { rate: { amount: 2000, per: day } }\nnotes: internal remark\nmandate:');
    const full = renderBody(analyze(text), { today });
    assert.match(full, /Estimated monthly cost/);
    assert.match(full, /internal remark/);
    const redacted = renderBody(analyze(text), { today, redact: ['fees', 'notes'] });
    assert.doesNotMatch(redacted, /Estimated monthly cost|internal remark/);
  });

  it('escapes markup in every field: no tag from the file survives', () => {
    const hostile = analyze(HOSTILE);
    const page = renderHtmlDocument(hostile, { today });
    const payloads = strings(JSON.parse(JSON.stringify(hostile.model))).filter((s) => /[<>"']/.test(s));
    assert.ok(payloads.length >= 20, `payloads: ${payloads.length}`);
    for (const payload of payloads) assert.ok(!page.includes(payload), `raw payload in output: ${payload}`);
    // Only our own tags: no script, iframe, img, object, link, base, meta refresh, form, style in the body.
    const body = page.slice(page.indexOf('<body>'));
    assert.doesNotMatch(body, /<(script|iframe|img|object|link|base|form|input|video|marquee|details|style|meta|a)\b/i);
    assert.match(body, /&lt;script&gt;window.__pwned = &#39;title&#39;&lt;\/script&gt; Hostile &amp; Co/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });
});

describe('Markdown renderer', () => {
  it('writes the plan table, the matrix and the scorecard', () => {
    const md = renderMarkdown(analyze(BASE), { today });
    assert.match(md, /^\| diagnostic \| 1-30 \| 2026-01-05 → 2026-02-03 \| {2}\|$/m);
    assert.match(md, /^\| process \| Sales stages \| {2}\| \*\*decide\*\* \|/m);
    assert.match(md, /^\| Revenue \| lagging \| 50 \| – \| 80 \| 2026-04-04 \| no-data \|$/m, 'the deadline as a date: day 90 of the plan');
  });

  it('keeps pipes and markup in values from breaking the tables', () => {
    const md = renderMarkdown(analyze(HOSTILE), { today });
    assert.doesNotMatch(md, /(^|[^\\])<[a-z/]/im, 'every angle bracket from a value is escaped');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      const header = md.split('\n').find((l) => l.startsWith('|') && md.indexOf(l) <= md.indexOf(line) && l.split('|').length === cells);
      assert.ok(header, `row keeps its column count: ${line}`);
    }
  });
});

describe('HTML renderer under random markup (fast-check)', function () {
  this.timeout(300_000);
  // The free-text fields a person sees in the page, each set to a random mix of markup.
  const FIELDS: readonly (string | number)[][] = [
    ['title'],
    ['client', 'name'],
    ['executive', 'name'],
    ['parties', 'cfo', 'name'],
    ['mandate', 'problem'],
    ['authority', 'people', 0, 'decision'],
    ['kpis', 0, 'name'],
    ['kpis', 0, 'unit'],
    ['plan', 'phases', 0, 'name'],
    ['plan', 'phases', 0, 'goal'],
    ['plan', 'phases', 0, 'activities', 0, 'name'],
    ['reporting', 0, 'name'],
    ['notes'],
  ];
  const fragments = ['<script>', '</script>', '<img src=x onerror=alert(1)>', '"', "'", '&', '&lt;', '<!--', '-->', '`', '${x}', 'javascript:', '<svg onload=1>', '\u2028', '<a href=x>', '" onmouseover="alert(1)', "' onfocus='alert(1)", 'x', ' '];
  const payload = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
  const FORBIDDEN = /<(script|iframe|img|object|embed|link|base|form|input|video|marquee|details|style|meta|a|svg)\b(?![^>]*class="ek-spark")/i;

  it('never lets a value become markup, in any field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), payload, (field, value) => {
        const doc = parseDocument(BASE);
        doc.setIn(field, value);
        const page = renderHtmlDocument(analyze(doc.toString(), { today: '2026-02-07' }), { today });
        const body = page.slice(page.indexOf('<body>'));
        assert.doesNotMatch(body, FORBIDDEN, `${field.join('.')} = ${JSON.stringify(value)}`);
        if (value.includes('<')) assert.ok(!body.includes(value), `raw value in the page: ${JSON.stringify(value)}`);
        // A quote that got through unescaped would turn the rest of the value into attributes.
        assert.doesNotMatch(body, /on(mouseover|focus)=["']/, `an attribute escaped its value: ${JSON.stringify(value)}`);
        assert.ok(body.includes(esc(value.trim())), `${field.join('.')} is shown, as text: ${JSON.stringify(value)}`);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
