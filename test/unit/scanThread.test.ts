import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { ScanClient, toAnalysis } from '../../src/extension/scan/scanClient';
import { ROOT } from './helpers';

const TODAY = '2026-03-01';
const SCRIPT = path.join(ROOT, 'dist', 'scanWorker.js');

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

/**
 * The extension's scan thread, run from its built file as the extension runs it (the thread
 * has no editor in it, so plain Node is the real thing here). Its analyses must be the
 * host's, and its failures must leave the host to do the work.
 */
describe('the scan thread', () => {
  const client = new ScanClient(SCRIPT);
  after(() => client.dispose());
  const files = ['examples', 'test/fixtures', 'test/integration/workspace'].flatMap((dir) => yamlFiles(path.join(ROOT, dir)));

  it('analyzes each file as the host would, source map included once filled', async () => {
    assert.ok(files.length >= 8, 'too few files to compare');
    const scanned = await Promise.all(files.map((file) => client.analyzeFile(file, { 'kpi-baseline': 'warning' }, TODAY)));
    scanned.forEach((result, i) => {
      const file = files[i]!;
      assert.ok(result && !('error' in result), `${file}: ${JSON.stringify(result)}`);
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(result.text, text.replace(/^\uFEFF/, ''), file);
      const host = analyze(result.text, { rules: { 'kpi-baseline': 'warning' }, today: TODAY, locateSymbols: false });
      const thread = toAnalysis(result.text, result.summary);
      assert.deepStrictEqual(thread.findings, host.findings, file);
      assert.deepStrictEqual(thread.model, host.model, file);
      assert.deepStrictEqual(thread.schedule, host.schedule, file);
      assert.equal(thread.syntaxBroken, host.syntaxBroken, file);
      // Top-level lookups answer without filling; then the whole map is the host's.
      assert.deepStrictEqual(thread.sourceMap.rangeOf('/commitment', 'key'), host.sourceMap.rangeOf('/commitment', 'key'), file);
      assert.equal(thread.sourceMap.filled, false, `${file}: filled by a top-level lookup`);
      assert.deepStrictEqual([...thread.sourceMap.entries()], [...analyze(result.text, { today: TODAY }).sourceMap.entries()], file);
      assert.equal(thread.lines.lineCount, host.lines.lineCount, file);
    });
  });

  it('says why a file cannot be read, and goes on with the next', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-scan-'));
    try {
      const folder = path.join(dir, 'folder.engagement.yaml');
      fs.mkdirSync(folder);
      const missing = await client.analyzeFile(path.join(dir, 'gone.engagement.yaml'), {}, TODAY);
      const isFolder = await client.analyzeFile(folder, {}, TODAY);
      assert.ok(missing && 'error' in missing && /no such file|not found/i.test(missing.error), JSON.stringify(missing));
      assert.ok(isFolder && 'error' in isFolder && /folder/.test(isFolder.error), JSON.stringify(isFolder));
      const next = await client.analyzeFile(files[0]!, {}, TODAY);
      assert.ok(next && 'text' in next);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the work to the host when the thread cannot run', async () => {
    const broken = new ScanClient(path.join(os.tmpdir(), 'no-such-scan-worker.js'));
    try {
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined);
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined, 'a broken thread is not started again');
    } finally {
      broken.dispose();
    }
  });
});
