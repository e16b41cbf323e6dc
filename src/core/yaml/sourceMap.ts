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

/**
 * Path → source location, filled while the document is converted. Values reached through an
 * alias are not recorded: a lookup inside them falls back to the alias itself, which is where
 * a person would fix them.
 */
export class SourceMap {
  private readonly locations = new Map<string, NodeLocation>();

  constructor(private readonly fallback: TextRange) {}

  set(pointer: string, location: NodeLocation): void {
    this.locations.set(pointer, location);
  }

  has(path: Path): boolean {
    return this.locations.has(pointerOf(path));
  }

  /** The location of a path exactly, if it was recorded. */
  exact(pointer: string): NodeLocation | undefined {
    return this.locations.get(pointer);
  }

  /**
   * The tightest range for a path: its key or value when recorded, else the key of the
   * nearest recorded ancestor (where a missing entry would be added).
   */
  rangeOf(pointer: string, part: 'key' | 'value'): TextRange {
    const exact = this.locations.get(pointer);
    if (exact) return part === 'key' ? (exact.key ?? exact.value) : exact.value;
    let current = pointer;
    while (current !== '') {
      current = current.slice(0, current.lastIndexOf('/'));
      const found = this.locations.get(current);
      if (found) return found.key ?? found.value;
    }
    return this.fallback;
  }

  /** The tightest recorded key or value that contains `offset`, with its pointer. */
  locate(offset: number): { pointer: string; part: 'key' | 'value'; range: TextRange } | undefined {
    let best: { pointer: string; part: 'key' | 'value'; range: TextRange } | undefined;
    const consider = (pointer: string, part: 'key' | 'value', range: TextRange | undefined): void => {
      if (!range || offset < range.start || offset > range.end) return;
      if (!best || range.end - range.start < best.range.end - best.range.start) best = { pointer, part, range };
    };
    for (const [pointer, location] of this.locations) {
      if (pointer === '') continue;
      consider(pointer, 'key', location.key);
      consider(pointer, 'value', location.value);
    }
    return best;
  }

  range(path: Path, part: 'key' | 'value' = 'value'): TextRange {
    return this.rangeOf(pointerOf(path), part);
  }
}
