// Changes of terms in the workbench, with the real Git extension on: a folder made a git
// repository here (terms signed and tagged, then amended, then edited on disk), compared
// with the tag through the command palette, and its amendment history in the view.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, previewFrame, runCommand, TIMEOUT } from './uiTests.mjs';
import { runWorkbenchChecks } from './workbenchChecks.mjs';

function makeRepository(folder, env) {
  const gitEnv = { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com' };
  const git = (...args) => execFileSync('git', args, { cwd: folder, env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = join(folder, 'clean.engagement.yaml');
  const amend = (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Signed terms');
  git('tag', 'signed');
  amend('days-per-week: 2', 'days-per-week: 1');
  git('commit', '-q', '-am', 'CEO cuts the days');
  amend('target: 300', 'target: 200');
}

export function runGitChecks(options) {
  return runWorkbenchChecks({
    ...options,
    name: 'git-changes',
    title: 'changes of terms, with the Git extension',
    serverOptions: { settings: { 'git.enabled': true, 'git.autofetch': false, 'git.openRepositoryInParentFolders': 'never' } },
    prepare: makeRepository,
    async checks({ check, page }) {
      await check('Compare with Revision shows the changes since a tag, each at its line, and the preview marks them', async () => {
        await openFile(page, 'clean.engagement.yaml');
        await runCommand(page, 'Engagement Kit: Open Preview to the Side');
        await previewFrame(page).locator('h1', { hasText: 'Base engagement' }).waitFor({ timeout: TIMEOUT });
        await openFile(page, 'clean.engagement.yaml');
        await runCommand(page, 'Engagement Kit: Compare with Revision');
        const tag = page.locator('.quick-input-list .monaco-list-row', { hasText: 'signed' }).first();
        await tag.waitFor({ timeout: TIMEOUT });
        await tag.click();
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Changes of Terms' }) });
        await view.locator('.monaco-list-row', { hasText: 'Since signed' }).first().waitFor({ timeout: TIMEOUT });
        await view.locator('.monaco-list-row', { hasText: 'Commitment 2 days a week → 1 day a week.' }).first().waitFor({ timeout: TIMEOUT });
        await view.locator('.monaco-list-row', { hasText: 'target lowered 300 → 200: the goalposts moved' }).first().waitFor({ timeout: TIMEOUT });
        // The KPI's row and the commitment in the preview, marked as changed since the tag.
        await previewFrame(page).locator('.ek-changed[title="Changed since signed"]').nth(1).waitFor({ timeout: TIMEOUT });
        await previewFrame(page).locator('.ek-facts .ek-changed', { hasText: 'Commitment' }).waitFor({ timeout: TIMEOUT });
        await previewFrame(page).locator('#scorecard tr.ek-changed', { hasText: 'Qualified pipeline' }).waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: join(options.artifacts, 'changes-of-terms.png') });
      });

      await check('the amendments of the file come from its git history', async () => {
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Changes of Terms' }) });
        await view.locator('.monaco-list-row', { hasText: 'CEO cuts the days' }).first().waitFor({ timeout: TIMEOUT });
        await view.locator('.monaco-list-row', { hasText: 'Signed terms' }).first().waitFor({ timeout: TIMEOUT });
      });
    },
  });
}
