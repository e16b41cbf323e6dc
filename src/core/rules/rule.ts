import type { Engagement, Schedule } from '../model/engagement';
import type { SymbolTable } from '../symbols';
import type { Path, Severity } from '../types';
import { pointerOf } from '../yaml/sourceMap';

/** What a rule's documentation page says. Written for the people who edit engagement files. */
export interface RuleDocs {
  /** One line: what fires the rule. */
  readonly summary: string;
  /** Why it matters: the failure it protects against. */
  readonly rationale: string;
  /** How to resolve it. */
  readonly fix: string;
  /** When the rule reports at two severities, which finding gets which. */
  readonly severities?: string;
}

export interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly docs: RuleDocs;
}

export interface ReportOptions {
  /** Point at the key or at the value (the default). */
  readonly part?: 'key' | 'value';
  /** For rules with two severities: this finding's severity instead of the default. */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly model: Engagement;
  readonly schedule: Schedule;
  readonly symbols: SymbolTable;
  /** Reports a finding at a path; a path missing from the file falls back to its nearest ancestor's key. */
  report(at: Path, message: string, options?: ReportOptions): void;
}

/**
 * Whether a field is written but was rejected by the schema (so the model leaves it out):
 * a rule about a missing field is quiet about it, since the schema finding says what to fix.
 */
export function writtenButInvalid(model: Engagement, path: Path): boolean {
  return model.invalidPaths?.has(pointerOf(path)) ?? false;
}

/** A rule that reads one file. */
export interface Rule extends RuleInfo {
  check(context: RuleContext): void;
}
