import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'engagement-kit.engagement-kit';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
}

export async function openDocument(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Resolves with a document's diagnostics once `accept` likes them, waiting on
 * `onDidChangeDiagnostics` (never a fixed sleep); fails after `timeoutMs`.
 */
export function diagnosticsWhen(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`diagnostics for ${uri.path} did not arrive in ${timeoutMs} ms; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}
