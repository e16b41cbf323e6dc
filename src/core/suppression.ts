import type { LineIndex } from './text/lineIndex';
import type { TextRange } from './types';

/** Rule ids silenced by comments: for the whole file, and per 0-based line. `*` means every rule. */
export interface Suppressions {
  readonly file: ReadonlySet<string>;
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
  /** Rule ids named in comments, with where they are written, to report unknown ones. */
  readonly mentions: readonly { readonly ruleId: string; readonly range: TextRange }[];
}

const DIRECTIVE = /(?:^|\s)#\s*engagement-disable(-next-line)?(?=\s|$)([^\r\n]*)/g;

/**
 * Reads `# engagement-disable-next-line <rule>[, <rule>]` (the line below) and
 * `# engagement-disable <rule>` (the whole file). Without a rule list, every rule is meant.
 * Comments are found on the text: a `#` preceded by a blank or at a line start, as YAML does.
 */
export function readSuppressions(text: string, lines: LineIndex): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const mentions: { ruleId: string; range: TextRange }[] = [];
  if (!text.includes('engagement-disable')) return { file, lines: byLine, mentions };
  for (const match of text.matchAll(DIRECTIVE)) {
    const listStart = match.index + match[0].length - match[2]!.length;
    const ids: string[] = [];
    const list = match[2]!.replace(/\s+--\s.*$/, ''); // allow "-- reason" after the list
    for (const part of list.matchAll(/[^,\s]+/g)) {
      ids.push(part[0]);
      mentions.push({ ruleId: part[0], range: { start: listStart + part.index, end: listStart + part.index + part[0].length } });
    }
    const targets = ids.length ? ids : ['*'];
    if (match[1]) {
      const line = lines.positionAt(match.index + match[0].indexOf('#')).line + 1;
      const set = byLine.get(line) ?? new Set<string>();
      for (const id of targets) set.add(id);
      byLine.set(line, set);
    } else {
      for (const id of targets) file.add(id);
    }
  }
  return { file, lines: byLine, mentions };
}

export function isSuppressed(ruleId: string, line: number, suppressions: Suppressions): boolean {
  if (suppressions.file.has(ruleId) || suppressions.file.has('*')) return true;
  const onLine = suppressions.lines.get(line);
  return onLine !== undefined && (onLine.has(ruleId) || onLine.has('*'));
}
