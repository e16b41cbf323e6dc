import { declineIfDeeperCommentFollows, lineEndOf, skipSpaces } from './blockLayout';
import { resolvePlainScalar } from './coreScalars';
import type { TextRange } from '../types';
import type { ParsedYaml } from './parsedYaml';
import type { SourceMap, SourceMapNode } from './sourceMap';
import { OUTSIDE_SUBSET, TreeRecorder, type ReadNode } from './treeRecorder';
import { CARRIAGE_RETURN, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, DASH, DOUBLE_QUOTE, GREATER_THAN, HASH, LINE_FEED, OPEN_BRACE, OPEN_BRACKET, PIPE, SINGLE_QUOTE, SPACE } from './charCodes';

/**
 * The first fast reader: one pass over the lines of a file written the way engagement files
 * are, with no parser underneath. It reads a map at the root; block maps and sequences;
 * `key:` with a simple key; one-line plain, single- and double-quoted scalars (no escapes);
 * one-line flow lists and maps of such scalars; literal and folded text (`|`, `>`, `|-`,
 * `>-`); comments and blank lines. It gives exactly the values, ranges and findings the full
 * parser gives, and anything else makes it return `undefined`, so the event reader takes
 * the file: the test comparing the readers runs each of them on its own.
 */
export function readByLines(text: string, sourceMap?: SourceMap): ParsedYaml | undefined {
  if (MAYBE_UNREADABLE.test(text) && UNREADABLE.test(text)) return undefined;
  // parseYaml turns a lone CR into LF before any reader sees the text; a caller that did not is declined.
  if (text.includes('\r') && LONE_CR.test(text)) return undefined;
  try {
    return new LineReader(text, sourceMap).read();
  } catch (err) {
    if (err === OUTSIDE_SUBSET) return undefined;
    throw err;
  }
}

/**
 * Characters the parsers treat by rules of their own: non-printable ones (an error for them),
 * the Unicode line and paragraph separators and NEL, and a lone surrogate.
 */
const MAYBE_UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The exact test, run only when the quick one above finds a suspect (an emoji is a surrogate pair). */
const UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

const LONE_CR = /\r(?!\n)/;

/** A simple key followed by the `:` indicator; anything fancier is the event reader's. */
const KEY = /[A-Za-z0-9_][A-Za-z0-9_-]*:(?=[ \r\n]|$)/y;

/** The header of literal or folded text: style, optional strip chomping, optional comment. */
const BLOCK_HEADER = /[|>]-?(?:[ ]+(?:#[^\r\n]*)?)?(?=\r?\n|$)/y;

/** What may not start a plain scalar here (`-` is checked apart: `-5` is a number). */
const NOT_PLAIN_START = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** A content line: where its text starts and how deep it is indented. */
interface Line {
  /** Offset of its first non-space character. */
  readonly at: number;
  readonly indent: number;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \r\n]|$)/m;

/** `---` or `...` at the start of a line: a document marker, which the event reader handles. */
function hasDocumentMarker(text: string): boolean {
  return (text.includes('---') || text.includes('...')) && DOCUMENT_MARKER.test(text);
}

const END_OF_TEXT: Line = { at: -1, indent: -1 };

class LineReader extends TreeRecorder {
  /** A cache for `contentLineFrom`, which each level of nesting asks about the same line. */
  private cachedFrom = -1;
  private cachedLine: Line = END_OF_TEXT;

  constructor(text: string, sourceMap: SourceMap | undefined) {
    super(text, sourceMap);
  }

  read(): ParsedYaml {
    const { text } = this;
    const first = this.contentLineFrom(0);
    // A scalar or a list at the root, an indented root, or nothing at all: the event reader's.
    if (first === END_OF_TEXT || first.indent !== 0 || hasDocumentMarker(text)) throw OUTSIDE_SUBSET;
    const root = this.blockMap(this.rootNode, 0, first.at, 0);
    // Whatever follows the root map must be comments and blank lines.
    if (this.contentLineFrom(root.end) !== END_OF_TEXT) throw OUTSIDE_SUBSET;
    this.locate(this.rootNode, undefined, root);
    return this.result(root.value, this.rootFirstKey!, (map) => new LineReader(text, map).read());
  }

  /**
   * The first line from `from` (a line start, or the end of a line) that holds something
   * other than spaces and a comment.
   */
  private contentLineFrom(from: number): Line {
    if (from === this.cachedFrom) return this.cachedLine;
    const { text } = this;
    let start = from;
    let line = END_OF_TEXT;
    while (start < text.length) {
      const at = skipSpaces(text, start);
      const c = text.charCodeAt(at);
      if (c !== LINE_FEED && c !== CARRIAGE_RETURN && c !== HASH && at < text.length) {
        line = { at, indent: at - start };
        break;
      }
      const newline = text.indexOf('\n', at);
      if (newline === -1) break;
      start = newline + 1;
    }
    this.cachedFrom = from;
    this.cachedLine = line;
    return line;
  }

  /**
   * A block map whose first key is at `firstKey`, in column `column`. Later keys are the
   * content lines indented exactly as deep; the map ends at a line indented less.
   */
  private blockMap(at: SourceMapNode, depth: number, firstKey: number, column: number): ReadNode {
    this.checkDepth(depth);
    const { text } = this;
    const result: Record<string, unknown> = {};
    let keyAt = firstKey;
    let last: ReadNode;
    for (;;) {
      const key = this.key(keyAt);
      if (depth === 0 && keyAt === firstKey) this.rootFirstKey = key.range;
      const repeated = this.beginEntry(result, key.name, key.range);
      const slot = this.child(at, key.name);
      last = this.value(slot, depth + 1, key.range.end, column, true);
      this.locate(slot, key.range, last);
      this.endEntry(result, key.name, last, repeated);
      const next = this.contentLineFrom(this.lineAfter(last));
      if (next === END_OF_TEXT || next.indent < column) break;
      if (next.indent > column) throw OUTSIDE_SUBSET;
      keyAt = next.at;
    }
    const end = lineEndOf(text, last);
    declineIfDeeperCommentFollows(text, end, firstKey);
    return { value: result, start: firstKey, end, lineEnd: end };
  }

  /** A block sequence whose first `-` is at `firstDash`, in column `column`. */
  private blockSeq(at: SourceMapNode, depth: number, firstDash: number, column: number): ReadNode {
    this.checkDepth(depth);
    const { text } = this;
    const items: unknown[] = [];
    let dash = firstDash;
    let last: ReadNode;
    for (;;) {
      const slot = this.child(at, String(items.length));
      last = this.value(slot, depth + 1, dash, column, false);
      this.locate(slot, undefined, last);
      items.push(last.value);
      const next = this.contentLineFrom(this.lineAfter(last));
      if (next === END_OF_TEXT || next.indent < column) break;
      if (next.indent > column) throw OUTSIDE_SUBSET;
      // The same column without a dash: the map this list is the value of goes on.
      if (!this.isDash(next.at)) break;
      dash = next.at;
    }
    const end = lineEndOf(text, last);
    declineIfDeeperCommentFollows(text, end, firstDash);
    return { value: items, start: firstDash, end, lineEnd: end };
  }

  /** A simple key at `start` and its `:`; the key's range ends at the `:`. */
  private key(start: number): { name: string; range: TextRange } {
    const { text } = this;
    KEY.lastIndex = start;
    if (!KEY.test(text)) throw OUTSIDE_SUBSET;
    const colon = KEY.lastIndex - 1;
    // YAML allows an implicit key of at most 1,024 characters; the full parser reports longer ones.
    if (colon - start > 1000) throw OUTSIDE_SUBSET;
    return { name: String(resolvePlainScalar(text.slice(start, colon))), range: { start, end: colon } };
  }

  /** Whether a `-` at `at` is a list entry's indicator (followed by a space or the line's end). */
  private isDash(at: number): boolean {
    const { text } = this;
    if (text.charCodeAt(at) !== DASH) return false;
    const c = text.charCodeAt(at + 1);
    return c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || at + 1 === text.length;
  }

  /**
   * The value after an indicator at `indicator` (a key's `:` or a list's `-`) of a
   * collection in column `column`: on the same line, or on the lines below, or empty.
   */
  private value(at: SourceMapNode, depth: number, indicator: number, column: number, inMap: boolean): ReadNode {
    this.checkDepth(depth);
    const { text } = this;
    const start = skipSpaces(text, indicator + 1);
    const c = text.charCodeAt(start);
    if (c === LINE_FEED || c === CARRIAGE_RETURN || start === text.length || c === HASH) return this.valueBelow(at, depth, start, column, inMap);
    // `- key: value`: a map inside a list entry, in the column of its first key.
    if (!inMap) {
      if (this.isDash(start)) throw OUTSIDE_SUBSET;
      KEY.lastIndex = start;
      if (KEY.test(text)) {
        const lineStart = indicator - column;
        return this.blockMap(at, depth, start, start - lineStart);
      }
    }
    let node: ReadNode;
    if (c === PIPE || c === GREATER_THAN) return this.blockScalar(start, column);
    else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) node = this.quoted(start, c === DOUBLE_QUOTE ? '"' : "'");
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) node = this.flow(at, depth, start);
    else node = this.plainInBlock(start);
    this.expectLineEnd(node.end);
    this.expectNoDeeperLine(node.end, column);
    return node;
  }

  /**
   * A value that starts on the lines below its indicator: a deeper map or list (or a list
   * in the same column, under a key), or nothing, which reads as null.
   */
  private valueBelow(at: SourceMapNode, depth: number, afterIndicator: number, column: number, inMap: boolean): ReadNode {
    const { text } = this;
    const newline = text.indexOf('\n', afterIndicator);
    const next = newline === -1 ? END_OF_TEXT : this.contentLineFrom(newline + 1);
    if (next !== END_OF_TEXT && (next.indent > column || (inMap && next.indent === column && this.isDash(next.at)))) {
      // A comment after the indicator belongs to no node; the nested collection starts below it.
      if (this.isDash(next.at)) return this.blockSeq(at, depth, next.at, next.indent);
      return this.blockMap(at, depth, next.at, next.indent);
    }
    // After an empty value the full parser's node also takes in a comment and blank lines
    // that follow, by rules of its own; leave that rare layout to the event reader.
    if (text.charCodeAt(afterIndicator) === HASH) throw OUTSIDE_SUBSET;
    return { value: null, start: afterIndicator, end: afterIndicator, lineEnd: afterIndicator };
  }

  /** A plain scalar on one line, in block context: it ends at ` #` or the line's end. */
  private plainInBlock(start: number): ReadNode {
    const { text } = this;
    this.expectPlainStart(start);
    let end = start;
    let at = start;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === LINE_FEED || c === CARRIAGE_RETURN || at === text.length) break;
      if (c === SPACE) {
        const next = text.charCodeAt(at + 1);
        if (next === HASH) break;
      } else {
        // `: ` inside a plain scalar makes a nested map, an error in a value on one line.
        if (c === COLON) {
          const next = text.charCodeAt(at + 1);
          if (next === SPACE || next === LINE_FEED || next === CARRIAGE_RETURN || at + 1 === text.length) throw OUTSIDE_SUBSET;
        }
        end = at + 1;
      }
      at++;
    }
    return { value: resolvePlainScalar(text.slice(start, end)), start, end, lineEnd: -1 };
  }

  private expectPlainStart(start: number): void {
    const { text } = this;
    if (NOT_PLAIN_START.has(text[start]!) || this.isDash(start)) throw OUTSIDE_SUBSET;
  }

  /** A quoted scalar that closes on its own line, with no escapes. */
  private quoted(start: number, quote: '"' | "'"): ReadNode {
    const { text } = this;
    let value = '';
    let from = start + 1;
    for (;;) {
      const close = text.indexOf(quote, from);
      const newline = text.indexOf('\n', from);
      if (close === -1 || (newline !== -1 && newline < close)) throw OUTSIDE_SUBSET;
      value += text.slice(from, close);
      // In single quotes `''` is one quote; double quotes would need escapes, left to the event reader.
      if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
        value += "'";
        from = close + 2;
        continue;
      }
      if (quote === '"' && value.includes('\\')) throw OUTSIDE_SUBSET;
      if (value.includes('\r')) throw OUTSIDE_SUBSET;
      return { value, start, end: close + 1, lineEnd: -1 };
    }
  }

  /** A flow list or map that closes on its own line, of plain or quoted scalars. */
  private flow(at: SourceMapNode, depth: number, start: number): ReadNode {
    this.checkDepth(depth);
    const { text } = this;
    const isMap = text.charCodeAt(start) === OPEN_BRACE;
    const close = isMap ? 125 : 93;
    const result: Record<string, unknown> = {};
    const items: unknown[] = [];
    let pos = skipSpaces(text, start + 1);
    if (text.charCodeAt(pos) === close) return { value: isMap ? result : items, start, end: pos + 1, lineEnd: -1 };
    this.checkDepth(depth + 1);
    for (;;) {
      if (isMap) {
        const key = this.key(pos);
        // In flow, `a:b` is one scalar: a key's `:` needs a space after it.
        if (text.charCodeAt(key.range.end + 1) !== SPACE) throw OUTSIDE_SUBSET;
        const repeated = this.beginEntry(result, key.name, key.range);
        const slot = this.child(at, key.name);
        const item = this.flowScalar(skipSpaces(text, key.range.end + 1));
        this.locate(slot, key.range, item);
        this.endEntry(result, key.name, item, repeated);
        pos = item.end;
      } else {
        const slot = this.child(at, String(items.length));
        const item = this.flowScalar(pos);
        this.locate(slot, undefined, item);
        items.push(item.value);
        pos = item.end;
      }
      pos = skipSpaces(text, pos);
      const c = text.charCodeAt(pos);
      if (c === close) return { value: isMap ? result : items, start, end: pos + 1, lineEnd: -1 };
      if (c !== COMMA) throw OUTSIDE_SUBSET;
      pos = skipSpaces(text, pos + 1);
      // A trailing comma, an empty entry or anything on the next line: the event reader's.
      const after = text.charCodeAt(pos);
      if (after === close || after === COMMA) throw OUTSIDE_SUBSET;
    }
  }

  /** A scalar inside a flow collection: quoted, or plain up to `,`, `]` or `}`. */
  private flowScalar(start: number): ReadNode {
    const { text } = this;
    const c = text.charCodeAt(start);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(start, c === DOUBLE_QUOTE ? '"' : "'");
    this.expectPlainStart(start);
    let end = start;
    let at = start;
    for (;;) {
      const ch = text.charCodeAt(at);
      if (ch === COMMA || ch === CLOSE_BRACKET || ch === CLOSE_BRACE) break;
      // Line breaks, comments, `:` and nested brackets inside a flow collection: not here.
      if (ch === LINE_FEED || ch === CARRIAGE_RETURN || ch === HASH || ch === COLON || ch === OPEN_BRACKET || ch === OPEN_BRACE || at === text.length) throw OUTSIDE_SUBSET;
      if (ch !== SPACE) end = at + 1;
      at++;
    }
    return { value: resolvePlainScalar(text.slice(start, end)), start, end, lineEnd: -1 };
  }

  /**
   * Literal or folded text whose header is at `header`, inside a collection in column
   * `column`: the lines below indented deeper than the collection, as deep as the first.
   */
  private blockScalar(header: number, column: number): ReadNode {
    const { text } = this;
    BLOCK_HEADER.lastIndex = header;
    if (!BLOCK_HEADER.test(text)) throw OUTSIDE_SUBSET;
    const literal = text.charCodeAt(header) === PIPE;
    const strip = text.charCodeAt(header + 1) === DASH;
    const headerEnd = text.indexOf('\n', BLOCK_HEADER.lastIndex);
    if (headerEnd === -1) throw OUTSIDE_SUBSET;
    let lineStart = headerEnd + 1;
    let indent = -1;
    const lines: string[] = [];
    /** Where the last line with text ends, past its line break. */
    let end = -1;
    while (lineStart < text.length) {
      const at = skipSpaces(text, lineStart);
      const c = text.charCodeAt(at);
      const blank = c === LINE_FEED || c === CARRIAGE_RETURN || at === text.length;
      if (blank) {
        // Leading blank lines and blank lines with spaces past the indentation have rules of their own.
        if (indent === -1 || at - lineStart > indent) throw OUTSIDE_SUBSET;
        lines.push('');
      } else {
        if (indent === -1) {
          indent = at - lineStart;
          if (indent <= column) throw OUTSIDE_SUBSET;
        }
        if (at - lineStart < indent) break;
        // A line indented deeper than the first keeps its line break in folded text.
        if (!literal && at - lineStart > indent) throw OUTSIDE_SUBSET;
        const newline = text.indexOf('\n', at);
        const contentEnd = newline === -1 ? text.length : text.charCodeAt(newline - 1) === CARRIAGE_RETURN ? newline - 1 : newline;
        const content = text.slice(lineStart + indent, contentEnd);
        if (content.includes('\r')) throw OUTSIDE_SUBSET;
        lines.push(content);
        end = newline === -1 ? text.length : newline + 1;
      }
      const newline = text.indexOf('\n', at);
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    if (end === -1) throw OUTSIDE_SUBSET;
    // Blank lines after the last line with text are not part of the value.
    while (lines[lines.length - 1] === '') lines.pop();
    let value = literal ? lines.join('\n') : fold(lines);
    // Clipped text ends with one line break, even on the file's last line without one.
    if (!strip) value += '\n';
    this.expectNoDeeperLine(end - 1, column);
    return { value, start: header, end, lineEnd: end };
  }

  /** After a value on one line, only spaces and a comment may follow on that line. */
  private expectLineEnd(from: number): void {
    const { text } = this;
    const at = skipSpaces(text, from);
    const c = text.charCodeAt(at);
    if (c === LINE_FEED || c === CARRIAGE_RETURN || at === text.length) return;
    // A comment needs a space before its `#`.
    if (c === HASH && at > from) return;
    throw OUTSIDE_SUBSET;
  }

  /**
   * A line indented deeper than the collection, right after a value, would continue it over
   * several lines (or be an error): the event reader's.
   */
  private expectNoDeeperLine(from: number, column: number): void {
    const newline = this.text.indexOf('\n', from);
    if (newline === -1) return;
    const next = this.contentLineFrom(newline + 1);
    if (next !== END_OF_TEXT && next.indent > column) throw OUTSIDE_SUBSET;
  }

  /** The start of the line after the one where `node` ends (its own line break included). */
  private lineAfter(node: ReadNode): number {
    const { text } = this;
    if (node.lineEnd >= 0 && (node.lineEnd === text.length || text.charCodeAt(node.lineEnd - 1) === LINE_FEED)) return node.lineEnd;
    const newline = text.indexOf('\n', node.end);
    return newline === -1 ? text.length : newline + 1;
  }
}

/** Folded text: lines of text joined by spaces, and each blank line a line break. */
function fold(lines: readonly string[]): string {
  let value = '';
  let blanks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    if (started) value += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    value += line;
    blanks = 0;
    started = true;
  }
  return value;
}
