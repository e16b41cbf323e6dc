import type { Analysis } from '../analyze';
import { schemaAt } from '../schema/schemaAt';
import { describePath } from '../schema/schemaFindings';
import type { TextRange } from '../types';
import { segmentsOf } from '../yaml/sourceMap';
import { describeSymbol } from './describeSymbol';
import { symbolAt } from './navigation';

export interface HoverInfo {
  readonly range: TextRange;
  /** Markdown. */
  readonly contents: string;
}

/**
 * What to show when hovering: for an id, what it refers to; for a key, the schema's
 * description of the field; for a value from a fixed list, what that value means.
 */
export function hoverAt(analysis: Analysis, offset: number): HoverInfo | undefined {
  const symbol = symbolAt(analysis, offset);
  if (symbol && analysis.model) {
    const about = describeSymbol(analysis.model, symbol.kind, symbol.id);
    if (about) return { range: symbol.range, contents: about };
  }
  const place = analysis.sourceMap.locate(offset);
  if (!place) return undefined;
  const path = segmentsOf(place.pointer);
  const schema = schemaAt(path);
  if (!schema) return undefined;
  const field = `\`${describePath(place.pointer)}\``;
  if (place.part === 'value' && schema.enum) {
    const value = offsetValue(analysis, place.range);
    const index = schema.enum.findIndex((v) => String(v) === value);
    if (index >= 0) {
      const meaning = schema.enumDescriptions?.[index];
      return { range: place.range, contents: `\`${value}\`${meaning ? `: ${meaning}` : ''}\n\n${field}: ${schema.description ?? ''}`.trim() };
    }
  }
  if (!schema.description) return undefined;
  const allowed = schema.enum ? `\n\nOne of: ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}` : '';
  return { range: place.range, contents: `${field}\n\n${schema.description}${allowed}` };
}

function offsetValue(analysis: Analysis, range: TextRange): string | undefined {
  // The source map knows ranges, not text; the line index holds the text it was built from.
  return analysis.lines.slice(range.start, range.end).replace(/^["']|["']$/g, '');
}
