/// <reference lib="dom" />
// Runs inside the portfolio webview. The content is our own escaped HTML (the CSP would block
// any script or handler in it anyway); this script applies its positions, keeps the reader's
// place across updates (scroll, focus), and turns clicks, keys and filter choices into messages.
import type { PortfolioFilterData } from '../shared/engagementProtocol';
import { parsePortfolioHostMessage, type PortfolioState, type PortfolioUpdate, type PortfolioWebviewMessage } from '../shared/portfolioProtocol';

interface VsCodeApi {
  postMessage(message: PortfolioWebviewMessage): void;
  getState(): PortfolioState | undefined;
  setState(state: PortfolioState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('ek-root')!;

/** Applies `data-style` positions through the CSSOM, which the page's CSP allows (inline style attributes it does not). */
function applyPositions(scope: Element): void {
  for (const element of Array.from(scope.querySelectorAll<HTMLElement>('[data-style]'))) {
    for (const declaration of (element.dataset.style ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) element.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
  }
}

/** What identifies the focused control across an update: a filter by name, an item by its target and label. */
function focusKey(element: Element | null): string | undefined {
  if (!(element instanceof HTMLElement) || !root.contains(element)) return undefined;
  if (element.dataset.filter) return `filter:${element.dataset.filter}`;
  if (element.dataset.uri) return `open:${element.closest('section,header')?.id ?? ''}:${element.dataset.uri}:${element.dataset.line}:${element.textContent}`;
  return undefined;
}

function findByKey(key: string): HTMLElement | undefined {
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-filter],[data-uri]'))) if (focusKey(element) === key) return element;
  return undefined;
}

/** Sections whose markup is unchanged stay as they are: no flicker, and a screen reader is not told of them again. */
const sources = new WeakMap<Element, string>();

/** The filter last changed: it keeps the focus through the update its change asked for. */
let changedFilter: string | undefined;

function update(message: PortfolioUpdate): void {
  const focused = focusKey(document.activeElement) ?? changedFilter;
  changedFilter = undefined;
  const parsed = new DOMParser().parseFromString(`<body>${message.html}</body>`, 'text/html');
  const next = parsed.body.firstElementChild;
  const live = root.firstElementChild;
  if (next && live && live.tagName === next.tagName && live.children.length === next.children.length && Array.from(next.children).every((c, i) => c.id === live.children[i]!.id)) {
    Array.from(next.children).forEach((section, i) => {
      const old = live.children[i]!;
      if (sources.get(old) === section.outerHTML) return;
      const copy = document.importNode(section, true);
      sources.set(copy, section.outerHTML);
      applyPositions(copy);
      old.replaceWith(copy);
    });
  } else {
    const copies = Array.from(parsed.body.children).map((node) => {
      const copy = document.importNode(node, true);
      applyPositions(copy);
      for (const section of Array.from(copy.children)) sources.set(section, section.outerHTML);
      return copy;
    });
    root.replaceChildren(...copies);
  }
  root.setAttribute('aria-busy', 'false');
  if (focused && focusKey(document.activeElement) !== focused) findByKey(focused)?.focus();
  vscode.setState({ filter: currentFilter() });
  vscode.postMessage({
    type: 'rendered',
    generation: message.generation,
    executives: root.querySelectorAll('.ek-exec').length,
    engagements: root.querySelectorAll('#kpis tbody tr').length,
    due: root.querySelectorAll('#due tbody tr').length,
    overWeeks: root.querySelectorAll('.ek-col.ek-over').length,
  });
}

function currentFilter(): PortfolioFilterData {
  const filter: Record<string, string> = {};
  for (const select of Array.from(root.querySelectorAll<HTMLSelectElement>('select[data-filter]'))) if (select.value) filter[select.dataset.filter!] = select.value;
  return filter as PortfolioFilterData;
}

root.addEventListener('change', (event) => {
  if (!(event.target instanceof HTMLSelectElement) || !event.target.dataset.filter) return;
  changedFilter = `filter:${event.target.dataset.filter}`;
  vscode.postMessage({ type: 'filter', filter: currentFilter() });
});

// Buttons are operated with Enter and Space by the browser; bars in the charts are for the mouse (their engagements are buttons below each chart).
root.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-uri]') : null;
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', uri: target.dataset.uri!, line: Number(target.dataset.line ?? 0) });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parsePortfolioHostMessage(event.data);
  if (message) update(message);
});

vscode.postMessage({ type: 'ready' });
