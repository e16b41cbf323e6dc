// The portfolio page in the workbench, on the portfolio fixtures (six engagements, four
// executives, one over capacity, a proposal, dates due; capacity from .engagementrc.yaml),
// with the day set: what it shows, in light and dark, by mouse and by keyboard, filtered,
// and following an edit that is not saved.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cursorAt, openFile, pickTheme, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';
import { runWorkbenchChecks } from './workbenchChecks.mjs';
import { axeViolations, frameOf } from './accessibilityChecks.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

export function runPortfolioChecks(options) {
  return runWorkbenchChecks({
    ...options,
    name: 'portfolio',
    title: 'the portfolio page',
    workspaceSource: join(ROOT, 'test', 'fixtures', 'portfolio'),
    serverOptions: { settings: { 'engagementKit.today': '2026-03-04' } },
    async checks({ check, page }) {
      const portfolio = previewFrame(page);

      await check('Open Portfolio shows every executive\'s load against capacity, the timeline, the dates due and the KPIs', async () => {
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
        await runCommand(page, 'Engagement Kit: Open Portfolio');
        await portfolio.locator('.ek-exec').nth(3).waitFor({ timeout: TIMEOUT });
        const counts = await portfolio.locator('body').evaluate(() => ({
          executives: document.querySelectorAll('.ek-exec').length,
          over: document.querySelectorAll('.ek-col.ek-over').length,
          timeline: document.querySelectorAll('#timeline .ek-term').length,
          due: document.querySelectorAll('#due tbody tr').length,
          engagements: document.querySelectorAll('#kpis tbody tr:not(.ek-total)').length,
        }));
        const expected = { executives: 4, over: 8, timeline: 6, due: 4, engagements: 6 };
        if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error(`the page shows ${JSON.stringify(counts)}, not ${JSON.stringify(expected)}`);
        // Positions come through the CSSOM (the CSP forbids style attributes): each bar has a height, the capacity line its place.
        const placed = await portfolio.locator('body').evaluate(() => ({
          segment: getComputedStyle(document.querySelector('.ek-seg')).height,
          capacity: getComputedStyle(document.querySelector('.ek-cap')).bottom,
          term: getComputedStyle(document.querySelector('.ek-term')).width,
        }));
        if (Object.values(placed).some((v) => v === 'auto' || v === '0px')) throw new Error(`bars are not placed: ${JSON.stringify(placed)}`);
        const label = await portfolio.locator('.ek-is-over .ek-chart').getAttribute('aria-label');
        if (!/^Dana Whitfield: capacity 5 days a week, peak 6 days a week committed; over capacity in 8 weeks: weeks of 2026-03-02, /.test(label ?? '')) throw new Error(`the chart's label says: ${label}`);
        await page.screenshot({ path: join(options.artifacts, 'portfolio-light.png') });
        const violations = await axeViolations(await frameOf(portfolio));
        if (violations.length) throw new Error(`axe-core, light: ${violations.join(' ‖ ')}`);
      });

      await check('a click on a date due opens the file at its term', async () => {
        await portfolio.locator('#due .ek-open', { hasText: 'Harbor Freight Labs' }).first().click();
        await cursorAt(page, 'harbor-cro.engagement.yaml', 32);
      });

      await check('the keyboard reaches every item with Tab, shows the focus, and opens one with Enter', async () => {
        await portfolio.locator('select[data-filter="status"]').focus();
        await portfolio.locator('body').press('Tab');
        const focused = await portfolio.locator('body').evaluate(() => {
          const el = document.activeElement;
          return { text: el?.textContent, cls: el?.className, outline: el ? getComputedStyle(el).outlineStyle : 'none' };
        });
        if (focused.cls !== 'ek-open' || focused.text !== 'corvid-cso-2026') throw new Error(`Tab after the filters went to ${JSON.stringify(focused)}`);
        if (focused.outline === 'none') throw new Error('the focused item shows no outline');
        const buttons = await portfolio.locator('.ek-open').count();
        const reached = await portfolio.locator('body').evaluate(() => [...document.querySelectorAll('.ek-open')].every((b) => b.tabIndex === 0 && b.getAttribute('aria-label')?.startsWith('Open ')));
        if (!reached || buttons < 20) throw new Error(`${buttons} items, each in the tab order with a label: ${reached}`);
        await portfolio.locator('body').press('Enter');
        await cursorAt(page, 'corvid-cso.engagement.yaml', 35);
      });

      await check('filters narrow the page to one executive', async () => {
        const executive = portfolio.locator('select[data-filter="executive"]');
        await executive.focus();
        await executive.selectOption({ label: 'Dana Whitfield' });
        await portfolio.locator('body').evaluate(async () => {
          for (let i = 0; i < 600 && document.querySelectorAll('.ek-exec').length !== 1; i++) await new Promise((r) => requestAnimationFrame(r));
        });
        const rows = await portfolio.locator('#kpis tbody tr:not(.ek-total)').allInnerTexts();
        if (rows.length !== 2 || !rows.every((r) => r.includes('Dana Whitfield'))) throw new Error(`filtered rows: ${rows.join(' | ')}`);
        const focusKept = await portfolio.locator('body').evaluate(() => document.activeElement?.getAttribute('data-filter'));
        if (focusKept !== 'executive') throw new Error(`the focus moved to ${focusKept} after the update`);
      });

      await check('the page follows an unsaved edit: lowering a commitment ends the over-booking', async () => {
        // Into the editors' group beside the page, so that the page stays in view.
        await page.locator('.editor-group-container').nth(1).locator('.monaco-editor .view-lines').first().click();
        await openFile(page, 'harbor-cro.engagement.yaml');
        await page.keyboard.press('Control+G');
        await page.keyboard.type('38');
        await page.keyboard.press('Enter');
        // `days-per-week: 2` → 1: the value alone, so that no completion takes part.
        await page.keyboard.press('End');
        await page.keyboard.press('Shift+ArrowLeft');
        await page.keyboard.type('1');
        await page.keyboard.press('Escape');
        await portfolio.locator('.ek-exec').first().waitFor({ timeout: TIMEOUT });
        await portfolio.locator('body').evaluate(async () => {
          for (let i = 0; i < 1200 && document.querySelectorAll('.ek-col.ek-over').length !== 0; i++) await new Promise((r) => requestAnimationFrame(r));
        });
        const over = await portfolio.locator('.ek-col.ek-over').count();
        if (over !== 0) throw new Error(`${over} weeks still over capacity after the edit`);
        await page.keyboard.press('Control+Z');
        await portfolio.locator('.ek-col.ek-over').first().waitFor({ timeout: TIMEOUT });
      });

      await check('the page follows the dark theme, and passes axe-core there as in the light one', async () => {
        await portfolio.locator('select[data-filter="executive"]').selectOption({ label: 'All' });
        await portfolio.locator('.ek-exec').nth(3).waitFor({ timeout: TIMEOUT });
        await pickTheme(page, 'Dark Modern');
        await page.waitForSelector('.monaco-workbench.vs-dark', { timeout: TIMEOUT });
        await portfolio.locator('body').evaluate(async (body) => {
          for (let i = 0; i < 100 && !/rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)/.test(getComputedStyle(body).backgroundColor); i++) await new Promise((r) => requestAnimationFrame(r));
        });
        const background = await portfolio.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
        if (!/rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)/.test(background)) throw new Error(`the page did not follow the dark theme (background ${background})`);
        await page.screenshot({ path: join(options.artifacts, 'portfolio-dark.png') });
        const violations = await axeViolations(await frameOf(portfolio));
        if (violations.length) throw new Error(`axe-core, dark: ${violations.join(' ‖ ')}`);
      });
    },
  });
}
