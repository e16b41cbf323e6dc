import type { LintResult } from '../lintResult';

/** ESLint-style JSON: one entry per file, messages with 1-based positions. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results) + '\n';
}
