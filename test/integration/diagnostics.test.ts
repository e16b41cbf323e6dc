import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EngagementKitApi } from '../../src/extension/extension';
import { activateExtension, codeOf, diagnosticsWhen, EXTENSION_ID, fileUri, openDocument, until } from './helpers';

describe('diagnostics in the editor', () => {
  before(activateExtension);

  it('gives engagement files the engagement language', async () => {
    const document = await openDocument('clean.engagement.yaml');
    assert.equal(document.languageId, 'engagement');
  });

  it('reports findings at their exact range, with the rule id linked to its page', async () => {
    const document = await openDocument('findings.engagement.yaml');
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'access-crm'));
    const crm = diagnostics.find((d) => codeOf(d) === 'access-crm')!;
    assert.equal(document.getText(crm.range), 'view');
    assert.equal(crm.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(crm.source, 'engagement');
    const code = crm.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/access-crm\.md$/);
    const typo = diagnostics.find((d) => codeOf(d) === 'schema')!;
    assert.equal(document.getText(typo.range), 'targt');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Error);
  });

  it('finds nothing wrong in a clean file', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const diagnostics = await diagnosticsWhen(document.uri, () => true);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  });

  it('checks unsaved edits as they are typed', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const editor = vscode.window.activeTextEditor!;
    const offset = document.getText().indexOf('crm: full') + 'crm: '.length;
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 4)), 'none'));
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'access-crm'));
    assert.equal(document.getText(diagnostics.find((d) => codeOf(d) === 'access-crm')!.range), 'none');
    assert.ok(document.isDirty);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhen(document.uri, (d) => d.length === 0);
  });

  it('starts the analysis when typing pauses, not when the delay ends', async function () {
    this.timeout(30_000);
    const api = await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate();
    const config = vscode.workspace.getConfiguration('engagementKit');
    await config.update('validation.delay', 4_000, vscode.ConfigurationTarget.Global);
    try {
      const document = await openDocument('clean.engagement.yaml');
      await diagnosticsWhen(document.uri, (d) => d.length === 0);
      const prefetched = (): number => api.meter.report().countsByLabel['prefetch document'] ?? 0;
      const before = prefetched();
      const delayedBefore = api.diagnosticLatencies.count;
      const offset = document.getText().indexOf('crm: full') + 'crm: '.length;
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 4)), 'none'));
      // The thread is asked at the first pause: before the 4 s delay has published anything,
      // told by the order of the two events rather than by a clock a busy machine would stretch.
      let delayedWhenAsked = -1;
      await until(() => {
        if (prefetched() === before) return false;
        delayedWhenAsked = api.diagnosticLatencies.count;
        return true;
      }, 'the analysis started at the pause', 15_000);
      assert.equal(delayedWhenAsked, delayedBefore, 'asked before the delay ended');
      // The diagnostics follow (the workspace index's own refresh may publish them before the delay does).
      await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'access-crm'), 15_000);
    } finally {
      await config.update('validation.delay', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('clears diagnostics when the file is deleted', async () => {
    const uri = fileUri('doomed.engagement.yaml');
    // A copy with an id of its own: engagement ids are unique in a workspace.
    const findings = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('findings.engagement.yaml'))).replace('id: other-cro', 'id: doomed');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(findings));
    await openDocument('doomed.engagement.yaml');
    await diagnosticsWhen(uri, (d) => d.length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhen(uri, (d) => d.length === 0);
  });

  it('leaves plain YAML files alone', async () => {
    const document = await openDocument('plain.yaml');
    assert.equal(document.languageId, 'yaml');
    const diagnostics = await diagnosticsWhen(document.uri, () => true);
    assert.deepEqual(diagnostics.filter((d) => d.source === 'engagement'), []);
  });
});
