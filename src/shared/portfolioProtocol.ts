import type { PortfolioFilterData } from './engagementProtocol';

/**
 * The messages between the portfolio webview and the extension. Both sides import this
 * file; each side accepts only well-formed messages from the other.
 */

import type { PortfolioBlockUpdate } from '../core/service/pageDiff';

export type { PortfolioBlockUpdate };

/** Extension → webview: the page's blocks in order, and what changed in them; numbered. */
export interface PortfolioUpdate {
  readonly type: 'update';
  readonly ids: readonly string[];
  readonly blocks: readonly PortfolioBlockUpdate[];
  /** Counts the updates, so the page reports which one it shows. */
  readonly generation: number;
}

export type PortfolioHostMessage = PortfolioUpdate;

/** Webview → extension: the script is listening. */
export interface PortfolioReady {
  readonly type: 'ready';
}

/** Webview → extension: open a file at a 0-based line (an item was clicked, or chosen with the keyboard). */
export interface PortfolioOpen {
  readonly type: 'open';
  readonly uri: string;
  readonly line: number;
}

/** Webview → extension: the filters changed. */
export interface PortfolioFilterChange {
  readonly type: 'filter';
  readonly filter: PortfolioFilterData;
}

/** Webview → extension: an update is on screen, with what it shows (lets tests and timing wait on it). */
export interface PortfolioRendered {
  readonly type: 'rendered';
  readonly generation: number;
  /** Executives charted, engagements listed, dates due, and weeks marked over capacity. */
  readonly executives: number;
  readonly engagements: number;
  readonly due: number;
  readonly overWeeks: number;
}

export type PortfolioWebviewMessage = PortfolioReady | PortfolioOpen | PortfolioFilterChange | PortfolioRendered;

/** The page's saved state, restored after a window reload. */
export interface PortfolioState {
  readonly filter: PortfolioFilterData;
}

const STATUSES = ['draft', 'proposed', 'active', 'paused', 'completed', 'ended'] as const;
/** Longer than any e-mail, name or client a filter could hold. */
const MAX_FILTER_VALUE = 500;

/** A filter from an untrusted source: only string fields of sane length, and a known status. */
export function parseFilter(value: unknown): PortfolioFilterData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const f = value as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= MAX_FILTER_VALUE ? v : undefined);
  const status = STATUSES.find((s) => s === f.status);
  const filter: { -readonly [K in keyof PortfolioFilterData]: PortfolioFilterData[K] } = {};
  const executive = text(f.executive);
  const client = text(f.client);
  const role = text(f.role);
  if (executive) filter.executive = executive;
  if (client) filter.client = client;
  if (role) filter.role = role;
  if (status) filter.status = status;
  return filter;
}

export function parsePortfolioHostMessage(value: unknown): PortfolioHostMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type !== 'update' || !isCount(m.generation) || !isStrings(m.ids) || !Array.isArray(m.blocks)) return undefined;
  const blocks: PortfolioBlockUpdate[] = [];
  for (const raw of m.blocks as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const b = raw as Record<string, unknown>;
    if (typeof b.id !== 'string' || (b.html !== undefined && typeof b.html !== 'string') || (b.order !== undefined && !isStrings(b.order)) || !Array.isArray(b.items)) return undefined;
    const items = (b.items as unknown[]).filter((i): i is { key: string; html: string } => typeof i === 'object' && i !== null && typeof (i as { key?: unknown }).key === 'string' && typeof (i as { html?: unknown }).html === 'string');
    if (items.length !== b.items.length) return undefined;
    blocks.push({ id: b.id, ...(b.html === undefined ? {} : { html: b.html as string }), ...(b.order === undefined ? {} : { order: b.order as string[] }), items });
  }
  return { type: 'update', ids: m.ids, generation: m.generation, blocks };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function parsePortfolioWebviewMessage(value: unknown): PortfolioWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return typeof m.uri === 'string' && m.uri.length < 10_000 && isCount(m.line) ? { type: 'open', uri: m.uri, line: m.line } : undefined;
    case 'filter': {
      const filter = parseFilter(m.filter);
      return filter ? { type: 'filter', filter } : undefined;
    }
    case 'rendered':
      return isCount(m.generation) && isCount(m.executives) && isCount(m.engagements) && isCount(m.due) && isCount(m.overWeeks)
        ? { type: 'rendered', generation: m.generation, executives: m.executives, engagements: m.engagements, due: m.due, overWeeks: m.overWeeks }
        : undefined;
    default:
      return undefined;
  }
}

/** A whole number from 0 to ten million. */
function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10_000_000;
}
