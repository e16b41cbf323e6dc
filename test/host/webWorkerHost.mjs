// The browser build in a real workbench: code-server told to run the extension in the
// browser's Web Worker extension host (`remote.extensionKind: ["web"]`), as vscode.dev and
// github.dev run it. The language server is then dist/web/server.js in a Worker of its own,
// reading the folder through the client; no Node process of ours runs for this window.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openFile, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';
import { axeViolations, frameOf } from './accessibilityChecks.mjs';
import { runWorkbenchChecks, seeFindingsTreeAndPreview } from './workbenchChecks.mjs';

const EXTENSION_ID = 'engagement-kit.engagement-kit';

/** Command lines of running processes that name `needle` (our Node server would). */
function processesNaming(needle) {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(needle) && !line.startsWith('ps '));
}

export function runWebWorkerChecks(options) {
  const artifacts = options.artifacts;
  return runWorkbenchChecks({
    ...options,
    name: 'web-worker',
    title: "the browser build, in the workbench's Web Worker extension host",
    serverOptions: { settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } },
    async checks({ check, page, server, requests }) {
      await check('diagnostics, the Engagements view and the preview come from the server in a Worker', () =>
        seeFindingsTreeAndPreview(page, { treeRow: 'Base engagement', screenshot: join(artifacts, 'web-worker-host.png') }),
      );

      await check('completion offers the allowed values there', async () => {
        await openFile(page, 'clean.engagement.yaml');
        // The cursor where `full` starts on `  crm: full` (line 45), then the suggestions.
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.keyboard.type('45:8');
        await page.keyboard.press('Enter');
        await runCommand(page, 'Trigger Suggest');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        for (const value of ['full', 'none', 'view']) await rows.filter({ hasText: new RegExp(`^${value}`) }).first().waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: join(artifacts, 'web-worker-completion.png') });
        await page.keyboard.press('Escape');
      });

      await check('the portfolio page opens there too, its items placed, and passes axe-core', async () => {
        await runCommand(page, 'View: Close All Editors');
        await runCommand(page, 'Engagement Kit: Open Portfolio');
        const portfolio = previewFrame(page);
        await portfolio.locator('.ek-exec').first().waitFor({ timeout: TIMEOUT });
        // The workspace's terms end before today's window: one executive, charted, with the capacity line placed through the CSSOM.
        const placed = await portfolio.locator('body').evaluate(() => ({
          executives: document.querySelectorAll('.ek-exec').length,
          capacity: getComputedStyle(document.querySelector('.ek-cap')).bottom,
          engagements: document.querySelector('#summary')?.textContent?.includes('Engagements') ?? false,
        }));
        if (placed.executives !== 1 || placed.capacity === 'auto' || !placed.engagements) throw new Error(`the page shows ${JSON.stringify(placed)}`);
        await page.screenshot({ path: join(artifacts, 'web-worker-portfolio.png') });
        const violations = await axeViolations(await frameOf(portfolio));
        if (violations.length) throw new Error(violations.join(' ‖ '));
      });

      await check('the browser entry was loaded, and no Node server runs', async () => {
        // The server's script is read through the remote file system (see extensionWeb.ts), not fetched by URL.
        if (!requests.some((url) => url.includes(`${EXTENSION_ID}-`) && url.includes('dist/web/extension.js'))) throw new Error('dist/web/extension.js was not loaded');
        const nodeServers = processesNaming(join(server.extensions, `${EXTENSION_ID}-`)).filter((line) => line.includes('server.js'));
        if (nodeServers.length) throw new Error(`a Node server runs: ${nodeServers.join('; ')}`);
      });
    },
  });
}
