import { analyze, type Analysis } from '../analyze';
import { formatDay } from '../model/dates';
import type { Path, TextRange } from '../types';
import { schemaAt, type SchemaNode } from '../schema/schemaAt';
import { parseYaml } from '../yaml/parseYaml';
import { pointerOf } from '../yaml/sourceMap';
import { redactedFields, type Redactable } from './redactableFields';

export type { Redactable } from './redactableFields';

const REDACTED = '[redacted]';

/** Every written path a field pattern matches in a parsed value. */
function pathsIn(value: unknown, pattern: readonly string[], at: Path = []): Path[] {
  if (pattern.length === 0) return [at];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = pattern as [string, ...string[]];
  if (Array.isArray(value)) return head === '*' ? value.flatMap((item, index) => pathsIn(item, rest, [...at, index])) : [];
  const map = value as Record<string, unknown>;
  if (head === '*') return Object.keys(map).flatMap((key) => pathsIn(map[key], rest, [...at, key]));
  return Object.hasOwn(map, head) ? pathsIn(map[head], rest, [...at, head]) : [];
}

/**
 * The analysis a redacted copy is rendered from. The model and schedule are read again from
 * the file's value with every redacted field removed, so no section, total or date worked
 * out from a removed value can show it. The findings are the file's own (a removed required
 * field is not a finding of the engagement), with those placed inside a removed field left
 * out and any value of one quoted in another's message replaced: a schema message such as
 * "found the text `EUR 1850 per day`" or a rule naming a number. Lines and positions stay
 * the file's.
 */
export function redactAnalysis(analysis: Analysis, redact: readonly Redactable[]): Analysis {
  const fields = redactedFields(redact);
  if (fields.length === 0 || !analysis.model || analysis.syntaxBroken) return analysis;
  // An export asks twice, for its page and for its printed header: the file is read again once.
  const key = fields.join('\n');
  const known = redacted.get(analysis);
  if (known?.key === key) return known.analysis;
  const result = redactedCopy(analysis, fields);
  redacted.set(analysis, { key, analysis: result });
  return result;
}

/** The last redaction of each analysis, for as long as the analysis lives. */
const redacted = new WeakMap<Analysis, { readonly key: string; readonly analysis: Analysis }>();

function redactedCopy(analysis: Analysis, fields: readonly string[]): Analysis {
  const text = analysis.lines.slice(0, Number.MAX_SAFE_INTEGER);
  const value = structuredClone(parseYaml(text).value);
  const paths = fields.flatMap((field) => pathsIn(value, field.split('.')));
  if (paths.length === 0) return analysis;
  const ranges: TextRange[] = [];
  for (const path of paths) {
    const location = analysis.sourceMap.exact(pointerOf(path));
    if (location) ranges.push({ start: location.key?.start ?? location.value.start, end: location.value.end });
    removeAt(value, path);
  }
  const secrets = [...new Set(ranges.flatMap((range) => scalarsIn(analysis.lines.textOf(range))))].sort((a, b) => b.length - a.length);
  const scrub = scrubberOf(secrets);
  // JSON is YAML: the value without the removed fields, and without their values quoted in
  // any free text (a client's name in the title), reads as the same engagement less them.
  const reread = analyze(JSON.stringify(scrubFreeText(value, [], scrub)), { today: formatDay(analysis.today) });
  const inside = (range: TextRange): boolean => ranges.some((r) => range.start < r.end && range.end > r.start);
  // A message is ours, not the client's text: a secret goes wherever it appears, even inside a longer word.
  const scrubMessage = (message: string): string => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), message);
  return { ...analysis, model: reread.model, schedule: reread.schedule, findings: analysis.findings.filter((f) => !inside(f.range)).map((f) => ({ ...f, message: scrubMessage(f.message) })) };
}

/** Replaces each secret where it stands as a whole word or more (never inside a longer word). */
function scrubberOf(secrets: readonly string[]): (text: string) => string {
  if (secrets.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * The value with every free-text string (see `isFreeText`)
 * scrubbed; ids, dates, levels and other coded values are left as they are, since a
 * replaced code would change what the engagement says rather than hide a value.
 */
function scrubFreeText(value: unknown, path: (string | number)[], scrub: (text: string) => string): unknown {
  if (typeof value === 'string') {
    const schema = schemaAt(path);
    return schema && isFreeText(schema) ? scrub(value) : value;
  }
  if (Array.isArray(value)) return value.map((item, index) => scrubFreeText(item, [...path, index], scrub));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubFreeText(item, [...path, key], scrub)]));
  return value;
}

/** A string the schema does not code: no enum, date format or pattern other than "one line". */
function isFreeText(schema: SchemaNode): boolean {
  return schema.type === 'string' && !schema.enum && !(schema as { format?: string }).format && (schema.pattern === undefined || schema.pattern === '^[^\\r\\n]*$');
}

function removeAt(value: unknown, path: Path): void {
  let parent = value as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  delete parent[path[path.length - 1]!];
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
