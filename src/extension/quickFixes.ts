import * as vscode from 'vscode';
import { LANGUAGE_ID, type DocumentAnalyses } from './documentAnalyses';
import type { ShownFinding } from './scan/documentQueries';

/**
 * Quick fixes for the findings under the cursor, computed by core on the text the
 * diagnostics came from. The editor asks on every cursor move; where none of the
 * diagnostics there are ours, nothing is analyzed.
 */
export function registerQuickFixes(analyses: DocumentAnalyses): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: LANGUAGE_ID },
    {
      async provideCodeActions(document, _range, context) {
        const ours = context.diagnostics.filter((d) => d.source === 'engagement');
        if (ours.length === 0) return [];
        const shown: ShownFinding[] = ours.map((d) => ({
          ruleId: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
          start: document.offsetAt(d.range.start),
          end: document.offsetAt(d.range.end),
          message: d.message,
        }));
        // Nothing when the text changed meanwhile: the edits would land on a text they were not made for.
        const answer = await analyses.ask(document, { kind: 'quickFixes', shown });
        const actions: vscode.CodeAction[] = [];
        for (const { index, fixes } of answer ?? []) {
          for (const fix of fixes) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [ours[index]!];
            action.isPreferred = fix.preferred;
            action.edit = new vscode.WorkspaceEdit();
            for (const e of fix.edits) {
              action.edit.replace(document.uri, new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end)), e.newText);
            }
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
