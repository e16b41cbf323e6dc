import { closest } from '../schema/closest';
import { resolve, rootSchema, type SchemaNode } from '../schema/schemaAt';

/**
 * What a copy for the client leaves out. A field is named by its path in the format, keys
 * joined by dots and `*` for every item of a list or every entry of a map
 * (`access.financials`, `kpis.*.source`, `executive.email`), or by a group:
 * - `fees`: the whole `fees` map, and with it every amount worked out from it;
 * - `notes`: every note, the engagement's, each review's and each actual's;
 * - `internal`: fees, notes and whatever `export.internal` in `.engagementrc.yaml` adds.
 */
export type Redactable = string;

/** The groups a redaction may name, and the fields each stands for. */
export const REDACTION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  fees: ['fees'],
  notes: ['notes', 'reviews.*.notes', 'kpis.*.actuals.*.note'],
};

const SEGMENT = /^(?:[a-z0-9][a-z0-9-]*|\*)$/;

/**
 * Why a field pattern cannot be redacted, or undefined when it names a field of the format.
 * It is checked against the schema, so a typo (`kpis.*.sorce`) is refused rather than
 * leaving the value it meant in the client's copy.
 */
export function redactionProblem(pattern: string): string | undefined {
  if (REDACTION_GROUPS[pattern] || pattern === 'internal') return undefined;
  const segments = pattern.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) return `\`${pattern}\` is not a field path: keys joined by dots, \`*\` for every item (\`kpis.*.source\`).`;
  if (segments[segments.length - 1] === '*') return `\`${pattern}\` ends in \`*\`: name the list or map itself (\`${segments.slice(0, -1).join('.')}\`), or a key of its items.`;
  let node: SchemaNode | undefined = resolve(rootSchema());
  for (const [index, segment] of segments.entries()) {
    const at = segments.slice(0, index + 1).join('.');
    if (segment === '*') {
      node = resolve(node?.items ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined));
      if (!node) return `\`${segments.slice(0, index).join('.')}\` has no items for \`*\` to stand for.`;
      continue;
    }
    const property: SchemaNode | undefined = node?.properties?.[segment] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (!property) {
      const suggestion = closest(segment, Object.keys(node?.properties ?? {}));
      return `\`${at}\` is not a field of an engagement${suggestion ? `; did you mean \`${[...segments.slice(0, index), suggestion].join('.')}\`?` : '.'}`;
    }
    node = resolve(property);
  }
  return undefined;
}

/** The field patterns a redaction stands for: groups opened, `internal` read as fees, notes and the configured fields. */
export function redactedFields(redact: readonly Redactable[], internal: readonly string[] = []): string[] {
  const fields = redact.flatMap((r) => (r === 'internal' ? ['fees', 'notes', ...internal] : [r]));
  return [...new Set(fields.flatMap((f) => REDACTION_GROUPS[f] ?? [f]))];
}
