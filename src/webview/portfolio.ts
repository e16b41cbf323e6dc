/// <reference lib="dom" />
// Runs inside the portfolio webview. The content is our own escaped HTML (the CSP would block
// any script or handler in it anyway), sent as blocks whose changed items alone arrive on an
// update; this script puts them in place, applies their positions, keeps the reader's focus
// across updates, and turns clicks, keys and filter choices into messages.
import type { PortfolioFilterData } from '../shared/engagementProtocol';
import { applyPositions } from './positions';
import { parsePortfolioHostMessage, type PortfolioBlockUpdate, type PortfolioState, type PortfolioUpdate, type PortfolioWebviewMessage } from '../shared/portfolioProtocol';

interface VsCodeApi {
  postMessage(message: PortfolioWebviewMessage): void;
  getState(): PortfolioState | undefined;
  setState(state: PortfolioState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('ek-root')!;

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

/** Elements made from our markup, their positions applied. A `<template>` parses table rows as rows. */
function elementOf(html: string): HTMLElement | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  if (!(element instanceof HTMLElement)) return undefined;
  applyPositions(element);
  return element;
}

/** The items of a block, by key. */
function itemsOf(slot: Element): Map<string, Element> {
  const items = new Map<string, Element>();
  for (const child of Array.from(slot.children)) if (child instanceof HTMLElement && child.dataset.key !== undefined) items.set(child.dataset.key, child);
  return items;
}

/** Applies one block's changes: the whole block, or only its changed items (and their order). */
function applyBlock(update: PortfolioBlockUpdate, existing: Element | undefined): Element | undefined {
  if (update.html !== undefined) {
    const element = elementOf(update.html);
    const slot = element?.querySelector('[data-slot]');
    if (slot) slot.replaceChildren(...update.items.flatMap((i) => elementOf(i.html) ?? []));
    return element;
  }
  const slot = existing?.querySelector('[data-slot]');
  if (!slot) return existing;
  const items = itemsOf(slot);
  // Changed items replace their elements where they stand; new ones wait for their place.
  for (const item of update.items) {
    const element = elementOf(item.html);
    if (!element) continue;
    items.get(item.key)?.replaceWith(element);
    items.set(item.key, element);
  }
  if (update.order) placeInOrder(slot, update.order, items);
  return existing;
}

/**
 * Puts the items in `order` with as few moves as it takes: items that left are removed, and
 * only an item not already after the one before it is moved. One engagement more or less in a
 * list of a thousand is one insertion or removal, not a thousand nodes laid out again.
 */
function placeInOrder(slot: Element, order: readonly string[], items: ReadonlyMap<string, Element>): void {
  const wanted = new Set(order);
  for (const [key, element] of items) if (!wanted.has(key)) element.remove();
  let cursor = slot.firstElementChild;
  for (const key of order) {
    const element = items.get(key);
    if (!element) continue;
    if (element === cursor) cursor = cursor.nextElementSibling;
    else slot.insertBefore(element, cursor);
  }
}

/** The filter last changed: it keeps the focus through the update its change asked for. */
let changedFilter: string | undefined;

function update(message: PortfolioUpdate): void {
  const focused = focusKey(document.activeElement) ?? changedFilter;
  changedFilter = undefined;
  const blocks = new Map<string, Element>();
  // The placeholder shown before the first update is the one child without an id.
  for (const child of Array.from(root.children))
    if (child.id) blocks.set(child.id, child);
    else child.remove();
  for (const change of message.blocks) {
    const existing = blocks.get(change.id);
    const element = applyBlock(change, existing);
    if (!element) continue;
    // A block made anew takes the old one's place; the others stay the nodes they are.
    if (existing && element !== existing) existing.replaceWith(element);
    blocks.set(change.id, element);
  }
  placeInOrder(root, message.ids, blocks);
  root.setAttribute('aria-busy', 'false');
  if (focused && focusKey(document.activeElement) !== focused) findByKey(focused)?.focus();
  vscode.setState({ filter: currentFilter() });
  vscode.postMessage({
    type: 'rendered',
    generation: message.generation,
    executives: root.querySelectorAll('.ek-exec').length,
    engagements: root.querySelectorAll('#kpis tbody tr:not(.ek-total)').length,
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
  let target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-uri]') : null;
  // A bar opens what its engagement's button below the chart opens.
  const segment = event.target instanceof HTMLElement && event.target.dataset.seg !== undefined ? event.target : undefined;
  if (!target && segment) target = segment.closest('.ek-exec')?.querySelector<HTMLElement>(`li[data-seg="${segment.dataset.seg}"] [data-uri]`) ?? null;
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({
    type: 'open',
    uri: target.dataset.uri!,
    line: Number(target.dataset.line ?? 0),
  });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parsePortfolioHostMessage(event.data);
  if (message) update(message);
});

vscode.postMessage({ type: 'ready' });
