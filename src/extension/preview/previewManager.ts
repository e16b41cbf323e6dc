import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import type { PreviewState } from '../../shared/previewProtocol';
import { isEngagementDocument } from '../client';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './previewPanel';

const FOCUS_CONTEXT = 'engagementKit.previewFocus';

/**
 * All previews: opens them (one per file), revives them after a window reload (as the
 * `WebviewPanelSerializer`), and tracks the focused one for commands.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly previews = new Set<PreviewPanel>();
  private active: PreviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: ServerConnection,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.commands.registerCommand('engagementKit.openPreview', (uri?: vscode.Uri) => this.open(uri, false)),
      vscode.commands.registerCommand('engagementKit.openPreviewToSide', (uri?: vscode.Uri) => this.open(uri, true)),
      vscode.commands.registerCommand('engagementKit.togglePreviewLock', () => this.active?.setLocked(!this.active.isLocked)),
    );
  }

  /** The preview showing `uri`, if any (for tests and commands). */
  previewFor(uri: vscode.Uri): PreviewPanel | undefined {
    return [...this.previews].find((p) => p.uri.toString() === uri.toString());
  }

  /** The engagement a command means when it names none: the active editor's, else the focused preview's. */
  resourceFor(uri?: vscode.Uri): vscode.Uri | undefined {
    if (uri) return uri;
    const editor = vscode.window.activeTextEditor;
    if (editor && isEngagementDocument(editor.document)) return editor.document.uri;
    return this.active?.uri;
  }

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<PreviewPanel | undefined> {
    const resource = this.resourceFor(uri);
    if (!resource) {
      void vscode.window.showInformationMessage('Open an engagement file to preview it.');
      return undefined;
    }
    const existing = this.previewFor(resource);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, { enableScripts: true, enableForms: false });
    return this.track(new PreviewPanel(panel, resource, false, this.client, this.extensionUri));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') {
      panel.dispose();
      return;
    }
    this.track(new PreviewPanel(panel, vscode.Uri.parse(state.uri), state.locked === true, this.client, this.extensionUri));
  }

  private track(preview: PreviewPanel): PreviewPanel {
    this.previews.add(preview);
    this.active = preview;
    void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, true);
    preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
      void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, webviewPanel.active);
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
      void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, false);
    });
    return preview;
  }

  dispose(): void {
    for (const preview of this.previews) preview.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
