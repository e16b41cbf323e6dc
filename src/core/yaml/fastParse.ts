import { hasUnsupportedCharacters } from './blockLayout';
import { readByEvents } from './eventReader';
import { readByLines } from './lineReader';
import type { ParsedYaml } from './parsedYaml';
import { SourceMap } from './sourceMap';

/**
 * The fast path for the common case: a well-formed, single-document file written with plain
 * and quoted scalars, block and flow collections, and literal or folded text. Two readers
 * rebuild exactly the values, ranges and findings the full parser gives (ranges follow
 * `yaml`'s node ranges, so every finding, hover and quick fix lands on the same characters
 * whichever path read the file):
 * - the line reader (`lineReader.ts`), one pass with no parser underneath, for the plain
 *   block layout nearly every engagement file has;
 * - the event reader (`eventReader.ts`), on js-yaml's event stream, for what the line reader
 *   declines: flow collections over several lines, multi-line scalars, escapes and so on.
 *
 * Anything outside both returns `undefined` and the full parser takes over: syntax errors
 * (the full parser reports all of them, js-yaml stops at the first), anchors and aliases
 * (bounded expansion lives there), tags, directives, several documents, tabs, a byte order
 * mark, and nesting past the limit. An equivalence test holds the three together.
 */
export function fastParseYaml(text: string, options: { deferSourceMap?: boolean } = {}): ParsedYaml | undefined {
  if (hasUnsupportedCharacters(text)) return undefined;
  // Each reader records into a map of its own: one that declines may have recorded half.
  const newMap = (): SourceMap | undefined => (options.deferSourceMap ? undefined : new SourceMap({ start: 0, end: 0 }));
  return readByLines(text, newMap()) ?? readByEvents(text, newMap());
}
