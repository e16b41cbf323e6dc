import type { PortfolioBlock } from '../render/portfolioHtml';

/**
 * A block of the page to change: with `html`, the whole block (and then `items` are all its
 * items); without, only the items that changed, and the new order of its items when that
 * changed. Markup is escaped HTML (`core/render/portfolioHtml.ts`).
 */
export interface PortfolioBlockUpdate {
  readonly id: string;
  readonly html?: string;
  readonly order?: readonly string[];
  readonly items: readonly { readonly key: string; readonly html: string }[];
}

/** What the page was last sent of a block: its markup, and its items' markup in order. */
export interface SentBlock {
  readonly html: string;
  readonly order: readonly string[];
  readonly items: ReadonlyMap<string, string>;
}

/**
 * What the page needs to go from what it was sent last (`previous`) to `blocks`: a block that
 * is new or whose own markup changed is sent whole; otherwise only its items that are new or
 * changed, and its order of items when that changed; an unchanged block not at all. An edit
 * of one file of a thousand changes a handful of items: the page is sent those, not megabytes.
 */
export function diffPage(
  previous: ReadonlyMap<string, SentBlock>,
  blocks: readonly PortfolioBlock[],
): {
  ids: string[];
  updates: PortfolioBlockUpdate[];
  sent: Map<string, SentBlock>;
} {
  const sent = new Map<string, SentBlock>();
  const updates: PortfolioBlockUpdate[] = [];
  for (const block of blocks) {
    const order = block.items.map((i) => i.key);
    const items = new Map(block.items.map((i) => [i.key, i.html]));
    sent.set(block.id, { html: block.html, order, items });
    const before = previous.get(block.id);
    if (!before || before.html !== block.html) {
      updates.push({
        id: block.id,
        html: block.html,
        order,
        items: [...block.items],
      });
      continue;
    }
    const changed = block.items.filter((i) => before.items.get(i.key) !== i.html);
    const reordered = order.length !== before.order.length || order.some((key, i) => key !== before.order[i]);
    if (changed.length === 0 && !reordered) continue;
    updates.push(reordered ? { id: block.id, order, items: changed } : { id: block.id, items: changed });
  }
  return { ids: blocks.map((b) => b.id), updates, sent };
}
