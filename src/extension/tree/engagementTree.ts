import * as vscode from 'vscode';
import { TreeChildrenRequest, type TreeNodeData, type WorkspaceChange } from '../../shared/engagementProtocol';
import type { WorkspaceWatch } from '../client';
import type { ServerConnection } from '../serverConnection';

export const VIEW_ID = 'engagementKit.engagements';

/** A node of the tree as the server describes it, with its file and place as editor objects. */
export interface EngagementNode extends Omit<TreeNodeData, 'uri' | 'range'> {
  readonly uri: vscode.Uri;
  readonly range?: vscode.Range;
}

function toNode(data: TreeNodeData): EngagementNode {
  const range = data.range && new vscode.Range(data.range.start.line, data.range.start.character, data.range.end.line, data.range.end.character);
  return { ...data, uri: vscode.Uri.parse(data.uri), range };
}

/**
 * Engagements → phases, KPIs, authority and findings, as the server lists them (it follows
 * unsaved edits and keeps the last good model while a file does not parse). When the server
 * names the files that changed, only their lines are redrawn: typing in one file of a
 * thousand does not list the thousand again. VS Code knows a line by its object, so a
 * changed line keeps its object, updated in place.
 */
export class EngagementTreeProvider implements vscode.TreeDataProvider<EngagementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EngagementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** The engagements' lines last listed, by file. */
  private readonly roots = new Map<string, EngagementNode>();

  constructor(
    private readonly client: ServerConnection,
    workspace: WorkspaceWatch,
  ) {
    this.subscription = workspace.onDidChange((change) => void this.redraw(change));
  }

  private async redraw(change: WorkspaceChange): Promise<void> {
    const changed = change.changed;
    if (!changed || changed.some((uri) => !this.roots.has(uri))) return this.changed.fire(undefined);
    if (changed.length === 0) return;
    const fresh = await this.client.request(TreeChildrenRequest, { only: changed });
    if (fresh.length !== changed.length) return this.changed.fire(undefined); // a file went meanwhile
    for (const data of fresh) {
      const line = this.roots.get(data.uri);
      if (!line) return this.changed.fire(undefined);
      Object.assign(line, toNode(data));
      this.changed.fire(line);
    }
  }

  async getChildren(node?: EngagementNode): Promise<EngagementNode[]> {
    const listed = await this.client.request(TreeChildrenRequest, { parent: node?.id });
    const nodes = listed.map(toNode);
    if (!node) {
      this.roots.clear();
      listed.forEach((data, i) => this.roots.set(data.uri, nodes[i]!));
    }
    return nodes;
  }

  getTreeItem(node: EngagementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    // A screen reader hears what the line shows, the icon's meaning included (a KPI's status).
    item.accessibilityInformation = { label: node.accessibilityLabel };
    item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
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
