import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCard } from '../../src/core/card';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { dayOf } from '../../src/core/model/dates';
import { buildPortfolio, type PortfolioSource } from '../../src/core/portfolioModel/buildPortfolio';
import { ITEMS_SLOT, renderPortfolioBlocks, renderPortfolioHtml } from '../../src/core/render/portfolioHtml';
import { diffPage } from '../../src/core/service/pageDiff';
import { PortfolioPages } from '../../src/core/service/portfolioOutputs';
import { parsePortfolioHostMessage, parsePortfolioWebviewMessage } from '../../src/shared/portfolioProtocol';
import { edit, ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'portfolio');

function fixtures(change?: [string, string, string]): PortfolioSource[] {
  const capacity = parseConfig(fs.readFileSync(path.join(FIXTURES, '.engagementrc.yaml'), 'utf8')).capacity;
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.engagement.yaml'))
    .sort()
    .map((f) => {
      let text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      if (change && change[0] === f) text = edit(text, change[1], change[2]);
      return { uri: `file:///w/${f}`, path: f, card: readCard(text), errors: 0, capacity };
    });
}

const TODAY = dayOf('2026-03-04');

describe('portfolio page blocks', () => {
  it('are the page: every block with its items in place, each item one element with its own key', () => {
    const portfolio = buildPortfolio(fixtures(), { today: TODAY });
    const blocks = renderPortfolioBlocks(portfolio, { interactive: true });
    assert.deepEqual(blocks.map((b) => b.id), ['summary', 'filters', 'capacity', 'timeline', 'due', 'kpis']);
    const html = renderPortfolioHtml(portfolio, { interactive: true });
    for (const block of blocks) {
      assert.ok(block.html.startsWith(`<${block.id === 'summary' ? 'header' : block.id === 'filters' ? 'form' : 'section'} id="${block.id}"`), block.id);
      assert.equal(block.html.includes(ITEMS_SLOT), block.items.length > 0, `${block.id}: a slot where there are items`);
      for (const item of block.items) {
        assert.match(item.html, new RegExp(`^<(article|div|tr) [^>]*data-key="${item.key.replace(/[.]/g, '\\.')}"`), item.key);
        assert.ok(html.includes(item.html), `${item.key} is in the page`);
      }
    }
    const keys = blocks.flatMap((b) => b.items.map((i) => i.key));
    assert.equal(new Set(keys).size, keys.length, 'keys are unique');
    assert.equal(keys.filter((k) => k.startsWith('x:')).length, 4);
    assert.doesNotMatch(html, new RegExp(ITEMS_SLOT));
  });

  it('change, after an edit of one file, in the items that show it and the totals alone', () => {
    const before = renderPortfolioBlocks(buildPortfolio(fixtures(), { today: TODAY }), { interactive: true });
    const after = renderPortfolioBlocks(buildPortfolio(fixtures(['harbor-cro.engagement.yaml', 'commitment:\n  days-per-week: 2', 'commitment:\n  days-per-week: 1']), { today: TODAY }), { interactive: true });
    const first = diffPage(new Map(), before);
    assert.equal(first.updates.length, 6, 'a new page gets every block');
    assert.ok(first.updates.every((u) => u.html !== undefined && u.items.length === before.find((b) => b.id === u.id)!.items.length));
    const second = diffPage(first.sent, after);
    assert.deepEqual(second.ids, first.ids);
    // Dana is no longer over capacity: her chart, and the summary's count.
    assert.deepEqual(
      second.updates.map((u) => [u.id, u.html !== undefined, u.items.map((i) => i.key)]),
      [
        ['summary', true, []],
        ['capacity', false, ['x:email:dana@whitfield-advisory.example']],
      ],
    );
    const sentBytes = JSON.stringify(second.updates).length;
    const pageBytes = after.reduce((n, b) => n + b.html.length + b.items.reduce((m, i) => m + i.html.length, 0), 0);
    assert.ok(sentBytes * 4 < pageBytes, `${sentBytes} of ${pageBytes} bytes sent`);
    assert.deepEqual(diffPage(second.sent, after).updates, [], 'nothing again for the same page');
  });

  it('send a new order of items, and the items that came, when the list changes', () => {
    const all = renderPortfolioBlocks(buildPortfolio(fixtures(), { today: TODAY }), { interactive: true });
    const dana = renderPortfolioBlocks(buildPortfolio(fixtures(), { today: TODAY, filter: { executive: 'email:dana@whitfield-advisory.example' } }), { interactive: true });
    const narrowed = diffPage(diffPage(new Map(), all).sent, dana);
    const kpis = narrowed.updates.find((u) => u.id === 'kpis')!;
    assert.equal(kpis.html, undefined, 'the table itself is the same');
    assert.equal(kpis.order?.length, 3, 'two rows and the totals');
    assert.deepEqual(kpis.items.map((i) => i.key), ['k:total'], 'the two rows left are the ones the page has; the totals changed');
    const widened = diffPage(diffPage(new Map(), dana).sent, all).updates.find((u) => u.id === 'kpis')!;
    assert.equal(widened.order?.length, 7);
    assert.equal(widened.items.length, 5, 'the four rows that came back are sent, and the totals');
  });

  it('are answered to the editor as what changed since the page it has, or whole when the server does not know that page', () => {
    const pages = new PortfolioPages();
    const first = pages.pageOf(buildPortfolio(fixtures(), { today: TODAY }), undefined);
    assert.equal(first.since, undefined);
    assert.equal(first.blocks.length, 6);
    const edited = buildPortfolio(fixtures(['harbor-cro.engagement.yaml', 'commitment:\n  days-per-week: 2', 'commitment:\n  days-per-week: 1']), { today: TODAY });
    const second = pages.pageOf(edited, first.generation);
    assert.equal(second.since, first.generation);
    assert.deepEqual(second.blocks.map((b) => b.id), ['summary', 'capacity']);
    assert.equal(pages.pageOf(edited, first.generation).since, undefined, 'a page older than the last answer gets the whole page');
  });

  it('messages are checked on arrival: malformed ones are dropped', () => {
    const good = { type: 'update', generation: 3, ids: ['summary'], blocks: [{ id: 'summary', html: '<header id="summary"></header>', items: [] }] };
    assert.deepEqual(parsePortfolioHostMessage(good), good);
    for (const bad of [{ ...good, ids: [1] }, { ...good, blocks: [{ id: 'x', items: [{ key: 1, html: '' }] }] }, { ...good, blocks: [{ id: 'x', order: 'a', items: [] }] }, { ...good, generation: -1 }, null, 'update']) {
      assert.equal(parsePortfolioHostMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parsePortfolioWebviewMessage({ type: 'filter', filter: { executive: 'email:a@x', status: 'active', client: 7, role: 'x'.repeat(600), extra: 'y' } }), { type: 'filter', filter: { executive: 'email:a@x', status: 'active' } });
    assert.equal(parsePortfolioWebviewMessage({ type: 'filter', filter: { status: 'bogus' } })?.type, 'filter');
    assert.deepEqual(parsePortfolioWebviewMessage({ type: 'filter', filter: { status: 'bogus' } }), { type: 'filter', filter: {} });
    assert.equal(parsePortfolioWebviewMessage({ type: 'open', uri: 'file:///a', line: -2 }), undefined);
  });
});
