import type { CapacityConfig } from '../config/engagementConfig';
import { analyze, type Analysis } from '../analyze';
import type { ChangeLevels } from '../diff/semanticDiff';
import type { RuleSettings } from '../types';

/** One version of an open document, as an editor holds it. */
export interface DocumentVersion {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** What an analysis depends on besides the text: rule settings and the day it is about. */
export interface AnalysisSettings {
  readonly rules: RuleSettings;
  readonly today: string | undefined;
  /** Levels of the semantic diff's change kinds, from `.engagementrc.yaml` (`diff.levels`). */
  readonly changeLevels?: ChangeLevels;
  /** Executives' capacity, from `.engagementrc.yaml` (`capacity`), for the portfolio. */
  readonly capacity?: CapacityConfig;
  /** What `.engagementrc.yaml` says of exports: internal fields, and the logo (as a URI beside the file) and accent. */
  readonly exports?: { readonly internal: readonly string[]; readonly logo?: string; readonly accent?: string };
  /** How the preview and exports write dates, numbers and money (`engagementKit.locale`). */
  readonly locale?: string;
}

/**
 * The analyses of open documents: each version analyzed once, whatever asks for it, and
 * the last analysis whose text parsed, so views do not go blank while a file is mid-edit.
 * The one place that tracks "the last good analysis".
 */
export class DocumentAnalyses {
  private readonly current = new Map<string, { readonly version: number; readonly analysis: Analysis }>();
  private readonly good = new Map<string, Analysis>();

  /** The analysis of this version, made now if it is not there yet. */
  get(document: DocumentVersion, settings: AnalysisSettings): Analysis {
    const cached = this.current.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText(), { rules: settings.rules, today: settings.today });
    this.current.set(document.uri, { version: document.version, analysis });
    if (analysis.model && !analysis.syntaxBroken) this.good.set(document.uri, analysis);
    return analysis;
  }

  /** Whether this version is analyzed already. */
  has(document: DocumentVersion): boolean {
    return this.current.get(document.uri)?.version === document.version;
  }

  /** This version's analysis if its text parsed, else the last one that did. */
  lastGood(document: DocumentVersion, settings: AnalysisSettings): Analysis | undefined {
    const analysis = this.get(document, settings);
    return analysis.model && !analysis.syntaxBroken ? analysis : this.good.get(document.uri);
  }

  forget(uri: string): void {
    this.current.delete(uri);
    this.good.delete(uri);
  }

  /** Settings changed: every version is analyzed again (the last good ones stay until then). */
  reset(): void {
    this.current.clear();
  }
}
