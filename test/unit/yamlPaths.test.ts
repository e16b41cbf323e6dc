import * as assert from 'node:assert/strict';
import { located } from './invariants';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateEngagement } from '../../bench/generate';
import { analyze, analyzeRaw } from '../../src/core/analyze';
import { readByEvents } from '../../src/core/yaml/eventReader';
import { fastParseYaml } from '../../src/core/yaml/fastParse';
import { LIMITS } from '../../src/core/yaml/limits';
import { readByLines } from '../../src/core/yaml/lineReader';
import { checkTexts, mutatedFile } from './fuzz';
import { BASE, ROOT } from './helpers';
import { assertSamePaths } from './parsePaths';

function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

const CORPUS: readonly [label: string, text: string][] = [
  ...[...filesIn(path.join(ROOT, 'examples')), ...filesIn(path.join(ROOT, 'test', 'fixtures')), ...filesIn(path.join(ROOT, 'test', 'integration', 'workspace'))].map(
    (file): [string, string] => [path.relative(ROOT, file), fs.readFileSync(file, 'utf8')],
  ),
  ...[1_000, 5_000, 10_000].map((lines): [string, string] => [`generated ${lines} lines`, generateEngagement(BASE, lines)]),
];

/** Layouts at the edges of the fast subset, each compared against the full parser. */
const EDGES: readonly string[] = [
  '',
  '# only a comment\n',
  '---\n',
  '---\na: 1\n',
  'plain scalar root',
  '- a\n- b\n',
  'a:\nb:   \nc: 1\n',
  'a:\n  - \n  - x\n',
  'a: "quoted \\" value"\nb: \'single \'\' quote\'\n"key with: colon": 1\n',
  'a: {x: 1, y: [1, 2, ], z: "q"}\nb: [\n  1,\n  # comment\n  2\n]\n',
  'a: |\n  literal\n  text\n\n\nb: >-\n  folded\n  text\nc: |2\n    indented\n',
  'a: |+\n  kept\n\nb: 1\n',
  'a: | # header comment\n  x\n',
  'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n',
  'a: 1\nb:\n  x: 1\na:\n  x: 1\n  x: 2\n',
  '__proto__: {polluted: true}\nconstructor: {prototype: 1}\n',
  '1.0: float key\n~: null key\ntrue: bool key\n0x1F: hex\n0o17: octal\n+5: plus\n.inf: inf\n-.Inf: minus\n.nan: nan\n1e3: exp\n',
  'n: [~, null, Null, NULL, true, False, 0o17, 0x1f, +12, -0, .5, 5., 1e-3, .NaN, -.INF, 2026-01-01, 12:30, 1_000]\n',
  'a: multi\n  line\n  plain\nb: "multi\n  line quoted"\n',
  'a: 1 # comment\n# between\nb: 2   \n',
  'a:\n  b:\n    c:\n      - d: 1\n        e: [x, {f: g}]\n',
  'a: &anchor 1\nb: *anchor\n',
  'a: !tag 1\n',
  '%YAML 1.2\n---\na: 1\n',
  'a:\tb\n',
  '\uFEFFa: 1\n',
  'a: 1\n---\nb: 2\n',
  'a: [1, 2\n',
  'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n',
  'a: 1\rb: 2\r',
  'a: "emoji 😀 and \u2028 separator"\n',
  '? complex\n: key\n',
  'a: 1\n...\n',
  `${'k'.repeat(1_100)}: 1\n`,
  `"${'q'.repeat(1_100)}": 1\n`,
  `a: {${'k'.repeat(1_100)}: 1}\n`,
  // Where the line reader's own rules end.
  'a: |\n  no line break at the end',
  'a: >\n  folded\n\n  text\n  here\n\n\nb: 1\n',
  'a: |\n  literal\n    deeper\n  back\n',
  'a: >\n  folded\n    deeper\n',
  'a: |\n\n  after a blank\n',
  'a: |\n  x\n     \n  y\n',
  'a: |-\n  x\n\nb: >\n  y\nc: 1\n',
  'a: |\n# less indented comment\n  x\n',
  'a:\n- x\n- y\nb: 1\n',
  '- a: 1\n  b: 2\n',
  'a:\n  - id: x\n    d: y\n  - id: z\n    e:\n      - 1\n',
  'a: b # c\nd: "e" # f\ng: [h, "i", \'j\'] # k\nl: {m: n} # o\n',
  'a: b#c\nd: "e"#f\n',
  'a: http://x.test/y\nb: x, y]\nc: 12:30\n',
  "a: 'it''s'\nb: ''\nc: \"\"\n",
  'a: {b: 1, c: "d", e: [1]}\n',
  'a: []\nb: {}\nc: [ ]\nd: [a b, c  ]\n',
  'a:\n  b: 1\n c: 2\n',
  'a: 1\n  b: 2\n',
  'a: b\n  continued\n',
  'a:    \n  # comment\n  b: 1\n',
  'a: # comment\n  b: 1\n',
  'a: # comment\nb: 1\n',
  'a:\n  -\n    b: 1\n  -\n',
  'a: -5\nb: -\nc: - x\n',
  'a-b_c: 1\n_x: 2\n9: nine\n1_000: k\n',
  'a: "x"y\n',
  'a: b: c\n',
  'a: b   \nc: [x]   \n',
  'a:\n  b:\n  c: 1\n',
  'a: {b: 1, b: 2}\nc: [1, 2]\nc: 3\n',
  'a:\n  - x\n  -   y\n  - "z"\n  - [1]\n  - {k: v}\n  - |\n    text\n',
  'a: ---\nb: ...\n',
  'a: 1\n... \n',
  'a: [x,y]\nb: {k: v,l: w}\n',
  'a: [x, y,]\n',
  'a: "\\u00e9"\n',
  '  a: 1\n  b: 2\n',
  nestedMaps(LIMITS.nestingDepth - 1),
  nestedMaps(LIMITS.nestingDepth),
  nestedMaps(LIMITS.nestingDepth + 1),
];

/** `depth` maps inside each other, each one key deeper, with a scalar at the bottom. */
function nestedMaps(depth: number): string {
  let text = '';
  for (let level = 0; level < depth; level++) text += `${'  '.repeat(level)}k${level}:\n`;
  return `${text}${'  '.repeat(depth)}leaf: 1\n`;
}

describe('the fast YAML path', () => {
  it('gives the same values, ranges and findings as the full parser on every fixture, example and generated file', () => {
    for (const [label, text] of CORPUS) {
      assertSamePaths(text, label);
      assertSamePaths(text.replace(/\n/g, '\r\n'), `${label} (CRLF)`);
      const fast = analyze(text, { today: '2026-04-01' });
      const full = analyze(text, { today: '2026-04-01', fullParser: true });
      assert.deepStrictEqual(fast.findings, full.findings, `${label}: findings differ`);
      assert.deepStrictEqual(located(fast.declarations), located(full.declarations), `${label}: declarations differ`);
      assert.deepStrictEqual(located(fast.references), located(full.references), `${label}: references differ`);
    }
  });

  it('is the path actually taken for clean files, so the comparison above is not empty', () => {
    for (const [label, text] of CORPUS) {
      if (label.includes('hostile') || label.endsWith('plain.yaml')) continue;
      // Both fast readers, so that each is compared with the full parser on every clean file.
      assert.ok(readByLines(text), `${label} should be read by the line reader`);
      assert.ok(readByEvents(text), `${label} should be read by the event reader`);
    }
  });

  it('defers the source map when symbols are not located, with the same findings', () => {
    let deferredToTheEnd = 0;
    for (const [label, text] of CORPUS) {
      const located = analyzeRaw(text, { today: '2026-03-01' });
      const deferred = analyzeRaw(text, { today: '2026-03-01', locateSymbols: false });
      assert.deepStrictEqual(deferred.rawFindings, located.rawFindings, label);
      assert.equal(located.sourceMap.filled, true, `${label}: located symbols need the whole map`);
      if (!deferred.sourceMap.filled) deferredToTheEnd++;
      assert.deepStrictEqual([...deferred.sourceMap.entries()], [...located.sourceMap.entries()], label);
    }
    // Clean files need no location below the top level, so their maps are never filled.
    assert.ok(deferredToTheEnd >= 5, `only ${deferredToTheEnd} files kept their source map deferred`);
  });

  it('agrees with the full parser at the edges of what it reads, and declines the rest', () => {
    let byLines = 0;
    let byEvents = 0;
    for (const text of EDGES) {
      const readers = assertSamePaths(text, JSON.stringify(text));
      if (readers.lines) byLines++;
      if (readers.events) byEvents++;
    }
    // Most edges are inside the subset; anchors, tags, directives, tabs and errors are not.
    assert.ok(byEvents >= 40, `only ${byEvents} of ${EDGES.length} edge cases were read by the event reader`);
    assert.ok(byLines >= 25, `only ${byLines} of ${EDGES.length} edge cases were read by the line reader`);
    for (const declined of ['a: &anchor 1\nb: *anchor\n', 'a: !tag 1\n', 'a: [1, 2\n', 'a: 1\n---\nb: 2\n', 'a:\tb\n']) {
      assert.equal(fastParseYaml(declined), undefined, JSON.stringify(declined));
    }
  });

  it('agrees with the full parser on random edits of the examples', () => {
    checkTexts('parse paths', mutatedFile, (text) => {
      assertSamePaths(text, 'edited example');
    });
  });

  it('agrees with the full parser where a comment follows the end of a block collection', () => {
    // Found by fuzzing: the full parser's range took in a deeper-indented trailing comment.
    for (const comment of ['  # same', '   # deeper', ' # shallower', '# flush', '\n   # after a blank', '      # much deeper']) {
      for (const last of ['    c: 1', '    - x', '    c:\n      d: 1', '    c: >\n      text']) {
        assertSamePaths(`a:\n  b:\n${last}\n${comment}\n\nz: 2\n`, JSON.stringify({ last, comment }));
        assertSamePaths(`a:\n  b:\n${last}\n${comment}\nz: 2\n`, JSON.stringify({ last, comment }));
      }
    }
  });
});
