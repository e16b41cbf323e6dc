import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE, edit } from './helpers';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { LspSession } from './lspClient';
import { scratchFolder } from './scratchFolders';

/** The clean fixture with a CRM grant the access rule reports, at a known place. */
const WITH_FINDING = edit(BASE, 'crm: full', 'crm: view');

function positionOf(text: string, marked: string): { line: number; character: number } {
  const at = text.indexOf(marked.replace('|', '')) + marked.indexOf('|');
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('the language server over stdio (engagement lsp --stdio)', function () {
  this.timeout(60_000);
  let session: LspSession;
  let folder: string;

  beforeEach(() => {
    folder = scratchFolder('engagement-lsp-');
  });
  afterEach(async () => {
    await session?.close();
  });

  it('says what it offers, and publishes versioned diagnostics at their exact ranges', async () => {
    session = new LspSession(folder);
    const { capabilities } = await session.initialize();
    for (const feature of ['completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider']) {
      assert.ok(capabilities[feature], feature);
    }
    const uri = session.open('a.engagement.yaml', WITH_FINDING, 7);
    const published = await session.diagnosticsWhen(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.version, 7);
    const crm = published.diagnostics.find((d) => d.code === 'access-crm')!;
    assert.deepEqual(crm.range, { start: positionOf(WITH_FINDING, '|view'), end: positionOf(WITH_FINDING, 'view|') });
    assert.equal(crm.source, 'engagement');
    assert.match(crm.codeDescription!.href, /docs\/rules\/access-crm\.md$/);
    // A new version: its diagnostics, and only its, once the throttle has passed.
    session.change(uri, 8, BASE);
    const fixed = await session.diagnosticsWhen(uri, (p) => p.version === 8);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('answers completion, hover, definition, references, symbols and folding', async () => {
    session = new LspSession(folder);
    await session.initialize();
    const uri = session.open('a.engagement.yaml', BASE);
    const at = (marked: string) => ({ textDocument: { uri }, position: positionOf(BASE, marked) });
    const completion = await session.connection.sendRequest<{ label: string }[]>('textDocument/completion', at('  crm: |full'));
    assert.deepEqual(completion.map((c) => c.label).sort(), ['full', 'none', 'view']);
    const hover = await session.connection.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', at('  c|rm: full'));
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /CRM/);
    const definition = await session.connection.sendRequest<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', at('phase: bu|ild }'));
    assert.equal(definition.length, 1);
    assert.equal(definition[0]!.range.start.line, positionOf(BASE, '- id: |build').line);
    const references = await session.connection.sendRequest<unknown[]>('textDocument/references', { ...at('- id: bu|ild'), context: { includeDeclaration: true } });
    assert.ok(references.length >= 3, `${references.length} references`);
    const symbols = await session.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s) => s.name === 'kpis'));
    const folds = await session.connection.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === positionOf(BASE, '|kpis:').line && f.endLine > f.startLine));
  });

  it('renames an id everywhere, refuses what is not one with a message, and offers quick fixes', async () => {
    session = new LspSession(folder);
    await session.initialize();
    const text = edit(BASE, 'crm: full', 'crm: fulll');
    const uri = session.open('a.engagement.yaml', text);
    const rename = await session.connection.sendRequest<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, '- id: bu|ild'), newName: 'construct' });
    assert.ok(rename.changes[uri]!.length >= 3);
    assert.ok(rename.changes[uri]!.every((e) => e.newText === 'construct'));
    await assert.rejects(session.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text, 'tit|le: Base') }), (err: Error) => err.message.length > 10);
    const published = await session.diagnosticsWhen(uri, (p) => p.diagnostics.length > 0);
    const typo = published.diagnostics.find((d) => d.code === 'schema')!;
    const actions = await session.connection.sendRequest<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    assert.ok(actions.some((a) => a.edit.changes[uri]!.some((e) => e.newText === 'full')), JSON.stringify(actions.map((a) => a.title)));
  });

  it('answers nothing about a version it no longer has', async () => {
    session = new LspSession(folder);
    await session.initialize();
    const uri = session.open('a.engagement.yaml', BASE, 1);
    session.change(uri, 2, WITH_FINDING);
    assert.equal(await session.connection.sendRequest('engagementKit/preview', { uri, version: 1 }), null);
    const preview = await session.connection.sendRequest<{ html: string }>('engagementKit/preview', { uri, version: 2 });
    assert.match(preview.html, /Base engagement/);
  });

  it('answers a request the client cancelled while it waited as cancelled', async () => {
    // The server asks the client for the file's settings before it analyzes; the answer is
    // held until the request has been cancelled, so the cancellation reaches the server first.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    session = new LspSession(folder, () => held.then(() => null));
    await session.initialize();
    const uri = session.open('a.engagement.yaml', BASE);
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    // A request the other way, answered in order, tells that the cancellation has been read.
    await session.connection.sendRequest('engagementKit/roleTemplates');
    release();
    await assert.rejects(pending, (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled);
  });

  it('reads the workspace: the tree, the portfolio across files, and files created later', async () => {
    const pat = edit(edit(BASE, 'name: Alex Doe', 'name: Pat Lee'), 'days-per-week: 2', 'days-per-week: 3');
    fs.writeFileSync(path.join(folder, 'a.engagement.yaml'), edit(pat, 'id: base-cro', 'id: pat-a'));
    fs.writeFileSync(path.join(folder, 'b.engagement.yaml'), edit(pat, 'id: base-cro', 'id: pat-b'));
    session = new LspSession(folder);
    await session.initialize();
    await session.until(() => (session.workspaceChanges.some((s) => s.checked) ? true : undefined), 'the first scan');
    const roots = await session.connection.sendRequest<{ label: string; id: string }[]>('engagementKit/treeChildren', {});
    assert.equal(roots.length, 2);
    const groups = await session.connection.sendRequest<{ label: string }[]>('engagementKit/treeChildren', { parent: roots[0]!.id });
    assert.deepEqual(groups.map((g) => g.label).slice(0, 3), ['Phases', 'KPIs', 'Authority']);
    const uri = session.open('a.engagement.yaml', edit(pat, 'id: base-cro', 'id: pat-a'));
    const published = await session.diagnosticsWhen(uri, (p) => p.diagnostics.some((d) => d.code === 'portfolio-overcommitted'));
    assert.match(String(published.diagnostics.find((d) => d.code === 'portfolio-overcommitted')!.message), /`pat-b` \(b\.engagement\.yaml/);
    fs.writeFileSync(path.join(folder, 'c.engagement.yaml'), edit(BASE, 'id: base-cro', 'id: other'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('c.engagement.yaml'), type: 1 }] });
    await session.until(() => (session.workspaceChanges.at(-1)?.files === 3 ? true : undefined), 'the created file read');
    const after = await session.connection.sendRequest<{ label: string }[]>('engagementKit/treeChildren', {});
    assert.equal(after.length, 3);
  });

  it('reads files through the client where it cannot read them itself (a browser)', async () => {
    const asked: string[] = [];
    const files = new Map([['file:///virtual/x.engagement.yaml', BASE]]);
    session = new LspSession(folder, () => null, (connection) => {
      connection.onRequest('engagementKit/fs/findEngagementFiles', () => [...files.keys()]);
      connection.onRequest('engagementKit/fs/readFile', ({ uri }: { uri: string }) => {
        asked.push(uri);
        return files.get(uri) ?? null;
      });
    });
    await session.initialize({ filesThroughClient: true });
    await session.until(() => (session.workspaceChanges.some((s) => s.checked) ? true : undefined), 'the first scan');
    const roots = await session.connection.sendRequest<{ label: string }[]>('engagementKit/treeChildren', {});
    assert.deepEqual(roots.map((r) => r.label), ['Base engagement']);
    assert.ok(asked.includes('file:///virtual/x.engagement.yaml'));
  });

  it("applies the editor's rule settings over .engagementrc.yaml", async () => {
    fs.writeFileSync(path.join(folder, '.engagementrc.yaml'), 'rules:\n  access-crm: error\n');
    session = new LspSession(folder, () => ({ rules: { 'kpi-not-measurable': 'off' } }));
    await session.initialize();
    const uri = session.open('a.engagement.yaml', edit(WITH_FINDING, '    target: 300\n', ''));
    const published = await session.diagnosticsWhen(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.diagnostics.find((d) => d.code === 'access-crm')?.severity, 1);
    assert.ok(!published.diagnostics.some((d) => d.code === 'kpi-not-measurable'));
  });

  it("writes the preview's dates, numbers and money as the editor's locale setting says", async () => {
    session = new LspSession(folder, () => ({ locale: 'en-GB' }));
    await session.initialize();
    const uri = session.open('a.engagement.yaml', BASE);
    const preview = await session.connection.sendRequest<{ html: string } | null>('engagementKit/preview', { uri, version: 1 });
    assert.match(preview!.html, /5 Jan 2026 → 30 Jun 2026/);
    assert.doesNotMatch(preview!.html, /2026-01-05/);
  });
});
