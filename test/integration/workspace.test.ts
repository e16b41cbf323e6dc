import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { EngagementNode } from '../../src/extension/tree/engagementTree';
import { codeOf, diagnosticsWhen, EXTENSION_ID, fileUri, hostActivationMarks, openDocument } from './helpers';

let api: EngagementKitApi;

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function read(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(name)));
}

/** Waits until the index (and so the tree) satisfies `accept`, on its change event. */
function indexWhen(accept: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (accept()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('the workspace index did not reach the expected state'));
    }, timeoutMs);
    const subscription = api.index.onDidChange(() => {
      if (!accept()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

async function children(node?: EngagementNode): Promise<EngagementNode[]> {
  return api.tree.getChildren(node);
}

describe('workspace features', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate())!;
    await api.index.checked();
  });

  it('shows every engagement in the tree, with phases, KPIs, authority and findings', async () => {
    const roots = await children();
    const clean = roots.find((n) => n.uri.path.endsWith('/clean.engagement.yaml'))!;
    assert.equal(clean.label, 'Base engagement');
    assert.match(clean.description!, /^Base Co · CRO · active · /);
    const groups = await children(clean);
    assert.deepEqual(groups.map((g) => g.label), ['Phases', 'KPIs', 'Authority']);
    const phases = await children(groups[0]);
    assert.deepEqual(phases.map((p) => [p.label, p.description]), [
      ['diagnostic', 'days 1-30 · 2026-01-05 → 2026-02-03'],
      ['build', 'days 31-60 · 2026-02-04 → 2026-03-05'],
      ['execute', 'days 61-90 · 2026-03-06 → 2026-04-04'],
    ]);
    const kpis = await children(groups[1]);
    assert.deepEqual(kpis.map((k) => k.label), ['Qualified pipeline', 'Revenue']);
    assert.equal(kpis[0]!.description, 'leading · 100 → – → 300');
    const areas = await children(groups[2]);
    assert.deepEqual(areas.map((a) => a.label), ['people', 'budget', 'process', 'strategy']);
    const findings = roots.find((n) => n.uri.path.endsWith('/findings.engagement.yaml'))!;
    const last = (await children(findings)).pop()!;
    assert.match(last.label, /^\d+ findings?$/);
  });

  it('shows each file from its outline first, then its findings once checked', async () => {
    // A file no test has opened: open documents are shown from their own, checked analysis.
    const uri = await write('outlined.engagement.yaml', (await read('findings.engagement.yaml')).replace('id: other-cro', 'id: outlined'));
    await indexWhen(() => api.index.get(uri)?.checked === true);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    const groupLabels = async (): Promise<string[]> => {
      const node = (await children()).find((n) => n.uri.toString() === uri.toString())!;
      return (await children(node)).map((g) => g.label);
    };
    // The tree as it is when the index first changes with the file outlined but not checked.
    // Checks are answered in later tasks, so this chain of promises sees that state.
    let outlined: Promise<string[]> | undefined;
    const subscription = api.index.onDidChange(() => {
      if (!outlined && api.index.get(uri)?.checked === false) outlined = groupLabels();
    });
    try {
      await api.index.rescan();
    } finally {
      subscription.dispose();
    }
    assert.ok(outlined, 'the file was shown from its outline before it was checked');
    assert.deepEqual(await outlined, ['Phases', 'KPIs', 'Authority', 'Checking…']);
    assert.equal(api.index.get(uri)?.checked, true);
    assert.match((await groupLabels()).pop()!, /^\d+ findings?$/);
    await vscode.workspace.fs.delete(uri);
    await indexWhen(() => api.index.get(uri) === undefined);
  });

  it('reveals the source of a tree item', async () => {
    const roots = await children();
    const clean = roots.find((n) => n.uri.path.endsWith('/clean.engagement.yaml'))!;
    const kpi = (await children((await children(clean))[1]))[1]!;
    await vscode.commands.executeCommand('engagementKit.revealInEditor', kpi.uri, kpi.range);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), kpi.uri.toString());
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '  - id: revenue');
  });

  it('follows unsaved edits in the tree', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const editor = vscode.window.activeTextEditor!;
    const offset = document.getText().indexOf('title: Base engagement') + 'title: '.length;
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'Base engagement'.length)), 'Renamed engagement'));
    await indexWhen(() => api.index.get(document.uri)?.analysis.model?.title === 'Renamed engagement');
    assert.ok((await children()).some((n) => n.label === 'Renamed engagement'));
    // While the file is broken, the tree keeps the last good version.
    await editor.edit((b) => b.insert(document.positionAt(0), 'format: [\n'));
    await indexWhen(() => api.index.get(document.uri)?.analysis.syntaxBroken === true);
    assert.ok((await children()).some((n) => n.label === 'Renamed engagement'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the plan position for the active file', async () => {
    await vscode.workspace.getConfiguration('engagementKit').update('today', '2026-02-07', vscode.ConfigurationTarget.Global);
    try {
      await openDocument('clean.engagement.yaml');
      assert.equal(api.planStatusText(), 'Day 34 of 90 · build');
    } finally {
      await vscode.workspace.getConfiguration('engagementKit').update('today', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('creates a new engagement from a role template, clean and ready to edit', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('engagementKit.newEngagement', { role: 'CMO', client: 'Acme Corp.', executive: 'Jo Smith', start: '2026-03-02' });
    assert.ok(uri.path.endsWith('/acme-corp-cmo.engagement.yaml'));
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.uri.toString(), uri.toString());
    assert.equal(document.languageId, 'engagement');
    assert.match(document.getText(), /^ {2}name: Acme Corp\.$/m);
    assert.deepEqual((await diagnosticsWhen(uri, () => true)).map((d) => d.message), []);
    await vscode.workspace.fs.delete(uri);
  });

  it('adds a KPI from the role library, in the file\'s indentation', async () => {
    const before = await read('clean.engagement.yaml');
    await openDocument('clean.engagement.yaml');
    assert.ok(await vscode.commands.executeCommand<boolean>('engagementKit.addKpi', { kpi: 'win-rate' }));
    const block = '  - id: win-rate\n    name: Win rate\n    type: leading\n    unit: "%"\n    baseline: 0\n    target: 1\n    direction: increase\n    by: day 90\n    source: CRM\n';
    assert.equal(vscode.window.activeTextEditor!.document.getText(), before.replace('    by: day 90\nplan:', `    by: day 90\n${block}plan:`));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('validates the whole workspace, including files that are not open', async () => {
    const text = (await read('clean.engagement.yaml')).replace('crm: full', 'crm: none').replace('status: active', 'status: draft').replace('id: base-cro', 'id: closed');
    const uri = await write('closed.engagement.yaml', text);
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('engagementKit.validateWorkspace');
    assert.ok(summary.files >= 3);
    const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'access-crm'));
    assert.equal(diagnostics.length, 1);
    await vscode.workspace.fs.delete(uri);
    await diagnosticsWhen(uri, (d) => d.length === 0);
  });

  it('reports portfolio overcommitment once every file is read', async () => {
    const base = (await read('clean.engagement.yaml')).replace('name: Alex Doe', 'name: Pat Lee').replace('email: alex@example.com', 'email: pat@example.com').replace('days-per-week: 2', 'days-per-week: 3');
    const a = await write('pat-a.engagement.yaml', base.replace('id: base-cro', 'id: pat-a'));
    const b = await write('pat-b.engagement.yaml', base.replace('id: base-cro', 'id: pat-b'));
    await openDocument('pat-a.engagement.yaml');
    const diagnostics = await diagnosticsWhen(a, (d) => d.some((x) => codeOf(x) === 'portfolio-overcommitted'));
    assert.match(diagnostics.find((d) => codeOf(d) === 'portfolio-overcommitted')!.message, /Pat Lee is committed to more than 5 days a week across active engagements: 6 days a week from .*`pat-b`/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(b);
    await vscode.workspace.fs.delete(a);
  });

  it('offers the snippets in engagement files and not in plain YAML', async () => {
    const snippetLabels = async (name: string): Promise<string[]> => {
      const document = await openDocument(name);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(document.lineCount - 1, 0));
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const inEngagement = await snippetLabels('clean.engagement.yaml');
    for (const prefix of ['engagement-cro', 'engagement-cmo', 'engagement-cso', 'engagement-cto', 'engagement-cfo', 'engagement-coo', 'plan-90-day', 'authority-matrix', 'reporting-trio', 'kpis-cro']) {
      assert.ok(inEngagement.includes(prefix), `${prefix} in ${inEngagement.join(',')}`);
    }
    const inYaml = await snippetLabels('plain.yaml');
    assert.deepEqual(inYaml.filter((l) => /^(engagement-|plan-90|authority-matrix|reporting-trio|kpis-)/.test(l)), []);
  });
});

describe('settings and activation', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate())!;
  });

  it('merges the engagementKit.rules setting over .engagementrc.yaml', async () => {
    const config = vscode.workspace.getConfiguration('engagementKit');
    const document = await openDocument('findings.engagement.yaml');
    await config.update('rules', { 'access-crm': 'error', 'kpi-not-measurable': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('workbench.action.files.revert'); // a new version makes the file check again
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# touched\n'));
      const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'access-crm' && x.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(!diagnostics.some((d) => codeOf(d) === 'kpi-not-measurable'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('reports its activation time (measured, not asserted)', () => {
    assert.ok(api.activationMs > 0);
    assert.ok(api.activateMs > 0 && api.activateMs <= api.activationMs);
    assert.ok(api.waitForHostMs >= 0);
    const host = hostActivationMarks();
    const hostSays = host ? `; the host measured ${host.codeLoadingMs} ms loading the code and ${host.activateCallMs} ms in activate()` : '';
    console.log(
      `[engagement-test]       activation: ${api.activationMs.toFixed(1)} ms running the bundle and activate(), ${api.activateMs.toFixed(1)} ms of it in activate() (${api.activateOnCpuMs?.toFixed(1) ?? '?'} on a CPU), ` +
        `after ${api.waitForHostMs.toFixed(1)} ms waiting for the host${hostSays}`,
    );
  });
});
