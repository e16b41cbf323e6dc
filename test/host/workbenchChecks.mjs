// A few checks in a code-server of their own: a copy of a folder, the .vsix installed as a
// user would, a browser on the folder, each check reported as it passes or fails (with a
// screenshot when it fails). Restricted Mode and the Web Worker host each run one.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, isolatedEnv, launchBrowser, startCodeServer } from './codeServer.mjs';
import { openFile, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';

export async function runWorkbenchChecks({ name, title, host, scratch, vsix, workspaceSource, artifacts, serverOptions, prepare, checks }) {
  const home = join(scratch, name);
  mkdirSync(home, { recursive: true });
  const folder = join(home, 'folder');
  cpSync(workspaceSource, folder, { recursive: true });
  const env = isolatedEnv(home);
  prepare?.(folder, env);
  const server = await startCodeServer({ host, scratch: home, env, smokeTestDriver: false, ...serverOptions });
  let context;
  let page;
  const results = [];
  const check = async (description, body) => {
    try {
      await body();
      results.push(true);
      console.log(`    ✔ ${description}`);
    } catch (err) {
      results.push(false);
      await page?.screenshot({ path: join(artifacts, `failed-${name}-${results.length}.png`) }).catch(() => undefined);
      console.log(`    ✖ ${description}\n      ${String(err?.message ?? err).split('\n')[0]}`);
    }
  };
  console.log(`\n  ${title}`);
  try {
    await installVsix(host, server, env, vsix);
    context = await launchBrowser(home, env);
    page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(decodeURIComponent(r.url())));
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
    await checks({ check, page, server, requests });
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  const passed = results.filter(Boolean).length;
  return { passed, failed: results.length - passed };
}

/**
 * What a person sees first: the findings of findings.engagement.yaml in the Problems panel,
 * `treeRow` in the Engagements view, and the preview of clean.engagement.yaml.
 */
export async function seeFindingsTreeAndPreview(page, { treeRow, screenshot }) {
  await openFile(page, 'findings.engagement.yaml');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'View-only CRM access' }).first().waitFor({ timeout: TIMEOUT });
  await runCommand(page, 'Focus on Engagements View');
  await page.locator('.monaco-list-row', { hasText: treeRow }).first().waitFor({ timeout: TIMEOUT });
  await openFile(page, 'clean.engagement.yaml');
  await runCommand(page, 'Engagement Kit: Open Preview to the Side');
  await previewFrame(page).locator('h1', { hasText: 'Base engagement' }).waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: screenshot });
}
