import * as vscode from 'vscode';
import { DiffTextsRequest, type ChangeData } from '../../shared/engagementProtocol';
import { isEngagementDocument } from '../client';
import type { ServerConnection } from '../serverConnection';
import { refsOf, repositoryOf, showAt, type GitRepository } from './gitApi';

export const CHANGES_VIEW_ID = 'engagementKit.changes';

/** How many commits of a file's history the Amendments section reads. */
const HISTORY_DEPTH = 200;

type Node =
  | { readonly type: 'comparison'; readonly label: string; readonly uri: vscode.Uri; readonly changes: readonly ChangeData[] }
  | { readonly type: 'history'; readonly uri: vscode.Uri }
  | { readonly type: 'amendment'; readonly uri: vscode.Uri; readonly subject: string; readonly detail: string; readonly changes: readonly ChangeData[] }
  | { readonly type: 'change'; readonly uri: vscode.Uri; readonly change: ChangeData; readonly current: boolean }
  | { readonly type: 'message'; readonly text: string };

const LEVEL_ICONS = { breaking: new vscode.ThemeIcon('error'), notable: new vscode.ThemeIcon('warning'), info: new vscode.ThemeIcon('info') } as const;

/**
 * "Changes of Terms": the last comparison of the active engagement with a revision
 * (*Compare with Revision…*), and its amendment history, each commit that changed its
 * terms with the changes. Texts come from the Git extension; the server compares them.
 */
export class ChangesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private comparison: Extract<Node, { type: 'comparison' }> | undefined;
  private file: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly server: ServerConnection,
    /** Told of each comparison, so an open preview of the file can mark what changed. */
    private readonly onCompared: (uri: vscode.Uri, since: string, changes: readonly ChangeData[]) => void = () => undefined,
  ) {
    this.subscriptions = [
      vscode.commands.registerCommand('engagementKit.compareWithRevision', (ref?: string) => this.compareWithRevision(ref)),
      vscode.commands.registerCommand('engagementKit.refreshChanges', () => this.changed.fire(undefined)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isEngagementDocument(editor.document) || editor.document.uri.toString() === this.file?.toString()) return;
        this.file = editor.document.uri;
        this.changed.fire(undefined);
      }),
      this.changed,
    ];
    const active = vscode.window.activeTextEditor?.document;
    if (active && isEngagementDocument(active)) this.file = active.uri;
  }

  /** Compares the active engagement with a branch, tag or commit, and shows the changes here. */
  async compareWithRevision(ref?: string): Promise<readonly ChangeData[] | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isEngagementDocument(document)) {
      void vscode.window.showInformationMessage('Open an engagement file to compare it with a revision.');
      return undefined;
    }
    const repository = await repositoryOf(document.uri);
    if ('problem' in repository) {
      void vscode.window.showInformationMessage(repository.problem);
      return undefined;
    }
    const chosen = ref ?? (await pickRevision(repository));
    if (!chosen) return undefined;
    const before = await showAt(repository, chosen, document.uri);
    const [changes] = await this.server.request(DiffTextsRequest, { uri: document.uri.toString(), pairs: [{ before: before ?? null, after: document.getText() }] });
    this.file = document.uri;
    this.comparison = { type: 'comparison', label: `Since ${chosen}`, uri: document.uri, changes: changes ?? [] };
    this.changed.fire(undefined);
    this.onCompared(document.uri, chosen, this.comparison.changes);
    await vscode.commands.executeCommand(`${CHANGES_VIEW_ID}.focus`);
    return this.comparison.changes;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const roots: Node[] = [];
      if (this.comparison && this.comparison.uri.toString() === this.file?.toString()) roots.push(this.comparison);
      if (this.file) roots.push({ type: 'history', uri: this.file });
      return roots;
    }
    switch (node.type) {
      case 'comparison':
        return node.changes.length ? node.changes.map((change) => ({ type: 'change', uri: node.uri, change, current: true })) : [{ type: 'message', text: 'No changes of terms.' }];
      case 'history':
        return this.amendments(node.uri);
      case 'amendment':
        return node.changes.map((change) => ({ type: 'change', uri: node.uri, change, current: false }));
      default:
        return [];
    }
  }

  /** Each commit that changed the file's terms, newest first: the Git extension's log and show, compared by the server. */
  private async amendments(uri: vscode.Uri): Promise<Node[]> {
    const repository = await repositoryOf(uri);
    if ('problem' in repository) return [{ type: 'message', text: repository.problem }];
    const commits = await repository.log({ path: uri.fsPath, maxEntries: HISTORY_DEPTH }).catch(() => []);
    if (commits.length === 0) return [{ type: 'message', text: 'No commits of this file yet.' }];
    const texts = await Promise.all(commits.map(async (c) => [c.parents[0] ? await showAt(repository, c.parents[0], uri) : undefined, await showAt(repository, c.hash, uri)] as const));
    const changes = await this.server.request(DiffTextsRequest, { uri: uri.toString(), pairs: texts.map(([before, after]) => ({ before: before ?? null, after: after ?? null })) });
    const nodes: Node[] = [];
    commits.forEach((commit, i) => {
      const found = changes[i] ?? [];
      if (found.length === 0) return; // no change of terms: a comment, a rename, formatting
      const date = commit.authorDate ? commit.authorDate.toISOString().slice(0, 10) : '';
      nodes.push({ type: 'amendment', uri, subject: commit.message.split('\n')[0] ?? commit.hash, detail: [date, commit.authorName, commit.hash.slice(0, 7)].filter(Boolean).join(' · '), changes: found });
    });
    return nodes.length ? nodes : [{ type: 'message', text: 'No commit changed its terms.' }];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'comparison': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.changes.length} change${node.changes.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('git-compare');
        return item;
      }
      case 'history': {
        const item = new vscode.TreeItem('Amendments', vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.uri.path.split('/').pop();
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      case 'amendment': {
        const item = new vscode.TreeItem(node.subject, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = node.detail;
        item.tooltip = `${node.subject}\n${node.detail}\n${node.changes.map((c) => `${c.level}: ${c.message}`).join('\n')}`;
        item.iconPath = new vscode.ThemeIcon('git-commit');
        return item;
      }
      case 'change': {
        const item = new vscode.TreeItem(node.change.message, vscode.TreeItemCollapsibleState.None);
        item.description = `${node.change.level} · ${node.change.kind}`;
        item.iconPath = LEVEL_ICONS[node.change.level];
        item.accessibilityInformation = { label: `${node.change.level} change: ${node.change.message}` };
        // In the current file, a change opens its line; in the history, the file at its line as it is now.
        const line = node.current ? node.change.afterLine : (node.change.afterLine ?? node.change.beforeLine);
        if (line !== undefined) item.command = { command: 'engagementKit.revealInEditor', title: 'Reveal in Editor', arguments: [node.uri, new vscode.Range(line - 1, 0, line - 1, 0)] };
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Branches and tags to compare with, or a commit typed in. */
async function pickRevision(repository: GitRepository): Promise<string | undefined> {
  const refs = (await refsOf(repository)).filter((r) => r.name && r.type !== 1);
  const items = refs.map((r) => ({ label: r.name!, description: r.type === 2 ? 'tag' : 'branch', detail: r.commit?.slice(0, 7) }));
  const picked = await vscode.window.showQuickPick([...items, { label: 'Commit…', description: 'type a commit', detail: undefined }], { title: 'Compare with Revision', placeHolder: 'A branch, a tag (the last signed version, say) or a commit' });
  if (!picked) return undefined;
  if (picked.label !== 'Commit…') return picked.label;
  return (await vscode.window.showInputBox({ title: 'Compare with Revision', prompt: 'A commit, as git names it (HEAD~3, a hash)' }))?.trim() || undefined;
}
