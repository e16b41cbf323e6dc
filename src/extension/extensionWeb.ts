import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, type EngagementKitApi } from './activateClient';
import { asClientLike, clientOptions } from './clientOptions';
import { ServerConnection } from './serverConnection';

/**
 * The extension in a browser (vscode.dev, github.dev): the server runs in a Web Worker and
 * reads the workspace's files through this client.
 */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  const server = new ServerConnection(async () => asClientLike(new LanguageClient('engagementKit', 'Engagement Kit', worker, clientOptions({ filesThroughClient: true }))));
  return activateClient(context, server);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the client among them.
}
