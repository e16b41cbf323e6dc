import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../src/core/config/engagementConfig';
import type { Portfolio } from '../../src/core/portfolioModel/portfolioTypes';
import { run, workspace } from './cliHelpers';
import { BASE, edit, ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'portfolio');
const TODAY = ['--today', '2026-03-04'];

function json(args: string[], cwd = FIXTURES): Portfolio {
  const result = run(['portfolio', ...args, '--format', 'json', ...TODAY], cwd);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Portfolio;
}

/** An engagement whose every free-text field carries markup, a control sequence and a workflow command. */
const HOSTILE = edit(
  edit(edit(BASE, 'title: Base engagement', 'title: "<img src=x onerror=alert(1)> | **bold** [link](https://evil.example)"'), '  name: Base Co', '  name: "\\e[31mRed Co\\e]8;;https://evil.example\\a"'),
  '  name: Alex Doe',
  '  name: "::error::hijacked <script>alert(2)</script>"',
);

describe('engagement portfolio', () => {
  it('reports the fixtures\' portfolio: the over-booked executive, the proposal, the dates due, capacity from the configuration', () => {
    const p = json(['.']);
    assert.equal(p.format, 'engagement-portfolio/1');
    assert.equal(p.today, '2026-03-04');
    const byName = new Map(p.executives.map((e) => [e.name, e]));
    assert.deepEqual([...byName.keys()], ['Aisha Mensah', 'Dana Whitfield', 'Ravi Nair', 'Tomás Herrera']);
    assert.equal(byName.get('Aisha Mensah')!.capacity, 4, 'from .engagementrc.yaml');
    assert.equal(byName.get('Dana Whitfield')!.weeksOver, 8);
    assert.equal(byName.get('Dana Whitfield')!.peak, 6);
    assert.ok(byName.get('Ravi Nair')!.weeks.some((w) => w.overIfProposed), 'Quill would put Ravi over capacity');
    assert.equal(byName.get('Ravi Nair')!.weeksOver, 0);
    assert.deepEqual(
      p.due.map((d) => `${d.date} ${d.kind} ${d.place.path}:${d.place.line + 1}`),
      ['2026-04-12 assessment corvid-cso.engagement.yaml:184', '2026-04-15 notice harbor-cro.engagement.yaml:32', '2026-05-02 assessment northwind-cro.engagement.yaml:231', '2026-05-15 term-end harbor-cro.engagement.yaml:32'],
    );
    const harbor = p.engagements.find((e) => e.id === 'harbor-cro-2026')!;
    assert.equal(harbor.errors, 1);
    assert.equal(harbor.position, 'Day 17 of 90 · Diagnostic');
    assert.deepEqual(p.totals, { files: 6, shown: 6, active: 4, executivesOver: 1, kpis: { 'on-track': 1, 'at-risk': 1, 'off-track': 1, done: 0, 'no-data': 21 }, errors: 1, unchecked: 0 });
  });

  it('narrows to one executive by e-mail or name, and sets the weeks ahead', () => {
    assert.deepEqual(
      json(['--executive', 'Dana@Whitfield-Advisory.example']).engagements.map((e) => e.id),
      ['northwind-cro-2026', 'harbor-cro-2026'],
    );
    assert.deepEqual(
      json(['--executive', 'ravi nair']).engagements.map((e) => e.id),
      ['fernhill-cto-2026', 'quill-cto-2026'],
    );
    const long = json(['--weeks', '26']);
    assert.equal(long.weeks.length, 30);
    assert.ok(long.due.some((d) => d.kind === 'term-end' && d.date === '2026-08-01'), 'Northwind ends within 26 weeks');
  });

  it('writes the same portfolio as stylish text, Markdown and a self-contained page', () => {
    const stylish = run(['portfolio', ...TODAY], FIXTURES);
    assert.equal(stylish.code, 0, stylish.stderr);
    assert.match(stylish.stdout, /Dana Whitfield +[▁-█ ]{16} +capacity 5 days a week · peak 6 days a week · over in 8 weeks \(03-02, 03-09, 03-16, 03-23, …\)/);
    assert.match(stylish.stdout, /^ +!{8}/m);
    assert.match(stylish.stdout, /2026-04-15 {2}in 42 days {4}Notice due +Harbor Freight Labs: a repeatable sales motion \(Dana Whitfield\) {2}harbor-cro\.engagement\.yaml:32/);
    const markdown = run(['portfolio', '--format', 'markdown', ...TODAY], FIXTURES).stdout;
    assert.match(markdown, /^# Portfolio on 2026-03-04$/m);
    assert.match(markdown, /^\| Dana Whitfield \| 5 days a week \| 6 days a week \| 6 days a week \| \*\*8\*\*: 2026-03-02, /m);
    assert.match(markdown, /^\| Ravi Nair \| .*; \d+ more if proposals are won \|/m);
    const html = run(['portfolio', '--format', 'html', ...TODAY], FIXTURES).stdout;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.doesNotMatch(html, /<script|https?:\/\//i);
    assert.equal((html.match(/class="ek-exec[ "]/g) ?? []).length, 4);
    assert.equal((html.match(/class="ek-col ek-over[ "]/g) ?? []).length, 8);
    assert.match(html, /<span class="ek-name">Harbor Freight Labs: a repeatable sales motion<\/span> <small class="ek-where">harbor-cro\.engagement\.yaml:3<\/small>/);
  });

  it('writes the dates and numbers of the Markdown and the page as --locale does', () => {
    const markdown = run(['portfolio', '--format', 'markdown', '--locale', 'de-DE', ...TODAY], FIXTURES);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# Portfolio on 4\. März 2026$/m);
    assert.match(markdown.stdout, /^\| 15\. Apr\. 2026 \| in 42 days \| Notice due/m);
    assert.match(markdown.stdout, /^\| Dana Whitfield \| 5 days a week \| .* \| 4,57 \|$/m, 'numbers too');
    const html = run(['portfolio', '--format', 'html', '--locale', 'de-DE', ...TODAY], FIXTURES).stdout;
    const text = html.replace(/<style>[^]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    assert.doesNotMatch(text, /\b20\d\d-\d\d-\d\d\b/, 'no ISO date is left in the page');
    assert.match(text, /On 4\. März 2026/);
    assert.equal(run(['portfolio', '--locale', 'xx-nowhere-123456789', ...TODAY], FIXTURES).code, 2);
  });

  it('keeps values from files as text in every format', () => {
    const dir = workspace({ 'x.engagement.yaml': HOSTILE.replace('\\e', '\u001b').replace('\\e', '\u001b').replace('\\a', '\u0007') });
    const html = run(['portfolio', '--format', 'html', ...TODAY], dir).stdout;
    assert.doesNotMatch(html, /<img|<script|onerror=alert\(1\)>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    const markdown = run(['portfolio', '--format', 'markdown', ...TODAY], dir).stdout;
    assert.doesNotMatch(markdown, /\[link\]\(https|(?<!\\)<(?:img|script)|\u001b/);
    assert.match(markdown, /\\<script\\>/, 'markup is escaped, so it shows as written');
    const stylish = run(['portfolio', '--color', ...TODAY], dir).stdout;
    assert.doesNotMatch(stylish.replace(/\u001b\[(?:\d+)?m/g, ''), /[\u0000-\u0008\u000b-\u001f\u007f]/, 'no control character from the file reaches the terminal');
    assert.doesNotMatch(stylish, /^::error::/m, 'no line starts a workflow command');
  });

  it('reports files it cannot read and folders without engagements, and rejects bad options', () => {
    const dir = workspace({ 'good.engagement.yaml': BASE, 'bad.engagement.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
    const partial = run(['portfolio', '--format', 'json', ...TODAY], dir);
    assert.equal(partial.code, 2);
    assert.match(partial.stderr, /bad\.engagement\.yaml: /);
    assert.equal((JSON.parse(partial.stdout) as Portfolio).totals.files, 1, 'the readable file is still in the portfolio');
    const empty = run(['portfolio'], workspace({ 'notes.txt': 'x' }));
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /No engagement files found/);
    for (const [args, message] of [
      [['--format', 'pdf'], /portfolio --format must be stylish, json, markdown or html/],
      [['--weeks', '0'], /--weeks needs a number of weeks from 1 to 104/],
      [['--weeks', 'many'], /--weeks needs/],
      [['--executive', ' '], /--executive needs an e-mail or a name/],
      [['--today', 'tomorrow'], /--today needs a date/],
      [['--bogus'], /Unknown option `--bogus`/],
    ] as const) {
      const result = run(['portfolio', ...args], FIXTURES);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
    }
  });

  it('documents itself in --help', () => {
    assert.match(run(['--help'], ROOT).stdout, /engagement portfolio \[paths or globs…\] \[--format stylish\|json\|markdown\|html\]/);
  });
});

describe('capacity in .engagementrc.yaml', () => {
  it('reads a default and executives by e-mail or name, compared without case', () => {
    const config = parseConfig('capacity:\n  default: 4.5\n  executives:\n    Dana@Example.com: 3\n    "Sam  Lee": 2\n');
    assert.deepEqual(config.findings, []);
    assert.equal(config.capacity.default, 4.5);
    assert.deepEqual({ ...config.capacity.executives }, { 'dana@example.com': 3, 'sam lee': 2 });
  });

  it('reports each wrong value where it is written, and keeps the rest', () => {
    const text = 'capacity:\n  default: 9\n  executive: {}\n  executives:\n    a@x.example: none\n    b@x.example: 3\n    __proto__: 2\n';
    const config = parseConfig(text);
    assert.deepEqual(
      config.findings.map((f) => [text.slice(f.range.start, f.range.end), f.message]),
      [
        ['9', '`capacity.default` must be a number of days a week from 0.5 to 7.'],
        ['executive', 'Unknown key `executive` under `capacity`; the keys are `default` and `executives`.'],
        ['none', 'The capacity of `a@x.example` must be a number of days a week from 0.5 to 7.'],
      ],
    );
    assert.equal(config.capacity.default, undefined);
    assert.equal(config.capacity.executives['b@x.example'], 3);
    assert.equal(Object.getPrototypeOf(config.capacity.executives), null, 'a `__proto__` key is data');
    assert.equal(parseConfig('capacity: 5\n').findings[0]?.message, '`capacity` must be a map with `default` and `executives` keys.');
  });

  it('is described by the configuration schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'engagementrc.schema.json'), 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(schema.properties).sort(), ['capacity', 'diff', 'export', 'rules']);
    assert.deepEqual(Object.keys(schema.properties.capacity!.properties!).sort(), ['default', 'executives']);
  });
});
