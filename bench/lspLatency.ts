import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

/** One language server, as an editor would start it, with the settings it asks for. */
interface Server {
  readonly name: string;
  readonly command: string[];
  /** The answer to `workspace/configuration` for a section, and the settings pushed at start. */
  readonly settings: (section: string | undefined) => unknown;
  readonly pushed?: unknown;
}

export interface LatencyFigures {
  readonly name: string;
  readonly openMs: number;
  readonly editMs: number[];
}

/**
 * Edit-to-diagnostics through the protocol, the path an editor takes: each server in a
 * process of its own over stdio, the same file and schema, a one-word edit that adds or
 * removes a schema error, and the time from sending the change to the diagnostics for it
 * arriving. Our server's throttle is set to 0 ms for this (the editor's default is 150).
 */
export async function lspLatency(root: string, text: string, schemaFile: string, edits: number): Promise<LatencyFigures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-bench-lsp-'));
  try {
    const file = path.join(dir, 'bench.engagement.yaml');
    fs.writeFileSync(file, text);
    const schema = URI.file(schemaFile).toString();
    const yamlSettings = { validate: true, hover: false, completion: false, schemas: { [schema]: '*.engagement.yaml' }, schemaStore: { enable: false } };
    const servers: Server[] = [
      { name: 'engagement lsp', command: [process.execPath, path.join(root, 'dist', 'server.js'), '--stdio'], settings: (section) => (section === 'engagementKit' ? { validation: { delay: 0 } } : null) },
      {
        name: 'yaml-language-server',
        command: [process.execPath, path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
        settings: (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxyStrictSSL: false } : {}),
        pushed: { yaml: yamlSettings, http: { proxyStrictSSL: false } },
      },
    ];
    const results: LatencyFigures[] = [];
    for (const server of servers) results.push(await measure(server, dir, file, text, edits));
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(server: Server, dir: string, file: string, text: string, edits: number): Promise<LatencyFigures> {
  const child = spawn(server.command[0]!, server.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = URI.file(file).toString();
  let waiting: ((count: number) => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
    if (params.uri === uri) waiting?.(params.diagnostics.length);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => server.settings(item.section)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    const folder = URI.file(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }], capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
    await connection.sendNotification('initialized', {});
    if (server.pushed) await connection.sendNotification('workspace/didChangeConfiguration', { settings: server.pushed });
    /** Resolves with the time until diagnostics with `accept`able count arrive. */
    const next = (accept: (count: number) => boolean, send: () => void): Promise<number> =>
      new Promise((resolve) => {
        const started = performance.now();
        waiting = (count) => {
          if (!accept(count)) return;
          waiting = undefined;
          resolve(performance.now() - started);
        };
        send();
      });
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('unit: count'));
    const openMs = await next((n) => n === 0, () => void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } }));
    const editMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const wrong = i % 2 === 0;
      const change = { range: { start: { line, character: 4 }, end: { line, character: 8 } }, text: wrong ? 'unti' : 'unit' };
      editMs.push(await next((n) => (wrong ? n > 0 : n === 0), () => void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] })));
    }
    return { name: server.name, openMs, editMs };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}
