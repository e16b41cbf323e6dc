import * as path from 'node:path';
import { printable, printableLineStart } from '../../core/text/safeText';
import { countBySeverity, type LintResult } from '../lintResult';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/**
 * The human format: findings grouped by file, aligned, with a summary line. File names,
 * messages and rule ids go through `printable`: each finding stays one line, with nothing a
 * terminal or a CI runner would act on.
 */
export function formatStylish(results: readonly LintResult[], cwd: string, color: boolean): string {
  const paint = (code: keyof typeof COLORS, text: string): string => (color ? `${COLORS[code]}${text}${COLORS.reset}` : text);
  const out: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    out.push(paint('bold', printableLineStart(path.relative(cwd, result.filePath) || result.filePath)));
    const positions = result.messages.map((m) => `${m.line}:${m.column}`);
    const width = positions.reduce((widest, p) => Math.max(widest, p.length), 0);
    result.messages.forEach((m, i) => {
      const severity = paint(m.severity, m.severity.padEnd(7));
      out.push(`  ${paint('dim', positions[i]!.padEnd(width))}  ${severity}  ${printable(m.message)}  ${paint('dim', printable(m.ruleId))}`);
    });
    out.push('');
  }
  const counts = countBySeverity(results);
  const total = counts.error + counts.warning + counts.info;
  if (results.length === 0) return '';
  if (total === 0) {
    out.push(`${results.length} file${results.length === 1 ? '' : 's'} checked, no problems.`);
  } else {
    const line = `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${results.length} file${results.length === 1 ? '' : 's'}`;
    out.push(paint(counts.error ? 'error' : counts.warning ? 'warning' : 'info', line));
  }
  return out.join('\n') + '\n';
}
