import type * as vscode from 'vscode';
import { STYLES } from '../../core/render/styles';

/**
 * A fresh nonce for every page: 128 bits from the cryptographic random generator (Web
 * Crypto, which the extension host and a browser both have).
 */
export function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The webview page: a strict CSP (nothing but our nonce'd style and script, images only
 * from the bundle or data: URIs), the initial state in escaped data attributes, and an
 * empty root the script fills when the extension posts the content.
 */
export function previewShell(webview: vscode.Webview, scriptUri: vscode.Uri, state: { uri: string; locked: boolean }): string {
  const nonce = makeNonce();
  const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<div id="ek-banner" class="ek-banner" role="status" hidden></div>
<div id="ek-root" data-uri="${attr(state.uri)}" data-locked="${state.locked}"><p class="ek-muted">Loading…</p></div>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
