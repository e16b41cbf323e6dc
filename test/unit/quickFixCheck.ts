import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { applyEdits, quickFixesFor, type TextEdit } from '../../src/core/editing/quickFixes';
import type { Finding } from '../../src/core/types';
import { SOURCES } from './fuzz';
import { TODAY } from './invariants';

/** A valid file with the faults our quick fixes address, and comments scattered through it. */
type Fault = { kind: 'typo-key' | 'typo-value' | 'crm' | 'drop-kpi-field' | 'comment'; pick: number; variant: number };

const fault: fc.Arbitrary<Fault> = fc.record({
  kind: fc.constantFrom('typo-key', 'typo-value', 'crm', 'drop-kpi-field', 'comment'),
  pick: fc.nat(),
  variant: fc.nat(),
});

function inject(source: string, faults: readonly Fault[]): string {
  let lines = source.split('\n');
  for (const f of faults) {
    const choose = (pattern: RegExp): number | undefined => {
      const candidates = lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));
      return candidates.length ? candidates[f.pick % candidates.length] : undefined;
    };
    const swap = (word: string): string => {
      if (word.length < 3) return word + 'x';
      const i = 1 + (f.variant % (word.length - 2));
      return f.variant % 3 === 0 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    };
    if (f.kind === 'typo-key') {
      const i = choose(/^\s*(- )?[a-z][a-z-]{3,}:/);
      if (i !== undefined) lines[i] = lines[i]!.replace(/^(\s*(?:- )?)([a-z][a-z-]{3,})/, (_, lead: string, key: string) => lead + swap(key));
    } else if (f.kind === 'typo-value') {
      const i = choose(/^\s*(- )?(status|kind|type|cadence|format|role): [a-z-]{4,}\s*$/);
      if (i !== undefined) lines[i] = lines[i]!.replace(/: ([a-z-]+)/, (_, value: string) => `: ${swap(value)}`);
    } else if (f.kind === 'crm') {
      const i = choose(/crm: full/);
      if (i !== undefined) lines[i] = lines[i]!.replace('crm: full', f.variant % 2 ? 'crm: view' : 'crm: none');
    } else if (f.kind === 'drop-kpi-field') {
      const i = choose(/^\s+(baseline|target|by): /);
      if (i !== undefined) lines = [...lines.slice(0, i), ...lines.slice(i + 1)];
    } else {
      const i = f.pick % lines.length;
      lines[i] = f.variant % 2 && lines[i]!.trim() && !lines[i]!.includes('"') ? `${lines[i]}  # note ${f.variant}` : `${' '.repeat(f.variant % 5)}# note ${f.variant}\n${lines[i]}`;
    }
  }
  return lines.join('\n');
}

export const faultyFile = fc.tuple(fc.constantFrom(...SOURCES), fc.array(fault, { minLength: 1, maxLength: 5 })).map(([source, faults]) => inject(source, faults));

/** Every comment in the text (from `#` after a space or a line start), counted. */
function comments(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = /(?:^|\s)(#.*)$/.exec(line);
    if (match && !/["']/.test(line.slice(0, match.index))) found.set(match[1]!, (found.get(match[1]!) ?? 0) + 1);
  }
  return found;
}

/** Where an offset lands after the edits (edits before it shift it). */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) if (e.range.end <= offset) delta += e.newText.length - (e.range.end - e.range.start);
  return offset + delta;
}

function checkFix(text: string, finding: Finding, title: string, edits: readonly TextEdit[]): void {
  const label = `${title} for ${finding.ruleId} "${finding.message}"`;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (const [i, e] of sorted.entries()) {
    assert.ok(0 <= e.range.start && e.range.start <= e.range.end && e.range.end <= text.length, `${label}: edit inside the text`);
    if (i > 0) assert.ok(sorted[i - 1]!.range.end <= e.range.start, `${label}: edits do not overlap`);
    assert.ok(!text.slice(e.range.start, e.range.end).includes('#'), `${label}: no comment is replaced`);
  }
  const after = applyEdits(text, edits);
  for (const [comment, count] of comments(text)) assert.ok((comments(after).get(comment) ?? 0) >= count, `${label}: comment kept: ${comment}`);
  const reanalyzed = analyze(after, { today: TODAY });
  assert.equal(reanalyzed.syntaxBroken, false, `${label}: the result parses`);
  const at = mapOffset(finding.range.start, sorted);
  const still = reanalyzed.findings.find((f) => f.ruleId === finding.ruleId && f.message === finding.message && f.range.start === at);
  assert.equal(still, undefined, `${label}: the finding is gone`);
}

/**
 * Applies every fix offered for the file's first findings and checks each: it changes only
 * its range, keeps every comment, leaves valid YAML, and its finding is gone. Returns how
 * many fixes were checked.
 */
export function checkAllFixes(text: string): number {
  const analysis = analyze(text, { today: TODAY });
  if (analysis.syntaxBroken) return 0;
  let checked = 0;
  for (const finding of analysis.findings.slice(0, 25)) {
    for (const fix of quickFixesFor(analysis, text, finding)) {
      checkFix(text, finding, fix.title, fix.edits);
      checked++;
    }
  }
  return checked;
}
