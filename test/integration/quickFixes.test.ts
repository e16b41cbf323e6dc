import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, diagnosticsWhen, fileUri } from './helpers';

/** Writes `text` to a new file, waits for `ruleId`, applies the fix titled like `title`, returns the text. */
async function applyFix(name: string, text: string, ruleId: string, title: RegExp): Promise<string> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === ruleId));
  const target = diagnostics.find((d) => codeOf(d) === ruleId)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `a fix matching ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  const fixed = document.getText();
  // Leave nothing dirty: a dirty copy can be saved again after the test deletes the file,
  // and then shows up in later windows' Engagements view.
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false);
  return fixed;
}

describe('quick fixes in the editor', () => {
  let base = '';
  before(async () => {
    await activateExtension();
    base = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('clean.engagement.yaml')));
    // Drafts, so these copies of one executive's engagement do not add up in the portfolio.
    base = base.replace('status: active', 'status: draft').replace('id: base-cro', 'id: quick-fix-copy').replace('access:\n', '# reach: people and data\naccess:   # agreed in the kickoff\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['key', 'enum', 'kpi', 'crm', 'area', 'disable']) await vscode.workspace.fs.delete(fileUri(`fix-${name}.engagement.yaml`));
  });

  it('unknown key → the closest known key', async () => {
    const broken = base.replace('    target: 300\n', '    targt: 300\n');
    assert.equal(await applyFix('fix-key.engagement.yaml', broken, 'schema', /Change to `target`/), base);
  });

  it('bad enum value → the closest allowed value', async () => {
    const broken = base.replace('status: draft', 'status: drfat');
    assert.equal(await applyFix('fix-enum.engagement.yaml', broken, 'schema', /Change to `draft`/), base);
  });

  it('kpi-not-measurable → the missing fields as placeholders', async () => {
    const broken = base.replace('    baseline: 50\n    target: 80\n', '');
    const expected = broken.replace('    by: day 90\n', '    by: day 90\n    baseline: 0\n    target: 0\n');
    assert.equal(await applyFix('fix-kpi.engagement.yaml', broken, 'kpi-not-measurable', /Add `baseline`, `target`/), expected);
  });

  it('access-crm → full', async () => {
    const broken = base.replace('crm: full', 'crm: view');
    assert.equal(await applyFix('fix-crm.engagement.yaml', broken, 'access-crm', /full CRM/), base);
  });

  it('authority-area-missing → the area with a row skeleton', async () => {
    const broken = base.replace('  strategy:\n    - id: icp\n      decision: Ideal customer profile\n      exec: recommend\n      ceo: decide\n', '');
    const expected = broken.replace('      exec: decide\n# reach', '      exec: decide\n  strategy:\n    - decision: What is decided\n      exec: decide\n# reach');
    assert.equal(await applyFix('fix-area.engagement.yaml', broken, 'authority-area-missing', /Add the `strategy` area/), expected);
  });

  it('any finding → disable it for this line', async () => {
    const broken = base.replace('crm: full', 'crm: view');
    const expected = broken.replace('  crm: view\n', '  # engagement-disable-next-line access-crm\n  crm: view\n');
    assert.equal(await applyFix('fix-disable.engagement.yaml', broken, 'access-crm', /Disable `access-crm`/), expected);
  });
});
