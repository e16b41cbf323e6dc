import type { TextRange } from '../types';

/** Keeps an error range on the line where it starts, so it never covers the rest of the file. */
export function lineBound(text: string, pos: readonly [number, number]): TextRange {
  const start = Math.max(0, Math.min(pos[0], text.length));
  let end = Math.max(start, Math.min(pos[1], text.length));
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  if (lineBreak >= 0) end = start + lineBreak;
  if (end === start) {
    const rest = text.slice(start).search(/[\r\n]|$/);
    end = start + Math.max(0, rest);
  }
  return { start, end };
}

/** The rest of the line from `offset`: where a finding about the whole document is placed. */
export function firstLine(text: string, offset: number): TextRange {
  return lineBound(text, [offset, offset]);
}
