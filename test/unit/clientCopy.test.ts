import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderHtmlDocument } from '../../src/core/render/renderHtml';
import { redactedFields, redactionProblem } from '../../src/core/render/redactableFields';
import { run } from './cliHelpers';
import { ROOT } from './helpers';

const today = dayOf('2026-05-01');
const EXAMPLES = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.engagement.yaml'));
const read = (name: string): string => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
/** The text a reader sees in a page: tags dropped, entities of ours undone. */
const textOf = (html: string): string => html.replace(/<style>[^]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('the client copy', () => {
  for (const example of EXAMPLES) {
    it(`has the same sections in HTML and Markdown, in the order a client reads them: ${example}`, () => {
      for (const includeChecks of [false, true]) {
        const analysis = analyze(read(example), { today: '2026-05-01' });
        const html = renderHtmlDocument(analysis, { today, includeChecks });
        const markdown = renderMarkdown(analysis, { today, includeChecks });
        const htmlSections = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
        const markdownSections = [...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
        assert.deepEqual(markdownSections, htmlSections);
        const order = ['Mandate', 'Terms', 'Authority matrix', 'Access', 'Reporting', 'KPI scorecard', '90-day plan', 'Reviews', 'Notes', 'Checks'];
        const positions = htmlSections.map((s) => order.indexOf(s!));
        assert.ok(positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > positions[i - 1]!), `sections in order: ${htmlSections.join(', ')}`);
        assert.equal(htmlSections.includes('Checks'), includeChecks, "the findings are the team's: only when asked for");
      }
    });
  }

  it('says everything the client agreed to: objectives, out of scope, notice, surges, fees, deadlines as dates, reviews with their scores', () => {
    const analysis = analyze(read('corvid-cso.engagement.yaml'), { today: '2026-05-01' });
    const html = textOf(renderHtmlDocument(analysis, { today }));
    const markdown = renderMarkdown(analysis, { today });
    for (const text of [html, markdown]) {
      assert.match(text, /Most reps at quota by the third quarter/);
      assert.match(text, /Channel partner programme/);
      assert.match(text, /45 days; notice by 2026-08-27 to end the term on its date/);
      assert.match(text, /1,900 GBP a day/);
      assert.match(text, /12,000 GBP for Reps at or above quota/);
      assert.match(text, /Estimated monthly cost/);
      assert.match(text, /2026-04-10/);
      assert.match(text, /3 \/ 5/);
      assert.match(text, /Quota attainment moving; keep three days a week through the summer\./);
    }
    const northwind = analyze(read('northwind-cro.engagement.yaml'), { today: '2026-05-01' });
    for (const text of [textOf(renderHtmlDocument(northwind, { today })), renderMarkdown(northwind, { today })]) {
      assert.match(text, /surge\\?: 4 days a week from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/, 'every surge with its dates');
      assert.doesNotMatch(text.replace(/<small>day \d+<\/small>/g, ''), /\| day \d+ \|/, 'no deadline as a plan day alone');
    }
  });

  it('writes dates, numbers and money as the locale does, the same in every section and format', () => {
    for (const example of EXAMPLES) {
      const analysis = analyze(read(example), { today: '2026-05-01' });
      // Text from the file stays as written; what the copy writes itself follows the locale.
      const written = (text: string): string => text.split((analysis.model!.mandate?.problem ?? '').replace(/\s+/g, ' ')).join('');
      for (const text of [textOf(renderHtmlDocument(analysis, { today, locale: 'de-DE', includeChecks: false })), renderMarkdown(analysis, { today, locale: 'de-DE' })].map(written)) {
        assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, `${example}: no ISO date left`);
        assert.doesNotMatch(text, /\d,\d{3}\b/, `${example}: no en-US thousands left`);
      }
    }
    const corvid = analyze(read('corvid-cso.engagement.yaml'), { today: '2026-05-01' });
    const german = textOf(renderHtmlDocument(corvid, { today, locale: 'de-DE' }));
    assert.match(german, /1\.900 £ a day/);
    assert.match(german, /12\.01\.2026|12\. Jan\. 2026/);
    assert.match(textOf(renderHtmlDocument(corvid, { today, locale: 'en-GB' })), /12 Jan 2026 to 11 Oct 2026/);
    const northwind = analyze(read('northwind-cro.engagement.yaml'), { today: '2026-05-01' });
    assert.match(renderMarkdown(northwind, { today, locale: 'de-DE' }), /2,5 days a week/);
  });

  it('takes the locale on the command line, and refuses one it does not know', () => {
    const file = path.join(ROOT, 'examples', 'corvid-cso.engagement.yaml');
    const german = run(['render', file, '--locale', 'de-DE', '--today', '2026-05-01'], ROOT);
    assert.equal(german.code, 0, german.stderr);
    assert.match(german.stdout, /1\.900\s£ a day/);
    const unknown = run(['render', file, '--locale', 'klingon-xx-123456789'], ROOT);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--locale needs a language tag this system knows, e\.g\. --locale de-DE/);
  });

  it('leaves out what is redacted, everywhere', () => {
    const analysis = analyze(read('corvid-cso.engagement.yaml'), { today: '2026-05-01' });
    for (const render of [(o: object) => textOf(renderHtmlDocument(analysis, { today, ...o })), (o: object) => renderMarkdown(analysis, { today, ...o })]) {
      const copy = render({ redact: ['fees', 'notes'], includeChecks: true });
      for (const secret of ['1,900', '1900', '12,000', 'Estimated monthly cost', 'Retainer', 'Quota attainment moving']) assert.ok(!copy.includes(secret), `${secret} is redacted`);
      assert.match(copy, /45 days; notice by/, 'the rest of the terms stay');
    }
  });

  it('leaves out any field of the format named by its path, in every section, the title and the findings', () => {
    // A finding that quotes a redacted value: an unknown CRM level written in `access`.
    const text = read('corvid-cso.engagement.yaml').replace('crm: full', 'crm: sales-compensation-only');
    const analysis = analyze(text, { today: '2026-05-01' });
    assert.ok(analysis.findings.some((f) => f.message.includes('sales-compensation-only')), 'the unredacted findings quote the value');
    const redact = ['access', 'kpis.*.source', 'executive.email', 'client.name'];
    for (const copy of [textOf(renderHtmlDocument(analysis, { today, redact, includeChecks: true })), renderMarkdown(analysis, { today, redact, includeChecks: true })]) {
      for (const secret of ['sales-compensation', 'revenue-by-segment', 'CRM and compensation reports', 'Forecast roll-up', 'CRM stage audit', 'aisha@mensah-sales.example', 'Corvid Logistics']) assert.ok(!copy.includes(secret), `${secret} is redacted`);
      assert.match(copy, /Reps at or above quota/, 'the KPIs stay, without their source');
      assert.match(copy, /Aisha Mensah/, "the executive's name stays, without the e-mail");
    }
  });

  it('refuses a field the format does not have, so a typo never leaves a value in', () => {
    assert.equal(redactionProblem('kpis.*.source'), undefined);
    assert.equal(redactionProblem('parties.*.title'), undefined);
    assert.equal(redactionProblem('authority.budget.*.limit'), undefined);
    assert.equal(redactionProblem('internal'), undefined);
    assert.match(redactionProblem('kpis.*.sorce')!, /`kpis\.\*\.sorce` is not a field of an engagement; did you mean `kpis\.\*\.source`\?/);
    assert.match(redactionProblem('salary')!, /not a field of an engagement/);
    assert.match(redactionProblem('kpis.*')!, /ends in `\*`/);
    assert.match(redactionProblem('kpis..id')!, /not a field path/);
    assert.deepEqual(redactedFields(['internal'], ['access.financials']), ['fees', 'notes', 'reviews.*.notes', 'kpis.*.actuals.*.note', 'access.financials']);
  });

  it('takes the internal fields of .engagementrc.yaml with --redact internal, and refuses a typo on the command line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ek-internal-'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'corvid-cso.engagement.yaml'), path.join(dir, 'e.engagement.yaml'));
    fs.writeFileSync(path.join(dir, '.engagementrc.yaml'), 'export:\n  internal: [access.financials, kpis.*.source]\n');
    const copy = run(['render', 'e.engagement.yaml', '--format', 'md', '--redact', 'internal'], dir);
    assert.equal(copy.code, 0, copy.stderr);
    for (const secret of ['revenue-by-segment', 'CRM stage audit', '1,900', 'Estimated monthly cost']) assert.ok(!copy.stdout.includes(secret), `${secret} is internal`);
    assert.match(copy.stdout, /Reps at or above quota/);
    const typo = run(['render', 'e.engagement.yaml', '--redact', 'fees,kpis.*.sorce'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /did you mean `kpis\.\*\.source`/);
    fs.writeFileSync(path.join(dir, '.engagementrc.yaml'), 'export:\n  internal: [acess]\n');
    const broken = run(['lint', '.'], dir);
    assert.match(broken.stdout + broken.stderr, /`acess` is not a field of an engagement; did you mean `access`\?/);
  });
});
