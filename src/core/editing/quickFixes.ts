import type { Analysis } from '../analyze';
import { AREAS } from '../model/engagement';
import type { Finding, TextRange } from '../types';
import { pointerOf } from '../yaml/sourceMap';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a person most likely wants (applied by "auto fix"). */
  readonly preferred: boolean;
}

/**
 * Fixes for one finding. Each fix inserts or replaces only the text it is about: comments,
 * blank lines and formatting elsewhere are left byte for byte as they were.
 */
export function quickFixesFor(analysis: Analysis, text: string, finding: Finding): QuickFix[] {
  const fixes: QuickFix[] = [];
  const specific = specificFix(analysis, text, finding);
  if (specific) fixes.push(specific);
  fixes.push(disableForLine(analysis, text, finding));
  return fixes;
}

function specificFix(analysis: Analysis, text: string, finding: Finding): QuickFix | undefined {
  if (finding.ruleId === 'schema' && finding.suggestion !== undefined) {
    return { title: `Change to \`${finding.suggestion}\``, edits: [{ range: finding.range, newText: finding.suggestion }], preferred: true };
  }
  if (finding.ruleId === 'access-crm') {
    return { title: 'Grant full CRM access', edits: [{ range: finding.range, newText: 'full' }], preferred: true };
  }
  if (finding.ruleId === 'kpi-not-measurable') return addMissingKpiFields(analysis, text, finding);
  if (finding.ruleId === 'authority-area-missing') return addAuthorityArea(analysis, text, finding);
  return undefined;
}

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');
const indentAt = (text: string, lineStart: number): string => /^[ \t]*/.exec(text.slice(lineStart))![0];

/** The KPI whose `id` (or item) the finding is on. */
function kpiIndexAt(analysis: Analysis, offset: number): number | undefined {
  const model = analysis.model;
  if (!model) return undefined;
  for (const kpi of model.kpis) {
    const location = analysis.sourceMap.exact(pointerOf(kpi.path));
    if (location && location.value.start <= offset && offset <= location.value.end) return kpi.path[1] as number;
  }
  return undefined;
}

function addMissingKpiFields(analysis: Analysis, text: string, finding: Finding): QuickFix | undefined {
  const index = kpiIndexAt(analysis, finding.range.start);
  const kpi = index === undefined ? undefined : analysis.model?.kpis.find((k) => k.path[1] === index);
  if (!kpi) return undefined;
  const placeholders: [string, string][] = [
    ['baseline', '0'],
    ['target', '0'],
    ['by', 'day 90'],
  ];
  const missing = placeholders.filter(([key]) => kpi[key as 'baseline' | 'target' | 'by'] === undefined);
  if (missing.length === 0) return undefined;
  const itemRange = analysis.sourceMap.exact(pointerOf(kpi.path))!.value;
  const title = `Add ${missing.map(([k]) => `\`${k}\``).join(', ')}`;
  if (text[itemRange.start] === '{') {
    // Flow style: add before the closing brace, keeping the item on its line.
    const close = text.lastIndexOf('}', itemRange.end);
    const before = text.slice(itemRange.start, close).trimEnd();
    const at = itemRange.start + before.length;
    const separator = before.endsWith('{') ? ' ' : ', ';
    return { title, edits: [{ range: { start: at, end: at }, newText: separator + missing.map(([k, v]) => `${k}: ${v}`).join(', ') }], preferred: true };
  }
  // Block style: new lines after the KPI's last line, indented like its keys.
  const lines = analysis.lines;
  const firstKey = analysis.sourceMap.exact(pointerOf([...kpi.path, 'id'])) ?? analysis.sourceMap.exact(pointerOf([...kpi.path, 'name']));
  const keyStart = firstKey?.key?.start ?? itemRange.start;
  const keyColumn = lines.positionAt(keyStart).character;
  const lastLine = lines.positionAt(Math.max(itemRange.start, itemRange.end - 1)).line;
  const at = lines.lineEnd(lastLine);
  const eol = eolOf(text);
  const indent = ' '.repeat(keyColumn);
  return { title, edits: [{ range: { start: at, end: at }, newText: missing.map(([k, v]) => `${eol}${indent}${k}: ${v}`).join('') }], preferred: true };
}

function addAuthorityArea(analysis: Analysis, text: string, finding: Finding): QuickFix | undefined {
  const areas = analysis.model?.authority?.areas;
  if (!areas) return undefined;
  const area = AREAS.find((a) => finding.message.includes(`\`${a}\``));
  if (!area) return undefined;
  const lines = analysis.lines;
  const eol = eolOf(text);
  const authority = analysis.sourceMap.exact('/authority');
  if (!authority?.key) return undefined;
  const authorityIndent = lines.positionAt(authority.key.start).character;
  const present = AREAS.filter((a) => areas[a] !== undefined).map((a) => analysis.sourceMap.exact(`/authority/${a}`)!);
  const areaIndent = present[0]?.key ? lines.positionAt(present[0].key.start).character : authorityIndent + 2;
  const rowIndent = ' '.repeat(areaIndent + 2);
  const row = `${rowIndent}- decision: What is decided${eol}${rowIndent}  exec: decide`;
  const title = `Add the \`${area}\` area`;

  if (areas[area] !== undefined) {
    // The area exists with no rows (`process: []`): replace the empty list with a row.
    const location = analysis.sourceMap.exact(`/authority/${area}`)!;
    // Replace from just after the colon, so no trailing blank is left on the key's line.
    const colon = text.indexOf(':', location.key?.end ?? location.value.start);
    const start = colon >= 0 && colon < location.value.start ? colon + 1 : location.value.start;
    return { title: `Add a row to \`${area}\``, edits: [{ range: { start, end: location.value.end }, newText: `${eol}${row}` }], preferred: true };
  }
  if (text[authority.value.start] === '{') return undefined; // a flow-style matrix is rare; no guessing
  const lastLine = lines.positionAt(Math.max(authority.value.start, authority.value.end - 1)).line;
  const at = present.length ? lines.lineEnd(lastLine) : lines.lineEnd(lines.positionAt(authority.key.start).line);
  return { title, edits: [{ range: { start: at, end: at }, newText: `${eol}${' '.repeat(areaIndent)}${area}:${eol}${row}` }], preferred: true };
}

/** Adds the rule to a suppression comment on the line above, or writes one. */
function disableForLine(analysis: Analysis, text: string, finding: Finding): QuickFix {
  const lines = analysis.lines;
  const line = lines.positionAt(finding.range.start).line;
  const lineStart = lines.lineStart(line);
  const title = `Disable \`${finding.ruleId}\` for this line`;
  if (line > 0) {
    const previousStart = lines.lineStart(line - 1);
    const previous = text.slice(previousStart, lines.lineEnd(line - 1));
    const match = /^\s*#\s*engagement-disable-next-line\s+(.*?)\s*$/.exec(previous);
    if (match && match[1]) {
      const at = previousStart + previous.trimEnd().length;
      return { title, edits: [{ range: { start: at, end: at }, newText: `, ${finding.ruleId}` }], preferred: false };
    }
  }
  const indent = indentAt(text, lineStart).replace(/-\s*$/, '');
  return {
    title,
    edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}# engagement-disable-next-line ${finding.ruleId}${eolOf(text)}` }],
    preferred: false,
  };
}

/** Applies edits to a text (for tests and previews); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((out, e) => out.slice(0, e.range.start) + e.newText + out.slice(e.range.end), text);
}
