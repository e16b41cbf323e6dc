import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../../src/extension/extension';
import { EXTENSION_ID } from '../../integration/helpers';
import { FILES, record, scanFigures } from '../figures';

/** Every figure of this window, named apart from the first window's: `reopenWorkspaceReadyMs` and so on. */
function asReopened(figures: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`reopen${key[0]!.toUpperCase()}${key.slice(1)}`, value]));
}

describe(`the ${FILES.toLocaleString('en-US')}-file workspace opened again`, () => {
  it('shows the tree and the portfolio from the cards kept, reading again no file that did not change', async () => {
    const extension = vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const roots = await api.tree.getChildren();
    assert.equal(roots.length, FILES, 'every file has its node in the tree');
    const overloaded = api.index.all().filter((e) => e.portfolio.some((f) => f.ruleId === 'portfolio-overcommitted')).length;
    assert.ok(overloaded > FILES / 2, `${overloaded} files with portfolio findings`);
    await api.index.checked();
    assert.ok(api.index.all().every((e) => e.checked), 'every file checked');
    assert.equal(api.index.scanPhases?.thread?.reusedCards, FILES, 'every card came from the first window\'s scan');
    record(asReopened(scanFigures(api)));
  });
});
