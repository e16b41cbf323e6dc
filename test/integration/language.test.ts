import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openDocument, revertAll } from './helpers';

/** Position of the `|` in `marked`, which must occur once in the document (without the bar). */
function positionOf(document: vscode.TextDocument, marked: string): vscode.Position {
  const cursor = marked.indexOf('|');
  const needle = marked.replace('|', '');
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} is in ${document.uri.path}`);
  return document.positionAt(index + cursor);
}

async function editedDocument(from: string, to: string): Promise<vscode.TextDocument> {
  const document = await openDocument('clean.engagement.yaml');
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0);
  const editor = vscode.window.activeTextEditor!;
  await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to));
  return document;
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<{ label: string; kind?: vscode.CompletionItemKind }[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((i) => ({ label: typeof i.label === 'string' ? i.label : i.label.label, kind: i.kind }));
}

describe('editing features in the editor', () => {
  before(activateExtension);
  afterEach(revertAll);

  it('completes KPI keys, required first, without those already present', async () => {
    const document = await editedDocument('    by: day 90\n', '    by: day 90\n    \n');
    const position = positionOf(document, '    by: day 90\n    |\n');
    const items = (await completionLabels(document, position)).filter((i) => i.kind === vscode.CompletionItemKind.Property);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('unit') && labels.includes('actuals') && labels.includes('direction'), labels.join(','));
    assert.ok(!labels.includes('baseline'));
  });

  it('completes enum values and the ids the format cross-references', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const crm = (await completionLabels(document, positionOf(document, 'crm: |full'))).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(crm.map((i) => i.label), ['none', 'view', 'full']);
    const kpis = (await completionLabels(document, positionOf(document, 'kpi: |revenue, phase: execute'))).filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(kpis.map((i) => i.label), ['pipeline', 'revenue']);
  });

  it('shows the schema description on hover, and what an id refers to', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const text = async (marked: string): Promise<string> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, marked));
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    };
    assert.match(await text('ceo-one-|on-one'), /standing one-on-one with the CEO/);
    assert.match(await text('authority: [st|ages]'), /Decision\*\* `stages` \(process\): Sales stages/);
  });

  it('goes to the definition of a decision and finds the references of a KPI', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'authority: [st|ages]'));
    assert.equal(definitions.length, 1);
    assert.equal(definitions[0]!.range.start.line, positionOf(document, '- id: |stages').line);
    assert.equal(document.getText(definitions[0]!.range), 'stages');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, '- id: pi|peline'));
    assert.equal(references.length, 3);
  });

  it('renames a phase id everywhere it is used', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const before = document.getText();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '- id: bu|ild'), 'construct');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const expected = before.replace('- id: build\n', '- id: construct\n').replace(/phase: build \}/g, 'phase: construct }');
    assert.notEqual(expected, before);
    assert.equal(document.getText(), expected);
  });

  it('gives the outline with KPIs and phases by name', async () => {
    const document = await openDocument('clean.engagement.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const kpis = symbols.find((s) => s.name === 'kpis')!;
    assert.deepEqual(kpis.children.map((c) => c.name), ['Qualified pipeline', 'Revenue']);
    const plan = symbols.find((s) => s.name === 'plan')!;
    assert.deepEqual(plan.children.map((c) => c.name), ['diagnostic', 'build', 'execute']);
  });
});
