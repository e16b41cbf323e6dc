import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { activateClient, type EngagementKitApi } from './activateClient';
import type { PdfPrinter } from './export/clientCopyExport';
import { ServerConnection, type LanguageClientLike } from './serverConnection';
import { forkServer } from './serverProcess';

export type { EngagementKitApi } from './activateClient';

/**
 * The extension in a Node extension host (VS Code, code-server). Activation registers the
 * views, commands and the preview's serializer, and returns. The next task starts the
 * server (a Node process, `dist/server.js`), then requires the language client library,
 * most of the client's code and a bundle of its own (`dist/languageClient.js`, external in
 * esbuild.mjs), and hands it the running server: the two load at once, on two cores.
 * Starting the process inside `activate()` instead cost activation 8 to 36 ms in the
 * test runs. Requests made meanwhile wait for the client. The workspace's cards are kept in VS Code's storage.
 */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  performance.mark('engagementKit/activate');
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const storagePath = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  const server = new ServerConnection(
    () =>
      new Promise<LanguageClientLike>((resolve, reject) =>
        setImmediate(() => {
          try {
            let started: ChildProcess | undefined = forkServer(serverModule);
            const server = (): ChildProcess => {
              const process = started ?? forkServer(serverModule);
              started = undefined;
              return process;
            };
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/languageClient.js, beside this bundle
            const { nodeClient } = require('./languageClient.js') as { nodeClient(server: () => ChildProcess, storagePath: string | undefined): LanguageClientLike };
            resolve(nodeClient(server, storagePath));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }),
      ),
  );
  // dist/printPdf.js (and the browser driver it requires) is loaded when a PDF is first asked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/printPdf.js, beside this bundle
  return activateClient(context, server, () => require('./printPdf.js') as PdfPrinter);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the client among them.
}
