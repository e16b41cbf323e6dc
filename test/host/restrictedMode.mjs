// Workspace trust: the installed extension in a folder that is not trusted (Restricted
// Mode). The extension declares that it supports untrusted workspaces, because it only
// reads files and never runs or compiles anything from them; these checks hold it to that.
import { join } from 'node:path';
import { TIMEOUT } from './uiTests.mjs';
import { runWorkbenchChecks, seeFindingsTreeAndPreview } from './workbenchChecks.mjs';

export function runRestrictedModeChecks(options) {
  return runWorkbenchChecks({
    ...options,
    name: 'restricted',
    title: 'workspace trust: an untrusted folder, in Restricted Mode',
    serverOptions: { workspaceTrust: true },
    async checks({ check, page }) {
      await check('the folder opens in Restricted Mode', async () => {
        await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: TIMEOUT });
      });

      await check('diagnostics, the Engagements view and the preview work there', () =>
        seeFindingsTreeAndPreview(page, { treeRow: 'Engagement with findings', screenshot: join(options.artifacts, 'restricted-mode.png') }),
      );
    },
  });
}
