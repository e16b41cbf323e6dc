import type { ChildProcess } from 'node:child_process';
import { LanguageClient } from 'vscode-languageclient/node';
import { asClientLike, clientOptions } from './clientOptions';
import type { LanguageClientLike } from './serverConnection';

/**
 * The language client for a Node extension host, in a bundle of its own
 * (`dist/languageClient.js`): the library is most of the client's code, and activation does
 * not wait for it (see extension.ts). `server` gives the server's process: the first time
 * the one already started, after a crash a new one (the client restarts it).
 */
export function nodeClient(server: () => ChildProcess, storagePath: string | undefined): LanguageClientLike {
  return asClientLike(new LanguageClient('engagementKit', 'Engagement Kit', () => Promise.resolve(server()), clientOptions({ storagePath })));
}
