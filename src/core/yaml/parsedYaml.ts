import type { RawFinding, TextRange } from '../types';
import type { SourceMap } from './sourceMap';

/**
 * What every YAML reader returns (the line reader, the event reader and the full parser).
 * A leaf module of types, so the readers and `parseYaml`, which chooses among them, need
 * not import each other.
 */
export interface ParsedYaml {
  /** The document as plain data, or `undefined` when there is none (empty or comment-only file). */
  readonly value: unknown;
  readonly sourceMap: SourceMap;
  /** Syntax errors: the document cannot be trusted. */
  readonly syntaxErrors: RawFinding[];
  /** Problems found while converting (duplicate keys, alias limits, depth): reported under `schema`. */
  readonly structureFindings: RawFinding[];
  /** Offset of the first key of the root map, where findings about a missing section are placed. */
  readonly rootAnchor: TextRange;
}
