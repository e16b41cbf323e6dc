import * as vscode from 'vscode';
import type { ServerConnection } from './serverConnection';
import { PlanStatusRequest } from '../shared/engagementProtocol';
import { isEngagementDocument, LANGUAGE_ID } from './client';

/** "Day 34 of 90 · Build" for the active engagement file, in the language status area. */
export function registerPlanStatusItem(client: ServerConnection, workspaceChanged: vscode.Event<unknown>): vscode.Disposable & { text(): string; readonly onDidChange: vscode.Event<void> } {
  const item = vscode.languages.createLanguageStatusItem('engagementKit.planPosition', { language: LANGUAGE_ID });
  item.name = 'Engagement plan position';
  const changed = new vscode.EventEmitter<void>();
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isEngagementDocument(document)) return;
    const status = await client.request(PlanStatusRequest, { uri: document.uri.toString() }).catch(() => null);
    if (!status || document !== vscode.window.activeTextEditor?.document) return; // another update follows
    item.text = status.text;
    item.detail = status.detail;
    changed.fire();
  };
  const refresh = (): void => void update();
  // While typing, the position changes only when dates change: update at most every 500 ms.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    timer ??= setTimeout(() => {
      timer = undefined;
      refresh();
    }, 500);
  };
  refresh();
  const disposable = vscode.Disposable.from(
    item,
    changed,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    // Settings (the day among them) reach the server, which then tells the workspace changed.
    workspaceChanged(later),
    { dispose: () => clearTimeout(timer) },
  );
  return { dispose: () => disposable.dispose(), text: () => item.text, onDidChange: changed.event };
}
