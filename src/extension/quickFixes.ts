import * as vscode from 'vscode';
import { quickFixesFor } from '../core';
import { LANGUAGE_ID, type DocumentAnalyses } from './documentAnalyses';

/** Quick fixes for the findings under the cursor, computed by core on the current text. */
export function registerQuickFixes(analyses: DocumentAnalyses): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: LANGUAGE_ID },
    {
      provideCodeActions(document, _range, context) {
        const analysis = analyses.get(document);
        const text = document.getText();
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== 'engagement') continue;
          const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
          const start = document.offsetAt(diagnostic.range.start);
          const end = document.offsetAt(diagnostic.range.end);
          const finding = analysis.findings.find((f) => f.ruleId === code && f.range.start === start && f.range.end === end && f.message === diagnostic.message);
          if (!finding) continue; // the diagnostic is from an older version of the text
          for (const fix of quickFixesFor(analysis, text, finding)) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
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
