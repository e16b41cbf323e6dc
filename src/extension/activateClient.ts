import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { serveFiles, WorkspaceWatch } from './client';
import { registerCommands } from './commands';
import { registerPlanStatusItem } from './planStatusItem';
import { PreviewManager } from './preview/previewManager';
import { EngagementTreeProvider, VIEW_ID } from './tree/engagementTree';

/** What the extension offers other code (and its integration tests). */
export interface EngagementKitApi {
  /** The language client; resolves `ready` once the server has answered `initialize`. */
  readonly client: BaseLanguageClient;
  readonly ready: Promise<void>;
  readonly workspace: WorkspaceWatch;
  readonly tree: EngagementTreeProvider;
  readonly previews: PreviewManager;
  /** The text of the plan position item for the active engagement file, and when it changes. */
  planStatusText(): string;
  readonly onDidChangePlanStatus: vscode.Event<void>;
}

/**
 * Wires the client's parts to a started language client: the same for the Node extension
 * host and the browser. Nothing here analyzes; every answer comes from the server.
 *
 * Two performance marks are the only tracing: `engagementKit/activate` when activation
 * starts and `engagementKit/serverReady` when the server has answered `initialize`.
 */
export function activateClient(context: vscode.ExtensionContext, client: BaseLanguageClient): EngagementKitApi {
  performance.mark('engagementKit/activate');
  const workspace = new WorkspaceWatch(client);
  const tree = new EngagementTreeProvider(client, workspace);
  const previews = new PreviewManager(client, context.extensionUri);
  const status = registerPlanStatusItem(client, workspace.onDidChange);
  context.subscriptions.push(
    workspace,
    tree,
    previews,
    status,
    serveFiles(client),
    vscode.window.registerTreeDataProvider(VIEW_ID, tree),
    registerCommands(client),
    { dispose: () => void client.stop() },
  );
  const ready = client.start().then(() => void performance.mark('engagementKit/serverReady'));
  ready.catch((err: unknown) => console.error('[engagement-kit] the language server did not start', err));
  return { client, ready, workspace, tree, previews, planStatusText: () => status.text(), onDidChangePlanStatus: status.onDidChange };
}
