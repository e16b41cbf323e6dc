import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateClient, type EngagementKitApi } from './activateClient';
import { clientOptions } from './client';

export type { EngagementKitApi } from './activateClient';

/**
 * The extension in a Node extension host (VS Code, code-server): the server runs as a Node
 * process over IPC. Its cards are kept in VS Code's storage for the workspace.
 */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const storagePath = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  const client = new LanguageClient(
    'engagementKit',
    'Engagement Kit',
    { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } } },
    clientOptions({ storagePath }),
  );
  return activateClient(context, client);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the client among them.
}
