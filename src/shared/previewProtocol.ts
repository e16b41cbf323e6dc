/**
 * The messages between the preview webview and the extension. Both sides import this file,
 * so a change to a message is a type error on both sides. Every message names its document.
 */

/** Extension → webview: new content for the preview of `uri`, computed from `version`. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly uri: string;
  readonly version: number;
  /** Rendered sections (`renderBody`): every value in it is already escaped. */
  readonly html: string;
  /** Set when the file does not parse: the preview keeps the last good render and says so. */
  readonly problem?: string;
}

/** Extension → webview: the editor's cursor moved to `line` (0-based). */
export interface HighlightMessage {
  readonly type: 'highlight';
  readonly uri: string;
  readonly line: number;
}

/** Extension → webview: the source lines (0-based) whose terms changed since `since` (a revision), to mark; none clears. */
export interface MarksMessage {
  readonly type: 'marks';
  readonly uri: string;
  readonly since: string;
  readonly lines: readonly number[];
}

export type HostToWebview = UpdateMessage | HighlightMessage | MarksMessage;

/** Webview → extension: the script is listening; send the content. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Webview → extension: a person clicked an element that comes from `line`. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly uri: string;
  readonly line: number;
}

/** Webview → extension: `version` is now on screen (lets tests and timing wait on it). */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly uri: string;
  readonly version: number;
  /** The rendered title, as a check that the content really changed. */
  readonly title: string;
  /** Whether the "does not parse" banner is showing. */
  readonly banner: boolean;
}

export type WebviewToHost = ReadyMessage | RevealMessage | RenderedMessage;

/** The preview's saved state, restored after a window reload. View state only. */
export interface PreviewState {
  readonly uri: string;
  readonly locked: boolean;
  readonly scrollY?: number;
}

/**
 * Accepts only well-formed messages from the extension; anything else is ignored. Only the
 * extension can post into the webview, but the page checks anyway, as any message handler should.
 */
export function parseHostMessage(value: unknown): HostToWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'update':
      if (typeof m.uri !== 'string' || !isCount(m.version) || typeof m.html !== 'string') return undefined;
      if (m.problem !== undefined && typeof m.problem !== 'string') return undefined;
      return m.problem === undefined ? { type: 'update', uri: m.uri, version: m.version, html: m.html } : { type: 'update', uri: m.uri, version: m.version, html: m.html, problem: m.problem };
    case 'highlight':
      return typeof m.uri === 'string' && isCount(m.line) ? { type: 'highlight', uri: m.uri, line: m.line } : undefined;
    case 'marks':
      if (typeof m.uri !== 'string' || typeof m.since !== 'string' || m.since.length > 200) return undefined;
      if (!Array.isArray(m.lines) || m.lines.length > MAX_MARKS || !m.lines.every(isCount)) return undefined;
      return { type: 'marks', uri: m.uri, since: m.since, lines: m.lines as number[] };
    default:
      return undefined;
  }
}

/** Marks a page takes at most: more would be every line of any engagement anyway. */
const MAX_MARKS = 10_000;

/** A line or version number: a whole number from 0 to ten million. */
function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10_000_000;
}

/** Accepts only well-formed messages from the webview; anything else is ignored. */
export function parseWebviewMessage(value: unknown): WebviewToHost | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return typeof m.uri === 'string' && isCount(m.line) ? { type: 'reveal', uri: m.uri, line: m.line } : undefined;
    case 'rendered':
      return typeof m.uri === 'string' && isCount(m.version) && typeof m.title === 'string' && typeof m.banner === 'boolean'
        ? { type: 'rendered', uri: m.uri, version: m.version, title: m.title.slice(0, 500), banner: m.banner }
        : undefined;
    default:
      return undefined;
  }
}
