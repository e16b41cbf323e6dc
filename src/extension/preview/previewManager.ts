import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { ExportHtmlRequest, type Redacted } from '../../shared/engagementProtocol';
import type { PreviewState } from '../../shared/previewProtocol';
import { isEngagementDocument } from '../client';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './previewPanel';

const FOCUS_CONTEXT = 'engagementKit.previewFocus';

/**
 * All previews: opens them (one per file), revives them after a window reload (as the
 * `WebviewPanelSerializer`), tracks the focused one for commands, and exports HTML.
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
      vscode.commands.registerCommand('engagementKit.exportHtml', (uri?: vscode.Uri, options?: { target?: vscode.Uri; redact?: Redacted[]; includeChecks?: boolean }) => this.exportHtml(uri, options)),
    );
  }

  /** The preview showing `uri`, if any (for tests and commands). */
  previewFor(uri: vscode.Uri): PreviewPanel | undefined {
    return [...this.previews].find((p) => p.uri.toString() === uri.toString());
  }

  private resourceFor(uri?: vscode.Uri): vscode.Uri | undefined {
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

  /** "Export Plan as HTML…": a self-contained file, optionally without fees and notes. */
  private async exportHtml(uri?: vscode.Uri, options: { target?: vscode.Uri; redact?: Redacted[]; includeChecks?: boolean } = {}): Promise<vscode.Uri | undefined> {
    const resource = this.resourceFor(uri);
    if (!resource) {
      void vscode.window.showInformationMessage('Open an engagement file to export it.');
      return undefined;
    }
    await vscode.workspace.openTextDocument(resource);
    let redact = options.redact;
    let includeChecks = options.includeChecks ?? false;
    if (!redact) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Leave out fees', field: 'fees' as const, description: 'Rates, bonuses and the estimated monthly cost', picked: true },
          { label: 'Leave out notes', field: 'notes' as const, description: 'Engagement, review and measurement notes', picked: true },
          { label: 'Include checks', field: undefined, description: "The findings: the team's working notes, not the client's", picked: false },
        ],
        { canPickMany: true, title: 'Export Plan as HTML: a copy for the client' },
      );
      if (!picked) return undefined;
      redact = picked.flatMap((p) => (p.field ? [p.field] : []));
      includeChecks = picked.some((p) => !p.field);
    }
    // Asked before the file name, so a file that cannot be exported says so first.
    const exported = await this.client.request(ExportHtmlRequest, { uri: resource.toString(), redact, includeChecks });
    if ('error' in exported) {
      void vscode.window.showWarningMessage(exported.error);
      return undefined;
    }
    const target =
      options.target ??
      (await vscode.window.showSaveDialog({ defaultUri: resource.with({ path: resource.path.replace(/\.engagement\.ya?ml$/, '.html') }), filters: { HTML: ['html'] }, title: 'Export Plan as HTML' }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exported.html));
    return target;
  }

  dispose(): void {
    for (const preview of this.previews) preview.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
