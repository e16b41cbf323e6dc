import * as vscode from 'vscode';
import { AREAS, dayOf, describePlanPosition, kpiProgress, planCalendar, positionIn, type Analysis, type Kpi, type KpiStatus, type Path, type TextRange } from '../../core';
import { today } from '../documentAnalyses';
import type { IndexedEngagement, WorkspaceIndex } from '../workspaceIndex';

export const VIEW_ID = 'engagementKit.engagements';

/** A node of the tree: what it shows, where it points in the source, and its children. */
export interface EngagementNode {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: vscode.ThemeIcon;
  readonly uri: vscode.Uri;
  readonly range?: TextRange;
  readonly contextValue: string;
  readonly children?: () => EngagementNode[];
}

const STATUS_ICONS: Record<KpiStatus, vscode.ThemeIcon> = {
  'on-track': new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'at-risk': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'off-track': new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  done: new vscode.ThemeIcon('check-all', new vscode.ThemeColor('testing.iconPassed')),
  'no-data': new vscode.ThemeIcon('circle-outline'),
};

/**
 * Engagements → phases, KPIs, authority and findings. Built from the workspace index, so
 * it follows unsaved edits and keeps the last good model while a file does not parse.
 */
export class EngagementTreeProvider implements vscode.TreeDataProvider<EngagementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EngagementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: EngagementNode): Promise<EngagementNode[]> {
    if (node) return node.children?.() ?? [];
    await this.index.ready();
    return this.index.all().map(engagementNode);
  }

  getTreeItem(node: EngagementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = node.icon;
    item.contextValue = node.contextValue;
    item.resourceUri = node.contextValue === 'engagement' ? node.uri : undefined;
    item.command = { command: 'engagementKit.revealInEditor', title: 'Reveal in Editor', arguments: [node.uri, node.range] };
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function engagementNode(entry: IndexedEngagement): EngagementNode {
  // The line itself comes from the card; what is inside is read when the node is expanded.
  const model = entry.card.model;
  const id = entry.uri.toString();
  const name = entry.uri.path.split('/').pop()!;
  if (!model) {
    return { id, label: name, description: 'not readable yet', icon: new vscode.ThemeIcon('warning'), uri: entry.uri, contextValue: 'engagement', children: () => findingsNodes(entry, id) };
  }
  const position = describePlanPosition(positionIn(entry.card.plan, dayOf(today())));
  const description = [model.client?.name, model.executive?.role, model.status, position].filter(Boolean).join(' · ');
  const broken = entry.syntaxBroken ? ' (showing the last readable version)' : '';
  const analysis = (): Analysis => entry.lastGood ?? entry.analysis;
  return {
    id,
    label: model.title ?? name,
    description,
    tooltip: `${name}${broken}\n${description}`,
    icon: new vscode.ThemeIcon('briefcase'),
    uri: entry.uri,
    contextValue: 'engagement',
    children: () => [
      group(`${id}/phases`, 'Phases', 'calendar', entry, () => phaseNodes(analysis(), entry, id)),
      group(`${id}/kpis`, 'KPIs', 'graph-line', entry, () => kpiNodes(analysis(), entry, id)),
      group(`${id}/authority`, 'Authority', 'shield', entry, () => authorityNodes(analysis(), entry, id)),
      ...findingsGroup(entry, id),
    ],
  };
}

function group(id: string, label: string, icon: string, entry: IndexedEngagement, children: () => EngagementNode[], description?: string): EngagementNode {
  return { id, label, description, icon: new vscode.ThemeIcon(icon), uri: entry.uri, contextValue: 'group', children };
}

function rangeOf(analysis: Analysis, path: Path, part: 'key' | 'value' = 'key'): TextRange {
  return analysis.sourceMap.range(path, part);
}

function phaseNodes(analysis: Analysis, entry: IndexedEngagement, parent: string): EngagementNode[] {
  const model = analysis.model!;
  const calendar = planCalendar(model);
  return (model.plan?.phases ?? []).map((phase, i) => {
    const dates = calendar?.phases.find((p) => p.phase === phase);
    const days = phase.days ? `days ${phase.days.first}-${phase.days.last}` : 'no days';
    return {
      id: `${parent}/phase/${i}`,
      label: phase.name ?? phase.id ?? 'Phase',
      description: dates ? `${days} · ${dates.startDate} → ${dates.endDate}` : days,
      tooltip: phase.goal,
      icon: new vscode.ThemeIcon(phase.kind === 'diagnostic' ? 'search' : phase.kind === 'build' ? 'tools' : phase.kind === 'execute' ? 'rocket' : 'circle-large-outline'),
      uri: entry.uri,
      range: rangeOf(analysis, phase.path, 'value'),
      contextValue: 'phase',
      children: phase.activities.length
        ? () =>
            phase.activities.map((activity, j) => ({
              id: `${parent}/phase/${i}/activity/${j}`,
              label: activity.name ?? 'Activity',
              description: [activity.span ? `days ${activity.span.first}-${activity.span.last}` : undefined, activity.owner, activity.deliverable ? 'deliverable' : undefined].filter(Boolean).join(' · '),
              icon: new vscode.ThemeIcon(activity.deliverable ? 'package' : 'debug-stackframe-dot'),
              uri: entry.uri,
              range: rangeOf(analysis, activity.path, 'value'),
              contextValue: 'activity',
            }))
        : undefined,
    };
  });
}

function kpiNodes(analysis: Analysis, entry: IndexedEngagement, parent: string): EngagementNode[] {
  const model = analysis.model!;
  const day = dayOf(today());
  return model.kpis.map((kpi: Kpi, i) => {
    const progress = kpiProgress(kpi, model, day);
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    const value = (n: number | undefined): string => (n === undefined ? '?' : String(n));
    return {
      id: `${parent}/kpi/${i}`,
      label: kpi.name ?? kpi.id ?? 'KPI',
      description: `${kpi.type ?? ''} · ${value(kpi.baseline)} → ${progress.latest ? value(progress.latest.value) : '–'} → ${value(kpi.target)}${unit}`,
      tooltip: `${progress.status}${kpi.by ? `, due ${kpi.by}` : ''}`,
      icon: STATUS_ICONS[progress.status],
      uri: entry.uri,
      range: rangeOf(analysis, kpi.path, 'value'),
      contextValue: `kpi-${progress.status}`,
    };
  });
}

function authorityNodes(analysis: Analysis, entry: IndexedEngagement, parent: string): EngagementNode[] {
  const model = analysis.model!;
  return AREAS.filter((area) => model.authority?.areas[area] !== undefined).map((area) => ({
    id: `${parent}/area/${area}`,
    label: area,
    icon: new vscode.ThemeIcon('symbol-namespace'),
    uri: entry.uri,
    range: rangeOf(analysis, ['authority', area]),
    contextValue: 'area',
    children: () =>
      (model.authority?.areas[area] ?? []).map((row, i) => {
        const exec = row.assignments.find((a) => a.party === 'exec')?.level ?? 'no say';
        const decider = row.assignments.find((a) => a.level === 'decide')?.party;
        return {
          id: `${parent}/area/${area}/${i}`,
          label: row.decision ?? row.id ?? 'Decision',
          description: `exec: ${exec}${decider && decider !== 'exec' ? ` · ${decider} decides` : ''}${row.limit !== undefined ? ` · up to ${row.limit} ${model.currency}` : ''}`,
          icon: new vscode.ThemeIcon(exec === 'decide' ? 'star-full' : 'star-empty'),
          uri: entry.uri,
          range: rangeOf(analysis, row.path, 'value'),
          contextValue: 'decision',
        };
      }),
  }));
}

function allFindings(entry: IndexedEngagement): Analysis['findings'] {
  return [...entry.findings, ...entry.portfolio];
}

function findingsGroup(entry: IndexedEngagement, parent: string): EngagementNode[] {
  if (!entry.checked) {
    // Shown from its outline while the scan checks it; the tree refreshes when that is done.
    return [{ id: `${parent}/checking`, label: 'Checking…', icon: new vscode.ThemeIcon('loading~spin'), uri: entry.uri, contextValue: 'checking' }];
  }
  const findings = allFindings(entry);
  if (findings.length === 0) return [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const label = `${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  return [group(`${parent}/findings`, label, errors ? 'error' : warnings ? 'warning' : 'info', entry, () => findingsNodes(entry, parent), `${errors} errors, ${warnings} warnings`)];
}

function findingsNodes(entry: IndexedEngagement, parent: string): EngagementNode[] {
  return allFindings(entry).map((finding, i) => ({
    id: `${parent}/finding/${i}/${finding.ruleId}/${finding.range.start}`,
    label: finding.message,
    description: finding.ruleId,
    icon: new vscode.ThemeIcon(finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info'),
    uri: entry.uri,
    range: finding.range,
    contextValue: 'finding',
  }));
}
