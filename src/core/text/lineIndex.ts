/**
 * Offset ↔ line/column conversion. Line breaks are `\r\n`, `\n` and a lone `\r`, as VS Code
 * counts them, so positions agree with the editor even for files with old Mac line endings.
 * Lines and columns here are 0-based; columns count UTF-16 code units like the editor does.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /**
   * Where each line starts, found on first use: the command line converts positions only
   * for files with findings, and most files have none.
   */
  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /** The text of a range, e.g. what a node of the document says in the file. */
  textOf(range: { readonly start: number; readonly end: number }): string {
    return this.text.slice(range.start, range.end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line and column of an offset (clamped into the text). */
  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /** Offset of a 0-based line and column (clamped to the line's content). */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line]!;
    return Math.min(start + Math.max(0, character), this.lineEnd(line));
  }

  /** A piece of the indexed text. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStarts[line]!);
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
