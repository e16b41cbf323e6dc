import type { LineIndex } from '../core/text/lineIndex';
import type { Finding, Severity } from '../core/types';

/** One finding with 1-based lines and columns, as ESLint's JSON formatter writes them. */
export interface LintMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface LintResult {
  /** Absolute path of the file. */
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
}

export function toLintResult(filePath: string, findings: readonly Finding[], lines: LineIndex): LintResult {
  return {
    filePath,
    messages: findings.map((f) => {
      const start = lines.positionAt(f.range.start);
      const end = lines.positionAt(f.range.end);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      };
    }),
  };
}

export function countBySeverity(results: readonly LintResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const m of result.messages) counts[m.severity]++;
  return counts;
}
