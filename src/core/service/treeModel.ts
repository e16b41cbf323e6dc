import type { Analysis } from '../analyze';
import { describePlanPosition, planCalendar, planDays, positionIn } from '../calendar';
import { kpiProgress, type KpiStatus } from '../kpiStatus';
import { dayOf } from '../model/dates';
import { formatsFor, type Formats } from '../render/formats';
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
  /**
   * What a screen reader says of the node: what a sighted person sees, the icon's meaning
   * included (a KPI's status, a finding's severity, the phase and day of a plan).
   */
  readonly accessibilityLabel: string;
  /** A product icon name (`briefcase`, `warning`, `loading~spin`…) and its theme colour id. */
  readonly icon: string;
  readonly color?: string;
  readonly uri: string;
  /** Where the node points in the file; the file's start when undefined. */
  readonly range?: LineRange;
  readonly contextValue: string;
  readonly collapsible: boolean;
}

const STATUS_WORDS: Record<KpiStatus, string> = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', done: 'done', 'no-data': 'no data yet' };

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
  if (!model) {
    const label = decodeURIComponent(name);
    return { id: entry.uri, label, description: 'not readable yet', accessibilityLabel: `${label}, engagement file, not readable yet`, icon: 'warning', uri: entry.uri, contextValue: 'engagement', collapsible: true };
  }
  const position = describePlanPosition(positionIn(entry.card.plan, dayOf(today)));
  const description = [model.client?.name, model.executive?.role, model.status, position].filter(Boolean).join(' · ');
  const broken = entry.syntaxBroken ? ' (showing the last readable version)' : '';
  const label = model.title ?? decodeURIComponent(name);
  const spoken = [`${label}, engagement`, model.client?.name && `client ${model.client.name}`, model.executive?.role, model.status && `status ${model.status}`, position.replace(' · ', ', phase '), broken && 'showing the last readable version'];
  return { id: entry.uri, label, description, tooltip: `${decodeURIComponent(name)}${broken}\n${description}`, accessibilityLabel: spoken.filter(Boolean).join(', '), icon: 'briefcase', uri: entry.uri, contextValue: 'engagement', collapsible: true };
}

/** The children of a node below the engagement's own line. */
export function childNodes(parentId: string, entry: IndexEntry, portfolio: readonly Finding[], today: string | undefined, locale?: string): TreeNode[] {
  const formats = formatsFor(locale, 'USD');
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
      return phaseNodes(analysis(), entry, today, formats);
    case 'phase':
      return activityNodes(analysis(), entry, Number(rest[0]));
    case 'kpis':
      return kpiNodes(analysis(), entry, today, formats);
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
  const accessibilityLabel = description ? `${label}, ${description}` : label;
  return { id: nodeId(entry, kind), label, description, accessibilityLabel, icon, uri: entry.uri, contextValue: 'group', collapsible: true };
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

function phaseNodes(analysis: Analysis, entry: IndexEntry, today: string | undefined, formats: Formats): TreeNode[] {
  const model = analysis.model;
  if (!model) return [];
  const calendar = planCalendar(model);
  const position = positionIn(planDays(model), dayOf(today));
  return (model.plan?.phases ?? []).map((phase, i) => {
    const dates = calendar?.phases.find((p) => p.phase === phase);
    const days = phase.days ? `days ${phase.days.first}-${phase.days.last}` : 'no days';
    const label = phase.name ?? phase.id ?? 'Phase';
    const current = position.state === 'in-progress' && position.phase === phase;
    return {
      id: nodeId(entry, 'phase', i),
      label,
      description: dates ? `${days} · ${formats.date(dates.startDate)} → ${formats.date(dates.endDate)}` : days,
      accessibilityLabel: [phase.kind && phase.kind !== label.toLowerCase() ? `${label}, ${phase.kind} phase` : `${label} phase`, days, dates && `${formats.date(dates.startDate)} to ${formats.date(dates.endDate)}`, current && position.state === 'in-progress' && `current phase, day ${position.day} of ${position.days}`].filter(Boolean).join(', '),
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
  return phase.activities.map((activity, j) => {
    const facts = [activity.span ? `days ${activity.span.first}-${activity.span.last}` : undefined, activity.owner, activity.deliverable ? 'deliverable' : undefined].filter(Boolean);
    return {
    id: nodeId(entry, 'phase', index, 'activity', j),
    label: activity.name ?? 'Activity',
    description: facts.join(' · '),
    accessibilityLabel: [`${activity.name ?? 'Activity'}, activity`, ...facts.map((f) => (f === activity.owner ? `owner ${f}` : f))].join(', '),
    icon: activity.deliverable ? 'package' : 'debug-stackframe-dot',
    uri: entry.uri,
    range: rangeOf(analysis, activity.path, 'value'),
    contextValue: 'activity',
    collapsible: false,
  };
  });
}

function kpiNodes(analysis: Analysis, entry: IndexEntry, today: string | undefined, formats: Formats): TreeNode[] {
  const model = analysis.model;
  if (!model) return [];
  const day = dayOf(today);
  return model.kpis.map((kpi: Kpi, i) => {
    const progress = kpiProgress(kpi, model, day);
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    const value = (n: number | undefined): string => (n === undefined ? '?' : String(n));
    const due = kpi.by ? (/^\d{4}-\d{2}-\d{2}$/.test(kpi.by) ? formats.date(kpi.by) : kpi.by) : undefined;
    const label = kpi.name ?? kpi.id ?? 'KPI';
    const latest = progress.latest ? value(progress.latest.value) : undefined;
    return {
      id: nodeId(entry, 'kpi', i),
      label,
      description: `${kpi.type ?? ''} · ${value(kpi.baseline)} → ${latest ?? '–'} → ${value(kpi.target)}${unit}`,
      tooltip: `${progress.status}${due ? `, due ${due}` : ''}`,
      accessibilityLabel: [`${label}, ${kpi.type ?? ''} KPI, ${STATUS_WORDS[progress.status]}`, `baseline ${value(kpi.baseline)}`, `latest ${latest ?? 'none'}`, `target ${value(kpi.target)}${unit}`, due && `due ${due}`].filter(Boolean).join(', '),
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
    accessibilityLabel: `${area}, authority area`,
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
    const label = row.decision ?? row.id ?? 'Decision';
    const description = `exec: ${exec}${decider && decider !== 'exec' ? ` · ${decider} decides` : ''}${row.limit !== undefined ? ` · up to ${row.limit} ${model.currency}` : ''}`;
    return {
      id: nodeId(entry, 'area', area, i),
      label,
      description,
      accessibilityLabel: `${label}, decision, ${description.replace(/ · /g, ', ')}`,
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
    return [{ id: `${parent}${SEP}checking`, label: 'Checking…', accessibilityLabel: 'Checking the file…', icon: 'loading~spin', uri: entry.uri, contextValue: 'checking', collapsible: false }];
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
    accessibilityLabel: `${finding.severity}: ${finding.message}, rule ${finding.ruleId}, line ${entry.lines.positionAt(finding.range.start).line + 1}`,
    icon: finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info',
    uri: entry.uri,
    range: { start: entry.lines.positionAt(finding.range.start), end: entry.lines.positionAt(finding.range.start) },
    contextValue: 'finding',
    collapsible: false,
  }));
}
