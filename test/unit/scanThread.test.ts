import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, cardOf } from '../../src/core';
import { findFiles } from '../../src/cli/findFiles';
import { ScanClient, toAnalysis } from '../../src/extension/scan/scanClient';
import { answerQuery, type AnswerTo, type DocumentQuery } from '../../src/extension/scan/documentQueries';
import type { OutlinedFile } from '../../src/extension/scan/scanProtocol';
import { generateEngagement } from '../../bench/generate';
import { writeWorkspace } from '../../bench/workspace';
import { ROOT } from './helpers';
import { scratchFolder } from './scratchFolders';

const TODAY = '2026-03-01';
const SCRIPT = path.join(ROOT, 'dist', 'scanWorker.js');

/** A value as JSON keeps it: what a card read back from the cache is compared by. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

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
      // Each file comes as the card of its analysis.
      assert.deepStrictEqual(file.card, cardOf(analyze(file.text, { today: TODAY })), file.file);
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

  it('keeps the cards between scans, and reads again only the files whose text changed', async () => {
    const dir = scratchFolder('engagement-cards-');
    const cacheFile = path.join(scratchFolder('engagement-storage-'), 'workspace', 'cards.json');
    const examples = yamlFiles(path.join(ROOT, 'examples'));
    examples.forEach((file, i) => fs.copyFileSync(file, path.join(dir, `e${i}.engagement.yaml`)));
    const scan = async (): Promise<{ files: OutlinedFile[]; reused: number | undefined }> => {
      // A new thread each time, as a new session has: only the file carries the cards over.
      const session = new ScanClient(SCRIPT, cacheFile);
      try {
        const files: OutlinedFile[] = [];
        let reused: number | undefined;
        assert.equal(await session.outlineFolders([dir], TODAY, (batch, info) => (files.push(...batch), (reused = info.reusedCards ?? reused))), true);
        // The thread saves the cards right after the last batch; its next answer comes after that.
        await session.analyzeFile(files[0]!.file, {}, TODAY);
        return { files: files.sort((a, b) => a.file.localeCompare(b.file)), reused };
      } finally {
        session.dispose();
      }
    };
    const cold = await scan();
    assert.equal(cold.reused, 0, 'a first scan has nothing cached');
    assert.ok(fs.existsSync(cacheFile), 'the cards are saved');
    const warm = await scan();
    assert.equal(warm.reused, examples.length, 'every card from the cache');
    // The same cards, except that a card kept as JSON has no properties whose value is undefined.
    assert.deepStrictEqual(asJson(warm.files), asJson(cold.files), 'cached cards are the cards the files give');

    // One file changes (a different executive), one goes: only the changed one is read again.
    const [changed, gone] = [path.join(dir, 'e0.engagement.yaml'), path.join(dir, 'e1.engagement.yaml')];
    const text = fs.readFileSync(changed, 'utf8');
    assert.match(text, /^ {2}name: .+$/m);
    fs.writeFileSync(changed, text.replace(/^( {2}name: ).+$/m, '$1Someone Else'));
    fs.rmSync(gone);
    const after = await scan();
    assert.equal(after.reused, examples.length - 2);
    for (const file of after.files) {
      assert.ok('text' in file);
      assert.deepStrictEqual(asJson(file.card), asJson(cardOf(analyze(file.text, { today: TODAY }))), file.file);
    }
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { cards: Record<string, unknown> };
    assert.deepEqual(Object.keys(stored.cards).sort(), after.files.map((f) => f.file).sort(), 'files gone are dropped from the cache');
  });

  it('reads every file when the cache is malformed, and mends it', async () => {
    const dir = scratchFolder('engagement-cards-');
    const cacheFile = path.join(scratchFolder('engagement-storage-'), 'cards.json');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/base.engagement.yaml'), path.join(dir, 'one.engagement.yaml'));
    for (const broken of ['{"format": "engagement-kit/cards/1", "cards": ', 'null', '{"format":"engagement-kit/cards/1","build":"x","cards":{}}', '\u0000\uffff']) {
      fs.writeFileSync(cacheFile, broken);
      const session = new ScanClient(SCRIPT, cacheFile);
      try {
        let reused: number | undefined;
        const files: OutlinedFile[] = [];
        assert.equal(await session.outlineFolders([dir], TODAY, (batch, info) => (files.push(...batch), (reused = info.reusedCards ?? reused))), true);
        assert.equal(reused, 0, broken);
        assert.equal(files.length, 1);
        await session.analyzeFile(files[0]!.file, {}, TODAY); // answered once the cards are saved
      } finally {
        session.dispose();
      }
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(cacheFile, 'utf8')), 'the next save replaced it');
    }
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

  /** A document version as the host describes it to the thread. */
  const version = (uri: string, n: number, text: string, rules = {}) => ({ uri, version: n, text, rules: () => rules, today: TODAY });

  it('answers questions about open documents as the host would, from the text it was sent', async () => {
    const rules = { 'kpi-baseline': 'warning' } as const;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const host = analyze(text, { rules, today: TODAY });
      const uri = `file://${file}`;
      // Offsets on an id, a key, a value and outside of everything, where the file has them.
      const offsets = [text.indexOf('id: ') + 5, text.indexOf('kpis:'), text.indexOf('status:') + 9, text.length].filter((o) => o > 0 && o <= text.length);
      const queries: DocumentQuery[] = [
        { kind: 'summary' },
        { kind: 'symbols' },
        { kind: 'preview' },
        { kind: 'quickFixes', shown: host.findings.map((f) => ({ ruleId: f.ruleId, start: f.range.start, end: f.range.end, message: f.message })) },
        ...offsets.flatMap((offset): DocumentQuery[] => [
          { kind: 'hover', offset },
          { kind: 'definitions', offset },
          { kind: 'references', offset, includeDeclaration: false },
          { kind: 'renameTarget', offset },
          { kind: 'rename', offset, newName: 'renamed-id' },
        ]),
      ];
      for (const query of queries) {
        const answered = await client.askDocument(version(uri, 1, text, rules), query);
        assert.ok(answered && answered !== 'superseded', `${file}: ${query.kind} unanswered`);
        const lastGood = host.model && !host.syntaxBroken ? host : undefined;
        assert.deepStrictEqual(answered.answer, answerQuery(query, host, text, lastGood), `${file}: ${JSON.stringify(query)}`);
      }
      client.forgetDocument(uri);
    }
  });

  /** The thread's answer about a document version, which must come. */
  async function answerOf<Q extends DocumentQuery>(document: ReturnType<typeof version>, query: Q): Promise<AnswerTo<Q>> {
    const answered = await client.askDocument(document, query);
    assert.ok(answered && answered !== 'superseded', `${document.uri} ${document.version}: ${query.kind} unanswered (${String(answered)})`);
    return answered.answer;
  }

  it('answers for the version it was last sent, with the settings it was sent with', async () => {
    const uri = 'untitled:versions';
    const text = fs.readFileSync(path.join(ROOT, 'test/integration/workspace/findings.engagement.yaml'), 'utf8');
    const first = await answerOf(version(uri, 1, text), { kind: 'summary' });
    assert.ok(first.findings.length > 0, 'the file has findings to compare');
    const edited = text.replace('status: active', 'status: ???');
    const second = await answerOf(version(uri, 2, edited), { kind: 'summary' });
    assert.deepStrictEqual(second.findings, analyze(edited, { today: TODAY }).findings);
    // The same version with other settings is only sent again once told the settings changed.
    const off = Object.fromEntries(first.findings.map((f) => [f.ruleId, 'off' as const]));
    const stale = await answerOf(version(uri, 2, edited, off), { kind: 'summary' });
    assert.deepStrictEqual(stale.findings, second.findings);
    client.resyncDocuments();
    const fresh = await answerOf(version(uri, 2, edited, off), { kind: 'summary' });
    assert.deepStrictEqual(fresh.findings, analyze(edited, { rules: off, today: TODAY }).findings);
    // A version that does not parse is previewed from the last one that did.
    const good = await answerOf(version(uri, 2, edited, off), { kind: 'preview' });
    const broken = await answerOf(version(uri, 3, `${edited}\n  bad: [unclosed\n`), { kind: 'preview' });
    assert.equal(good.fromLastGood, false);
    assert.deepStrictEqual(broken, { html: good.html, fromLastGood: true });
    client.forgetDocument(uri);
  });

  it('does not answer for a version that a newer one replaced before the question was reached', async () => {
    const uri = 'untitled:superseded';
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/base.engagement.yaml'), 'utf8');
    // A long document keeps the thread busy, so both versions reach it before it takes up the first question.
    const busy = client.askDocument(version('untitled:long', 1, generateEngagement(text, 5_000)), { kind: 'summary' });
    const old = client.askDocument(version(uri, 1, text), { kind: 'symbols' });
    const current = client.askDocument(version(uri, 2, `${text}# edited\n`), { kind: 'symbols' });
    assert.equal(await old, 'superseded');
    const answered = await current;
    assert.ok(answered && answered !== 'superseded' && answered.answer.length > 0);
    assert.ok(await busy);
    client.forgetDocument(uri);
    client.forgetDocument('untitled:long');
  });

  it('answers a document question between steps of a workspace scan, not after it', async function () {
    this.timeout(60_000);
    const dir = scratchFolder('engagement-priority-');
    writeWorkspace(dir, 300, ['examples'].flatMap((d) => yamlFiles(path.join(ROOT, d))).map((f) => fs.readFileSync(f, 'utf8')));
    const text = generateEngagement(fs.readFileSync(path.join(ROOT, 'test/fixtures/base.engagement.yaml'), 'utf8'), 1_000);
    let batches = 0;
    let batchesWhenAnswered = -1;
    const scan = client.outlineFolders([dir], TODAY, () => batches++);
    const question = client.askDocument(version('untitled:during-scan', 1, text), { kind: 'symbols' }).then((answered) => {
      batchesWhenAnswered = batches;
      return answered;
    });
    assert.equal(await scan, true);
    const answered = await question;
    assert.ok(answered && answered !== 'superseded' && answered.answer.length > 0, 'the question was answered');
    assert.ok(batches > 3, `${batches} batches: too few to tell the order`);
    assert.ok(batchesWhenAnswered >= 0 && batchesWhenAnswered < batches / 2, `answered after ${batchesWhenAnswered} of ${batches} batches`);
    client.forgetDocument('untitled:during-scan');
  });

  it('leaves the work to the host when the thread cannot run', async () => {
    const broken = new ScanClient(path.join(os.tmpdir(), 'no-such-scan-worker.js'));
    try {
      assert.equal(await broken.askDocument(version('untitled:broken', 1, 'format: engagement/v1\n'), { kind: 'summary' }), undefined);
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined);
      assert.equal(await broken.analyzeFile(files[0]!, {}, TODAY), undefined, 'a broken thread is not started again');
      assert.equal(await broken.outlineFolders([path.join(ROOT, 'examples')], TODAY, () => assert.fail('no files from a broken thread')), false);
    } finally {
      broken.dispose();
    }
  });
});
