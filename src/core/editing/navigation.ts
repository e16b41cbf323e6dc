import type { Analysis, LocatedSymbol } from '../analyze';
import type { TextRange } from '../types';

/** The declared id or reference under the cursor. */
export function symbolAt(analysis: Analysis, offset: number): LocatedSymbol | undefined {
  const inside = (s: LocatedSymbol): boolean => s.range.start <= offset && offset <= s.range.end;
  return analysis.references.find(inside) ?? analysis.declarations.find(inside);
}

const same = (a: LocatedSymbol, b: { kind: string; id: string; scope?: string }): boolean => a.kind === b.kind && a.id === b.id && (a.scope ?? '') === (b.scope ?? '');

/** Where the id under the cursor is declared (empty for `exec` and `ceo`, which are implicit). */
export function definitionsAt(analysis: Analysis, offset: number): LocatedSymbol[] {
  const symbol = symbolAt(analysis, offset);
  return symbol ? analysis.declarations.filter((d) => same(d, symbol)) : [];
}

/** Every place the id under the cursor appears: declarations first, then references. */
export function referencesAt(analysis: Analysis, offset: number, includeDeclaration = true): LocatedSymbol[] {
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return [];
  const key = { kind: symbol.kind, id: symbol.id };
  return [...(includeDeclaration ? analysis.declarations.filter((d) => same(d, key)) : []), ...analysis.references.filter((r) => same(r, key))];
}

/** The text range of an id inside a scalar's range, without surrounding quotes. */
export function idRange(text: string, range: TextRange): TextRange {
  const first = text[range.start];
  if ((first === '"' || first === "'") && text[range.end - 1] === first && range.end - range.start >= 2) return { start: range.start + 1, end: range.end - 1 };
  return range;
}

export type RenameResult = { readonly edits: readonly TextRange[] } | { readonly error: string };

export type RenameTarget = { readonly range: TextRange; readonly placeholder: string } | { readonly error: string };

/** The id under the cursor that a rename would change, or why there is none to rename. */
export function renameTargetAt(analysis: Analysis, text: string, offset: number): RenameTarget {
  const symbol = symbolAt(analysis, offset);
  if (!symbol) return { error: 'Only KPI, phase, decision and party ids can be renamed.' };
  if (symbol.kind === 'party' && (symbol.id === 'exec' || symbol.id === 'ceo')) return { error: `\`${symbol.id}\` is built into the format and cannot be renamed.` };
  return { range: idRange(text, symbol.range), placeholder: symbol.id };
}

/** Ranges to replace to rename the id under the cursor, or why it cannot be renamed. */
export function renameAt(analysis: Analysis, text: string, offset: number, newName: string): RenameResult {
  const target = renameTargetAt(analysis, text, offset);
  if ('error' in target) return target;
  const symbol = symbolAt(analysis, offset)!;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(newName)) return { error: 'An id is lowercase letters, digits and dashes, starting with a letter or digit.' };
  if (analysis.declarations.some((d) => d.kind === symbol.kind && d.id === newName)) return { error: `A ${symbol.kind} with the id \`${newName}\` already exists.` };
  const places = referencesAt(analysis, offset);
  return { edits: places.map((p) => idRange(text, p.range)) };
}
