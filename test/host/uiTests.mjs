// What a person sees, checked in the real workbench with the installed .vsix: the Problems
// panel lists our findings, the Engagements tree expands into phases and KPIs, and an empty
// workspace offers "New Engagement". Each check waits on the DOM, never on a fixed delay,
// and leaves a screenshot in test-artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT = 30_000;

async function openWorkbench(context, port, folder) {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: TIMEOUT });
  return page;
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  // Fill the Quick Open box itself: typing would go wherever focus is if an editor took it.
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: TIMEOUT });
  await input.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout: TIMEOUT });
}

/** Expands the first tree row showing `text` and waits until it is expanded. */
async function expandRow(page, text) {
  const row = page.locator('.monaco-list-row[aria-expanded]', { hasText: text }).first();
  await row.waitFor({ timeout: TIMEOUT });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: TIMEOUT });
}

/** Opens the Engagements view from its activity-bar icon, as a person would. */
async function showEngagements(page) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Engagements"]').first();
  await icon.waitFor({ timeout: TIMEOUT });
  if ((await icon.getAttribute('aria-expanded')) !== 'true') await icon.click();
  await page.waitForSelector('.pane-header[aria-label^="Engagements"], .composite.title:has-text("Engagements")', { timeout: TIMEOUT });
}

export async function runUiTests({ context, port, workspace, emptyFolder, artifacts }) {
  mkdirSync(artifacts, { recursive: true });
  const results = [];
  let current;
  const check = async (name, body) => {
    try {
      await body();
      results.push({ name, ok: true });
      console.log(`    ✔ ${name}`);
    } catch (err) {
      results.push({ name, ok: false });
      const shot = join(artifacts, `failed-${results.length}.png`);
      await current?.screenshot({ path: shot }).catch(() => undefined);
      console.log(`    ✖ ${name}\n      ${String(err?.message ?? err).split('\n')[0]}`);
    }
  };
  console.log('\n  workbench, as a person sees it');

  const page = await openWorkbench(context, port, workspace);
  current = page;
  await check('the Problems panel lists the findings of an engagement file', async () => {
    await openFile(page, 'findings.engagement.yaml');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'View-only CRM access' });
    await row.first().waitFor({ timeout: TIMEOUT });
    const texts = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    if (!texts.some((t) => t.includes('access-crm'))) throw new Error(`no access-crm row in: ${texts.join(' | ')}`);
    if (!texts.some((t) => /Did you mean `?target`?/.test(t))) throw new Error('the unknown key finding is missing');
    await page.screenshot({ path: join(artifacts, 'problems-panel.png') });
  });

  await check('the Engagements view shows engagements, phases and KPIs', async () => {
    await showEngagements(page);
    await expandRow(page, 'Base engagement');
    await expandRow(page, /^Phases/);
    await page.locator('.monaco-list-row', { hasText: 'days 31-60' }).first().waitFor({ timeout: TIMEOUT });
    await expandRow(page, /^KPIs/);
    await page.locator('.monaco-list-row', { hasText: 'Qualified pipeline' }).first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(artifacts, 'engagements-tree.png') });
  });
  await page.close();

  const empty = await context.newPage();
  await empty.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(emptyFolder)}`);
  await empty.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
  current = empty;
  await check('an empty workspace offers New Engagement', async () => {
    await showEngagements(empty);
    const button = empty.locator('.welcome-view-content a.monaco-button, .welcome-view-content .monaco-button', { hasText: 'New Engagement' });
    await button.first().waitFor({ timeout: TIMEOUT });
    await empty.screenshot({ path: join(artifacts, 'welcome-view.png') });
  });
  await empty.close();

  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed };
}
