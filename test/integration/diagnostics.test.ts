import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, diagnosticsWhen, fileUri, openDocument, revertAll } from './helpers';

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

  it('throttles while typing, and publishes for the text typed last', async function () {
    this.timeout(30_000);
    const config = vscode.workspace.getConfiguration('engagementKit');
    await config.update('validation.delay', 1_000, vscode.ConfigurationTarget.Global);
    // A copy of its own: the workbench may save an edited file on its own after a second.
    const uri = fileUri('throttled.engagement.yaml');
    const clean = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('clean.engagement.yaml')));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(clean.replace('id: base-cro', 'id: throttled').replace('status: active', 'status: draft')));
    try {
      const document = await openDocument('throttled.engagement.yaml');
      await diagnosticsWhen(document.uri, (d) => d.length === 0);
      const editor = vscode.window.activeTextEditor!;
      const replaceCrm = async (from: string, to: string): Promise<void> => {
        const offset = document.getText().indexOf(`crm: ${from}`) + 'crm: '.length;
        assert.ok(await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to)));
      };
      await replaceCrm('full', 'none');
      await replaceCrm('none', 'view');
      const version = document.version;
      // Whatever was published in between, what stays is the last text's: `view`, at its place.
      const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'access-crm' && document.version === version && document.getText(x.range) === 'view'), 15_000);
      assert.match(diagnostics.find((d) => codeOf(d) === 'access-crm')!.message, /^View-only CRM access/);
    } finally {
      await config.update('validation.delay', undefined, vscode.ConfigurationTarget.Global);
      await revertAll();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
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
