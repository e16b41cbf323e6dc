import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../../src/extension/extension';
import { EXTENSION_ID } from '../../integration/helpers';
import { FILES, filesOverloaded, record, scanFigures } from '../figures';

/** Every figure of this window, named apart from the first window's: `reopenWorkspaceReadyMs` and so on. */
function asReopened(figures: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`reopen${key[0]!.toUpperCase()}${key.slice(1)}`, value]));
}

describe(`the ${FILES.toLocaleString('en-US')}-file workspace opened again`, () => {
  it('shows the tree and the portfolio from the cards kept, reading again no file that did not change', async function () {
    this.timeout(120_000);
    const extension = vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await api.workspace.checked();
    const figures = await scanFigures(api);
    assert.equal(figures.reusedCards, FILES, "every card came from the first window's scan");
    const roots = await api.tree.getChildren();
    assert.equal(roots.length, FILES, 'every file has its node in the tree');
    const overloaded = await filesOverloaded();
    assert.ok(overloaded > FILES / 2, `${overloaded} files with portfolio findings`);
    record(asReopened(figures));
  });
});
