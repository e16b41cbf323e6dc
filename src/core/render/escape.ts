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

export function formatNumber(value: number | undefined, unit?: string): string {
  if (value === undefined) return '–';
  const text = Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(Math.round(value * 100) / 100);
  if (!unit) return text;
  if (unit === '%') return `${text} %`;
  return /^[A-Z]{3}$/.test(unit) ? `${text} ${unit}` : `${text} ${unit}`;
}
