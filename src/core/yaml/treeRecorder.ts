import type { RawFinding, TextRange } from '../types';
import { LIMITS } from './limits';
import type { ParsedYaml } from './parsedYaml';
import { SourceMap, type NodeLocation, type SourceMapNode } from './sourceMap';

/** A value read by a fast reader, with the two ends `yaml` records for its node. */
export interface ReadNode {
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

/** Thrown inside a fast reader when the file uses something only the full parser handles. */
export const OUTSIDE_SUBSET = Symbol('outside the fast subset');

/** Where locations below the top level go when the source map is deferred: nowhere. */
export const NOT_RECORDED: SourceMapNode = { location: undefined, children: undefined };

/**
 * What both fast readers (by lines and by events) do with what they read, so that they agree
 * with each other and with the full parser: record locations (all of them, or only the top
 * level when the map is deferred), report a repeated key and skip its value as `yaml` does,
 * keep `__proto__` an ordinary key, and stop at the nesting limit.
 */
export abstract class TreeRecorder {
  protected readonly findings: RawFinding[] = [];
  /**
   * With no source map to fill, only the root and its direct children are recorded, here;
   * the rest is filled in later, when asked for (`SourceMap.deferred`).
   */
  private readonly shallowRoot: SourceMapNode = { location: undefined, children: undefined };
  /** Above zero while reading the value of a repeated key, which the full parser skips. */
  private discarding = 0;
  /** The first key of the root map: where findings about a missing section go. */
  protected rootFirstKey: TextRange | undefined;

  constructor(
    protected readonly text: string,
    protected readonly sourceMap: SourceMap | undefined,
  ) {}

  /** The node the root's location is recorded on. */
  protected get rootNode(): SourceMapNode {
    return this.sourceMap?.root ?? this.shallowRoot;
  }

  protected checkDepth(depth: number): void {
    if (depth > LIMITS.nestingDepth) throw OUTSIDE_SUBSET;
  }

  /**
   * Where a child's location is recorded: nowhere while a repeated key's value is read, and
   * nowhere below the top level when the source map is deferred.
   */
  protected child(parent: SourceMapNode, segment: string): SourceMapNode {
    if (this.discarding > 0) return NOT_RECORDED;
    if (this.sourceMap) return this.sourceMap.add(parent, segment, undefined);
    if (parent !== this.shallowRoot) return NOT_RECORDED;
    const node: SourceMapNode = { location: undefined, children: undefined };
    (parent.children ??= new Map()).set(segment, node);
    return node;
  }

  /** Records where a node was read, with its key's range for map entries. */
  protected locate(at: SourceMapNode, key: TextRange | undefined, node: ReadNode): void {
    if (at === NOT_RECORDED) return;
    const value = { start: node.start, end: node.end };
    at.location = key ? { key, value } : { value };
  }

  /**
   * Starts a map entry: a repeated key is reported like the full parser does, and its value,
   * read next, is neither kept nor mapped. Returns whether the key is repeated, for `endEntry`.
   */
  protected beginEntry(result: Record<string, unknown>, name: string, keyRange: TextRange): boolean {
    // Every first occurrence is stored, so an own property means the key was seen before.
    if (!Object.prototype.hasOwnProperty.call(result, name)) return false;
    if (this.discarding === 0) this.findings.push({ ruleId: 'schema', severity: 'error', message: `Duplicate key \`${name}\`: only the first one counts.`, range: keyRange });
    this.discarding++;
    return true;
  }

  /** Stores an entry's value, unless its key was repeated. */
  protected endEntry(result: Record<string, unknown>, name: string, value: ReadNode, repeated: boolean): void {
    if (repeated) {
      this.discarding--;
      return;
    }
    // defineProperty keeps `__proto__` an own data property instead of a prototype change.
    if (name === '__proto__') Object.defineProperty(result, name, { value: value.value, enumerable: true, writable: true, configurable: true });
    else result[name] = value.value;
  }

  /**
   * The parse result. A deferred map keeps the top level recorded here, and `refill`
   * records everything into it on the first deeper lookup.
   */
  protected result(value: unknown, rootAnchor: TextRange, refill: (map: SourceMap) => void): ParsedYaml {
    let sourceMap = this.sourceMap;
    if (sourceMap) {
      sourceMap.setFallback(rootAnchor);
    } else {
      const topLevel = new Map<string, NodeLocation>();
      for (const [segment, node] of this.shallowRoot.children ?? []) if (node.location) topLevel.set(segment, node.location);
      sourceMap = SourceMap.deferred(rootAnchor, this.shallowRoot.location, topLevel, refill);
    }
    return { value, sourceMap, syntaxErrors: [], structureFindings: this.findings, rootAnchor };
  }
}
