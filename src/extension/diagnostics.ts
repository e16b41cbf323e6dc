import * as vscode from 'vscode';
import { ruleDocsUrl, type Finding, type LineIndex } from '../core';
import { isEngagementDocument, type DocumentAnalyses } from './documentAnalyses';
import type { WorkMeter } from './workMeter';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** One finding as an editor diagnostic: its rule id is the code, linked to the rule's page. */
export function toDiagnostic(finding: Finding, lines: LineIndex): vscode.Diagnostic {
  const start = lines.positionAt(finding.range.start);
  const end = lines.positionAt(finding.range.end);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'engagement';
  diagnostic.code = finding.ruleId === 'config' ? 'config' : { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  return diagnostic;
}

/** Findings from outside a document (the portfolio rule), and when they change. */
export interface ExtraFindings {
  findings(uri: vscode.Uri): readonly Finding[];
  readonly onDidChange: vscode.Event<void>;
}

/** Lets "Validate Workspace" show findings of files that are not open. */
export interface WorkspaceDiagnostics {
  publish(uri: vscode.Uri, findings: readonly Finding[], lines: LineIndex): void;
  /**
   * For each publication that followed an edit: milliseconds from the end of the throttle
   * delay to the diagnostics being set (timer lateness, the analysis on the scan thread,
   * passing it back, conversion), latest last.
   */
  readonly latencies: readonly number[];
  /** How many such publications there have been (`latencies` keeps the last 100). */
  readonly latencyCount: number;
}

/**
 * When typing pauses this long, the scan thread starts on the version typed so far, and the
 * diagnostics find it done when their delay ends (when the delay is long enough for that to
 * help: at least three pauses).
 */
const PAUSE_MS = 50;

/**
 * Publishes diagnostics for engagement documents as they are typed: the first result at
 * once when a document opens, then at most one publication per delay while typing. A result
 * is published only for the version it was computed from. The analysis itself starts on the
 * scan thread at the first pause in typing (`PAUSE_MS`), not when the delay ends: the
 * publication then waits for the delay, not for the analysis as well.
 */
export function registerDiagnostics(analyses: DocumentAnalyses, extra: ExtraFindings, meter: WorkMeter): vscode.Disposable & WorkspaceDiagnostics {
  const collection = vscode.languages.createDiagnosticCollection('engagement');
  /** Each document's pending publication, with the delay it was scheduled with. */
  const timers = new Map<string, { readonly timer: ReturnType<typeof setTimeout>; readonly delay: number }>();
  const pauses = new Map<string, ReturnType<typeof setTimeout>>();
  const latencies: number[] = [];
  let latencyCount = 0;

  /** Resolves to whether diagnostics were set: not when a newer edit arrived meanwhile (its own run publishes). */
  const publish = async (document: vscode.TextDocument): Promise<boolean> => {
    if (document.isClosed || !isEngagementDocument(document)) return false;
    const version = document.version;
    const analysis = await analyses.summary(document);
    if (document.isClosed || document.version !== version) return false;
    meter.run('publish diagnostics', () => {
      const findings = [...analysis.findings, ...extra.findings(document.uri)];
      collection.set(document.uri, findings.map((f) => toDiagnostic(f, analysis.lines)));
    });
    return true;
  };
  const publishAll = (): void => vscode.workspace.textDocuments.forEach((d) => void publish(d));

  /** Each edit restarts the wait for a pause; a pause starts the analysis of what was typed. */
  const analyzeAtPause = (document: vscode.TextDocument, key: string): void => {
    clearTimeout(pauses.get(key));
    pauses.set(
      key,
      setTimeout(() => {
        pauses.delete(key);
        analyses.prefetch(document);
      }, PAUSE_MS),
    );
  };

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    // The setting is read once per publication, not on every keystroke.
    const delay = pending?.delay ?? vscode.workspace.getConfiguration('engagementKit', document.uri).get<number>('validation.delay') ?? 150;
    if (delay >= 3 * PAUSE_MS) analyzeAtPause(document, key);
    if (pending) return; // throttle: the pending run reads the latest text
    const due = performance.now() + delay;
    const timer = setTimeout(() => {
      timers.delete(key);
      void publish(document).then((published) => {
        if (!published) return;
        latencies.push(performance.now() - due);
        latencyCount++;
        if (latencies.length > 100) latencies.shift();
      });
    }, delay);
    timers.set(key, { timer, delay });
  };

  const clear = (uri: vscode.Uri): void => {
    const key = uri.toString();
    clearTimeout(timers.get(key)?.timer);
    timers.delete(key);
    clearTimeout(pauses.get(key));
    pauses.delete(key);
    collection.delete(uri);
  };

  // Documents already open get their first result right after activation returns, so
  // activation itself never waits for an analysis (or the schema's first compilation).
  const initial = setImmediate(publishAll);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.engagement.{yaml,yml}', true, true, false);
  const disposable = vscode.Disposable.from(
    collection,
    watcher,
    watcher.onDidDelete(clear),
    vscode.workspace.onDidOpenTextDocument((d) => void publish(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isEngagementDocument(e.document) && e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => clear(d.uri)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(clear)),
    extra.onDidChange(publishAll),
    {
      dispose: () => {
        clearImmediate(initial);
        timers.forEach((t) => clearTimeout(t.timer));
        pauses.forEach((t) => clearTimeout(t));
      },
    },
  );
  return {
    latencies,
    get latencyCount() {
      return latencyCount;
    },
    dispose: () => disposable.dispose(),
    publish(uri, findings, lines) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) void publish(open);
      else collection.set(uri, findings.map((f) => toDiagnostic(f, lines)));
    },
  };
}
