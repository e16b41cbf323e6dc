import type { Day, Engagement, EngagementCard, Finding, RuleSettings, Schedule, SourceMapSummary } from '../../core';
import type { DocumentQuery } from './documentQueries';

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
  /** Where the cards of the last scan are kept between sessions (see CardCache); none when undefined. */
  readonly cardCache: string | undefined;
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

/**
 * The text of an open document's version, with the settings to analyze it with: sent before
 * the first query about that version. Replaces what the thread had for the document; it is
 * analyzed when a query needs it. Not answered.
 */
export interface DocumentSync {
  readonly kind: 'sync';
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly rules: RuleSettings;
  readonly today: string | undefined;
}

/** The document was closed: the thread lets go of its text and analysis. Not answered. */
export interface DocumentForget {
  readonly kind: 'forget';
  readonly uri: string;
}

/** A question about a synced version of an open document. Answered before any scan work waiting. */
export interface DocumentRequest {
  readonly kind: 'document';
  readonly id: number;
  readonly uri: string;
  readonly version: number;
  readonly query: DocumentQuery;
}

export type ScanRequest = OutlineRequest | CheckRequest | DocumentSync | DocumentForget | DocumentRequest;

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

/**
 * One file found by an outline: its text and its card (see `EngagementCard`: what the tree's
 * first line and the portfolio rule need, no findings), or why it could not be read.
 */
export type OutlinedFile = { readonly file: string; readonly text: string; readonly card: EngagementCard } | { readonly file: string; readonly error: string };

/** A batch of outlined files; `done` on the last one (which may be empty). */
export interface OutlineReply {
  readonly id: number;
  readonly files: readonly OutlinedFile[];
  readonly done: boolean;
  /** When the thread sent the batch, as `performance.timeOrigin + performance.now()` (the same clock on every thread). */
  readonly sentAt: number;
  /** On the last batch: the thread's time on a CPU for the whole outline, where the system says. */
  readonly onCpuMs?: number;
  /** On the last batch: how many cards came from the cache, their files' texts unchanged. */
  readonly reusedCards?: number;
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

/** The answer to a document query; `missing` when the thread does not have that version (the host answers instead). */
export type DocumentReply = { readonly id: number; readonly answer: unknown } | { readonly id: number; readonly missing: true } | { readonly id: number; readonly error: string };

export type ScanReply = OutlineReply | CheckReply | DocumentReply;
