import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../../src/core/analyze';
import type { Finding } from '../../src/core/types';

/** The repository root (tests run from out/test/unit). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BASE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'base.engagement.yaml'), 'utf8');

/** Replaces one exact piece of text; fails loudly when the piece is not there. */
export function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `test edit: ${JSON.stringify(from)} is not in the text`);
  return text.replace(from, to);
}

/**
 * 1-based line and column of a place in the text, given as a unique snippet with `|` where
 * the place is: `"days-per-week: |1.5"` is the position of `1.5`.
 */
export function positionOf(text: string, marked: string): { line: number; column: number } {
  const cursor = marked.indexOf('|');
  assert.ok(cursor >= 0, `marker missing in ${marked}`);
  const needle = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${JSON.stringify(needle)} is not in the text`);
  assert.equal(text.indexOf(needle, index + 1), -1, `${JSON.stringify(needle)} is not unique in the text`);
  const offset = index + cursor;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function positionOfFinding(analysis: Analysis, finding: Finding): { line: number; column: number } {
  const p = analysis.lines.positionAt(finding.range.start);
  return { line: p.line + 1, column: p.character + 1 };
}

export function findingsOf(analysis: Analysis, ruleId: string): Finding[] {
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

/** Asserts that `ruleId` reports at the marked place (and returns that finding). */
export function expectFinding(text: string, ruleId: string, marked: string, options: AnalyzeOptions = {}): Finding {
  const analysis = analyze(text, options);
  const expected = positionOf(text, marked);
  const found = findingsOf(analysis, ruleId);
  const atPlace = found.find((f) => {
    const p = positionOfFinding(analysis, f);
    return p.line === expected.line && p.column === expected.column;
  });
  assert.ok(
    atPlace,
    `expected ${ruleId} at ${expected.line}:${expected.column}; got ${JSON.stringify(found.map((f) => ({ ...positionOfFinding(analysis, f), message: f.message })))}`,
  );
  return atPlace;
}

export function expectNoFinding(text: string, ruleId: string, options: AnalyzeOptions = {}): void {
  const found = findingsOf(analyze(text, options), ruleId);
  assert.deepEqual(found.map((f) => f.message), [], `expected no ${ruleId}`);
}
