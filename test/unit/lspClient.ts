import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ROOT } from './helpers';

/** Settings the test answers `workspace/configuration` with, per scope URI (or for all). */
export type ConfigurationAnswer = (scopeUri: string | undefined) => unknown;

/**
 * A language client over JSON-RPC (the protocol library VS Code's client is built on),
 * talking to `engagement lsp --stdio` as another editor would.
 */
export class LspSession {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  /** Every `workspaceChanged` the server sent, in order. */
  readonly workspaceChanges: { ready: boolean; checked: boolean; files: number }[] = [];

  constructor(
    readonly folder: string,
    configuration: ConfigurationAnswer = () => null,
    handlers: (connection: ProtocolConnection) => void = () => undefined,
  ) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onNotification('engagementKit/workspaceChanged', (state: { ready: boolean; checked: boolean; files: number }) => {
      this.workspaceChanges.push(state);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => Promise.all(params.items.map((i) => configuration(i.scopeUri))));
    this.connection.onRequest('client/registerCapability', () => null);
    handlers(this.connection);
    this.connection.listen();
  }

  uri(name: string): string {
    return URI.file(path.join(this.folder, name)).toString();
  }

  async initialize(initializationOptions: unknown = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const folder = URI.file(this.folder).toString();
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: path.basename(this.folder) }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(name: string, text: string, version = 1): string {
    const uri = this.uri(name);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'engagement', version, text } });
    return uri;
  }

  /** Replaces the whole text: a new version. */
  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves when `accept` holds, checked now and after each message from the server; fails after `timeoutMs`. */
  until<T>(accept: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        const value = accept();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  diagnosticsWhen(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return this.until(() => {
      const current = this.diagnostics.get(uri);
      return current && accept(current) ? current : undefined;
    }, `diagnostics for ${uri}`);
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
    }
  }
}
