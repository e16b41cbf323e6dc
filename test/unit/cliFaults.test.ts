import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFiles } from '../../src/cli/findFiles';
import { lintInProcess } from '../../src/cli/lintWorkers';
import { CLI, run, workspace, type JsonResult } from './cliHelpers';
import { BASE, edit } from './helpers';
import { HOSTILE_CASES } from './hostileCases';
import { MAX_FILE_BYTES } from '../../src/shared/readTextFile';

const ERROR = edit(BASE, 'status: active', 'status: actve');
/**
 * CPU time one run of the command line may take, start-up included, for the largest hostile
 * file (`--stats`; threads included). CPU time, not elapsed time: a machine busy with other
 * work stretches the second, not the first, and a runaway (a backtracking pattern, an
 * expansion) shows in both.
 */
const CPU_BOUND_MS = 15_000;
/** How long a run may last before it counts as hung: a machine's load never takes it this far. */
const HANG_MS = 60_000;
/** Peak memory of one run, as `--stats` prints it. */
const MEMORY_BOUND_MB = 400;

function peakMemory(stderr: string): number {
  const match = /peak memory (\d+) MB/.exec(stderr);
  assert.ok(match, `--stats printed: ${stderr}`);
  return Number(match[1]);
}

function cpuTime(stderr: string): number {
  const match = /cpu (\d+) ms/.exec(stderr);
  assert.ok(match, `--stats printed: ${stderr}`);
  return Number(match[1]);
}

const names = (stdout: string): string[] => (JSON.parse(stdout) as JsonResult[]).map((r) => path.basename(r.filePath));

describe('hostile input, through the command line', function () {
  this.timeout(8 * CPU_BOUND_MS);
  const dir = workspace({});
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  HOSTILE_CASES.forEach((hostile, i) => {
    it(`lints ${hostile.name}: findings on real lines, bounded time and memory`, () => {
      const file = `case-${i}.engagement.yaml`;
      const text = hostile.text();
      fs.writeFileSync(path.join(dir, file), text);
      const result = run(['lint', file, '-f', 'json', '--stats'], dir);
      if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
        assert.equal(result.code, 2, 'a file over the size limit is refused');
        assert.match(result.stderr, new RegExp(`${file}: is \\d+ MB; files over 8 MB are not read\\.`));
        assert.ok(peakMemory(result.stderr) < MEMORY_BOUND_MB, `bounded memory: ${peakMemory(result.stderr)} MB`);
        return;
      }
      assert.ok(result.code === 0 || result.code === 1, `findings, not a failure of the run: exit ${result.code}\n${result.stderr}`);
      assert.deepEqual(result.stderr.split('\n').filter((l) => l && !/^engagement: stats:/.test(l)), [], 'nothing but the stats on stderr');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const message of (JSON.parse(result.stdout) as JsonResult[])[0]!.messages) {
        assert.doesNotMatch(message.message, /^Internal error/);
        assert.ok(message.line >= 1 && message.line <= lineCount && message.column >= 1, JSON.stringify(message));
      }
      assert.ok(cpuTime(result.stderr) < CPU_BOUND_MS, `bounded CPU time: ${cpuTime(result.stderr)} ms`);
      assert.ok(peakMemory(result.stderr) < MEMORY_BOUND_MB, `bounded memory: ${peakMemory(result.stderr)} MB`);
      fs.rmSync(path.join(dir, file));
    });
  });
});

describe('the memory of a run, bounded by the file size limit', function () {
  this.timeout(8 * CPU_BOUND_MS);

  /** A file just under the size limit, in the layout that costs the most to read: a long block list of maps. */
  function largestFile(): string {
    const head = 'format: engagement/v1\nid: large\ntitle: Large\nkpis:\n  - id: k\n    name: K\n    type: lagging\n    actuals:\n';
    const item = '      - date: 2026-01-05\n        value: 12345\n        note: some words to fill the line\n';
    return head + item.repeat(Math.floor((MAX_FILE_BYTES - head.length) / item.length));
  }

  it('reads a file at the limit within the bound, and two at once with --jobs 2 within twice that', () => {
    const text = largestFile();
    assert.ok(Buffer.byteLength(text) <= MAX_FILE_BYTES && Buffer.byteLength(text) > MAX_FILE_BYTES * 0.99);
    const dir = workspace({ 'a.engagement.yaml': text, 'b.engagement.yaml': text });
    const one = run(['lint', 'a.engagement.yaml', '-f', 'json', '--stats'], dir);
    assert.ok(one.code === 0 || one.code === 1, one.stderr);
    assert.ok(peakMemory(one.stderr) < MEMORY_BOUND_MB, `one file: ${peakMemory(one.stderr)} MB`);
    const two = run(['lint', '-f', 'json', '--stats', '--jobs', '2'], dir);
    assert.match(two.stderr, /on 2 threads/);
    assert.ok(peakMemory(two.stderr) < 2 * MEMORY_BOUND_MB, `two files on two threads: ${peakMemory(two.stderr)} MB`);
  });

  it('refuses a file over the limit with one line, and lints the others', () => {
    const dir = workspace({ 'huge.engagement.yaml': `notes: "${'x'.repeat(MAX_FILE_BYTES)}"\n`, 'ok.engagement.yaml': ERROR });
    const result = run(['lint', '-f', 'json'], dir);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr.trim().split('\n'), ['engagement: huge.engagement.yaml: is 8 MB; files over 8 MB are not read.']);
    assert.deepEqual(names(result.stdout), ['ok.engagement.yaml']);
  });
});

describe('the command line under faults: a clear message, exit 2, every other file linted', () => {
  it('reports a file it may not read', function () {
    // As root every file is readable, so the run switches to the `nobody` user; its copy of
    // the (self-contained) CLI and the folder are world-readable, the file is not.
    const dir = workspace({ 'locked.engagement.yaml': BASE, 'ok.engagement.yaml': ERROR });
    fs.copyFileSync(CLI, path.join(dir, 'cli.js'));
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'locked.engagement.yaml'), 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = run(['lint', '-f', 'json'], dir, { ...asNobody, cli: path.join(dir, 'cli.js') });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /locked\.engagement\.yaml: permission denied\./);
    assert.deepEqual(names(result.stdout), ['ok.engagement.yaml']);
  });

  it('reports folders given as files, and walks a folder that has an engagement name', () => {
    const dir = workspace({ 'ok.engagement.yaml': ERROR, 'plans.engagement.yaml/inner.engagement.yaml': BASE });
    const lint = run(['lint', '-f', 'json'], dir);
    assert.equal(lint.code, 1, lint.stderr);
    assert.deepEqual(names(lint.stdout), ['ok.engagement.yaml', 'inner.engagement.yaml'], 'in path order');
    const render = run(['render', 'plans.engagement.yaml', '-o', 'out.html'], dir);
    assert.equal(render.code, 2);
    assert.match(render.stderr, /plans\.engagement\.yaml: is a folder, not a file\./);
  });

  it('reports symbolic link loops and links to nothing, and does not follow folder loops', () => {
    const dir = workspace({ 'ok.engagement.yaml': ERROR });
    fs.symlinkSync('self.engagement.yaml', path.join(dir, 'self.engagement.yaml'));
    fs.symlinkSync('a.engagement.yaml', path.join(dir, 'b.engagement.yaml'));
    fs.symlinkSync('b.engagement.yaml', path.join(dir, 'a.engagement.yaml'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'dangling.engagement.yaml'));
    fs.symlinkSync('..', path.join(dir, 'up'));
    fs.symlinkSync('ok.engagement.yaml', path.join(dir, 'link.engagement.yaml'));
    const result = run(['lint', '-f', 'json'], dir, { timeout: HANG_MS });
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.deepEqual(lines, [
      'engagement: a.engagement.yaml: too many levels of symbolic links.',
      'engagement: b.engagement.yaml: too many levels of symbolic links.',
      'engagement: dangling.engagement.yaml: a link to a file that does not exist.',
      'engagement: self.engagement.yaml: too many levels of symbolic links.',
    ]);
    assert.deepEqual(names(result.stdout), ['link.engagement.yaml', 'ok.engagement.yaml']);
  });

  it('refuses pipes and devices instead of waiting on them forever', () => {
    const dir = workspace({ 'ok.engagement.yaml': ERROR });
    const fifo = path.join(dir, 'pipe.engagement.yaml');
    execFileSync('mkfifo', [fifo]);
    const walked = run(['lint', '-f', 'json'], dir, { timeout: HANG_MS });
    assert.equal(walked.code, 2, walked.stderr);
    assert.match(walked.stderr, /pipe\.engagement\.yaml: is not a regular file/);
    assert.deepEqual(names(walked.stdout), ['ok.engagement.yaml']);
    const named = run(['lint', 'pipe.engagement.yaml', '/dev/zero', 'ok.engagement.yaml', '-f', 'json'], dir, { timeout: HANG_MS });
    assert.equal(named.code, 2, named.stderr);
    assert.match(named.stderr, /pipe\.engagement\.yaml: is not a regular file/);
    assert.match(named.stderr, /dev\/zero: is not a regular file/);
    assert.deepEqual(names(named.stdout), ['ok.engagement.yaml']);
  });

  it('reports a file that is not UTF-8', () => {
    const dir = workspace({ 'latin1.engagement.yaml': Buffer.from('title: Caf\xe9\n', 'latin1'), 'ok.engagement.yaml': ERROR });
    const result = run(['lint', '-f', 'json'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /latin1\.engagement\.yaml: not valid UTF-8 \(first bad byte on line 1\)/);
    assert.deepEqual(names(result.stdout), ['ok.engagement.yaml']);
  });

  it('reports a file deleted after it was found, and lints the rest', () => {
    const dir = workspace({ 'a.engagement.yaml': ERROR, 'b.engagement.yaml': BASE, 'c.engagement.yaml': ERROR });
    const { files } = findFiles([], dir);
    fs.rmSync(path.join(dir, 'b.engagement.yaml'));
    const run = lintInProcess(files.map((file, index) => ({ index, path: file, display: path.basename(file), rules: {} })));
    assert.deepEqual(run.outcomes.filter((o) => o.problem).map((o) => o.problem), ['b.engagement.yaml: no such file or folder.']);
    assert.deepEqual(run.finished.map((f) => path.basename(f.result.filePath)).sort(), ['a.engagement.yaml', 'c.engagement.yaml']);
  });

  it('reports a broken .engagementrc.yaml, lints with the defaults, and keeps its syntax error', () => {
    const dir = workspace({ '.engagementrc.yaml': 'rules:\n  access-crm: [off\n', 'w.engagement.yaml': edit(BASE, 'crm: full', 'crm: view') });
    const result = run(['lint', '-f', 'json'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^engagement: \.engagementrc\.yaml: not valid YAML \(line \d\); its settings are ignored until it is fixed\.$/m);
    const byName = new Map((JSON.parse(result.stdout) as JsonResult[]).map((r) => [path.basename(r.filePath), r.messages]));
    assert.equal(byName.get('.engagementrc.yaml')![0]!.ruleId, 'config');
    assert.equal(byName.get('w.engagement.yaml')![0]!.ruleId, 'access-crm', 'linted with the default settings');
    const render = run(['render', 'w.engagement.yaml', '-o', 'w.html'], dir);
    assert.equal(render.code, 2);
    assert.match(render.stderr, /\.engagementrc\.yaml: not valid YAML/);
  });

  it('reports a .engagementrc.yaml link to nothing or in a loop where it is, not the parent folder\'s settings', () => {
    const allOff = `rules:\n  access-crm: off\n`;
    for (const [what, make] of [
      ['a link to nothing', (dir: string) => fs.symlinkSync('gone.yaml', path.join(dir, 'team', '.engagementrc.yaml'))],
      ['a link loop', (dir: string) => fs.symlinkSync('.engagementrc.yaml', path.join(dir, 'team', '.engagementrc.yaml'))],
    ] as const) {
      const dir = workspace({ '.engagementrc.yaml': allOff, 'team/w.engagement.yaml': edit(BASE, 'crm: full', 'crm: view') });
      make(dir);
      const result = run(['lint', 'team', '-f', 'json'], dir);
      assert.equal(result.code, 2, what);
      assert.match(result.stderr, /^engagement: team\/\.engagementrc\.yaml: .+ Its settings are ignored\.$/m, what);
      const messages = (JSON.parse(result.stdout) as JsonResult[]).find((r) => r.filePath.endsWith('w.engagement.yaml'))!.messages;
      assert.equal(messages[0]?.ruleId, 'access-crm', `${what}: linted with the defaults, not with the parent's access-crm: off`);
    }
  });

  it('caps the findings of a configuration file, whatever it holds', () => {
    const rules = Array.from({ length: 130_000 }, (_, i) => `  unknown-rule-${i}: off`).join('\n');
    const dir = workspace({ '.engagementrc.yaml': `rules:\n${rules}\n`, 'w.engagement.yaml': BASE });
    const result = run(['lint', '--stats'], dir);
    assert.equal(result.code, 1, result.stderr);
    // A "did you mean" for each of 130,000 ids took 34 s of CPU; only the ones shown get one.
    assert.ok(cpuTime(result.stderr) < CPU_BOUND_MS, `bounded CPU time: ${cpuTime(result.stderr)} ms`);
    const configLines = result.stdout.split('\n').filter((l) => /\bconfig$/.test(l));
    assert.equal(configLines.length, 501);
    assert.match(configLines[500]!, /129500 more findings are not shown/);
  });
});
