import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateEngagement } from '../../bench/generate';
import type { EngagementKitApi } from '../../src/extension/extension';
import { diagnosticsWhen, EXTENSION_ID, fileUri } from '../integration/helpers';
import { describeTask, FILES, median, pauses, record, ROOT, scanFigures } from './figures';

describe(`a workspace of ${FILES.toLocaleString('en-US')} engagement files`, () => {
  let api: EngagementKitApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('fills the tree and computes the portfolio from every file, without holding the host', async () => {
    const roots = await api.tree.getChildren();
    assert.equal(roots.length, FILES, 'every file has its node in the tree');
    const all = api.index.all();
    assert.equal(all.length, FILES);
    // Executives are shared between files, so the portfolio rule must have found overloads.
    const overloaded = all.filter((e) => e.portfolio.some((f) => f.ruleId === 'portfolio-overcommitted')).length;
    assert.ok(overloaded > FILES / 2, `${overloaded} files with portfolio findings`);
    assert.ok(api.index.scannedAt !== undefined);
    // Then every file is checked: the findings replace the outlines' empty lists.
    await api.index.checked();
    assert.ok(api.index.all().every((e) => e.checked), 'every file checked');
    const phases = api.index.scanPhases!;
    assert.equal(phases.outlined, true, 'the scan thread outlined the workspace');
    assert.equal(phases.thread?.reusedCards, 0, 'a workspace never opened before has no cards kept');
    record(scanFigures(api));
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

    api.meter.reset();
    const endToEnd: number[] = [];
    const countBefore = api.diagnosticLatencies.count;
    // When the extension host hears of each edit: before that, the time is the workbench's.
    const heard: number[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length) heard.push(performance.now());
    });
    const roundTrip: number[] = [];
    for (let i = 0; i < 12; i++) {
      // Alternate between a wrong key (one schema finding) and the right one (none).
      const wrong = i % 2 === 0;
      const start = performance.now();
      await editor.edit((b) => b.replace(new vscode.Range(line, 4, line, 8), wrong ? 'unti' : 'unit'));
      roundTrip.push(heard[heard.length - 1]! - start);
      await diagnosticsWhen(uri, (d) => (wrong ? d.some((x) => x.message.includes('`unti`')) : d.length === 0), 10_000);
      endToEnd.push(performance.now() - start - delay);
    }
    listener.dispose();
    assert.equal(heard.length, 12, 'every edit reached the extension host');
    const published = api.diagnosticLatencies.count - countBefore;
    // An edit can also be published by the workspace index's own refresh before the throttle
    // ends; the next edit then joins the pending run. Most go through the throttle.
    assert.ok(published >= 6, `${published} publications measured`);
    const afterThrottle = api.diagnosticLatencies.recent.slice(-published);
    const work = api.meter.report();
    // Every feature asks the scan thread while someone types: the host never analyzed the file itself.
    assert.equal(work.countsByLabel['analyze document'] ?? 0, 0, `the host analyzed the document: ${JSON.stringify(work.countsByLabel)}`);
    assert.ok((work.countsByLabel['read document summary'] ?? 0) >= published, `summaries from the thread: ${JSON.stringify(work.countsByLabel)}`);
    record({
      keystrokeFileLines: text.split('\n').length,
      throttleMs: delay,
      afterThrottleMs: { min: Math.min(...afterThrottle), median: median(afterThrottle), max: Math.max(...afterThrottle) },
      afterThrottleEachMs: afterThrottle.map((ms) => Math.round(ms * 10) / 10),
      editToDiagnosticsMinusThrottleMs: { min: Math.min(...endToEnd), median: median(endToEnd), max: Math.max(...endToEnd) },
      editReachedHostMs: roundTrip.map((ms) => Math.round(ms)),
      longestTaskWhileTypingMs: Math.round(work.longestMs * 10) / 10,
      longestTaskWhileTyping: work.longestLabel,
      longestTasksWhileTyping: work.longestTasks.map(describeTask),
      ...pauses(work, 'WhileTyping'),
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The window opened again on this workspace (test/performance/reopen) finds it as this one did.
    await vscode.workspace.fs.delete(uri);
  });
});
