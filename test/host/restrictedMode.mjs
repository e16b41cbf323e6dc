// Workspace trust: the installed extension in a folder that is not trusted (Restricted
// Mode). The extension declares that it supports untrusted workspaces, because it only
// reads files and never runs or compiles anything from them; these checks hold it to that.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, isolatedEnv, launchBrowser, startCodeServer } from './codeServer.mjs';
import { openFile, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';

export async function runRestrictedModeChecks({ host, scratch, vsix, workspaceSource, artifacts }) {
  const home = join(scratch, 'restricted');
  mkdirSync(home, { recursive: true });
  const folder = join(home, 'untrusted-folder');
  cpSync(workspaceSource, folder, { recursive: true });
  const env = isolatedEnv(home);
  const server = await startCodeServer({ host, scratch: home, env, workspaceTrust: true, smokeTestDriver: false });
  let context;
  const results = [];
  let page;
  const check = async (name, body) => {
    try {
      await body();
      results.push(true);
      console.log(`    ✔ ${name}`);
    } catch (err) {
      results.push(false);
      await page?.screenshot({ path: join(artifacts, `failed-restricted-${results.length}.png`) }).catch(() => undefined);
      console.log(`    ✖ ${name}\n      ${String(err?.message ?? err).split('\n')[0]}`);
    }
  };
  console.log('\n  workspace trust: an untrusted folder, in Restricted Mode');
  try {
    await installVsix(host, server, env, vsix);
    context = await launchBrowser(home, env);
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });

    await check('the folder opens in Restricted Mode', async () => {
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: TIMEOUT });
    });

    await check('diagnostics, the Engagements view and the preview work there', async () => {
      await openFile(page, 'findings.engagement.yaml');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'View-only CRM access' }).first().waitFor({ timeout: TIMEOUT });
      await runCommand(page, 'Focus on Engagements View');
      await page.locator('.monaco-list-row', { hasText: 'Engagement with findings' }).first().waitFor({ timeout: TIMEOUT });
      await openFile(page, 'clean.engagement.yaml');
      await runCommand(page, 'Engagement Kit: Open Preview to the Side');
      await previewFrame(page).locator('h1', { hasText: 'Base engagement' }).waitFor({ timeout: TIMEOUT });
      await page.screenshot({ path: join(artifacts, 'restricted-mode.png') });
    });
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  const passed = results.filter(Boolean).length;
  return { passed, failed: results.length - passed };
}
