import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, type EngagementKitApi } from './activateClient';
import { asClientLike, clientOptions } from './clientOptions';
import { ServerConnection } from './serverConnection';

/**
 * The extension in a browser (vscode.dev, github.dev, or a remote workbench told to run it
 * in the browser): the server runs in a Web Worker and reads the workspace's files through
 * this client.
 */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  performance.mark('engagementKit/activate');
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const server = new ServerConnection(async () => asClientLike(new LanguageClient('engagementKit', 'Engagement Kit', await startWorker(serverUri), clientOptions({ filesThroughClient: true }))));
  return activateClient(context, server);
}

/**
 * A Worker running the server. The workbench refuses a Worker made from a remote
 * extension's URL (an extension installed on a code-server or a remote host), so there the
 * script is read through the workspace file system and started from a blob of its text.
 */
async function startWorker(serverUri: vscode.Uri): Promise<Worker> {
  if (serverUri.scheme !== 'vscode-remote') return new Worker(serverUri.toString(true));
  const code = await vscode.workspace.fs.readFile(serverUri);
  return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' })));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the client among them.
}
