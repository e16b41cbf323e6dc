import type { ErrorObject } from 'ajv';
import { segmentsOf } from '../yaml/sourceMap';

/**
 * Keywords that reject a value itself (its type, range, pattern or allowed values), as
 * against the keys around it (`required`, `additionalProperties`) or a combination of
 * branches, whose own keywords say which value was wrong.
 */
const VALUE_KEYWORDS = new Set(['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'pattern', 'format', 'enum', 'const', 'minLength', 'maxLength']);

/** The paths of the values the schema rejected, as path segments, outermost first. */
export function invalidValuePaths(errors: readonly ErrorObject[]): string[][] {
  const seen = new Set<string>();
  const paths: string[][] = [];
  for (const error of errors) {
    if (!VALUE_KEYWORDS.has(error.keyword) || seen.has(error.instancePath)) continue;
    seen.add(error.instancePath);
    paths.push(segmentsOf(error.instancePath));
  }
  return paths.sort((a, b) => a.length - b.length);
}

/**
 * A copy of the parsed data without the values the schema rejected, for the model: a
 * value the schema does not allow (a plan of ten million days, a week written "week 4")
 * must not size, place or count anything. Only the maps and lists on the way to a rejected
 * value are copied; a rejected list item becomes a hole, so the indexes of the others, and
 * with them every path a finding points at, stay those of the file.
 */
export function withoutInvalidValues(value: unknown, paths: readonly string[][]): unknown {
  if (paths.length === 0) return value;
  if (paths.some((p) => p.length === 0)) return undefined;
  // Each map or list is copied once, however many rejected values it holds.
  const copies = new WeakSet<object>();
  const copyOf = (node: object): Record<string, unknown> => {
    const copy = (Array.isArray(node) ? [...node] : Object.assign(Object.create(null) as object, node)) as Record<string, unknown>;
    copies.add(copy);
    return copy;
  };
  if (value === null || typeof value !== 'object') return value;
  const root = copyOf(value);
  for (const path of paths) {
    let node: Record<string, unknown> | undefined = root;
    for (const segment of path.slice(0, -1)) {
      const child: unknown = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
      if (child === null || typeof child !== 'object') {
        node = undefined; // already gone with an outer rejected value
        break;
      }
      node[segment] = copies.has(child) ? child : copyOf(child);
      node = node[segment] as Record<string, unknown>;
    }
    if (node) delete node[path[path.length - 1]!];
  }
  return root;
}
