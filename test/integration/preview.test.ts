import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateEngagement } from '../../bench/generate';
import type { EngagementKitApi } from '../../src/extension/extension';
import type { PreviewPanel } from '../../src/extension/preview/previewPanel';
import { EXTENSION_ID, fileUri, openDocument } from './helpers';

let api: EngagementKitApi;

/** Resolves once the preview reports a render that `accept` likes (event-driven, with a deadline). */
function renderedWhen(preview: PreviewPanel, accept: (r: NonNullable<PreviewPanel['lastRendered']>) => boolean, timeoutMs = 15_000): Promise<NonNullable<PreviewPanel['lastRendered']>> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const r = preview.lastRendered;
      if (!r || !accept(r)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(r);
      return true;
    };
    const subscription = preview.onDidRender(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the preview did not render as expected; last: ${JSON.stringify(preview.lastRendered)}`));
    }, timeoutMs);
    check();
  });
}

async function replaceInEditor(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = document.getText().indexOf(from);
  assert.ok(start >= 0, `${from} is in the document`);
  const before = document.version;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  assert.ok(document.version > before, `the document changed (v${before} → v${document.version})`);
}

/** Milliseconds from an edit to the preview showing it, as seen by the webview. */
async function timeEditToPreview(document: vscode.TextDocument, preview: PreviewPanel, fromTitle: string, toTitle: string): Promise<number> {
  const started = performance.now();
  await replaceInEditor(document, `title: ${fromTitle}`, `title: ${toTitle}`);
  const version = document.version;
  await renderedWhen(preview, (r) => r.version >= version && r.title === toTitle);
  // Taken when the webview's acknowledgement arrives: the promise above resolves in that task.
  return performance.now() - started;
}

describe('live preview', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<EngagementKitApi>(EXTENSION_ID)!.activate())!;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the editor and renders the file', async () => {
    const document = await openDocument('clean.engagement.yaml');
    await vscode.commands.executeCommand('engagementKit.openPreviewToSide');
    const preview = api.previews.previewFor(document.uri)!;
    assert.ok(preview, 'a preview for the file');
    const rendered = await renderedWhen(preview, (r) => r.version === document.version);
    assert.equal(rendered.title, 'Base engagement');
    assert.equal(rendered.banner, false);
    assert.equal(preview.panel.viewColumn, vscode.ViewColumn.Two);
  });

  it('updates as the file is edited, unsaved, and keeps the last good render while it is broken', async () => {
    const document = await openDocument('clean.engagement.yaml');
    await vscode.commands.executeCommand('engagementKit.openPreviewToSide');
    const preview = api.previews.previewFor(document.uri)!;
    await renderedWhen(preview, (r) => r.version === document.version);
    const ms = await timeEditToPreview(document, preview, 'Base engagement', 'Edited live');
    console.log(`[engagement-test]       edit → preview (example, ${document.lineCount} lines): ${ms.toFixed(0)} ms`);
    await replaceInEditor(document, 'format: engagement/v1', 'format: [engagement/v1');
    const broken = await renderedWhen(preview, (r) => r.version === document.version);
    assert.equal(broken.banner, true);
    assert.equal(broken.title, 'Edited live', 'the last good render stays');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('updates a 2,000-line engagement (timed)', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('clean.engagement.yaml')));
    const uri = fileUri('large.engagement.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(generateEngagement(base.replace('status: active', 'status: draft').replace('id: base-cro', 'id: large'), 2000)));
    const document = await openDocument('large.engagement.yaml');
    assert.ok(document.lineCount >= 2000);
    await vscode.commands.executeCommand('engagementKit.openPreviewToSide');
    const preview = api.previews.previewFor(document.uri)!;
    await renderedWhen(preview, (r) => r.version === document.version);
    const times: number[] = [];
    let previous = 'Base engagement';
    for (const title of ['Large one', 'Large two', 'Large three']) {
      times.push(await timeEditToPreview(document, preview, previous, title));
      previous = title;
    }
    console.log(`[engagement-test]       edit → preview (${document.lineCount} lines): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('follows the active engagement editor unless locked', async () => {
    const clean = await openDocument('clean.engagement.yaml');
    await vscode.commands.executeCommand('engagementKit.openPreviewToSide');
    const preview = api.previews.previewFor(clean.uri)!;
    await renderedWhen(preview, (r) => r.title === 'Base engagement');
    const findings = await vscode.workspace.openTextDocument(fileUri('findings.engagement.yaml'));
    await vscode.window.showTextDocument(findings, vscode.ViewColumn.One);
    await renderedWhen(preview, (r) => r.title === 'Engagement with findings');
    assert.equal(preview.uri.toString(), findings.uri.toString());
    preview.setLocked(true);
    await vscode.window.showTextDocument(clean, vscode.ViewColumn.One);
    assert.equal(preview.uri.toString(), findings.uri.toString(), 'a locked preview stays');
    assert.match(preview.panel.title, /^\[Locked\]/);
  });

  it('exports a self-contained HTML file, with fees and notes left out and checks added on request', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('clean.engagement.yaml')));
    const source = fileUri('fees.engagement.yaml');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(text.replace('status: active', 'status: draft').replace('id: base-cro', 'id: fees-export').replace('mandate:', 'fees: { rate: { amount: 2000, per: day } }\nnotes: internal only\nmandate:')));
    const full = fileUri('export-full.html');
    const client = fileUri('export-client.html');
    await vscode.commands.executeCommand('engagementKit.exportHtml', source, { target: full, redact: [], includeChecks: true });
    await vscode.commands.executeCommand('engagementKit.exportHtml', source, { target: client, redact: ['fees', 'notes'] });
    const fullHtml = new TextDecoder().decode(await vscode.workspace.fs.readFile(full));
    const clientHtml = new TextDecoder().decode(await vscode.workspace.fs.readFile(client));
    assert.match(fullHtml, /Estimated monthly cost/);
    assert.match(fullHtml, /internal only/);
    assert.doesNotMatch(clientHtml, /Estimated monthly cost|internal only/);
    assert.match(fullHtml, /<h2>Checks<\/h2>/, 'the checks, when asked for');
    assert.doesNotMatch(clientHtml, /id="findings"/, "a client copy leaves the team's findings out");
    assert.match(clientHtml, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(clientHtml, /<script/);
    for (const uri of [source, full, client]) await vscode.workspace.fs.delete(uri);
  });

  it('exports a copy in the consultancy\'s look as HTML and as a PDF, leaving out what .engagementrc.yaml calls internal', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('clean.engagement.yaml')));
    const folder = fileUri('branded');
    const write = (name: string, content: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(content));
    await write('.engagementrc.yaml', "export:\n  logo: logo.svg\n  accent: '#0a7d5a'\n  internal: [access, kpis.*.source, executive.email]\n");
    // A logo with a script: the copy keeps its shapes only.
    await write('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0a7d5a"/><script>alert(1)</script></svg>');
    const branded = text
      .replace('status: active', 'status: draft')
      .replace('id: base-cro', 'id: branded-copy')
      .replace('mandate:', 'access: { crm: full, financials: [cap-table-secrets] }\nfees: { rate: { amount: 2000, per: day } }\nmandate:');
    await write('branded.engagement.yaml', branded);
    const source = vscode.Uri.joinPath(folder, 'branded.engagement.yaml');
    try {
      const htmlTarget = vscode.Uri.joinPath(folder, 'copy.html');
      await vscode.commands.executeCommand('engagementKit.exportHtml', source, { target: htmlTarget, redact: ['internal'] });
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlTarget));
      const logo = /src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/.exec(html);
      assert.ok(logo, 'the logo is in the page as data');
      const svg = Buffer.from(logo[1]!, 'base64').toString('utf8');
      assert.match(svg, /<rect/);
      assert.doesNotMatch(svg, /script|alert/, 'and keeps nothing that runs');
      assert.match(html, /#0a7d5a/, 'the accent colours the page');
      assert.doesNotMatch(html, /cap-table-secrets|Estimated monthly cost|2,000/, 'internal fields and fees are left out');
      assert.match(html, /Base Co/);

      const pdfTarget = vscode.Uri.joinPath(folder, 'copy.pdf');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('engagementKit.exportPdf', source, { target: pdfTarget, redact: ['internal'] });
      assert.equal(written?.toString(), pdfTarget.toString(), 'the PDF was written');
      const pdf = await vscode.workspace.fs.readFile(pdfTarget);
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      const printed = execFileSync('pdftotext', ['-layout', pdfTarget.fsPath, '-'], { encoding: 'utf8' });
      assert.match(printed, /Base Co · Base engagement/, 'each page is headed with the client and title');
      assert.match(printed, /page 1 of \d+/, 'and numbered');
      assert.doesNotMatch(printed, /cap-table-secrets|Estimated monthly cost/, 'the PDF leaves out what the HTML does');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('shows markup from every field as text, in a page with a strict CSP and a fresh nonce', async () => {
    const fixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'hostile.engagement.yaml');
    const uri = fileUri('hostile.engagement.yaml');
    await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.file(fixture)));
    try {
      const document = await openDocument('hostile.engagement.yaml');
      const nonces: string[] = [];
      for (let opening = 0; opening < 2; opening++) {
        await vscode.commands.executeCommand('engagementKit.openPreviewToSide');
        const preview = api.previews.previewFor(document.uri)!;
        // The webview reports its heading's textContent: the script payload, as text.
        const rendered = await renderedWhen(preview, (r) => r.version === document.version);
        assert.equal(rendered.title, "<script>window.__pwned = 'title'</script> Hostile & Co");
        const { webview } = preview.panel;
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(webview.html);
        assert.ok(csp, 'the page has a CSP');
        const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp[1]!)?.[1];
        assert.ok(nonce && Buffer.from(nonce, 'base64').length === 16, `a 128-bit nonce: ${csp[1]}`);
        assert.equal(csp[1], `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`);
        assert.deepEqual([...webview.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0].includes(`nonce="${nonce}"`)), [true], 'one script, ours');
        assert.doesNotMatch(webview.html, /unsafe-inline|unsafe-eval|\shref=/);
        // The one URL in the page is our script, served from the extension through the webview.
        assert.deepEqual(
          [...webview.html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]),
          [webview.asWebviewUri(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'dist', 'webview', 'preview.js')).toString()],
        );
        const roots = webview.options.localResourceRoots ?? [];
        assert.deepEqual(roots.map((r) => r.path.split('/').slice(-2).join('/')), ['dist/webview'], 'the webview may load only our bundle');
        assert.equal(webview.options.enableForms, false);
        assert.ok(!webview.options.enableCommandUris, 'no command links');
        nonces.push(nonce);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await openDocument('hostile.engagement.yaml');
      }
      assert.notEqual(nonces[0], nonces[1], 'each page gets its own nonce');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
