import type * as vscode from 'vscode';
import type { Notification, Request } from '../shared/engagementProtocol';

/** What the views and commands use of a language client (vscode-languageclient's, Node or browser). */
export interface LanguageClientLike {
  sendRequest<R>(method: string, param?: unknown): Promise<R>;
  onNotification(method: string, handler: (params: never) => void): vscode.Disposable;
  onRequest(method: string, handler: (params: never) => unknown): vscode.Disposable;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The extension's way to the server: typed by the shared protocol file, usable from the
 * moment the extension activates. The language client itself is made by `load` (in Node,
 * a bundle of its own required after activation returns, see extension.ts); handlers
 * registered before that are registered on it before it starts, so nothing the server
 * says is missed, and requests wait for it.
 */
export class ServerConnection implements vscode.Disposable {
  private readonly client: Promise<LanguageClientLike>;
  /** Resolves once the server has answered `initialize`. */
  readonly ready: Promise<void>;

  constructor(load: () => Promise<LanguageClientLike>) {
    const loaded = load();
    const registrations: ((client: LanguageClientLike) => void)[] = [];
    this.register = (register) => {
      registrations.push(register);
    };
    this.client = loaded.then((client) => {
      for (const register of registrations) register(client);
      this.register = (register) => register(client);
      return client;
    });
    this.ready = this.client.then((client) => client.start());
  }

  /** Applies a registration now, or once the client is made. */
  private register: (register: (client: LanguageClientLike) => void) => void;

  async request<P, R>(type: Request<P, R>, params: P): Promise<R> {
    const client = await this.client;
    return params === undefined ? client.sendRequest<R>(type.method) : client.sendRequest<R>(type.method, params);
  }

  onNotification<P>(type: Notification<P>, handler: (params: P) => void): vscode.Disposable {
    let registration: vscode.Disposable | undefined;
    let disposed = false;
    this.register((client) => {
      if (!disposed) registration = client.onNotification(type.method, handler as (params: never) => void);
    });
    return { dispose: () => ((disposed = true), registration?.dispose()) };
  }

  onRequest<P, R>(type: Request<P, R>, handler: (params: P) => R | Promise<R>): vscode.Disposable {
    let registration: vscode.Disposable | undefined;
    let disposed = false;
    this.register((client) => {
      if (!disposed) registration = client.onRequest(type.method, handler as (params: never) => unknown);
    });
    return { dispose: () => ((disposed = true), registration?.dispose()) };
  }

  dispose(): void {
    void this.client.then((client) => client.stop()).catch(() => undefined);
  }
}
