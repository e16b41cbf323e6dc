import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { onDemand } from './onDemand';
import type { RuleSettingsProvider } from './ruleSettings';
import type { AnswerTo, DocumentQuery } from './scan/documentQueries';
import { toAnalysis, type ScanClient } from './scan/scanClient';
import type { WorkMeter } from './workMeter';

export const LANGUAGE_ID = 'engagement';

export function isEngagementDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * The analyses of open engagement documents, for every feature that reads them.
 *
 * What runs as someone types (diagnostics, the outline and breadcrumbs, quick fixes, hover,
 * navigation, completion, the preview, the tree and the portfolio) asks the scan thread: it
 * analyzes each version there and sends back plain answers (`ask`) or a summary without the
 * full source map (`summary`), so a long document never holds the extension host. Without a
 * thread the same answers are computed here, from a host analysis.
 *
 * `get` is the host analysis itself, computed at most once per version: for the export and
 * the commands, which need every location in the file, once per use.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly summaries = new Map<string, { version: number; summary: Promise<Analysis> }>();
  private readonly lastGood = new Map<string, Analysis>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly settings: RuleSettingsProvider,
    private readonly meter: WorkMeter,
    private readonly thread: ScanClient,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('engagementKit.today')) this.reset();
      }),
    ];
  }

  /** The host's own analysis of the current version, with every location recorded. */
  get(document: vscode.TextDocument): Analysis {
    return this.hostAnalysis(document, document.getText(), document.version);
  }

  /** The latest host analysis whose text parsed, for views that should not flicker. */
  lastGoodFor(document: vscode.TextDocument): Analysis | undefined {
    const current = this.get(document);
    return current.model && !current.syntaxBroken ? current : this.lastGood.get(document.uri.toString());
  }

  /**
   * The current version's analysis, made on the scan thread: model, schedule, findings and
   * the top-level source map (deeper lookups fill the map from the text on the host, once).
   * No located symbols: navigation goes through `ask`. Shared by every caller of a version.
   */
  summary(document: vscode.TextDocument): Promise<Analysis> {
    const key = document.uri.toString();
    const version = document.version;
    const cached = this.summaries.get(key);
    if (cached?.version === version) return cached.summary;
    const host = this.cache.get(key);
    if (host?.version === version) return Promise.resolve(host.analysis);
    const text = document.getText();
    // A closed document is not sent to the thread: nothing would tell it to let go.
    if (document.isClosed) return Promise.resolve(this.hostAnalysis(document, text, version));
    const summary = this.thread.askDocument(this.versionOf(document, text), { kind: 'summary' }).then((answered) => {
      // Typing outran the thread: callers drop an old version's results, so the current one's will do.
      if (answered === 'superseded') return this.summary(document);
      const analysis = answered ? this.meter.run('read document summary', () => toAnalysis(text, answered.answer)) : this.hostAnalysis(document, text, version);
      if (analysis.model && !analysis.syntaxBroken && this.summaries.get(key)?.version === version) this.lastGood.set(key, analysis);
      return analysis;
    });
    this.summaries.set(key, { version, summary });
    return summary;
  }

  /**
   * Starts `summary` for the current version on the scan thread, so that a caller later
   * (the diagnostics when their delay ends) finds it done. Only with a thread: without one,
   * analyzing ahead would hold the host for a version that may be gone by then.
   */
  prefetch(document: vscode.TextDocument): void {
    if (document.isClosed || !this.thread.usable) return;
    this.meter.run('prefetch document', () => void this.summary(document));
  }

  /** As `summary`, or the last one whose text parsed while the current text does not. */
  async lastGoodSummary(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const current = await this.summary(document);
    return current.model && !current.syntaxBroken ? current : this.lastGood.get(document.uri.toString());
  }

  /**
   * Answers a question about the current version: on the scan thread, or here without one.
   * `undefined` when the document changed before the answer came: the question's offsets
   * belong to a text that is gone, and the editor asks again.
   */
  async ask<Q extends DocumentQuery>(document: vscode.TextDocument, query: Q): Promise<AnswerTo<Q> | undefined> {
    const version = document.version;
    const text = document.getText();
    const answered = document.isClosed ? undefined : await this.thread.askDocument(this.versionOf(document, text), query);
    if (answered === 'superseded') return undefined;
    const answer = answered
      ? answered.answer
      : this.meter.run(`answer ${query.kind}`, () => onDemand().answerQuery(query, this.hostAnalysis(document, text, version), text, this.lastGood.get(document.uri.toString())));
    return document.version === version ? answer : undefined;
  }

  /** Settings changed: every version is analyzed again, with them. */
  private reset(): void {
    this.cache.clear();
    this.summaries.clear();
    this.thread.resyncDocuments();
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    this.summaries.delete(key);
    this.lastGood.delete(key);
    this.thread.forgetDocument(key);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.cache.clear();
    this.summaries.clear();
    this.lastGood.clear();
  }

  private versionOf(document: vscode.TextDocument, text: string) {
    return { uri: document.uri.toString(), version: document.version, text, rules: () => this.settings.rulesFor(document.uri), today: today() };
  }

  /** The host analysis of `text`, the document's text at `version`; kept while that is the current version. */
  private hostAnalysis(document: vscode.TextDocument, text: string, version: number): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return cached.analysis;
    const analysis = this.meter.run('analyze document', () => onDemand().analyze(text, { rules: this.settings.rulesFor(document.uri), today: today() }));
    // Kept only for the current version of an open document: the text may have moved on while the thread was asked.
    if (document.isClosed || document.version !== version) return analysis;
    this.cache.set(key, { version, analysis });
    if (analysis.model && !analysis.syntaxBroken) this.lastGood.set(key, analysis);
    return analysis;
  }
}

/** "Today" as the analysis sees it: the `engagementKit.today` setting, for demos and tests, or the date. */
export function today(): string | undefined {
  const configured = vscode.workspace.getConfiguration('engagementKit').get<string>('today');
  return configured && /^\d{4}-\d{2}-\d{2}$/.test(configured) ? configured : undefined;
}
