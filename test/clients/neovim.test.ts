import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NVIM = '/usr/bin/nvim';

interface Received {
  readonly received: boolean;
  readonly diagnostics: { line: number; col: number; end_col: number; message: string; code: string; severity: number; source: string }[];
  readonly completion: string[];
}

/**
 * The server with a real LSP client that is not VS Code: Neovim from Debian, headless,
 * over `engagement lsp --stdio` (test/clients/neovim.lua does the editor's part).
 */
describe('the language server in Neovim', function () {
  this.timeout(90_000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-neovim-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('gives Neovim the findings of a file at their place, and completion of allowed values', () => {
    const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'base.engagement.yaml'), 'utf8');
    const text = base.replace('crm: full', 'crm: view');
    const file = path.join(scratch, 'acme-cro.engagement.yaml');
    fs.writeFileSync(file, text);
    const lines = text.split('\n');
    const crmLine = lines.findIndex((l) => l.includes('crm: view'));
    const out = path.join(scratch, 'received.json');
    const run = spawnSync(NVIM, ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test', 'clients', 'neovim.lua')}`], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 80_000,
      env: { ...process.env, EK_FILE: file, EK_ROOT: scratch, EK_OUT: out, EK_NODE: process.execPath, EK_CLI: path.join(ROOT, 'dist', 'cli.js'), EK_LINE: String(crmLine), EK_CHARACTER: String(lines[crmLine]!.indexOf('view')) },
    });
    assert.ok(fs.existsSync(out), `Neovim wrote nothing (status ${run.status}): ${run.stderr}${run.stdout}`);
    const received = JSON.parse(fs.readFileSync(out, 'utf8')) as Received;
    assert.ok(received.received, 'diagnostics arrived');
    const crm = received.diagnostics.find((d) => d.code === 'access-crm');
    assert.ok(crm, JSON.stringify(received.diagnostics));
    assert.deepEqual([crm.line, crm.col, crm.end_col], [crmLine, lines[crmLine]!.indexOf('view'), lines[crmLine]!.indexOf('view') + 4]);
    assert.equal(crm.source, 'engagement');
    assert.equal(crm.severity, 2, 'a warning');
    assert.match(crm.message, /^View-only CRM access/);
    assert.deepEqual([...received.completion].sort(), ['full', 'none', 'view']);
  });
});
