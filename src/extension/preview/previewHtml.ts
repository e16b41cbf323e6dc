import type * as vscode from 'vscode';
import { STYLES } from '../../core/render/styles';
import { attr, webviewPage } from '../webviewPage';

/** The preview page: the initial state in escaped data attributes, and an empty root the script fills when the extension posts the content. */
export function previewShell(webview: vscode.Webview, scriptUri: vscode.Uri, state: { uri: string; locked: boolean }): string {
  return webviewPage(
    webview,
    scriptUri,
    STYLES,
    `<div id="ek-banner" class="ek-banner" role="status" hidden></div>
<div id="ek-root" data-uri="${attr(state.uri)}" data-locked="${state.locked}"><p class="ek-muted">Loading…</p></div>`,
    'Engagement preview',
  );
}
