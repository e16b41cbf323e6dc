import * as vscode from 'vscode';
import { analyze, type Analysis } from '../core';
import type { RuleSettingsProvider } from './ruleSettings';
import type { WorkMeter } from './workMeter';

export const LANGUAGE_ID = 'engagement';

export function isEngagementDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * The analysis of each open engagement document, computed at most once per version and
 * shared by diagnostics, completion, hover, navigation and the tree. Also keeps the last
 * analysis that had a model, so views do not go blank while someone types invalid YAML.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly lastGood = new Map<string, Analysis>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly settings: RuleSettingsProvider,
    private readonly meter: WorkMeter,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange(() => this.cache.clear()),
    ];
  }

  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.meter.run('analyze document', () => analyze(document.getText(), { rules: this.settings.rulesFor(document.uri), today: today() }));
    this.cache.set(key, { version: document.version, analysis });
    if (analysis.model && !analysis.syntaxBroken) this.lastGood.set(key, analysis);
    return analysis;
  }

  /** The latest analysis whose text parsed, for views that should not flicker. */
  lastGoodFor(document: vscode.TextDocument): Analysis | undefined {
    const current = this.get(document);
    return current.model && !current.syntaxBroken ? current : this.lastGood.get(document.uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.lastGood.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.cache.clear();
    this.lastGood.clear();
  }
}

/** "Today" as the analysis sees it: the `engagementKit.today` setting, for demos and tests, or the date. */
export function today(): string | undefined {
  const configured = vscode.workspace.getConfiguration('engagementKit').get<string>('today');
  return configured && /^\d{4}-\d{2}-\d{2}$/.test(configured) ? configured : undefined;
}
