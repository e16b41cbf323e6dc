/**
 * Text from a file (values, keys, file names) made safe for where it is printed. Every
 * human-readable output goes through one of these; each says what it guards against.
 */

/**
 * Characters that would act on a terminal or a log rather than show: C0 controls (line
 * breaks, ESC), DEL, C1 controls, the Unicode line and paragraph separators, and the bidi
 * controls that reorder what follows them (Trojan Source).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One line of plain text for a terminal or a CI log: every character above is shown as an
 * escape (`\n`, `\u001B`), so a value can neither start a new line (where GitHub Actions
 * would read a workflow command such as `::error`) nor send the terminal a sequence.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * A line that starts with text from a file (a file name): printable, and never starting
 * with what a CI runner reads as a command (`::name …::` in GitHub Actions, the older
 * `##[name]`), which a file may be named.
 */
export function printableLineStart(text: string): string {
  const safe = printable(text);
  return /^\s*(::|##\[)/.test(safe) ? `./${safe}` : safe;
}

/**
 * ASCII punctuation that Markdown (CommonMark and GitHub's extensions: tables,
 * strikethrough, math) reads as syntax wherever it stands. A dash or an equals sign
 * is syntax only where a line starts (a list, a rule, a heading underline), and a value
 * starts a line at most at its own start: only there are they escaped, so dates and ranges
 * stay readable in the Markdown source (`2026-01-05`, `1-30`). A colon is escaped so that
 * no renderer turns a written address into a link of its own making.
 */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+!|<>~&$:]/g;

/**
 * A value as Markdown text that renders as exactly that text, in a paragraph or a table
 * cell: syntax characters are escaped with a backslash (no link, image, emphasis, HTML or
 * code span, and no code fence, heading or list when the value starts a line), line breaks
 * become spaces, and an `@` before a name gets a zero-width space so that GitHub notifies
 * nobody.
 */
export function markdownText(value: unknown): string {
  return printable(String(value ?? '').replace(/\s+/g, ' ').trim())
    .replace(MARKDOWN_SYNTAX, (c) => `\\${c}`)
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/@(?=[\w-])/g, '@&#8203;');
}
