import * as vscode from 'vscode';
import { ruleDocsUrl, type Analysis, type Finding } from '../core';
import { isEngagementDocument, type DocumentAnalyses } from './documentAnalyses';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** One finding as an editor diagnostic: its rule id is the code, linked to the rule's page. */
export function toDiagnostic(finding: Finding, document: vscode.TextDocument): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(finding.range.start), document.positionAt(finding.range.end));
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'engagement';
  diagnostic.code = finding.ruleId === 'config' ? 'config' : { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  return diagnostic;
}

/** Extra findings for a document from outside it (the portfolio rule), by URI. */
export type ExtraFindings = (uri: vscode.Uri) => readonly Finding[];

/**
 * Publishes diagnostics for engagement documents as they are typed: the first result at
 * once when a document opens, then at most one analysis per delay while typing. A result is
 * published only for the version it was computed from.
 */
export function registerDiagnostics(analyses: DocumentAnalyses, extra: { findings: ExtraFindings; onDidChange: vscode.Event<void> }): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('engagement');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const publish = (document: vscode.TextDocument): void => {
    if (document.isClosed || !isEngagementDocument(document)) return;
    const version = document.version;
    const analysis: Analysis = analyses.get(document);
    if (document.version !== version) return; // a newer edit arrived; its own run will publish
    const findings = [...analysis.findings, ...extra.findings(document.uri)];
    collection.set(document.uri, findings.map((f) => toDiagnostic(f, document)));
  };

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (timers.has(key)) return; // throttle: the pending run will read the latest text
    const delay = vscode.workspace.getConfiguration('engagementKit', document.uri).get<number>('validation.delay') ?? 150;
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        publish(document);
      }, delay),
    );
  };

  const clear = (uri: vscode.Uri): void => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    collection.delete(uri);
  };

  for (const document of vscode.workspace.textDocuments) publish(document);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(publish),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isEngagementDocument(e.document) && e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => clear(d.uri)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(clear)),
    extra.onDidChange(() => vscode.workspace.textDocuments.forEach(publish)),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
