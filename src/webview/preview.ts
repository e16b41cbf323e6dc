/// <reference lib="dom" />
// Runs inside the preview webview. Keeps the page in place across updates (scroll position,
// no flicker): only the sections whose content changed are swapped. Content is our own
// escaped HTML; the CSP would block any script or handler in it anyway.
import { applyPositions } from './positions';
import { parseHostMessage, type PreviewState, type UpdateMessage, type WebviewToHost } from '../shared/previewProtocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('ek-root')!;
const banner = document.getElementById('ek-banner')!;
let current = { uri: root.dataset.uri ?? '', version: -1, locked: root.dataset.locked === 'true' };
/** Scroll position saved before a window reload, applied once the first content arrives. */
let pendingScroll: number | undefined = vscode.getState()?.scrollY || undefined;

function post(message: WebviewToHost): void {
  vscode.postMessage(message);
}

function saveState(): void {
  vscode.setState({ uri: current.uri, locked: current.locked, scrollY: window.scrollY });
}

/** The HTML each live section was built from, to tell which sections an update changes. */
const sources = new WeakMap<Element, string>();

function insert(node: Element): Element {
  const copy = document.importNode(node, true);
  sources.set(copy, node.outerHTML);
  applyPositions(copy);
  reachableByKeyboard(copy);
  return copy;
}

/**
 * What a click reveals in the editor, the keyboard reaches too: every element with a source
 * line (a finding, a KPI's row, a phase, a decision) is a tab stop, and Enter or Space
 * reveals its line. The export has no script and no tab stops: it is a document.
 */
function reachableByKeyboard(section: Element): void {
  const elements = section.matches('[data-line]') ? [section, ...Array.from(section.querySelectorAll('[data-line]'))] : Array.from(section.querySelectorAll('[data-line]'));
  for (const element of elements) if (element instanceof HTMLElement) element.tabIndex = 0;
}

/** The line and section of the focused element, to focus its successor after an update replaces it. */
function focusedPlace(): { line: string; section: string | undefined } | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused.dataset.line === undefined || !root.contains(focused)) return undefined;
  return { line: focused.dataset.line, section: focused.closest('section, header')?.id };
}

function restoreFocus(place: ReturnType<typeof focusedPlace>): void {
  if (!place || (document.activeElement && document.activeElement !== document.body)) return;
  const scope = (place.section && document.getElementById(place.section)) || root;
  scope.querySelector<HTMLElement>(`[data-line="${CSS.escape(place.line)}"]`)?.focus({ preventScroll: true });
}

/** Replaces the children of `target` whose source differs from `source`'s, keeping the rest. */
function patch(target: Element, source: Element): void {
  const next = Array.from(source.children);
  const previous = Array.from(target.children);
  if (next.length !== previous.length || next.some((n, i) => n.tagName !== previous[i]!.tagName || n.id !== previous[i]!.id)) {
    target.replaceChildren(...next.map(insert));
    return;
  }
  next.forEach((n, i) => {
    const old = previous[i]!;
    if (sources.get(old) !== n.outerHTML) old.replaceWith(insert(n));
  });
}

function update(message: UpdateMessage): void {
  if (message.uri === current.uri && message.version < current.version) return; // stale
  const switched = message.uri !== current.uri;
  current = { ...current, uri: message.uri, version: message.version };
  const parsed = new DOMParser().parseFromString(`<body>${message.html}</body>`, 'text/html');
  // The <main> wrapper stays; its sections are patched one by one.
  const main = parsed.body.firstElementChild;
  const live = root.firstElementChild;
  const focused = focusedPlace();
  if (main && live && live.tagName === main.tagName) patch(live, main);
  else patch(root, parsed.body);
  restoreFocus(focused);
  banner.hidden = !message.problem;
  banner.textContent = message.problem ?? '';
  if (switched) marks = undefined;
  applyMarks();
  if (pendingScroll !== undefined && !switched) {
    // Back from a reload: the content has just arrived, so the saved position exists again.
    window.scrollTo(0, pendingScroll);
    pendingScroll = undefined;
  } else if (switched) window.scrollTo(0, 0);
  saveState();
  const heading = root.querySelector('h1')?.textContent ?? '';
  document.title = heading ? `Preview: ${heading}` : 'Engagement preview';
  post({ type: 'rendered', uri: current.uri, version: message.version, title: heading, banner: !banner.hidden });
}

/** The element whose source line is the closest at or before `line` (of those `wanted` takes). */
function elementAt(line: number, wanted: (element: HTMLElement) => boolean = () => true): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestLine = -1;
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    if (!wanted(element)) continue;
    const at = Number(element.dataset.line);
    if (at <= line && at >= bestLine) {
      best = element;
      bestLine = at;
    }
  }
  return best;
}

/** What changed since a revision, marked again after every update (the sections are replaced). */
let marks: { since: string; lines: readonly number[] } | undefined;

function applyMarks(): void {
  for (const old of Array.from(root.querySelectorAll('.ek-changed'))) {
    old.classList.remove('ek-changed');
    old.removeAttribute('title');
  }
  if (!marks) return;
  for (const line of marks.lines) {
    // A term changed, not a check: the findings, which name lines too, are not marked.
    const element = elementAt(line, (e) => !e.closest('#findings'));
    if (!element) continue;
    element.classList.add('ek-changed');
    element.title = `Changed since ${marks.since}`;
  }
}

/** Marks the element whose source line is the closest at or before `line`. */
function highlight(line: number): void {
  const best = elementAt(line);
  for (const old of Array.from(root.querySelectorAll('.ek-active'))) old.classList.remove('ek-active');
  if (!best) return;
  best.classList.add('ek-active');
  const box = best.getBoundingClientRect();
  if (box.bottom < 0 || box.top > window.innerHeight) best.scrollIntoView({ block: 'center' });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'update') update(message);
  else if (message.type === 'highlight' && message.uri === current.uri) highlight(message.line);
  else if (message.type === 'marks' && message.uri === current.uri) {
    marks = message.lines.length ? { since: message.since, lines: message.lines } : undefined;
    applyMarks();
  }
});

document.addEventListener('click', (event) => {
  const element = (event.target as Element | null)?.closest<HTMLElement>('[data-line]');
  if (!element) return;
  post({ type: 'reveal', uri: current.uri, line: Number(element.dataset.line) });
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const element = event.target instanceof HTMLElement && event.target.dataset.line !== undefined ? event.target : undefined;
  if (!element) return;
  // Space would scroll the page; here it acts, as on a button.
  event.preventDefault();
  post({ type: 'reveal', uri: current.uri, line: Number(element.dataset.line) });
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(saveState, 100);
});

post({ type: 'ready' });
