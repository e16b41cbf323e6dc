import { OUTSIDE_SUBSET, type ReadNode } from './treeRecorder';
import { CARRIAGE_RETURN, HASH, LINE_FEED, SPACE } from './charCodes';

/**
 * Layout rules both fast readers share: where `yaml` ends a block node, and what they leave
 * to the full parser. Offsets are into the text; CRLF line breaks count as one break.
 */

/** An explicit `? key` entry, whose node ranges start at the `?`. */
const EXPLICIT_KEY = /^[ -]*\?(?:[ \r\n]|$)/m;

/** Whether the text has something neither fast reader handles, whatever its layout. */
export function hasUnsupportedCharacters(text: string): boolean {
  // Tabs and the BOM have parser-specific rules; `%` may start a directive.
  if (text.includes('\t') || text.includes('\uFEFF') || text.startsWith('%') || text.includes('\n%')) return true;
  return text.includes('?') && EXPLICIT_KEY.test(text);
}

export function skipSpaces(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Skips spaces, line breaks and whole comments. */
export function skipBlankAndComments(text: string, from: number): number {
  let at = from;
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN) at++;
    else if (c === HASH) {
      const newline = text.indexOf('\n', at);
      at = newline === -1 ? text.length : newline;
    } else return at;
  }
}

/** Where a block-context node's line ends: past trailing spaces, a comment and one line break. */
export function lineEnd(text: string, from: number): number {
  let at = skipSpaces(text, from);
  if (text.charCodeAt(at) === HASH) {
    const newline = text.indexOf('\n', at);
    at = newline === -1 ? text.length : newline;
  }
  if (text.charCodeAt(at) === CARRIAGE_RETURN && text.charCodeAt(at + 1) === LINE_FEED) return at + 2;
  if (text.charCodeAt(at) === LINE_FEED) return at + 1;
  return at === text.length ? at : from;
}

/** Where the last node of a block collection ends its line, which is where the collection ends. */
export function lineEndOf(text: string, node: ReadNode): number {
  return node.lineEnd >= 0 ? node.lineEnd : lineEnd(text, node.end);
}

/**
 * The full parser's range for a block collection sometimes takes in the comment lines that
 * follow it (and the blank lines before them) when they are indented deeper than the
 * collection, depending on what the last entry was. Comments at the collection's own
 * indentation or less never are, and those are the usual kind; a deeper one is left to
 * the full parser rather than imitated. `from` is where the collection's last line ends.
 */
export function declineIfDeeperCommentFollows(text: string, from: number, collectionStart: number): void {
  const column = collectionStart - (text.lastIndexOf('\n', collectionStart - 1) + 1);
  let at = from;
  while (at < text.length) {
    const indented = skipSpaces(text, at);
    const c = text.charCodeAt(indented);
    if (c === HASH) {
      if (indented - at > column) throw OUTSIDE_SUBSET;
    } else if (c !== LINE_FEED && c !== CARRIAGE_RETURN && indented < text.length) {
      return;
    }
    const newline = text.indexOf('\n', indented);
    if (newline === -1) return;
    at = newline + 1;
  }
}
