import type * as vscode from 'vscode';

/**
 * A fresh nonce for every page: 128 bits from the cryptographic random generator (Web
 * Crypto, which the extension host and a browser both have).
 */
export function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** An attribute value from our own state, escaped all the same. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A webview page of ours: a strict CSP (nothing but our nonce'd style and script, images
 * only from the bundle or data: URIs), our styles, `body` (the caller's own markup, values
 * escaped), and the script. Content arrives later by message: the page itself holds none.
 * The title names the page for assistive technology (the tab's title is VS Code's).
 */
export function webviewPage(webview: vscode.Webview, scriptUri: vscode.Uri, styles: string, body: string, title: string): string {
  const nonce = makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attr(title)}</title>
<style nonce="${nonce}">${styles}</style>
</head>
<body>
${body}
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
