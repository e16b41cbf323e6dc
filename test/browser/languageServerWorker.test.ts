/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface PageLsp {
  files: Map<string, string>;
  diagnostics(uri: string): { diagnostics: { range: { start: { line: number; character: number } }; code?: string; message: string }[] } | undefined;
  workspaceStates(): { ready: boolean; checked: boolean; files: number }[];
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): Promise<void>;
}

/**
 * The browser build of the server (dist/web/server.js, what vscode.dev runs) in Chromium's
 * Web Worker, driven over its worker transport by a language client in the page. No Node
 * API is there to lean on: the workspace is read through the client, as in the editor.
 */
describe('the language server in a browser Web Worker', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: http.Server;
  let page: Page;
  let origin: string;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-worker-'));
  const outside: string[] = [];

  before(async () => {
    await esbuild.build({ entryPoints: [path.join(ROOT, 'test', 'browser', 'workerClient.ts')], outfile: path.join(scratch, 'client.js'), bundle: true, platform: 'browser', format: 'iife', logLevel: 'warning' });
    const served: Record<string, string> = {
      '/': '<!DOCTYPE html><meta charset="utf-8"><title>worker</title><script src="/client.js"></script>',
      '/client.js': path.join(scratch, 'client.js'),
      '/server.js': path.join(ROOT, 'dist', 'web', 'server.js'),
    };
    server = http.createServer((request, response) => {
      const target = served[request.url ?? ''];
      if (!target) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': request.url === '/' ? 'text/html' : 'text/javascript' });
      response.end(request.url === '/' ? target : fs.readFileSync(target));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) outside.push(r.url());
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('checks an open document, completes values and lists the workspace read through the client', async () => {
    const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'base.engagement.yaml'), 'utf8');
    const text = base.replace('crm: full', 'crm: view');
    const lines = text.split('\n');
    const crmLine = lines.findIndex((l) => l.includes('crm: view'));
    const crmColumn = lines[crmLine]!.indexOf('view');
    const result = await page.evaluate(
      async ({ text, other, crmLine, crmColumn }) => {
        const lsp = (window as unknown as { lsp: PageLsp }).lsp;
        const uri = 'vscode-vfs://github/acme/engagements/acme-cro.engagement.yaml';
        lsp.files.set('vscode-vfs://github/acme/engagements/other.engagement.yaml', other);
        await lsp.request('initialize', { processId: null, rootUri: 'vscode-vfs://github/acme/engagements', workspaceFolders: [{ uri: 'vscode-vfs://github/acme/engagements', name: 'engagements' }], capabilities: { workspace: { configuration: true } } });
        await lsp.notify('initialized', {});
        await lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'engagement', version: 1, text } });
        const deadline = Date.now() + 20_000;
        const settle = async (done: () => boolean): Promise<void> => {
          while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        };
        await settle(() => (lsp.diagnostics(uri)?.diagnostics.length ?? 0) > 0);
        const completion = (await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: crmLine, character: crmColumn } })) as { label: string }[];
        await settle(() => lsp.workspaceStates().some((s) => s.checked));
        const roots = (await lsp.request('engagementKit/treeChildren', {})) as { label: string }[];
        return { diagnostics: lsp.diagnostics(uri)?.diagnostics ?? [], completion: completion.map((c) => c.label), roots: roots.map((r) => r.label) };
      },
      { text, other: base.replace('id: base-cro', 'id: other').replace('title: Base engagement', 'title: Other engagement'), crmLine, crmColumn },
    );
    const crm = result.diagnostics.find((d) => d.code === 'access-crm');
    assert.ok(crm, JSON.stringify(result.diagnostics));
    assert.deepEqual(crm.range.start, { line: crmLine, character: crmColumn });
    assert.deepEqual([...result.completion].sort(), ['full', 'none', 'view']);
    assert.deepEqual([...result.roots].sort(), ['Base engagement', 'Other engagement']);
    assert.deepEqual(outside, [], 'no request left the page');
  });
});
