import type { Day, Engagement, Finding, RuleSettings, Schedule, SourceMapSummary } from '../../core';

/**
 * Find and outline every engagement file under these folders: sent by the host to the scan
 * thread when a workspace opens. Answered by `OutlineReply` messages in batches.
 */
export interface OutlineRequest {
  readonly kind: 'outline';
  readonly id: number;
  /** Local folders; the thread walks them itself. */
  readonly roots: readonly string[];
  readonly today: string | undefined;
}

/** Read and analyze one file of the workspace. */
export interface CheckRequest {
  readonly kind: 'check';
  readonly id: number;
  /** A local path: the thread reads it itself. */
  readonly file: string;
  readonly rules: RuleSettings;
  readonly today: string | undefined;
}

export type ScanRequest = OutlineRequest | CheckRequest;

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

/** One file found by an outline: its text and outline (no findings yet), or why it could not be read. */
export type OutlinedFile = { readonly file: string; readonly text: string; readonly outline: AnalysisSummary } | { readonly file: string; readonly error: string };

/** A batch of outlined files; `done` on the last one (which may be empty). */
export interface OutlineReply {
  readonly id: number;
  readonly files: readonly OutlinedFile[];
  readonly done: boolean;
  /** Why the outline stopped early: the host then reads the workspace another way. */
  readonly error?: string;
}

/**
 * The answer to a check. When the file still has the text its outline was sent with, only
 * the findings come back: the host has the rest.
 */
export type CheckReply =
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly text: string; readonly analysis: AnalysisSummary }
  | { readonly id: number; readonly sameAsOutline: true; readonly findings: readonly Finding[] };

export type ScanReply = OutlineReply | CheckReply;
