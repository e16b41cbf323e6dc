import * as vscode from 'vscode';
import { dayOf, describePlanPosition, planPosition } from '../core';
import { isEngagementDocument, LANGUAGE_ID, today, type DocumentAnalyses } from './documentAnalyses';

/** "Day 34 of 90 · Build" for the active engagement file, in the language status area. */
export function registerPlanStatusItem(analyses: DocumentAnalyses): vscode.Disposable & { text(): string } {
  const item = vscode.languages.createLanguageStatusItem('engagementKit.planPosition', { language: LANGUAGE_ID });
  item.name = 'Engagement plan position';
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isEngagementDocument(document)) return;
    const model = (await analyses.lastGoodSummary(document))?.model;
    if (document !== vscode.window.activeTextEditor?.document) return; // another file's update follows
    item.text = model ? describePlanPosition(planPosition(model, dayOf(today()))) : 'No readable plan';
    item.detail = model?.title;
  };
  const refresh = (): void => void update();
  // The first update runs after activation returns: activation does no analysis.
  const initial = setImmediate(refresh);
  // While typing, the position changes only when dates change: update at most every 500 ms.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== vscode.window.activeTextEditor?.document) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        refresh();
      }, 500);
    }),
    {
      dispose: () => {
        clearImmediate(initial);
        clearTimeout(timer);
      },
    },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('engagementKit.today')) refresh();
    }),
  );
  return { dispose: () => disposable.dispose(), text: () => item.text };
}

