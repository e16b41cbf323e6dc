import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { PortfolioPanel } from '../../src/extension/portfolio/portfolioPanel';
import type { PortfolioRendered } from '../../src/shared/portfolioProtocol';
import { EXTENSION_ID, fileUri, revertAll } from './helpers';

/** Resolves once the page reports an update that `accept` likes (event-driven, with a deadline). */
function renderedWhen(panel: PortfolioPanel, accept: (r: PortfolioRendered) => boolean, timeoutMs = 15_000): Promise<PortfolioRendered> {
  return new Promise((resolve, reject) => {
    const done = (r: PortfolioRendered): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(r);
    };
    const subscription = panel.onDidRender((r) => accept(r) && done(r));
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the portfolio did not render as expected; last: ${JSON.stringify(panel.lastRendered)}`));
    }, timeoutMs);
    if (panel.lastRendered && accept(panel.lastRendered)) done(panel.lastRendered);
  });
}

describe('portfolio page', () => {
  let api: EngagementKitApi;

  before(async () => {
    api = (await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate())!;
    await vscode.workspace.getConfiguration('engagementKit').update('today', '2026-02-07', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('engagementKit').update('today', undefined, vscode.ConfigurationTarget.Global);
    await revertAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from the command, filters, and follows an unsaved edit that over-books an executive', async () => {
    await vscode.commands.executeCommand('engagementKit.openPortfolio');
    const panel = api.portfolio.panel!;
    assert.ok(panel, 'the command opened the page');
    await renderedWhen(panel, (r) => r.engagements >= 2);
    await panel.setFilter({ executive: 'email:alex@example.com' });
    // The workspace's files are Alex's (tests add some): two days a week in each of the two that overlap, within five.
    await renderedWhen(panel, (r) => r.executives === 1 && r.engagements >= 2 && r.overWeeks === 0);
    assert.equal(panel.panel.title, 'Portfolio');

    // Edited without showing the file, so that the page stays in view.
    const document = await vscode.workspace.openTextDocument(fileUri('clean.engagement.yaml'));
    const start = document.getText().indexOf('days-per-week: 2');
    const setDays = async (days: number): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + 'days-per-week: 2'.length)), `days-per-week: ${days}`);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await setDays(4);
    // Six days a week in every week of the window (2026-01-05 to 2026-04-26, all within both terms).
    await renderedWhen(panel, (r) => r.overWeeks === 16);
    assert.equal(panel.panel.title, 'Portfolio (1 over capacity)');
    await setDays(2);
    await renderedWhen(panel, (r) => r.overWeeks === 0);
    assert.equal(api.portfolio.open(), panel, 'one page: the command shows the open one');
  });
});
