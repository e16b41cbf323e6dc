/** Escapes text for HTML content and attribute values: every value from a file goes through here. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `data-line` for click-to-source: the 0-based line where an element's source starts. */
export function lineAttr(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}
