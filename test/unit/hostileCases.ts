import * as assert from 'node:assert/strict';
import type { Analysis } from '../../src/core/analyze';
import { BASE, edit } from './helpers';

/**
 * The hostile inputs every part must survive (see the notes on hostile input): each is
 * analyzed by the core and linted by the command line. `expect` says what a person must be
 * told, and where; every case also keeps the invariants in `checkInvariants`.
 */
export interface HostileCase {
  readonly name: string;
  readonly text: () => string;
  readonly expect?: (analysis: Analysis, text: string) => void;
}

export const billionLaughs = (levels: number): string => {
  let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return text + `format: *a${levels - 1}\n`;
};

const manyKeys = (count: number): string => {
  let text = 'notes: x\n';
  for (let i = 0; i < count; i++) text += `k${i}: ${i}\n`;
  return text;
};

const blockNesting = (levels: number): string => {
  let text = '';
  for (let i = 0; i < levels; i++) text += ' '.repeat(i) + 'k:\n';
  return text;
};

/** The finding whose message matches, and the text it covers. */
function reported(analysis: Analysis, text: string, message: RegExp): string {
  const finding = analysis.findings.find((f) => message.test(f.message));
  assert.ok(finding, `a finding matching ${message} among ${JSON.stringify(analysis.findings.map((f) => f.message))}`);
  return text.slice(finding.range.start, finding.range.end);
}

/** One depth finding, on the given line and column (0-based), and nothing else. */
const nestedAt = (line: number, character: number) => (analysis: Analysis) => {
  const depth = analysis.findings.filter((f) => /Nested/.test(f.message));
  assert.equal(depth.length, 1, JSON.stringify(analysis.findings.map((f) => f.message)));
  assert.deepEqual(analysis.lines.positionAt(depth[0]!.range.start), { line, character });
};

const lineOf = (analysis: Analysis, message: RegExp): number => {
  const finding = analysis.findings.find((f) => message.test(f.message));
  assert.ok(finding, `a finding matching ${message}`);
  return analysis.lines.positionAt(finding.range.start).line;
};

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'an empty file', text: () => '', expect: (a) => assert.match(a.findings[0]!.message, /empty/) },
  { name: 'a comment-only file', text: () => '# nothing here\n# yet\n', expect: (a) => assert.match(a.findings[0]!.message, /empty/) },
  { name: 'a scalar at the root', text: () => 'just some text\n', expect: (a) => assert.ok(a.findings.some((f) => f.severity === 'error')) },
  { name: 'a list at the root', text: () => '- a\n- b\n', expect: (a) => assert.ok(a.findings.some((f) => f.severity === 'error')) },
  { name: 'broken YAML', text: () => 'format: engagement/v1\nkpis: [\n  - id: x\n', expect: (a) => assert.ok(a.syntaxBroken) },
  { name: 'a multi-document stream', text: () => BASE + '---\nformat: engagement/v1\n', expect: (a, t) => assert.equal(lineOf(a, /document/i), t.split('\n').indexOf('---', 1)) },
  {
    name: 'git conflict markers',
    text: () => '<<<<<<< HEAD\nstatus: active\n=======\nstatus: draft\n>>>>>>> branch\n',
    expect: (a) => assert.ok(a.findings.some((f) => f.severity === 'error')),
  },
  { name: 'tabs as indentation', text: () => 'client:\n\tname: x\n', expect: (a) => assert.equal(lineOf(a, /tab/i), 1) },
  { name: 'a BOM and CRLF line endings', text: () => '\uFEFF' + BASE.replace(/\n/g, '\r\n'), expect: (a) => assert.deepEqual(a.findings, []) },
  { name: 'lone CR line endings', text: () => BASE.replace(/\n/g, '\r'), expect: (a) => assert.deepEqual(a.findings, []) },
  { name: 'U+2028 in a value', text: () => edit(BASE, 'title: ', 'title: Plan \u2028 done '), expect: (a) => assert.deepEqual(a.findings, []) },
  {
    name: 'emoji before a wrong value (UTF-16 columns)',
    text: () => edit(BASE, 'status: active', 'status: 🚀🚀'),
    expect: (a, t) => assert.equal(reported(a, t, /status/), '🚀🚀'),
  },
  { name: 'NUL bytes', text: () => 'format: engagement/v1\u0000\ntitle: x\u0000y\n' },
  {
    name: '`__proto__` and `constructor` keys',
    text: () => '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nclient: { __proto__: { polluted: true }, name: x }\n',
    expect: (a, t) => assert.equal(reported(a, t, /__proto__/), '__proto__'),
  },
  {
    name: 'YAML 1.1 with merge keys',
    text: () => '%YAML 1.1\n---\nbase: &b { name: x }\nclient:\n  <<: *b\nstatus: yes\n',
    expect: (a, t) => assert.equal(reported(a, t, /YAML 1\.2/).slice(0, 5), '%YAML'),
  },
  { name: 'custom and js tags', text: () => 'format: !!js/function "function(){}"\ntitle: !custom x\nid: !!binary aGVsbG8=\n', expect: (a) => assert.equal(lineOf(a, /tag/i), 0) },
  {
    name: 'duplicate keys',
    text: () => BASE + 'status: draft\n',
    expect: (a, t) => assert.equal(a.lines.positionAt(a.findings.find((f) => /more than once|duplicate/i.test(f.message))!.range.start).line, t.split('\n').length - 2),
  },
  { name: 'a self-referential alias', text: () => 'a: &a { child: *a }\n', expect: (a, t) => assert.equal(reported(a, t, /circular/), '*a') },
  { name: 'an alias to an unknown anchor', text: () => 'format: *nothing\n', expect: (a, t) => assert.equal(reported(a, t, /refers to no anchor/), '*nothing') },
  { name: 'a billion laughs, 3 levels', text: () => billionLaughs(3) },
  { name: 'a billion laughs, 9 levels', text: () => billionLaughs(9), expect: (a, t) => assert.equal(reported(a, t, /alias bomb/)[0], '*') },
  {
    name: '4,000 anchors and 8,000 aliases',
    text: () => {
      let text = 'notes: x\n';
      for (let i = 0; i < 4000; i++) text += `a${i}: &a${i} v${i}\n`;
      for (let i = 0; i < 8000; i++) text += `b${i}: *a${i % 4000}\n`;
      return text;
    },
    expect: (a) => assert.ok(!a.findings.some((f) => /alias bomb/.test(f.message)), 'legitimate aliases are not a bomb'),
  },
    { name: '1,000 nested brackets', text: () => '['.repeat(1000) + ']'.repeat(1000), expect: nestedAt(0, 64) },
  { name: '10,000 nested brackets', text: () => '['.repeat(10_000) + ']'.repeat(10_000), expect: nestedAt(0, 64) },
  { name: '100,000 nested brackets', text: () => '['.repeat(100_000) + ']'.repeat(100_000), expect: nestedAt(0, 64) },
  { name: 'maps nested 1,000 levels', text: () => blockNesting(1000), expect: nestedAt(64, 64) },
  {
    name: 'a syntax error, then 1,000 nested brackets',
    text: () => 'a: b: c\nx: ' + '['.repeat(1000) + ']'.repeat(1000),
    // Whether the parser runs out of stack here depends on how much of it the caller used and
    // on how V8 compiled the parser so far; what holds either way is that it is told once at most.
    expect: (a) => {
      assert.ok(a.findings.some((f) => /compact mappings/.test(f.message)), 'the syntax error is reported');
      assert.ok(a.findings.filter((f) => /Nested (too|more)/.test(f.message)).length <= 1, 'the parser running out of stack is told once at most');
    },
  },
  { name: 'maps nested 100 levels', text: () => blockNesting(100), expect: nestedAt(64, 64) },
  { name: 'a map with 10,000 keys', text: () => manyKeys(10_000) },
  { name: 'a map with 20,000 keys', text: () => manyKeys(20_000) },
  { name: 'a map with 20,000 keys and a syntax error', text: () => manyKeys(20_000) + 'broken: [\n', expect: (a) => assert.ok(a.syntaxBroken) },
  {
    name: 'a map with 100,000 keys (over the size limit)',
    text: () => manyKeys(100_000),
    expect: (a) => assert.deepEqual(a.findings.map((f) => f.severity), ['info']),
  },
  {
    name: 'a 10 MB scalar (over the size limit)',
    text: () => `format: engagement/v1\nnotes: "${'x'.repeat(10_000_000)}"\n`,
    expect: (a) => {
      assert.deepEqual(a.findings.map((f) => f.severity), ['info']);
      assert.match(a.findings[0]!.message, /only its YAML syntax is checked/);
      assert.equal(a.findings[0]!.range.start, 0);
    },
  },
  {
    name: 'a 5 MB file with a syntax error near its end',
    text: () => `notes: "${'x'.repeat(5_000_000)}"\nkpis: [\n  - id: x\n`,
    expect: (a, t) => {
      assert.deepEqual(a.findings.map((f) => f.severity), ['info', 'error']);
      assert.ok(a.lines.positionAt(a.findings[1]!.range.start).line >= 1, 'the error is placed near its cause, not at the top');
      assert.ok(a.findings[1]!.range.end <= t.length);
    },
  },
  { name: 'a 100 KB key', text: () => 'k'.repeat(100_000) + ': 1\n', expect: (a) => assert.ok(a.syntaxBroken, 'YAML limits implicit keys to 1,024 characters') },
  { name: 'a 1 MB key', text: () => 'k'.repeat(1_000_000) + ': 1\n' },
];
