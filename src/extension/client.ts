import * as vscode from 'vscode';
import { FindFilesRequest, ReadFileRequest, WorkspaceChangedNotification, WorkspaceStateRequest, type WorkspaceChange, type WorkspaceStateData } from '../shared/engagementProtocol';
import { MAX_FILE_BYTES } from '../shared/fileLimits';
import type { ServerConnection } from './serverConnection';

export const LANGUAGE_ID = 'engagement';
export const ENGAGEMENT_GLOB = '**/*.engagement.{yaml,yml}';


export function isEngagementDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * Answers the server's questions about files it cannot read itself (a browser, a remote
 * folder): the engagement files of the workspace, and a file's text. Unreadable files are
 * answered `null`, as a deleted one.
 */
export function serveFiles(client: ServerConnection): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(FindFilesRequest, async () => (await vscode.workspace.findFiles(ENGAGEMENT_GLOB, '**/{node_modules,.git}/**')).map((u) => u.toString())),
    client.onRequest(ReadFileRequest, async ({ uri }) => {
      try {
        const target = vscode.Uri.parse(uri);
        const stat = await vscode.workspace.fs.stat(target);
        if (stat.type !== vscode.FileType.File || stat.size > MAX_FILE_BYTES) return null;
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target));
      } catch {
        return null;
      }
    }),
  );
}

/** The workspace as the server reads it: its state, and when it changes. */
export class WorkspaceWatch implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WorkspaceChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: ServerConnection) {
    let marked = { ready: false, checked: false };
    this.subscription = client.onNotification(WorkspaceChangedNotification, (state) => {
      // Tracing for the performance suite: when the workspace was first shown, and checked.
      if (state.ready && !marked.ready) performance.mark('engagementKit/workspaceReady');
      if (state.checked && !marked.checked) performance.mark('engagementKit/workspaceChecked');
      marked = { ready: marked.ready || state.ready, checked: marked.checked || state.checked };
      this.changed.fire(state);
    });
  }

  state(): Promise<WorkspaceStateData> {
    return this.client.request(WorkspaceStateRequest, undefined);
  }

  /** Resolves once the server has read and checked every file of its first scan. */
  async checked(): Promise<void> {
    if ((await this.state()).checked) return;
    await new Promise<void>((resolve) => {
      const subscription = this.onDidChange((state) => {
        if (!state.checked) return;
        subscription.dispose();
        resolve();
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
