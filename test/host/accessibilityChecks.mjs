// The preview as VS Code shows it, held to WCAG 2.1 A and AA and axe's best practices in the
// four kinds of theme a person may use (light, dark, high contrast dark and light), and used
// by keyboard alone: Tab reaches the findings and every element that reveals a line, the
// focus shows, Enter and Space reveal the line; and the Engagements view's rows as a screen
// reader hears them. axe runs in the webview's frame through the
// browser's debugging protocol: the page keeps its CSP.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cursorAt, expandRow, openFile, pickTheme, previewFrame, runCommand, showEngagements, TIMEOUT } from './uiTests.mjs';
import { runWorkbenchChecks } from './workbenchChecks.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
/** axe-core's violations on a page or frame: the browser tests' helper (test/browser/axe.ts), compiled. */
export const { axeViolations } = createRequire(import.meta.url)(join(ROOT, 'out', 'test', 'browser', 'axe.js'));

/** The themes, by their name in the picker, and the class the workbench then has. */
export const THEMES = [
  ['Light Modern', 'vs'],
  ['Dark Modern', 'vs-dark'],
  ['Dark High Contrast', 'hc-black'],
  ['Light High Contrast', 'hc-light'],
];

/** The frame a frame locator points into, for what needs a frame (axe). */
export async function frameOf(frameLocator) {
  const body = await frameLocator.locator('body').elementHandle({ timeout: TIMEOUT });
  return body.ownerFrame();
}

/** Picks a theme and resolves once the webview has the theme's colours (its background changed, or already was the theme's). */
export async function switchTheme(page, webview, [theme, workbenchClass]) {
  const before = await webview.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  await pickTheme(page, theme);
  await page.waitForSelector(`.monaco-workbench.${workbenchClass}`, { timeout: TIMEOUT });
  const wanted = await page.locator('.monaco-workbench .part.editor > .content').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await webview.locator('body').evaluate(
    async (body, { before, wanted }) => {
      const settled = () => {
        const now = getComputedStyle(body).backgroundColor;
        return now !== before || now === wanted;
      };
      for (let i = 0; i < 300 && !settled(); i++) await new Promise((r) => requestAnimationFrame(r));
    },
    { before, wanted },
  );
}

export function runAccessibilityChecks(options) {
  return runWorkbenchChecks({
    ...options,
    name: 'accessibility',
    title: 'accessibility of the preview, in the workbench',
    async checks({ check, page }) {
      const preview = previewFrame(page);

      await check('the preview passes axe-core (WCAG 2.1 A and AA, best practices) in light, dark and both high-contrast themes', async () => {
        await openFile(page, 'findings.engagement.yaml');
        await runCommand(page, 'Engagement Kit: Open Preview to the Side');
        await preview.locator('#findings .ek-finding').first().waitFor({ timeout: TIMEOUT });
        const failures = [];
        for (const theme of THEMES) {
          await switchTheme(page, preview, theme);
          const violations = await axeViolations(await frameOf(preview));
          await page.screenshot({ path: join(options.artifacts, `accessibility-preview-${theme[1]}.png`) });
          if (violations.length) failures.push(`${theme[0]}: ${violations.join('; ')}`);
        }
        await switchTheme(page, preview, THEMES[0]);
        if (failures.length) throw new Error(failures.join(' ‖ '));
      });

      await check('the keyboard reaches the findings and every line with Tab, shows the focus, and reveals a line with Enter or Space', async () => {
        const text = readFileSync(join(options.workspaceSource, 'findings.engagement.yaml'), 'utf8').split('\n');
        // Into the page at a blank spot (the body's padding): a click on content would reveal its line.
        await preview.locator('body').click({ position: { x: 4, y: 4 } });
        const stops = await preview.locator('body').evaluate(() => {
          const lines = [...document.querySelectorAll('[data-line]')];
          return { lines: lines.length, reachable: lines.filter((e) => e.tabIndex === 0).length, findings: document.querySelectorAll('.ek-finding[tabindex="0"]').length };
        });
        if (stops.lines < 20 || stops.reachable !== stops.lines || stops.findings < 1) throw new Error(`tab stops: ${JSON.stringify(stops)}`);
        // Tab on until a finding has the focus, as a person would.
        let focused;
        for (let i = 0; i < stops.lines + 5; i++) {
          await page.keyboard.press('Tab');
          focused = await preview.locator('body').evaluate(() => {
            const el = document.activeElement;
            const style = el ? getComputedStyle(el) : undefined;
            return { finding: el?.classList.contains('ek-finding') ?? false, line: el?.getAttribute('data-line'), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : 'none' };
          });
          if (focused.finding) break;
        }
        if (!focused?.finding) throw new Error('Tab never reached a finding');
        if (focused.outline.startsWith('none') || focused.outline.endsWith(' 0px')) throw new Error(`the focused finding shows no outline (${focused.outline})`);
        await page.keyboard.press('Enter');
        await cursorAt(page, 'findings.engagement.yaml', Number(focused.line) + 1, { inactiveGroup: true });
        // Space on a KPI's row reveals the KPI.
        await preview.locator('body').click({ position: { x: 4, y: 4 } });
        const rowLine = await preview.locator('.ek-scorecard tbody tr[data-line]').last().evaluate((row) => {
          row.focus();
          return Number(row.getAttribute('data-line'));
        });
        await page.keyboard.press(' ');
        await cursorAt(page, 'findings.engagement.yaml', rowLine + 1, { inactiveGroup: true });
        if (!/^ {2}- id: /.test(text[rowLine] ?? '')) throw new Error(`the row's line ${rowLine + 1} is not a KPI: ${text[rowLine]}`);
      });

      await check('the Engagements view tells a screen reader what each line shows: status, plan day and phase, a KPI\'s status', async () => {
        await showEngagements(page);
        const engagement = page.locator('.monaco-list-row[aria-label^="Engagement with findings, engagement, client Base Co, CRO, status active, "]').first();
        await engagement.waitFor({ timeout: TIMEOUT });
        await expandRow(page, 'Engagement with findings');
        await expandRow(page, /^KPIs/);
        const kpi = page.locator('.monaco-list-row[aria-label*=" KPI, "]').first();
        await kpi.waitFor({ timeout: TIMEOUT });
        const label = await kpi.getAttribute('aria-label');
        if (!/, (leading|lagging) KPI, (on track|at risk|off track|done|no data yet), baseline /.test(label ?? '')) throw new Error(`a KPI's row reads: ${label}`);
      });
    },
  });
}
