import type * as JsYaml from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { TextRange } from '../types';
import { declineIfDeeperCommentFollows, lineEndOf, skipBlankAndComments, skipSpaces } from './blockLayout';
import { resolvePlainScalar } from './coreScalars';
import { LIMITS } from './limits';
import { firstLine } from './lineBound';
import type { ParsedYaml } from './parsedYaml';
import type { SourceMap, SourceMapNode } from './sourceMap';
import { OUTSIDE_SUBSET, TreeRecorder, type ReadNode } from './treeRecorder';
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
 * The second fast reader: js-yaml's event stream (offsets, no tree), for files the line
 * reader declines, such as flow collections over several lines, multi-line plain scalars,
 * escapes in quoted text or a sequence at the root. It rebuilds exactly the values, ranges
 * and findings the full parser gives, and returns `undefined` for anything outside its
 * subset (see fastParse.ts), leaving the file to the full parser.
 */
export function readByEvents(text: string, sourceMap?: SourceMap): ParsedYaml | undefined {
  const events = readEvents(text);
  if (!events) return undefined;
  try {
    return new EventReader(text, events, sourceMap).read();
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

class EventReader extends TreeRecorder {
  private index = 0;

  constructor(
    text: string,
    private readonly events: Event[],
    sourceMap: SourceMap | undefined,
  ) {
    super(text, sourceMap);
  }

  read(): ParsedYaml {
    const { events, text } = this;
    if (events.length === 0) return this.result(undefined, firstLine(text, 0), (map) => fillSourceMap(text, map));
    const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
    if (documents !== 1 || events[0]!.type !== EVENT_ID.DOCUMENT) throw OUTSIDE_SUBSET;
    const doc = events[0]!;
    if (doc.directives.length > 0 || doc.explicitEnd) throw OUTSIDE_SUBSET;
    this.index = 1;
    if (events[1]!.type === EVENT_ID.POP) return this.result(undefined, firstLine(text, 0), (map) => fillSourceMap(text, map));

    const root = this.node(this.rootNode, 0, undefined, true, -1);
    if (this.next().type !== EVENT_ID.POP || this.index !== events.length) throw OUTSIDE_SUBSET;
    return this.result(root.value, this.rootFirstKey ?? firstLine(text, root.start), (map) => fillSourceMap(text, map));
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
    this.checkDepth(depth);
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
    this.locate(at, key, node);
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
    let at = skipBlankAndComments(this.text, indicator);
    if (text[at] !== ':' && text[at] !== '-') throw OUTSIDE_SUBSET;
    at = skipSpaces(this.text, at + 1);
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
    const end = lineEndOf(this.text, last);
    declineIfDeeperCommentFollows(this.text, end, first.start);
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

  /** Reads one map entry's value and stores it. */
  private entry(result: Record<string, unknown>, key: { name: string; node: ReadNode }, parent: SourceMapNode, depth: number, block: boolean): ReadNode {
    const keyRange = { start: key.node.start, end: key.node.end };
    const repeated = this.beginEntry(result, key.name, keyRange);
    const value = this.node(this.child(parent, key.name), depth + 1, keyRange, block, key.node.end);
    this.endEntry(result, key.name, value, repeated);
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
    const end = lineEndOf(this.text, last);
    declineIfDeeperCommentFollows(this.text, end, start);
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
      at = skipBlankAndComments(this.text, at);
      if (text[at] === ',') at++;
      else break;
    }
    if (text[at] !== bracket) throw OUTSIDE_SUBSET;
    return at + 1;
  }
}
