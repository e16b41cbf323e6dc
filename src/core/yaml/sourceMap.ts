import type { Path, TextRange } from '../types';

/** Where one value of the document sits: its key (for map entries) and its value. */
export interface NodeLocation {
  readonly key?: TextRange;
  readonly value: TextRange;
}

/** One path segment as a JSON pointer writes it (`~` → `~0`, `/` → `~1`, RFC 6901). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Encodes a path as a JSON pointer, the form ajv reports in `instancePath`. */
export function pointerOf(path: Path): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + escapeSegment(segment);
  return pointer;
}

/** Splits a JSON pointer back into segments (numbers stay strings; lookups go by pointer). */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A source map's top level as plain data (see SourceMap.topLevelSummary). */
export interface SourceMapSummary {
  readonly fallback: TextRange;
  readonly root: NodeLocation | undefined;
  readonly topLevel: readonly [string, NodeLocation][];
}

/** One recorded node: its location and the locations below it, by key or list index. */
export interface SourceMapNode {
  location: NodeLocation | undefined;
  children: Map<string, SourceMapNode> | undefined;
}

/**
 * Path → source location, filled while the document is converted. Values reached through an
 * alias are not recorded: a lookup inside them falls back to the alias itself, which is where
 * a person would fix them. Stored as a tree so that recording costs no pointer strings.
 *
 * A map can also be deferred (`SourceMap.deferred`): only the root and its top-level entries
 * are recorded, and the tree is filled the first time a lookup needs more. Most clean files
 * are never asked for more than a top-level key, so the command line and the workspace scan
 * skip recording a few hundred locations per file. Answers are the same either way.
 */
export class SourceMap {
  private tree: SourceMapNode | undefined = { location: undefined, children: undefined };
  private topLevel: ReadonlyMap<string, NodeLocation> | undefined;
  private rootLocation: NodeLocation | undefined;
  private fill: ((map: SourceMap) => void) | undefined;

  constructor(private fallback: TextRange) {}

  /**
   * A map that knows the root's location and its top-level entries, and calls `fill` (which
   * records every location through `root` and `add`) the first time a lookup goes deeper.
   */
  static deferred(fallback: TextRange, rootLocation: NodeLocation | undefined, topLevel: ReadonlyMap<string, NodeLocation>, fill: (map: SourceMap) => void): SourceMap {
    const map = new SourceMap(fallback);
    map.tree = undefined;
    map.rootLocation = rootLocation;
    map.topLevel = topLevel;
    map.fill = fill;
    return map;
  }

  /**
   * What a deferred copy of this map needs, as plain data that can cross a thread: the
   * fallback, the root's location and the top-level entries.
   */
  topLevelSummary(): SourceMapSummary {
    const root = this.exact('');
    const entries: [string, NodeLocation][] = this.topLevel ? [...this.topLevel] : [...(this.root.children ?? [])].flatMap(([segment, node]) => (node.location ? [[segment, node.location] as [string, NodeLocation]] : []));
    return { fallback: this.fallback, root, topLevel: entries };
  }

  /** A deferred map made from a summary; `fill` records the rest when a lookup needs it. */
  static fromSummary(summary: SourceMapSummary, fill: (map: SourceMap) => void): SourceMap {
    return SourceMap.deferred(summary.fallback, summary.root, new Map(summary.topLevel), fill);
  }

  /** False while a deferred map has recorded only its top level. */
  get filled(): boolean {
    return this.tree !== undefined;
  }

  /** The recorded tree; a deferred map is filled here, once. */
  get root(): SourceMapNode {
    if (!this.tree) {
      this.tree = { location: undefined, children: undefined };
      const fill = this.fill!;
      this.fill = undefined;
      this.topLevel = undefined;
      fill(this);
    }
    return this.tree;
  }

  /** Where lookups that find nothing land; known only once the whole document is read. */
  setFallback(range: TextRange): void {
    this.fallback = range;
  }

  /** Records the location of the child `segment` of `parent`, and returns its node. */
  add(parent: SourceMapNode, segment: string, location: NodeLocation | undefined): SourceMapNode {
    parent.children ??= new Map();
    let node = parent.children.get(segment);
    if (node) node.location = location;
    else parent.children.set(segment, (node = { location, children: undefined }));
    return node;
  }

  set(pointer: string, location: NodeLocation): void {
    let node = this.root;
    for (const segment of segmentsOf(pointer)) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { location: undefined, children: undefined }));
      node = child;
    }
    node.location = location;
  }

  has(path: Path): boolean {
    return this.exact(pointerOf(path)) !== undefined;
  }

  /** Every recorded path and location, parents before children, in document order. */
  *entries(): IterableIterator<[string, NodeLocation]> {
    function* walk(node: SourceMapNode, pointer: string): IterableIterator<[string, NodeLocation]> {
      if (node.location) yield [pointer, node.location];
      if (node.children) for (const [segment, child] of node.children) yield* walk(child, `${pointer}/${escapeSegment(segment)}`);
    }
    yield* walk(this.root, '');
  }

  /** The location of a path exactly, if it was recorded. */
  exact(pointer: string): NodeLocation | undefined {
    const segments = segmentsOf(pointer);
    if (this.topLevel && segments.length <= 1) return this.shallow(segments);
    return this.nodeAt(segments)?.location;
  }

  /** A deferred map's answer for the root or a top-level entry, without filling the tree. */
  private shallow(segments: readonly (string | number)[]): NodeLocation | undefined {
    return segments.length === 0 ? this.rootLocation : this.topLevel!.get(String(segments[0]));
  }

  /**
   * The tightest range for a path: its key or value when recorded, else the key of the
   * nearest recorded ancestor (where a missing entry would be added).
   */
  rangeOf(pointer: string, part: 'key' | 'value'): TextRange {
    return this.rangeAtSegments(segmentsOf(pointer), part);
  }

  private rangeAtSegments(segments: readonly (string | number)[], part: 'key' | 'value'): TextRange {
    // At the top level the only ancestor is the root, which never serves as the nearest one.
    if (this.topLevel && segments.length <= 1) {
      const found = this.shallow(segments);
      return found ? (part === 'key' ? (found.key ?? found.value) : found.value) : this.fallback;
    }
    const exact = this.nodeAt(segments)?.location;
    if (exact) return part === 'key' ? (exact.key ?? exact.value) : exact.value;
    // Walk down as far as the path is recorded; the deepest recorded ancestor wins.
    let node: SourceMapNode | undefined = this.root;
    let best: NodeLocation | undefined;
    for (const segment of segments) {
      if (node.location && node !== this.root) best = node.location;
      node = node.children?.get(String(segment));
      if (!node) break;
    }
    return best ? (best.key ?? best.value) : this.fallback;
  }

  /** The tightest recorded key or value that contains `offset`, with its pointer. */
  locate(offset: number): { pointer: string; part: 'key' | 'value'; range: TextRange } | undefined {
    let best: { pointer: string; part: 'key' | 'value'; range: TextRange } | undefined;
    const consider = (pointer: string, part: 'key' | 'value', range: TextRange | undefined): void => {
      if (!range || offset < range.start || offset > range.end) return;
      if (!best || range.end - range.start < best.range.end - best.range.start) best = { pointer, part, range };
    };
    for (const [pointer, location] of this.entries()) {
      if (pointer === '') continue;
      consider(pointer, 'key', location.key);
      consider(pointer, 'value', location.value);
    }
    return best;
  }

  /** As `rangeOf`, for a path: the tree is walked by its segments, with no pointer in between. */
  range(path: Path, part: 'key' | 'value' = 'value'): TextRange {
    return this.rangeAtSegments(path, part);
  }

  private nodeAt(segments: readonly (string | number)[]): SourceMapNode | undefined {
    let node: SourceMapNode | undefined = this.root;
    for (const segment of segments) {
      node = node.children?.get(String(segment));
      if (!node) return undefined;
    }
    return node;
  }
}
