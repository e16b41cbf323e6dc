import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { findFiles } from '../../src/cli/findFiles';
import { ScanClient, toAnalysis } from '../../src/extension/scan/scanClient';
import type { OutlinedFile } from '../../src/extension/scan/scanProtocol';
import { ROOT } from './helpers';
import { scratchFolder } from './scratchFolders';

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
      assert.ok(result && 'text' in result, `${file}: ${JSON.stringify(result)}`);
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

  it('outlines every engagement file below the folders, as the command line finds them', async () => {
    const roots = ['examples', 'test/integration/workspace'].map((dir) => path.join(ROOT, dir));
    const outlined: OutlinedFile[] = [];
    assert.equal(await client.outlineFolders(roots, TODAY, (batch) => outlined.push(...batch)), true);
    const expected = findFiles(roots, ROOT).files;
    assert.ok(expected.length >= 5, 'too few files to compare');
    assert.deepEqual(outlined.map((f) => f.file).sort(), expected);
    for (const file of outlined) {
      assert.ok('text' in file, `${file.file}: ${JSON.stringify(file)}`);
      assert.equal(file.text, fs.readFileSync(file.file, 'utf8').replace(/^\uFEFF/, ''), file.file);
      // The outline is the analysis without its checks.
      const host = analyze(file.text, { today: TODAY, locateSymbols: false });
      const thread = toAnalysis(file.text, file.outline);
      assert.deepStrictEqual(thread.findings, [], file.file);
      assert.deepStrictEqual(thread.model, host.model, file.file);
      assert.deepStrictEqual(thread.schedule, host.schedule, file.file);
      assert.equal(thread.syntaxBroken, host.syntaxBroken, file.file);
      assert.deepStrictEqual([...thread.sourceMap.entries()], [...analyze(file.text, { today: TODAY }).sourceMap.entries()], file.file);
    }
  });

  it('skips node_modules and .git, and does not follow links to folders', async () => {
    const dir = scratchFolder('engagement-outline-');
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/base.engagement.yaml'), 'utf8');
    for (const sub of ['a/b', 'node_modules/x', '.git/y']) {
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      fs.writeFileSync(path.join(dir, sub, 'one.engagement.yaml'), text);
    }
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'b', 'loop'));
    const outlined: OutlinedFile[] = [];
    assert.equal(await client.outlineFolders([dir], TODAY, (batch) => outlined.push(...batch)), true);
    assert.deepEqual(outlined.map((f) => path.relative(dir, f.file)), [path.join('a', 'b', 'one.engagement.yaml')]);
  });

  it('checks an outlined file with findings only, unless its text changed since', async () => {
    const dir = scratchFolder('engagement-check-');
    const file = path.join(dir, 'one.engagement.yaml');
    const text = fs.readFileSync(path.join(ROOT, 'test/integration/workspace/findings.engagement.yaml'), 'utf8');
    fs.writeFileSync(file, text);
    const other = path.join(dir, 'two.engagement.yaml');
    fs.writeFileSync(other, text);
    assert.equal(await client.outlineFolders([dir], TODAY, () => undefined), true);
    const rules = { 'kpi-baseline': 'warning' } as const;
    const same = await client.analyzeFile(file, rules, TODAY);
    assert.ok(same && 'sameAsOutline' in same, JSON.stringify(same));
    const expected = analyze(text, { rules, today: TODAY, locateSymbols: false }).findings;
    assert.ok(expected.length > 0, 'the file has findings to compare');
    assert.deepStrictEqual(same.findings, expected);
    // A second check of the same file has no outline to complete: it is whole.
    assert.ok(await client.analyzeFile(file, rules, TODAY).then((r) => r && 'text' in r));
    const changed = text.replace('status: active', 'status: draft');
    fs.writeFileSync(other, changed);
    const whole = await client.analyzeFile(other, rules, TODAY);
    assert.ok(whole && 'text' in whole && whole.text === changed, JSON.stringify(whole));
  });

  it('leaves the work to the host when the thread cannot run', async () => {
    const broken = new ScanClient(path.join(os.tmpdir(), 'no-such-scan-worker.js'));
    try {
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined);
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined, 'a broken thread is not started again');
      assert.equal(await broken.outlineFolders([path.join(ROOT, 'examples')], TODAY, () => assert.fail('no files from a broken thread')), false);
    } finally {
      broken.dispose();
    }
  });
});
