import type { Analysis } from '../analyze';
import type { Engagement } from '../model/engagement';
import type { Finding, Path, TextRange } from '../types';
import { pointerOf } from '../yaml/sourceMap';
import type { Redactable } from './context';

/** What a redacted copy leaves out of the findings it shows. */
export interface Redaction {
  /** Findings that may be shown, their messages cleared of every redacted value. */
  visible(findings: readonly Finding[]): Finding[];
}

const REDACTED = '[redacted]';

/** Where each redactable field is written: the whole `fees` map; every `notes` and actual's `note`. */
function pathsOf(field: Redactable, model: Engagement): Path[] {
  if (field === 'fees') return [['fees']];
  return [['notes'], ...model.reviews.map((r) => [...r.path, 'notes']), ...model.kpis.flatMap((k) => k.actuals.map((a) => [...a.path, 'note']))];
}

/**
 * A redacted field's value must not reach the client by another way: a finding placed
 * inside it is left out, and any other finding that quotes one of its values (a schema
 * message such as "found the text `EUR 1850 per day`", a rule naming a number) has the
 * value replaced. The values are read from the file's text, so a value the schema
 * rejected, which the model does not hold, is removed as well.
 */
export function redactionOf(analysis: Analysis, model: Engagement, fields: readonly Redactable[]): Redaction {
  const ranges: TextRange[] = [];
  for (const field of fields) {
    for (const path of pathsOf(field, model)) {
      const location = analysis.sourceMap.exact(pointerOf(path));
      if (location) ranges.push({ start: location.key?.start ?? location.value.start, end: location.value.end });
    }
  }
  if (ranges.length === 0) return { visible: (findings) => [...findings] };
  const values = [...new Set(ranges.flatMap((range) => scalarsIn(analysis.lines.textOf(range))))].sort((a, b) => b.length - a.length);
  const inside = (f: Finding): boolean => ranges.some((r) => f.range.start < r.end && f.range.end > r.start);
  const scrub = (message: string): string => values.reduce((text, value) => text.split(value).join(REDACTED), message);
  return { visible: (findings) => findings.filter((f) => !inside(f)).map((f) => ({ ...f, message: scrub(f.message) })) };
}

/**
 * The scalar values written in a piece of YAML, as text a message could quote: each line's
 * value after its key or list dash, each item of a flow collection, unquoted, with numbers
 * also as the thousands-separated form messages print. Values shorter than three characters
 * are left alone: replacing every "5" in every message would hide much and protect nothing.
 */
function scalarsIn(source: string): string[] {
  const out: string[] = [];
  for (const piece of source.split(/[\n\r,{}[\]]/)) {
    const value = piece
      .replace(/\s#.*$/, '')
      .replace(/^\s*(?:-\s+)*(?:[^:'"]+:(?:\s+|$))?/, '')
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2');
    if (value.length < 3) continue;
    out.push(value);
    const number = Number(value);
    if (Number.isFinite(number)) out.push(number.toLocaleString('en-US'));
  }
  return out;
}
