import { RevealOutputChannelOn, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../shared/engagementProtocol';
import { LANGUAGE_ID } from './client';
import type { LanguageClientLike } from './serverConnection';

/** How the client talks to the server, the same in a Node extension host and in a browser. */
export function clientOptions(options: InitializationOptions): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    diagnosticCollectionName: 'engagement',
    initializationOptions: options,
    // The server's own messages go to its output channel; nothing pops up while someone types.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
}

/** The library's client as the extension uses it: methods by name (see ServerConnection). */
export function asClientLike(client: BaseLanguageClient): LanguageClientLike {
  return {
    sendRequest: <R>(method: string, param?: unknown) => (param === undefined ? client.sendRequest<R>(method) : client.sendRequest<R>(method, param)),
    onNotification: (method, handler) => client.onNotification(method, handler as (params: unknown) => void),
    onRequest: (method, handler) => client.onRequest(method, handler as (params: unknown) => unknown),
    start: () => client.start(),
    stop: () => client.stop(),
  };
}
