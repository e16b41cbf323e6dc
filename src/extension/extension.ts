import * as vscode from 'vscode';
import { DocumentAnalyses } from './documentAnalyses';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './languageFeatures';
import { registerQuickFixes } from './quickFixes';
import { RuleSettingsProvider } from './ruleSettings';

/** Wires the features; each `registerX` returns what to dispose. No work happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const settings = new RuleSettingsProvider();
  const analyses = new DocumentAnalyses(settings);
  const noExtra = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    settings,
    analyses,
    noExtra,
    registerDiagnostics(analyses, { findings: () => [], onDidChange: noExtra.event }),
    registerLanguageFeatures(analyses),
    registerQuickFixes(analyses),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
