import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { EngagementNode } from '../../src/extension/tree/engagementTree';
import { codeOf, diagnosticsWhen, EXTENSION_ID, fileUri, hostActivationMarks, openDocument, revertAll, until } from './helpers';

let api: EngagementKitApi;

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function read(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(name)));
}

/**
 * Waits until the tree satisfies `accept`: checked now, then each time the server says the
 * workspace changed, with the tree as the server lists it then.
 */
async function treeWhen(accept: (roots: EngagementNode[]) => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  if (await accept(await children())) return;
  await new Promise<void>((resolve, reject) => {
    let checking = Promise.resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('the tree did not reach the expected state'));
    }, timeoutMs);
    const subscription = api.workspace.onDidChange(() => {
      checking = checking.then(async () => {
        if (!(await accept(await children()))) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  });
}

/** The labels of a file's groups in the tree, or undefined when the file is not in it. */
async function groupLabelsOf(uri: vscode.Uri, roots: EngagementNode[]): Promise<string[] | undefined> {
  const node = roots.find((n) => n.uri.toString() === uri.toString());
  return node && (await children(node)).map((g) => g.label);
}

async function children(node?: EngagementNode): Promise<EngagementNode[]> {
  return api.tree.getChildren(node);
}

describe('workspace features', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate())!;
    await api.workspace.checked();
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

  it('shows a file created on disk, with its findings once checked, and drops it when deleted', async () => {
    // A file no test has opened: open documents are shown from their own analysis.
    // (That a file is shown from its outline before it is checked is held by the unit tests
    // of the workspace index, where the order of the two passes can be observed.)
    const uri = await write('outlined.engagement.yaml', (await read('findings.engagement.yaml')).replace('id: other-cro', 'id: outlined'));
    await treeWhen(async (roots) => /^\d+ findings?$/.test((await groupLabelsOf(uri, roots))?.pop() ?? ''));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    assert.deepEqual((await groupLabelsOf(uri, await children()))?.slice(0, 3), ['Phases', 'KPIs', 'Authority']);
    await vscode.workspace.fs.delete(uri);
    await treeWhen(async (roots) => (await groupLabelsOf(uri, roots)) === undefined);
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

  it('follows unsaved edits in the tree, redrawing only the engagement that changed', async () => {
    const document = await openDocument('clean.engagement.yaml');
    await children(); // the lines VS Code would be showing
    // The edited engagement's own line is redrawn, updated in place: not the whole list.
    const redrawn = new Promise<EngagementNode>((resolve) => {
      const subscription = api.tree.onDidChangeTreeData((node) => {
        if (node?.label !== 'Renamed engagement') return;
        subscription.dispose();
        resolve(node);
      });
    });
    const editor = vscode.window.activeTextEditor!;
    const offset = document.getText().indexOf('title: Base engagement') + 'title: '.length;
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 'Base engagement'.length)), 'Renamed engagement'));
    const line = await redrawn;
    assert.equal(line.uri.toString(), document.uri.toString());
    assert.equal(api.tree.getTreeItem(line).label, 'Renamed engagement');
    await treeWhen((roots) => roots.some((n) => n.label === 'Renamed engagement'));
    // While the file is broken, the tree keeps the last good version, and says so.
    await editor.edit((b) => b.insert(document.positionAt(0), 'format: [\n'));
    await treeWhen((roots) => roots.some((n) => n.label === 'Renamed engagement' && n.tooltip?.includes('(showing the last readable version)') === true));
    await revertAll();
  });

  it('shows the plan position for the active file', async () => {
    await vscode.workspace.getConfiguration('engagementKit').update('today', '2026-02-07', vscode.ConfigurationTarget.Global);
    try {
      await openDocument('clean.engagement.yaml');
      // The item follows the active editor and the setting, each answered by the server.
      await until(() => api.planStatusText() === 'Day 34 of 90 · build', 'the plan position for 2026-02-07');
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

  it('reports its activation time and the server\'s start (measured, not asserted)', async () => {
    await api.ready;
    const mark = (name: string): number | undefined => performance.getEntriesByName(name)[0]?.startTime;
    const activated = mark('engagementKit/activate');
    const ready = mark('engagementKit/serverReady');
    assert.ok(activated !== undefined && ready !== undefined && ready >= activated);
    const host = hostActivationMarks();
    const hostSays = host ? `the host measured ${host.codeLoadingMs} ms loading the code and ${host.activateCallMs} ms in activate()` : 'the host kept no marks';
    console.log(`[engagement-test]       activation: ${hostSays}; the server answered initialize ${(ready - activated).toFixed(1)} ms after activate() began`);
  });
});
