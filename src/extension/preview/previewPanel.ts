import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { PreviewRequest } from '../../shared/engagementProtocol';
import { parseWebviewMessage, type HostToWebview, type PreviewState } from '../../shared/previewProtocol';
import { isEngagementDocument } from '../client';
import { previewShell } from './previewHtml';
import { revealLine } from '../revealLine';

export const PREVIEW_VIEW_TYPE = 'engagementKit.preview';

/** One preview panel: shows one engagement file, follows the active editor unless locked. */
export class PreviewPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** The last version the webview reported on screen, with its title. */
  lastRendered: { version: number; title: string; banner: boolean } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<void>();
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resource: vscode.Uri,
    private locked: boolean,
    private readonly client: ServerConnection,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'engagement.svg');
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.resource.toString() && e.contentChanges.length) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.resource.toString()) this.post({ type: 'highlight', uri: this.resource.toString(), line: e.selections[0]!.active.line });
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!this.locked && editor && isEngagementDocument(editor.document) && editor.document.uri.toString() !== this.resource.toString()) this.show(editor.document.uri);
      }),
      this.disposed,
      this.renderedEmitter,
    );
    this.renderShell();
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
  }

  /** Marks the lines (1-based) whose terms changed since `since`; an empty list clears the marks. */
  markChanges(since: string, lines: readonly number[]): void {
    this.post({ type: 'marks', uri: this.resource.toString(), since, lines: lines.map((l) => Math.max(0, l - 1)) });
  }

  show(uri: vscode.Uri): void {
    this.resource = uri;
    this.updateTitle();
    void this.refresh();
  }

  private renderShell(): void {
    this.ready = false;
    const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'preview.js'));
    this.panel.webview.html = previewShell(this.panel.webview, script, { uri: this.resource.toString(), locked: this.locked });
    this.updateTitle();
  }

  private updateTitle(): void {
    const name = this.resource.path.split('/').pop() ?? 'Engagement';
    this.panel.title = `${this.locked ? '[Locked] ' : ''}Preview ${name}`;
  }

  private schedule(): void {
    if (this.timer) return; // throttle: the pending refresh reads the latest text
    const delay = vscode.workspace.getConfiguration('engagementKit', this.resource).get<number>('validation.delay') ?? 150;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch((err: unknown) => console.error('[engagement-test] preview refresh failed', err));
    }, delay);
  }

  /** Renders the current text; a file that does not parse keeps the last good render. */
  async refresh(): Promise<void> {
    if (!this.ready) return;
    const document = await vscode.workspace.openTextDocument(this.resource);
    // Rendered by the server, so a long file being typed in never holds the host.
    const version = document.version;
    const answer = await this.client.request(PreviewRequest, { uri: document.uri.toString(), version });
    if (!answer) return; // the file changed meanwhile: that edit has its own refresh coming
    const problem = answer.fromLastGood ? 'The file does not parse right now: showing the last version that did. See the Problems panel.' : undefined;
    this.post({ type: 'update', uri: this.resource.toString(), version, html: answer.html, problem });
  }

  private post(message: HostToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        break;
      case 'reveal':
        if (message.uri === this.resource.toString()) void revealLine(this.resource, message.line);
        break;
      case 'rendered':
        if (message.uri === this.resource.toString()) {
          this.lastRendered = { version: message.version, title: message.title, banner: message.banner };
          this.renderedEmitter.fire();
        }
        break;
    }
  }

  state(): PreviewState {
    return { uri: this.resource.toString(), locked: this.locked };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposed.fire();
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
  }
}
