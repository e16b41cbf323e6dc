import * as vscode from 'vscode';
import { serveFiles, WorkspaceWatch } from './client';
import { ChangesView, CHANGES_VIEW_ID } from './changes/changesView';
import { registerCommands } from './commands';
import { registerPlanStatusItem } from './planStatusItem';
import { ClientCopyExport, type PdfPrinter } from './export/clientCopyExport';
import { PortfolioPanels } from './portfolio/portfolioPanel';
import { PreviewManager } from './preview/previewManager';
import type { ServerConnection } from './serverConnection';
import { EngagementTreeProvider, VIEW_ID } from './tree/engagementTree';

/** What the extension offers other code (and its integration tests). */
export interface EngagementKitApi {
  /** The way to the server; `ready` resolves once the server has answered `initialize`. */
  readonly server: ServerConnection;
  readonly ready: Promise<void>;
  readonly workspace: WorkspaceWatch;
  readonly tree: EngagementTreeProvider;
  readonly previews: PreviewManager;
  readonly changes: ChangesView;
  /** The portfolio page (Open Portfolio). */
  readonly portfolio: PortfolioPanels;
  /** The text of the plan position item for the active engagement file, and when it changes. */
  planStatusText(): string;
  readonly onDidChangePlanStatus: vscode.Event<void>;
}

/**
 * Wires the client's parts to the server connection: the same for the Node extension host
 * and the browser. Nothing here analyzes; every answer comes from the server. Only the
 * Node host can print a PDF: it passes the loader of its printer.
 *
 * Performance marks are the only tracing: `engagementKit/activate` when activation starts
 * (set by the entry points), `engagementKit/serverReady` when the server has answered
 * `initialize`, and when the workspace was first shown and checked (the workspace watch).
 */
export function activateClient(context: vscode.ExtensionContext, server: ServerConnection, loadPrinter?: () => PdfPrinter): EngagementKitApi {
  const workspace = new WorkspaceWatch(server);
  const tree = new EngagementTreeProvider(server, workspace);
  const previews = new PreviewManager(server, context.extensionUri);
  const exports = new ClientCopyExport(server, loadPrinter, () => previews.resourceFor());
  const status = registerPlanStatusItem(server, workspace.onDidChange);
  const portfolio = new PortfolioPanels(server, workspace, context.extensionUri);
  // The preview of a file compared with a revision marks what changed since.
  const changes = new ChangesView(server, (uri, since, found) => previews.previewFor(uri)?.markChanges(since, found.flatMap((c) => (c.afterLine === undefined ? [] : [c.afterLine]))));
  context.subscriptions.push(workspace, tree, previews, exports, portfolio, status, serveFiles(server), vscode.window.registerTreeDataProvider(VIEW_ID, tree), changes, vscode.window.registerTreeDataProvider(CHANGES_VIEW_ID, changes), registerCommands(server), server);
  const ready = server.ready.then(() => void performance.mark('engagementKit/serverReady'));
  ready.catch((err: unknown) => console.error('[engagement-kit] the language server did not start', err));
  return { server, ready, workspace, tree, previews, changes, portfolio, planStatusText: () => status.text(), onDidChangePlanStatus: status.onDidChange };
}
