import type { Analysis } from '../analyze';
import type { TextEdit } from '../editing/quickFixes';
import { kpiBlock } from '../library/engagementTemplate';
import { ROLE_TEMPLATES, roleTemplate, type KpiTemplate } from '../library/roles';
import { pointerOf } from '../yaml/sourceMap';

/** The KPIs of the engagement's role (or every role's) not in the file yet. */
export function kpiChoices(analysis: Analysis): KpiTemplate[] {
  const model = analysis.model;
  const library = roleTemplate(model?.executive?.role ?? '')?.kpis ?? ROLE_TEMPLATES.flatMap((r) => r.kpis);
  const present = new Set(model?.kpis.map((k) => k.id));
  return library.filter((k) => !present.has(k.id));
}

/** The KPI of the library with this id, for this engagement's role first. */
export function kpiTemplate(analysis: Analysis, id: string): KpiTemplate | undefined {
  const role = roleTemplate(analysis.model?.executive?.role ?? '')?.kpis ?? [];
  return [...role, ...ROLE_TEMPLATES.flatMap((r) => r.kpis)].find((k) => k.id === id);
}

/**
 * The edit that adds a KPI after the last one, in the file's own indentation and line ends;
 * under `kpis:` when that has no items, or as a new section at the end.
 */
export function addKpiEdit(analysis: Analysis, text: string, kpi: KpiTemplate): TextEdit {
  const model = analysis.model!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = (indent: string): string => kpiBlock(kpi, indent, 'day 90').replace(/\n/g, eol);
  const lines = analysis.lines;
  const kpis = analysis.sourceMap.exact(pointerOf(['kpis']));
  if (kpis && model.kpis.length > 0 && text[kpis.value.start] !== '[') {
    const first = analysis.sourceMap.exact(pointerOf(model.kpis[0]!.path))!;
    const dashColumn = lines.positionAt(first.value.start).character - 2;
    const lastLine = lines.positionAt(Math.max(kpis.value.start, kpis.value.end - 1)).line;
    const at = lines.lineEnd(lastLine);
    return { range: { start: at, end: at }, newText: `${eol}${block(' '.repeat(Math.max(0, dashColumn)))}` };
  }
  if (kpis?.key) {
    // `kpis:` with nothing (or `[]`): put the first item under the key.
    const indent = ' '.repeat(lines.positionAt(kpis.key.start).character + 2);
    const colon = text.indexOf(':', kpis.key.end);
    return { range: { start: colon + 1, end: Math.max(colon + 1, kpis.value.end) }, newText: `${eol}${block(indent)}` };
  }
  const last = lines.lineCount - 1;
  const lead = text.slice(lines.lineStart(last), lines.lineEnd(last)).trim() === '' ? '' : eol;
  const end = lines.lineEnd(last);
  return { range: { start: end, end }, newText: `${lead}kpis:${eol}${block('  ')}${eol}` };
}
