import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { TreeChildrenRequest, type TreeNodeData } from '../../shared/engagementProtocol';
import type { WorkspaceWatch } from '../client';

export const VIEW_ID = 'engagementKit.engagements';

/** A node of the tree as the server describes it, with its file and place as editor objects. */
export interface EngagementNode extends Omit<TreeNodeData, 'uri' | 'range'> {
  readonly uri: vscode.Uri;
  readonly range?: vscode.Range;
}

/**
 * Engagements → phases, KPIs, authority and findings, as the server lists them (it follows
 * unsaved edits and keeps the last good model while a file does not parse). Redrawn when
 * the server says the workspace changed.
 */
export class EngagementTreeProvider implements vscode.TreeDataProvider<EngagementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EngagementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly client: ServerConnection,
    workspace: WorkspaceWatch,
  ) {
    this.subscription = workspace.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: EngagementNode): Promise<EngagementNode[]> {
    const nodes = await this.client.request(TreeChildrenRequest, { parent: node?.id });
    return nodes.map((n) => ({
      ...n,
      uri: vscode.Uri.parse(n.uri),
      range: n.range && new vscode.Range(n.range.start.line, n.range.start.character, n.range.end.line, n.range.end.character),
    }));
  }

  getTreeItem(node: EngagementNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
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
