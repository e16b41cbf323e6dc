import type { Analysis } from '../analyze';
import { describePlanPosition, planCalendar, positionIn } from '../calendar';
import { kpiProgress, type KpiStatus } from '../kpiStatus';
import { dayOf } from '../model/dates';
import { AREAS, type Kpi } from '../model/engagement';
import type { Finding, Path, TextRange } from '../types';
import type { IndexEntry } from './indexEntry';

/** A line and column range, as editors count them (0-based, UTF-16). */
export interface LineRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** One node of the Engagements tree, as plain data: the client draws it. */
export interface TreeNode {
  /** Unique in the tree, and what asks for the node's children. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A product icon name (`briefcase`, `warning`, `loading~spin`…) and its theme colour id. */
  readonly icon: string;
  readonly color?: string;
  readonly uri: string;
  /** Where the node points in the file; the file's start when undefined. */
  readonly range?: LineRange;
  readonly contextValue: string;
  readonly collapsible: boolean;
}

const STATUS_ICONS: Record<KpiStatus, { icon: string; color?: string }> = {
  'on-track': { icon: 'pass', color: 'testing.iconPassed' },
  'at-risk': { icon: 'warning', color: 'list.warningForeground' },
  'off-track': { icon: 'error', color: 'list.errorForeground' },
  done: { icon: 'check-all', color: 'testing.iconPassed' },
  'no-data': { icon: 'circle-outline' },
};

/** Separates a node id's parts: the file's URI first, which never holds a line break. */
const SEP = '\n';

/** An engagement's line: from its card, nothing else read. */
export function engagementNode(entry: IndexEntry, today: string | undefined): TreeNode {
  const model = entry.card.model;
  const name = entry.uri.split('/').pop() ?? entry.uri;
  if (!model) return { id: entry.uri, label: decodeURIComponent(name), description: 'not readable yet', icon: 'warning', uri: entry.uri, contextValue: 'engagement', collapsible: true };
  const position = describePlanPosition(positionIn(entry.card.plan, dayOf(today)));
  const description = [model.client?.name, model.executive?.role, model.status, position].filter(Boolean).join(' · ');
  const broken = entry.syntaxBroken ? ' (showing the last readable version)' : '';
  return { id: entry.uri, label: model.title ?? decodeURIComponent(name), description, tooltip: `${decodeURIComponent(name)}${broken}\n${description}`, icon: 'briefcase', uri: entry.uri, contextValue: 'engagement', collapsible: true };
}

/** The children of a node below the engagement's own line. */
export function childNodes(parentId: string, entry: IndexEntry, portfolio: readonly Finding[], today: string | undefined): TreeNode[] {
  const parts = parentId.split(SEP).slice(1);
  const id = entry.uri;
  const analysis = (): Analysis => entry.lastGood ?? entry.analysis;
  const findings = [...entry.findings, ...portfolio];
  if (parts.length === 0) {
    if (!entry.card.model) return findingNodes(entry, findings);
    return [
      group(entry, 'phases', 'Phases', 'calendar'),
      group(entry, 'kpis', 'KPIs', 'graph-line'),
      group(entry, 'authority', 'Authority', 'shield'),
      ...findingsGroup(entry, findings, id),
    ];
  }
  const [kind, ...rest] = parts;
  switch (kind) {
    case 'phases':
      return phaseNodes(analysis(), entry);
    case 'phase':
      return activityNodes(analysis(), entry, Number(rest[0]));
    case 'kpis':
      return kpiNodes(analysis(), entry, today);
    case 'authority':
      return areaNodes(analysis(), entry);
    case 'area':
      return decisionNodes(analysis(), entry, rest[0] ?? '');
    case 'findings':
      return findingNodes(entry, findings);
    default:
      return [];
  }
}

/** The URI a node id belongs to. */
export function uriOfNode(id: string): string {
  return id.split(SEP)[0]!;
}

function nodeId(entry: IndexEntry, ...parts: (string | number)[]): string {
  return [entry.uri, ...parts].join(SEP);
}

function group(entry: IndexEntry, kind: string, label: string, icon: string, description?: string): TreeNode {
  return { id: nodeId(entry, kind), label, description, icon, uri: entry.uri, contextValue: 'group', collapsible: true };
}

function lineRange(analysis: Analysis, range: TextRange): LineRange {
  return { start: analysis.lines.positionAt(range.start), end: analysis.lines.positionAt(range.start) };
}

function rangeOf(analysis: Analysis, path: Path, part: 'key' | 'value' = 'key'): LineRange {
  return lineRange(analysis, analysis.sourceMap.range(path, part));
}

function phaseIcon(kind: string | undefined): string {
  return kind === 'diagnostic' ? 'search' : kind === 'build' ? 'tools' : kind === 'execute' ? 'rocket' : 'circle-large-outline';
}

function phaseNodes(analysis: Analysis, entry: IndexEntry): TreeNode[] {
  const model = analysis.model;
  if (!model) return [];
  const calendar = planCalendar(model);
  return (model.plan?.phases ?? []).map((phase, i) => {
    const dates = calendar?.phases.find((p) => p.phase === phase);
    const days = phase.days ? `days ${phase.days.first}-${phase.days.last}` : 'no days';
    return {
      id: nodeId(entry, 'phase', i),
      label: phase.name ?? phase.id ?? 'Phase',
      description: dates ? `${days} · ${dates.startDate} → ${dates.endDate}` : days,
      tooltip: phase.goal,
      icon: phaseIcon(phase.kind),
      uri: entry.uri,
      range: rangeOf(analysis, phase.path, 'value'),
      contextValue: 'phase',
      collapsible: phase.activities.length > 0,
    };
  });
}

function activityNodes(analysis: Analysis, entry: IndexEntry, index: number): TreeNode[] {
  const phase = analysis.model?.plan?.phases[index];
  if (!phase) return [];
  return phase.activities.map((activity, j) => ({
    id: nodeId(entry, 'phase', index, 'activity', j),
    label: activity.name ?? 'Activity',
    description: [activity.span ? `days ${activity.span.first}-${activity.span.last}` : undefined, activity.owner, activity.deliverable ? 'deliverable' : undefined].filter(Boolean).join(' · '),
    icon: activity.deliverable ? 'package' : 'debug-stackframe-dot',
    uri: entry.uri,
    range: rangeOf(analysis, activity.path, 'value'),
    contextValue: 'activity',
    collapsible: false,
  }));
}

function kpiNodes(analysis: Analysis, entry: IndexEntry, today: string | undefined): TreeNode[] {
  const model = analysis.model;
  if (!model) return [];
  const day = dayOf(today);
  return model.kpis.map((kpi: Kpi, i) => {
    const progress = kpiProgress(kpi, model, day);
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    const value = (n: number | undefined): string => (n === undefined ? '?' : String(n));
    return {
      id: nodeId(entry, 'kpi', i),
      label: kpi.name ?? kpi.id ?? 'KPI',
      description: `${kpi.type ?? ''} · ${value(kpi.baseline)} → ${progress.latest ? value(progress.latest.value) : '–'} → ${value(kpi.target)}${unit}`,
      tooltip: `${progress.status}${kpi.by ? `, due ${kpi.by}` : ''}`,
      ...STATUS_ICONS[progress.status],
      uri: entry.uri,
      range: rangeOf(analysis, kpi.path, 'value'),
      contextValue: `kpi-${progress.status}`,
      collapsible: false,
    };
  });
}

function areaNodes(analysis: Analysis, entry: IndexEntry): TreeNode[] {
  const model = analysis.model;
  if (!model) return [];
  return AREAS.filter((area) => model.authority?.areas[area] !== undefined).map((area) => ({
    id: nodeId(entry, 'area', area),
    label: area,
    icon: 'symbol-namespace',
    uri: entry.uri,
    range: rangeOf(analysis, ['authority', area]),
    contextValue: 'area',
    collapsible: true,
  }));
}

function decisionNodes(analysis: Analysis, entry: IndexEntry, areaName: string): TreeNode[] {
  const model = analysis.model;
  const area = AREAS.find((a) => a === areaName);
  if (!model || !area) return [];
  return (model.authority?.areas[area] ?? []).map((row, i) => {
    const exec = row.assignments.find((a) => a.party === 'exec')?.level ?? 'no say';
    const decider = row.assignments.find((a) => a.level === 'decide')?.party;
    return {
      id: nodeId(entry, 'area', area, i),
      label: row.decision ?? row.id ?? 'Decision',
      description: `exec: ${exec}${decider && decider !== 'exec' ? ` · ${decider} decides` : ''}${row.limit !== undefined ? ` · up to ${row.limit} ${model.currency}` : ''}`,
      icon: exec === 'decide' ? 'star-full' : 'star-empty',
      uri: entry.uri,
      range: rangeOf(analysis, row.path, 'value'),
      contextValue: 'decision',
      collapsible: false,
    };
  });
}

function findingsGroup(entry: IndexEntry, findings: readonly Finding[], parent: string): TreeNode[] {
  if (!entry.checked) {
    // Shown from its outline while the scan checks it; the tree refreshes when that is done.
    return [{ id: `${parent}${SEP}checking`, label: 'Checking…', icon: 'loading~spin', uri: entry.uri, contextValue: 'checking', collapsible: false }];
  }
  if (findings.length === 0) return [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const label = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  return [group(entry, 'findings', label, errors ? 'error' : warnings ? 'warning' : 'info', `${errors} errors, ${warnings} warnings`)];
}

function findingNodes(entry: IndexEntry, findings: readonly Finding[]): TreeNode[] {
  return findings.map((finding, i) => ({
    id: nodeId(entry, 'finding', i, finding.ruleId, finding.range.start),
    label: finding.message,
    description: finding.ruleId,
    icon: finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info',
    uri: entry.uri,
    range: { start: entry.lines.positionAt(finding.range.start), end: entry.lines.positionAt(finding.range.start) },
    contextValue: 'finding',
    collapsible: false,
  }));
}
