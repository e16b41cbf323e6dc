import type * as JsYaml from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { RawFinding, TextRange } from '../types';
import { resolvePlainScalar } from './coreScalars';
import { LIMITS } from './limits';
import { firstLine } from './lineBound';
import type { ParsedYaml } from './parseYaml';
import { SourceMap, type NodeLocation, type SourceMapNode } from './sourceMap';
import { jsYamlLibrary } from './yamlLibrary';

// Read once, on first use: bundled, a CommonJS module's exports are reached through getters,
// and these are used for every node (the getters alone were 7 % of a 1,000-file lint run).
let EVENT_ID: typeof JsYaml.EVENT_ID;
let getScalarValue: typeof JsYaml.getScalarValue;
let parseEvents: typeof JsYaml.parseEvents | undefined;
let SCALAR_STYLE: typeof JsYaml.SCALAR_STYLE;
let COLLECTION_STYLE: typeof JsYaml.COLLECTION_STYLE;
let CHOMPING_MODE: typeof JsYaml.CHOMPING_MODE;

function eventParser(): typeof JsYaml.parseEvents {
  if (!parseEvents) ({ EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, COLLECTION_STYLE, CHOMPING_MODE } = jsYamlLibrary());
  return parseEvents!;
}

/**
 * The fast path for the common case: a well-formed, single-document file written with plain
 * and quoted scalars, block and flow collections, and literal or folded text. It reads
 * js-yaml's event stream (offsets, no tree) and rebuilds exactly the values, ranges and
 * findings the full parser gives: ranges follow `yaml`'s node ranges, so every finding,
 * hover and quick fix lands on the same characters whichever path read the file.
 *
 * Anything outside that subset returns `undefined` and the full parser takes over: syntax
 * errors (the full parser reports all of them, js-yaml stops at the first), anchors and
 * aliases (bounded expansion lives there), tags, directives, several documents, tabs, a
 * byte order mark, and nesting past the limit. An equivalence test holds the two together.
 */
export function fastParseYaml(text: string, options: { deferSourceMap?: boolean } = {}): ParsedYaml | undefined {
  if (hasUnsupportedCharacters(text)) return undefined;
  const events = readEvents(text);
  if (!events) return undefined;
  try {
    return new EventReader(text, events, options.deferSourceMap ? undefined : new SourceMap({ start: 0, end: 0 })).read();
  } catch (err) {
    if (err === OUTSIDE_SUBSET) return undefined;
    throw err;
  }
}

function readEvents(text: string): Event[] | undefined {
  try {
    return eventParser()(text, { maxDepth: LIMITS.nestingDepth + 1 });
  } catch {
    return undefined;
  }
}

/**
 * Fills a deferred source map: the events are read again rather than kept, since a file's
 * events take ten times its text in memory and the workspace index holds a thousand files.
 * The text was read once already, so neither step can fail here.
 */
function fillSourceMap(text: string, map: SourceMap): void {
  new EventReader(text, readEvents(text)!, map).read();
}

/** Thrown inside the reader when the file uses something only the full parser handles. */
const OUTSIDE_SUBSET = Symbol('outside the fast subset');

/** An explicit `? key` entry, whose node ranges start at the `?`. */
const EXPLICIT_KEY = /^[ -]*\?(?:[ \r\n]|$)/m;

function hasUnsupportedCharacters(text: string): boolean {
  // Tabs and the BOM have parser-specific rules; `%` may start a directive.
  if (text.includes('\t') || text.includes('\uFEFF') || text.startsWith('%') || text.includes('\n%')) return true;
  return text.includes('?') && EXPLICIT_KEY.test(text);
}

/** A value read from the events, with the two ends `yaml` records for its node. */
interface ReadNode {
  readonly value: unknown;
  readonly start: number;
  /** Where the node's own text ends. */
  readonly end: number;
  /**
   * Where it ends including the rest of its line (spaces, comment, line break), in block
   * context; -1 until asked for, since only the last node of a block collection needs it.
   */
  readonly lineEnd: number;
}

const KEY_SPACE = /[ ]*/y;

/** Where locations below the top level go when the source map is deferred: nowhere. */
const NOT_RECORDED: SourceMapNode = { location: undefined, children: undefined };

class EventReader {
  private index = 0;
  private readonly findings: RawFinding[] = [];
  /**
   * With no source map to fill, only the root and its direct children are recorded, here;
   * the rest is filled in later, when asked for (`SourceMap.deferred`).
   */
  private readonly shallowRoot: SourceMapNode = { location: undefined, children: undefined };
  /** Above zero while reading the value of a repeated key, which the full parser skips. */
  private discarding = 0;
  /** The first key of the root map: where findings about a missing section go. */
  private rootFirstKey: TextRange | undefined;

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    private readonly sourceMap: SourceMap | undefined,
  ) {}

  read(): ParsedYaml {
    const { events, text } = this;
    if (events.length === 0) return this.result(undefined, firstLine(text, 0));
    const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
    if (documents !== 1 || events[0]!.type !== EVENT_ID.DOCUMENT) throw OUTSIDE_SUBSET;
    const doc = events[0]!;
    if (doc.directives.length > 0 || doc.explicitEnd) throw OUTSIDE_SUBSET;
    this.index = 1;
    if (events[1]!.type === EVENT_ID.POP) return this.result(undefined, firstLine(text, 0));

    const root = this.node(this.sourceMap?.root ?? this.shallowRoot, 0, undefined, true, -1);
    if (this.next().type !== EVENT_ID.POP || this.index !== events.length) throw OUTSIDE_SUBSET;
    return this.result(root.value, this.rootFirstKey ?? firstLine(text, root.start));
  }

  private result(value: unknown, rootAnchor: TextRange): ParsedYaml {
    let sourceMap = this.sourceMap;
    if (sourceMap) {
      sourceMap.setFallback(rootAnchor);
    } else {
      const topLevel = new Map<string, NodeLocation>();
      for (const [segment, node] of this.shallowRoot.children ?? []) if (node.location) topLevel.set(segment, node.location);
      const { text } = this;
      sourceMap = SourceMap.deferred(rootAnchor, this.shallowRoot.location, topLevel, (map) => fillSourceMap(text, map));
    }
    return { value, sourceMap, syntaxErrors: [], structureFindings: this.findings, rootAnchor };
  }

  private next(): Event {
    const event = this.events[this.index++];
    if (!event) throw OUTSIDE_SUBSET;
    return event;
  }

  /**
   * Reads the node at the current event. `block` says whether it sits in block context;
   * `indicator` is where to look for the `:` or `-` that precedes an empty value.
   */
  private node(at: SourceMapNode, depth: number, key: TextRange | undefined, block: boolean, indicator: number): ReadNode {
    if (depth > LIMITS.nestingDepth) throw OUTSIDE_SUBSET;
    const event = this.next();
    let node: ReadNode;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        node = this.scalar(event, block, indicator);
        break;
      case EVENT_ID.MAPPING:
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw OUTSIDE_SUBSET;
        node = event.style === COLLECTION_STYLE.FLOW ? this.flowMap(event.start, at, depth) : this.blockMap(at, depth);
        break;
      case EVENT_ID.SEQUENCE:
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw OUTSIDE_SUBSET;
        node = event.style === COLLECTION_STYLE.FLOW ? this.flowSeq(event.start, at, depth) : this.blockSeq(event.start, at, depth);
        break;
      default:
        throw OUTSIDE_SUBSET;
    }
    if (at !== NOT_RECORDED) {
      const value = { start: node.start, end: node.end };
      at.location = key ? { key, value } : { value };
    }
    return node;
  }

  private scalar(event: ScalarEvent, block: boolean, indicator: number): ReadNode {
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw OUTSIDE_SUBSET;
    const { text } = this;
    switch (event.style) {
      case SCALAR_STYLE.PLAIN: {
        if (event.valueStart === -1) return this.emptyScalar(block, indicator);
        const value = resolvePlainScalar(getScalarValue(text, event));
        return { value, start: event.valueStart, end: event.valueEnd, lineEnd: -1 };
      }
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED: {
        const quote = event.style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
        const start = event.valueStart - 1;
        const end = event.valueEnd + 1;
        if (text[start] !== quote || text[end - 1] !== quote) throw OUTSIDE_SUBSET;
        return { value: getScalarValue(text, event), start, end, lineEnd: -1 };
      }
      default:
        return this.blockScalar(event);
    }
  }

  /** `key:` or `-` with nothing after it: `yaml` places the null after the indicator and its spaces. */
  private emptyScalar(block: boolean, indicator: number): ReadNode {
    const { text } = this;
    if (!block || indicator < 0) throw OUTSIDE_SUBSET;
    let at = this.skipBlankAndComments(indicator);
    if (text[at] !== ':' && text[at] !== '-') throw OUTSIDE_SUBSET;
    at = this.skipSpaces(at + 1);
    // After an empty value the full parser's node also takes in a comment and blank lines
    // that follow, by rules of its own; leave that rare layout to it.
    if (text[at] === '#') throw OUTSIDE_SUBSET;
    return { value: null, start: at, end: at, lineEnd: at };
  }

  private blockScalar(event: ScalarEvent): ReadNode {
    const { text } = this;
    if (event.chomping === CHOMPING_MODE.KEEP || event.valueStart === -1) throw OUTSIDE_SUBSET;
    // The node starts at its `|` or `>` header, on the line above the content.
    const headerEnd = text.lastIndexOf('\n', event.valueStart - 1);
    const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
    const header = /([|>][1-9+-]{0,2})[ ]*(?:[ ]#.*)?$/.exec(text.slice(headerStart, headerEnd));
    if (headerEnd < 0 || !header) throw OUTSIDE_SUBSET;
    const start = headerStart + header.index;
    // It ends after its last line with text; trailing blank lines are not part of it.
    let last = event.valueEnd - 1;
    while (last >= event.valueStart && (text[last] === ' ' || text[last] === '\n' || text[last] === '\r')) last--;
    if (last < event.valueStart) throw OUTSIDE_SUBSET;
    const newline = text.indexOf('\n', last);
    const end = newline === -1 || newline >= event.valueEnd ? event.valueEnd : newline + 1;
    return { value: getScalarValue(text, event), start, end, lineEnd: end };
  }

  /**
   * Where a child's location is recorded: nowhere while a repeated key's value is read, and
   * nowhere below the top level when the source map is deferred.
   */
  private child(parent: SourceMapNode, segment: string): SourceMapNode {
    if (this.discarding > 0) return NOT_RECORDED;
    if (this.sourceMap) return this.sourceMap.add(parent, segment, undefined);
    if (parent !== this.shallowRoot) return NOT_RECORDED;
    const node: SourceMapNode = { location: undefined, children: undefined };
    (parent.children ??= new Map()).set(segment, node);
    return node;
  }

  private blockMap(at: SourceMapNode, depth: number): ReadNode {
    const result: Record<string, unknown> = {};
    let first: ReadNode | undefined;
    let last: ReadNode | undefined;
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      const keyEvent = this.next();
      const key = this.key(keyEvent);
      if (!first) {
        first = key.node;
        if (depth === 0) this.rootFirstKey = { start: first.start, end: first.end };
      }
      last = this.entry(result, key, at, depth, true);
    }
    this.index++;
    if (!first || !last) throw OUTSIDE_SUBSET;
    const end = this.lineEndOf(last);
    this.declineIfDeeperCommentFollows(end, first.start);
    return { value: result, start: first.start, end, lineEnd: end };
  }

  private flowMap(start: number, at: SourceMapNode, depth: number): ReadNode {
    if (this.text[start] !== '{') throw OUTSIDE_SUBSET;
    const result: Record<string, unknown> = {};
    let after = start + 1;
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      const key = this.key(this.next());
      after = this.entry(result, key, at, depth, false).end;
    }
    this.index++;
    const end = this.closingBracket(after, '}');
    return { value: result, start, end, lineEnd: -1 };
  }

  private key(event: Event): { name: string; node: ReadNode } {
    if (event.type !== EVENT_ID.SCALAR || event.valueStart === -1) throw OUTSIDE_SUBSET;
    if (event.style !== SCALAR_STYLE.PLAIN && event.style !== SCALAR_STYLE.SINGLE_QUOTED && event.style !== SCALAR_STYLE.DOUBLE_QUOTED) throw OUTSIDE_SUBSET;
    const node = this.scalar(event, false, -1);
    // YAML allows an implicit key of at most 1,024 characters; the full parser reports longer ones.
    if (node.end - node.start > 1000) throw OUTSIDE_SUBSET;
    return { name: String(node.value), node };
  }

  /** Reads one map entry's value and stores it, reporting a repeated key like the full parser. */
  private entry(result: Record<string, unknown>, key: { name: string; node: ReadNode }, parent: SourceMapNode, depth: number, block: boolean): ReadNode {
    const keyRange = { start: key.node.start, end: key.node.end };
    // Every first occurrence is stored, so an own property means the key was seen before.
    if (Object.prototype.hasOwnProperty.call(result, key.name)) {
      if (this.discarding === 0) this.findings.push({ ruleId: 'schema', severity: 'error', message: `Duplicate key \`${key.name}\`: only the first one counts.`, range: keyRange });
      // The value is still read, to move past its events, but neither kept nor mapped.
      this.discarding++;
      try {
        return this.node(this.child(parent, key.name), depth + 1, keyRange, block, key.node.end);
      } finally {
        this.discarding--;
      }
    }
    const value = this.node(this.child(parent, key.name), depth + 1, keyRange, block, key.node.end);
    // defineProperty keeps `__proto__` an own data property instead of a prototype change.
    if (key.name === '__proto__') Object.defineProperty(result, key.name, { value: value.value, enumerable: true, writable: true, configurable: true });
    else result[key.name] = value.value;
    return value;
  }

  private blockSeq(start: number, at: SourceMapNode, depth: number): ReadNode {
    if (this.text[start] !== '-') throw OUTSIDE_SUBSET;
    const items: unknown[] = [];
    let after = start;
    let last: ReadNode | undefined;
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      last = this.node(this.child(at, String(items.length)), depth + 1, undefined, true, after);
      items.push(last.value);
      after = last.end;
    }
    this.index++;
    if (!last) throw OUTSIDE_SUBSET;
    const end = this.lineEndOf(last);
    this.declineIfDeeperCommentFollows(end, start);
    return { value: items, start, end, lineEnd: end };
  }

  private flowSeq(start: number, at: SourceMapNode, depth: number): ReadNode {
    if (this.text[start] !== '[') throw OUTSIDE_SUBSET;
    const items: unknown[] = [];
    let after = start + 1;
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      const item = this.node(this.child(at, String(items.length)), depth + 1, undefined, false, -1);
      items.push(item.value);
      after = item.end;
    }
    this.index++;
    const end = this.closingBracket(after, ']');
    return { value: items, start, end, lineEnd: -1 };
  }

  /** The offset just past the bracket that closes a flow collection whose content ends at `from`. */
  private closingBracket(from: number, bracket: '}' | ']'): number {
    const { text } = this;
    let at = from;
    for (;;) {
      at = this.skipBlankAndComments(at);
      if (text[at] === ',') at++;
      else break;
    }
    if (text[at] !== bracket) throw OUTSIDE_SUBSET;
    return at + 1;
  }

  private skipSpaces(from: number): number {
    KEY_SPACE.lastIndex = from;
    KEY_SPACE.test(this.text);
    return KEY_SPACE.lastIndex;
  }

  /** Skips spaces, line breaks and whole comments. */
  private skipBlankAndComments(from: number): number {
    const { text } = this;
    let at = from;
    for (;;) {
      const c = text[at];
      if (c === ' ' || c === '\n' || c === '\r') at++;
      else if (c === '#') {
        const newline = text.indexOf('\n', at);
        at = newline === -1 ? text.length : newline;
      } else return at;
    }
  }

  /**
   * The full parser's range for a block collection sometimes takes in the comment lines that
   * follow it (and the blank lines before them) when they are indented deeper than the
   * collection, depending on what the last entry was. Comments at the collection's own
   * indentation or less never are, and those are the usual kind; a deeper one is left to
   * the full parser rather than imitated. `from` is where the collection's last line ends.
   */
  private declineIfDeeperCommentFollows(from: number, collectionStart: number): void {
    const { text } = this;
    const column = collectionStart - (text.lastIndexOf('\n', collectionStart - 1) + 1);
    let at = from;
    while (at < text.length) {
      const indented = this.skipSpaces(at);
      const c = text[indented];
      if (c === '#') {
        if (indented - at > column) throw OUTSIDE_SUBSET;
      } else if (c !== '\n' && c !== '\r' && c !== undefined) {
        return;
      }
      const newline = text.indexOf('\n', indented);
      if (newline === -1) return;
      at = newline + 1;
    }
  }

  private lineEndOf(node: ReadNode): number {
    return node.lineEnd >= 0 ? node.lineEnd : this.lineEnd(node.end);
  }

  /** Where a block-context node's line ends: past trailing spaces, a comment and one line break. */
  private lineEnd(from: number): number {
    const { text } = this;
    let at = this.skipSpaces(from);
    if (text[at] === '#') {
      const newline = text.indexOf('\n', at);
      at = newline === -1 ? text.length : newline;
    }
    if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
    if (text[at] === '\n') return at + 1;
    return at === text.length ? at : from;
  }
}
