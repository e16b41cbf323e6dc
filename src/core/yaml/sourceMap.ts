import type { Path, TextRange } from '../types';

/** Where one value of the document sits: its key (for map entries) and its value. */
export interface NodeLocation {
  readonly key?: TextRange;
  readonly value: TextRange;
}

/** Encodes a path as a JSON pointer, the form ajv reports in `instancePath`. */
export function pointerOf(path: Path): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
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

/** One recorded node: its location and the locations below it, by key or list index. */
export interface SourceMapNode {
  location: NodeLocation | undefined;
  children: Map<string, SourceMapNode> | undefined;
}

/**
 * Path → source location, filled while the document is converted. Values reached through an
 * alias are not recorded: a lookup inside them falls back to the alias itself, which is where
 * a person would fix them. Stored as a tree so that recording costs no pointer strings.
 */
export class SourceMap {
  readonly root: SourceMapNode = { location: undefined, children: undefined };

  constructor(private fallback: TextRange) {}

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
      if (node.children) for (const [segment, child] of node.children) yield* walk(child, `${pointer}/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    yield* walk(this.root, '');
  }

  /** The location of a path exactly, if it was recorded. */
  exact(pointer: string): NodeLocation | undefined {
    return this.nodeAt(segmentsOf(pointer))?.location;
  }

  /**
   * The tightest range for a path: its key or value when recorded, else the key of the
   * nearest recorded ancestor (where a missing entry would be added).
   */
  rangeOf(pointer: string, part: 'key' | 'value'): TextRange {
    return this.rangeAtSegments(segmentsOf(pointer), part);
  }

  private rangeAtSegments(segments: readonly (string | number)[], part: 'key' | 'value'): TextRange {
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
