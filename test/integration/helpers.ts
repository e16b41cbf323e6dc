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

/**
 * Resolves once `condition` holds, for state that announces no event of its own (the
 * extension's work meter); checks every 10 ms and fails after `timeoutMs`.
 */
export function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) resolve();
      else if (performance.now() > deadline) reject(new Error(`${what}: not within ${timeoutMs} ms`));
      else setTimeout(check, 10);
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** What the extension host itself measured of our activation, from its performance marks. */
export interface HostActivationMarks {
  /** From the host starting to require our bundle to the require returning: reading, compiling and running it. */
  readonly codeLoadingMs: number;
  /** From the host calling `activate` to it returning. */
  readonly activateCallMs: number;
}

/**
 * The extension host marks when it loads each extension's code and when it activates it
 * (`code/extHost/willLoadExtensionCode/<id>` and so on, in milliseconds of the clock). They
 * are not API: read them where the host keeps them, and say nothing when they are not there.
 */
export function hostActivationMarks(extensionId = EXTENSION_ID): HostActivationMarks | undefined {
  const store = (globalThis as { MonacoPerformanceMarks?: { getMarks?: () => { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  const marks = store?.getMarks?.();
  if (!marks) return undefined;
  const at = (what: string): number | undefined => marks.find((m) => m.name.toLowerCase() === `code/exthost/${what}/${extensionId}`.toLowerCase())?.startTime;
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return undefined;
  return { codeLoadingMs: didLoad - willLoad, activateCallMs: didActivate - willActivate };
}

/**
 * Reverts every engagement document with unsaved edits. `workbench.action.files.revert`
 * reverts only the active editor, and another editor may have become active since the
 * edit (a preview, a diagnostics refresh that opened nothing but moved focus): an edit left
 * behind then shows up in the next test's text.
 */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
