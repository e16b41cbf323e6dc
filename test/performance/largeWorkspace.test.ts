import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateEngagement } from '../../bench/generate';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { PortfolioRendered } from '../../src/shared/portfolioProtocol';
import { diagnosticsWhen, EXTENSION_ID, fileUri } from '../integration/helpers';
import { FILES, filesOverloaded, median, record, ROOT, scanFigures, tenths, watchHostThread } from './figures';

/**
 * When the diagnostics of `uri` satisfy `accept` in the extension host's collection (set the
 * moment the client receives them, and sent to the editor then), looked at every millisecond:
 * `onDidChangeDiagnostics` would tell 50 ms later, as VS Code debounces it.
 */
function diagnosticsSet(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const look = (): void => {
      if (accept(vscode.languages.getDiagnostics(uri))) resolve(performance.now());
      else if (performance.now() > deadline) reject(new Error(`diagnostics for ${uri.path} not set in ${timeoutMs} ms`));
      else setTimeout(look, 1);
    };
    look();
  });
}

describe(`a workspace of ${FILES.toLocaleString('en-US')} engagement files`, () => {
  let api: EngagementKitApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('fills the tree and computes the portfolio from every file, without holding the host', async function () {
    this.timeout(120_000);
    await api.workspace.checked();
    const figures = await scanFigures(api);
    assert.equal(figures.workspaceFiles, FILES);
    assert.equal(figures.reusedCards, 0, 'a workspace never opened before has no cards kept');
    const started = performance.now();
    const roots = await api.tree.getChildren();
    const treeMs = performance.now() - started;
    assert.equal(roots.length, FILES, 'every file has its node in the tree');
    // The host's thread while the whole workspace is read again and the tree redrawn.
    const watch = watchHostThread();
    await vscode.commands.executeCommand('engagementKit.refreshEngagements');
    await api.tree.getChildren();
    const hostDuringRescan = watch.stop();
    // Executives are shared between files, so the portfolio rule must have found overloads.
    const overloaded = await filesOverloaded();
    assert.ok(overloaded > FILES / 2, `${overloaded} files with portfolio findings`);
    record({ ...figures, treeRootsAnsweredMs: tenths(treeMs), hostLongestBlockDuringRescanMs: hostDuringRescan.longestMs, filesOverloaded: overloaded });
  });

  it('updates the portfolio page soon after a file changes', async function () {
    this.timeout(120_000);
    await api.workspace.checked();
    const panel = api.portfolio.open();
    const rendered = (accept: (r: PortfolioRendered) => boolean): Promise<PortfolioRendered> =>
      new Promise((resolve) => {
        if (panel.lastRendered && accept(panel.lastRendered)) return resolve(panel.lastRendered);
        const subscription = panel.onDidRender((r) => {
          if (!accept(r)) return;
          subscription.dispose();
          resolve(r);
        });
      });
    const first = await rendered((r) => r.engagements > 0);
    assert.ok(first.executives > 50, `${first.executives} executives charted`);
    // An active engagement whose term lies before the window: as a draft it leaves the page.
    const uri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'team-01', 'engagement-0001.engagement.yaml'));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    const line = document.getText().split('\n').indexOf('status: active');
    assert.ok(line > 0, 'the file is an active engagement');
    const delay = vscode.workspace.getConfiguration('engagementKit').get<number>('validation.delay') ?? 150;
    const afterEdit: number[] = [];
    const afterIndex: number[] = [];
    const steps: string[] = [];
    // When the server tells the client the workspace changed: the index has the edit.
    let told: number | undefined;
    const listener = api.workspace.onDidChange(() => (told ??= performance.now()));
    for (let i = 0; i < 6; i++) {
      const draft = i % 2 === 0;
      told = undefined;
      const started = performance.now();
      await editor.edit((b) => b.replace(new vscode.Range(line, 8, line, document.lineAt(line).text.length), draft ? 'draft' : 'active'));
      await rendered((r) => r.engagements === (draft ? first.engagements - 1 : first.engagements));
      const shown = performance.now();
      afterEdit.push(shown - started);
      // The client's marks since the edit: each request for the page, its answer, and the page shown.
      const marks = ['portfolioAsked', 'portfolioAnswered', 'portfolioShown'].flatMap((name) => performance.getEntriesByName(`engagementKit/${name}`).filter((e) => e.startTime >= started).map((e) => [name, e.startTime - started] as const));
      steps.push(marks.sort((a, b) => a[1] - b[1]).map(([name, at]) => `${name}@${Math.round(at)}`).join(' '));
      if (told !== undefined) afterIndex.push(shown - told);
    }
    listener.dispose();
    record({
      portfolioFirstRendered: { executives: first.executives, engagements: first.engagements },
      // From the edit to the page showing it, webview included; the server first waits out its throttle.
      portfolioUpdateAfterEditMs: { throttleMs: delay, median: tenths(median(afterEdit)), max: tenths(Math.max(...afterEdit)), each: afterEdit.map((ms) => tenths(ms)) },
      // From the server telling the client that the workspace changed to the page showing it: the page's own part.
      portfolioUpdateAfterIndexMs: { median: tenths(median(afterIndex)), max: tenths(Math.max(...afterIndex)), each: afterIndex.map((ms) => tenths(ms)) },
      portfolioUpdateSteps: steps,
    });
    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    panel.dispose();
  });

  it('publishes diagnostics for a 5,000-line file right after the throttle, on every edit', async function () {
    this.timeout(120_000);
    const uri = fileUri('large.engagement.yaml');
    const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'base.engagement.yaml'), 'utf8');
    const text = generateEngagement(base, 5_000);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await diagnosticsWhen(uri, (d) => d.length === 0, 30_000);
    const delay = vscode.workspace.getConfiguration('engagementKit').get<number>('validation.delay') ?? 150;
    const line = document.getText().split('\n').findIndex((l) => l.includes('unit: count'));
    assert.ok(line > 0);

    const watch = watchHostThread();
    const afterThrottle: number[] = [];
    const afterThrottleByEvent: number[] = [];
    // When the extension host hears of each edit: the server's throttle starts about then.
    let heard = 0;
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length) heard = performance.now();
    });
    for (let i = 0; i < 12; i++) {
      // Alternate between a wrong key (one schema finding) and the right one (none).
      const wrong = i % 2 === 0;
      await editor.edit((b) => b.replace(new vscode.Range(line, 4, line, 8), wrong ? 'unti' : 'unit'));
      const edited = heard;
      const accept = (d: readonly vscode.Diagnostic[]): boolean => (wrong ? d.some((x) => x.message.includes('`unti`')) : d.length === 0);
      const event = diagnosticsWhen(uri, accept, 10_000).then(() => performance.now());
      afterThrottle.push((await diagnosticsSet(uri, accept)) - edited - delay);
      afterThrottleByEvent.push((await event) - edited - delay);
    }
    listener.dispose();
    const host = watch.stop();
    record({
      keystrokeFileLines: text.split('\n').length,
      throttleMs: delay,
      afterThrottleMs: { min: tenths(Math.min(...afterThrottle)), median: tenths(median(afterThrottle)), max: tenths(Math.max(...afterThrottle)) },
      afterThrottleEachMs: afterThrottle.map((ms) => tenths(ms)),
      // The same, told by onDidChangeDiagnostics, which VS Code delivers to extensions 50 ms late (a debounce of its own).
      afterThrottleByEventMs: { min: tenths(Math.min(...afterThrottleByEvent)), median: tenths(median(afterThrottleByEvent)), max: tenths(Math.max(...afterThrottleByEvent)) },
      hostLongestBlockWhileTypingMs: host.longestMs,
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The window opened again on this workspace (test/performance/reopen) finds it as this one did.
    await vscode.workspace.fs.delete(uri);
  });
});
