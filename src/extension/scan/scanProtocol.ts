import type { Day, Engagement, Finding, RuleSettings, Schedule, SourceMapSummary } from '../../core';

/** Read and analyze one file of the workspace: sent by the host to the scan thread. */
export interface ScanRequest {
  readonly id: number;
  /** A local path: the thread reads it itself. */
  readonly file: string;
  readonly rules: RuleSettings;
  readonly today: string | undefined;
}

/**
 * An analysis as plain data. What a closed file needs (the tree, the portfolio rule,
 * "Validate Workspace"); its source map comes as its top level, and the host fills the rest
 * from the text when a view asks for more.
 */
export interface AnalysisSummary {
  readonly model: Engagement | undefined;
  readonly findings: readonly Finding[];
  readonly schedule: Schedule | undefined;
  readonly today: Day;
  readonly syntaxBroken: boolean;
  readonly sourceMap: SourceMapSummary;
}

export type ScanReply = { readonly id: number; readonly error: string } | { readonly id: number; readonly text: string; readonly analysis: AnalysisSummary };
