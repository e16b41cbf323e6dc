import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { asClientLike, clientOptions } from './clientOptions';
import type { LanguageClientLike } from './serverConnection';

/**
 * The language client for a Node extension host, in a bundle of its own
 * (`dist/languageClient.js`): the library is most of the client's code, and activation does
 * not wait for it (see extension.ts). The server runs as a Node process over IPC.
 */
export function nodeClient(serverModule: string, storagePath: string | undefined): LanguageClientLike {
  const client = new LanguageClient(
    'engagementKit',
    'Engagement Kit',
    { run: { module: serverModule, transport: TransportKind.ipc }, debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } } },
    clientOptions({ storagePath }),
  );
  return asClientLike(client);
}
