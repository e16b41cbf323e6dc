import type { Engagement } from '../model/engagement';
import { allRows } from '../rules/authorityHelpers';
import { resolve, schemaAt, type SchemaNode } from '../schema/schemaAt';
import type { Path, TextRange } from '../types';
import { cursorContext } from './cursor';
import { describeSymbol } from './describeSymbol';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'reference';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** Orders the list: required keys first, then the schema's order. */
  readonly sortText: string;
  readonly range: TextRange;
}

/**
 * What may be written at `offset`: keys valid in the map at the cursor (required first),
 * allowed values, and the ids the format cross-references (parties, KPIs, phases, decisions).
 * `model` is the last good model of the file, for the ids.
 */
export function completionsAt(text: string, offset: number, model: Engagement | undefined): CompletionEntry[] {
  const context = cursorContext(text, offset);
  if (!context) return [];
  if (context.kind === 'key') {
    const schema = schemaAt(context.path);
    if (schema && isObjectSchema(schema)) return keyCompletions(schema, context.path, context.existingKeys, context.range, model);
    // `- |` in a list of plain values: the "key" being typed is really a list item.
    return valueCompletions(context.path, context.range, model);
  }
  return valueCompletions(context.path, context.range, model);
}

function isObjectSchema(schema: SchemaNode): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

function keyCompletions(schema: SchemaNode, path: Path, existing: readonly string[], range: TextRange, model: Engagement | undefined): CompletionEntry[] {
  const required = new Set(schema.required ?? []);
  const entries: CompletionEntry[] = Object.entries(schema.properties ?? {})
    .filter(([key]) => !existing.includes(key))
    .map(([key, property], index) => {
      const resolved = resolve(property);
      return {
        label: key,
        kind: 'property',
        detail: required.has(key) ? 'required' : undefined,
        documentation: resolved?.description,
        insertText: `${key}: `,
        sortText: `${required.has(key) ? '0' : '1'}${String(index).padStart(3, '0')}`,
        range,
      };
    });
  // In an authority row, every other key names a party and its level.
  if (path.length === 3 && path[0] === 'authority' && model) {
    model.parties
      .filter((p) => !existing.includes(p.id))
      .forEach((party, index) => {
        entries.push({
          label: party.id,
          kind: 'reference',
          detail: 'party',
          documentation: describeSymbol(model, 'party', party.id),
          insertText: `${party.id}: `,
          sortText: `2${String(index).padStart(3, '0')}`,
          range,
        });
      });
  }
  return entries;
}

function valueCompletions(path: Path, range: TextRange, model: Engagement | undefined): CompletionEntry[] {
  const references = referenceCompletions(path, range, model);
  if (references) return references;
  const schema = schemaAt(path);
  if (!schema) return [];
  if (schema.enum) {
    return schema.enum.map((value, index) => ({
      label: String(value),
      kind: 'value' as const,
      documentation: schema.enumDescriptions?.[index],
      insertText: String(value),
      sortText: String(index).padStart(3, '0'),
      range,
    }));
  }
  if (schema.const !== undefined) return [{ label: String(schema.const), kind: 'value', insertText: String(schema.const), sortText: '000', range, documentation: schema.description }];
  if (schema.type === 'boolean') return ['true', 'false'].map((v, i) => ({ label: v, kind: 'value' as const, insertText: v, sortText: String(i), range }));
  return [];
}

/** Ids for the fields that refer to something declared elsewhere in the file. */
function referenceCompletions(path: Path, range: TextRange, model: Engagement | undefined): CompletionEntry[] | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  let kind: 'party' | 'kpi' | 'phase' | 'decision' | undefined;
  if (last === 'owner') kind = 'party';
  else if (last === 'kpi') kind = 'kpi';
  else if (last === 'phase' && (path[1] === 'quick-wins' || path[1] === 'initiatives')) kind = 'phase';
  else if (typeof last === 'number' && parent === 'authority' && path[0] === 'kpis') kind = 'decision';
  if (!kind) return undefined;
  if (!model) return [];
  const ids =
    kind === 'party'
      ? model.parties.map((p) => p.id)
      : kind === 'kpi'
        ? model.kpis.flatMap((k) => (k.id ? [k.id] : []))
        : kind === 'phase'
          ? (model.plan?.phases ?? []).flatMap((p) => (p.id ? [p.id] : []))
          : allRows(model).flatMap((r) => (r.id ? [r.id] : []));
  return [...new Set(ids)].map((id, index) => ({
    label: id,
    kind: 'reference' as const,
    detail: kind,
    documentation: describeSymbol(model, kind, id),
    insertText: id,
    sortText: String(index).padStart(3, '0'),
    range,
  }));
}
