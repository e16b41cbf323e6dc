/// <reference lib="dom" />
// Bundled for the page by test/browser/languageServerWorker.test.ts: a language client over
// the Web Worker transport (the protocol library VS Code's browser client is built on),
// driving dist/web/server.js as vscode.dev would.
import { BrowserMessageReader, BrowserMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/browser';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string | number; message: string; source?: string }[];
}

const worker = new Worker('/server.js');
const connection = createProtocolConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const diagnostics = new Map<string, Published>();
const workspaceStates: { ready: boolean; checked: boolean; files: number }[] = [];
/** The files of the workspace, as the editor would hold them; set by the test. */
const files = new Map<string, string>();

connection.onNotification('textDocument/publishDiagnostics', (p: Published) => void diagnostics.set(p.uri, p));
connection.onNotification('engagementKit/workspaceChanged', (s: { ready: boolean; checked: boolean; files: number }) => void workspaceStates.push(s));
connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('engagementKit/fs/findEngagementFiles', () => [...files.keys()]);
connection.onRequest('engagementKit/fs/readFile', ({ uri }: { uri: string }) => files.get(uri) ?? null);
connection.listen();

Object.assign(window, {
  lsp: {
    files,
    diagnostics: (uri: string) => diagnostics.get(uri),
    workspaceStates: () => workspaceStates,
    request: (method: string, params: unknown) => connection.sendRequest(method, params),
    notify: (method: string, params: unknown) => connection.sendNotification(method, params),
  },
});
