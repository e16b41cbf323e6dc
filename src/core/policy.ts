import { isRuleId } from './rules';
import { isSuppressed, readSuppressions } from './suppression';
import type { LineIndex } from './text/lineIndex';
import type { Finding, RawFinding, RuleSettings } from './types';
import { LIMITS } from './yaml/limits';

/**
 * The last layers of analysis, shared by single files and workspaces: configured severities
 * (or `off`), suppression comments, de-duplication, a stable order, and the per-file cap.
 */
export function applyPolicy(raw: readonly RawFinding[], text: string, lines: LineIndex, settings: RuleSettings = {}): Finding[] {
  const suppressions = readSuppressions(text, lines);
  const all: RawFinding[] = [...raw];
  for (const mention of suppressions.mentions) {
    if (mention.ruleId !== '*' && !isRuleId(mention.ruleId)) {
      all.push({ ruleId: 'schema', severity: 'warning', message: `Unknown rule \`${mention.ruleId}\` in a suppression comment.`, range: mention.range });
    }
  }

  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const finding of all) {
    const setting = Object.prototype.hasOwnProperty.call(settings, finding.ruleId) ? settings[finding.ruleId] : undefined;
    if (setting === 'off') continue;
    // Finding the line costs the file's line starts, so it is looked up only where a comment could apply.
    if ((suppressions.file.size > 0 || suppressions.lines.size > 0) && isSuppressed(finding.ruleId, lines.positionAt(finding.range.start).line, suppressions)) continue;
    const key = `${finding.ruleId}\u0000${finding.range.start}\u0000${finding.range.end}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(setting ? { ...finding, severity: setting } : finding);
  }

  kept.sort(
    (a, b) =>
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
  return capFindings(kept, 'schema');
}

/**
 * The first findings of a file up to the per-file limit, and one more that counts the rest:
 * what a person can act on, and output whose size no file can blow up. `ruleId` is the id
 * the count is reported under (`schema` for engagements, `config` for configuration files).
 */
export function capFindings<T extends Finding>(sorted: T[], ruleId: string): (T | Finding)[] {
  if (sorted.length <= LIMITS.findingsPerFile) return sorted;
  const shown: (T | Finding)[] = sorted.slice(0, LIMITS.findingsPerFile);
  shown.push({
    ruleId,
    severity: 'info',
    message: `${sorted.length - LIMITS.findingsPerFile} more findings are not shown; fix the ones above first.`,
    range: sorted[LIMITS.findingsPerFile - 1]!.range,
  });
  return shown;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

