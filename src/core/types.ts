/** Shared vocabulary of the analyzer. Everything here is plain data: offsets, not editor positions. */

export type Severity = 'error' | 'warning' | 'info';

/** Half-open range of UTF-16 offsets into the analyzed text: `start <= end <= text.length`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A path into the YAML document, as keys and list indexes from the root. */
export type Path = readonly (string | number)[];

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** For editor quick fixes: a value to replace the range with (closest known key or allowed value). */
  readonly suggestion?: string;
}

/** What a rule produces before configuration and suppression apply. */
export interface RawFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly suggestion?: string;
}

export type RuleSetting = Severity | 'off';

/** Rule id → severity or `off`, from `.engagementrc.yaml` or editor settings. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;
