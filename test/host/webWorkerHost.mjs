// The browser build in a real workbench: code-server told to run the extension in the
// browser's Web Worker extension host (`remote.extensionKind: ["web"]`), as vscode.dev and
// github.dev run it. The language server is then dist/web/server.js in a Worker of its own,
// reading the folder through the client; no Node process of ours runs for this window.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, isolatedEnv, launchBrowser, startCodeServer } from './codeServer.mjs';
import { openFile, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';

const EXTENSION_ID = 'engagement-kit.engagement-kit';

/** Command lines of running processes that name `needle` (our Node server would). */
function processesNaming(needle) {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(needle) && !line.startsWith('ps '));
}

export async function runWebWorkerChecks({ host, scratch, vsix, workspaceSource, artifacts }) {
  const home = join(scratch, 'web-worker');
  mkdirSync(home, { recursive: true });
  const folder = join(home, 'folder');
  cpSync(workspaceSource, folder, { recursive: true });
  const env = isolatedEnv(home);
  const server = await startCodeServer({ host, scratch: home, env, smokeTestDriver: false, settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
  let context;
  let page;
  const results = [];
  const check = async (name, body) => {
    try {
      await body();
      results.push(true);
      console.log(`    ✔ ${name}`);
    } catch (err) {
      results.push(false);
      await page?.screenshot({ path: join(artifacts, `failed-web-worker-${results.length}.png`) }).catch(() => undefined);
      console.log(`    ✖ ${name}\n      ${String(err?.message ?? err).split('\n')[0]}`);
    }
  };
  console.log('\n  the browser build, in the workbench\'s Web Worker extension host');
  try {
    await installVsix(host, server, env, vsix);
    context = await launchBrowser(home, env);
    page = await context.newPage();
    const loaded = [];
    page.on('request', (r) => loaded.push(decodeURIComponent(r.url())));
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });

    await check('diagnostics, the Engagements view and the preview come from the server in a Worker', async () => {
      await openFile(page, 'findings.engagement.yaml');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'View-only CRM access' }).first().waitFor({ timeout: TIMEOUT });
      await runCommand(page, 'Focus on Engagements View');
      await page.locator('.monaco-list-row', { hasText: 'Base engagement' }).first().waitFor({ timeout: TIMEOUT });
      await openFile(page, 'clean.engagement.yaml');
      await runCommand(page, 'Engagement Kit: Open Preview to the Side');
      await previewFrame(page).locator('h1', { hasText: 'Base engagement' }).waitFor({ timeout: TIMEOUT });
      await page.screenshot({ path: join(artifacts, 'web-worker-host.png') });
    });

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

    await check('the browser entry was loaded, and no Node server runs', async () => {
      const named = (file) => loaded.some((url) => url.includes('engagement-kit') && url.includes(file));
      if (!named('dist/web/extension.js')) throw new Error(`dist/web/extension.js was not loaded: ${loaded.filter((u) => u.includes('engagement')).join(' ')}`);
      // The server's script is read through the remote file system (see extensionWeb.ts), not fetched by URL.
      const nodeServers = processesNaming(join(server.extensions, `${EXTENSION_ID}-`)).filter((line) => line.includes('server.js'));
      if (nodeServers.length) throw new Error(`a Node server runs: ${nodeServers.join('; ')}`);
    });
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  const passed = results.filter(Boolean).length;
  return { passed, failed: results.length - passed };
}
