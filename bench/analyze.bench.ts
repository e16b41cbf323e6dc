// npm run bench: times our analysis against yaml-language-server validating the same file
// against the same schema, interleaved in one process so both see the same machine state.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { analyze } from '../src/core/analyze';
import { engagementSchema } from '../src/core/schema/engagementSchema';
import { generateEngagement, withSchemaErrors } from './generate';
import { historyFigures } from './history';
import { lspLatency } from './lspLatency';
import { PORTFOLIO_RUNS, PORTFOLIO_TODAY, portfolioFigures } from './portfolio';
import { readExamples, writeWorkspace } from './workspace';

const root = process.cwd();
/** Edits timed through the protocol, per server. */
const LSP_EDITS = 12;
const SIZES: readonly [lines: number, iterations: number][] = [
  [100, 200],
  [1_000, 60],
  [5_000, 20],
  [10_000, 12],
];

interface Stats {
  min: number;
  median: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

const fmt = (s: Stats, digits = 2): string => `${s.min.toFixed(digits)} / **${s.median.toFixed(digits)}** / ${s.max.toFixed(digits)}`;

const LINT_FILES = 1_000;
const LINT_RUNS = 7;

/**
 * `engagement lint` over a generated repository of 1,000 files, as CI runs it: a new process
 * each time, on one thread and on one per core, with the command's own --stats line.
 */
function lintThroughput(): { rows: string[]; files: number; bytes: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-bench-lint-'));
  const files = writeWorkspace(dir, LINT_FILES, readExamples(root));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const cli = path.join(root, 'dist', 'cli.js');
  const rows: string[] = [];
  // As people run it (the default number of threads), then one thread and one per core.
  const settings: [label: string, flags: string[]][] = [
    ['default', []],
    ['1', ['--jobs', '1']],
    [String(os.availableParallelism()), ['--jobs', String(os.availableParallelism())]],
  ];
  // Runs alternate between the rows, so a busy moment of a shared machine is spread over all of them.
  const samples = settings.map(() => ({ perSecond: [] as number[], memory: [] as number[], wall: [] as number[], used: '' }));
  for (let run = 0; run < LINT_RUNS; run++) {
    settings.forEach(([, flags], i) => {
      const sample = samples[i]!;
      const started = performance.now();
      const result = spawnSync(process.execPath, [cli, 'lint', '--stats', ...flags, '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
      sample.wall.push(performance.now() - started);
      const line = /(\d+) files in (\d+) ms \((\d+) files\/s\) on (\d+) threads?; peak memory (\d+) MB/.exec(result.stderr);
      if (!line || Number(line[1]) !== LINT_FILES) throw new Error(`lint did not report its stats: ${result.stderr}`);
      sample.perSecond.push(Number(line[3]));
      sample.memory.push(Number(line[5]));
      sample.used = line[4]!;
    });
  }
  settings.forEach(([label], i) => {
    const { perSecond, memory, wall, used } = samples[i]!;
    const processRate = wall.map((ms) => LINT_FILES / (ms / 1000));
    const threads = label === 'default' ? `default (${used})` : label;
    rows.push(`| ${threads} | ${fmt(stats(perSecond), 0)} | ${fmt(stats(processRate), 0)} | ${fmt(stats(memory), 0)} |`);
    process.stdout.write(`lint ${LINT_FILES} files on ${threads} thread(s): ${stats(perSecond).median.toFixed(0)} files/s, whole process ${stats(processRate).median.toFixed(0)} files/s, peak ${stats(memory).median} MB\n`);
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return { rows, files: files.length, bytes };
}

/** Minified sizes of the files the .vsix and the command line ship, built as `npm run package` builds them. */
function bundleSizes(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-bench-bundles-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', `--outdir=${dir}`], { cwd: root, stdio: 'inherit' });
    const size = (file: string): string => `${(fs.statSync(path.join(dir, file)).size / 1024).toFixed(1)} KB`;
    const schema = `${(fs.statSync(path.join(root, 'schemas', 'engagement.schema.json')).size / 1024).toFixed(1)} KB`;
    return [
      `| client, loaded at activation (dist/extension.js): views, commands, preview; no analyzer | ${size('extension.js')} |`,
      `| client, the language client library, loaded in the task after activation (dist/languageClient.js) | ${size('languageClient.js')} |`,
      `| server, a Node process started by the client and by \`engagement lsp --stdio\` (dist/server.js) | ${size('server.js')} |`,
      `| browser client, the \`browser\` entry for vscode.dev (dist/web/extension.js) | ${size('web/extension.js')} |`,
      `| browser server, run in a Web Worker (dist/web/server.js) | ${size('web/server.js')} |`,
      `| schema JSON, for other tools (the server bundles its own copy) (schemas/engagement.schema.json) | ${schema} |`,
      `| preview webview (dist/webview/preview.js) | ${size('webview/preview.js')} |`,
      `| command line, everything bundled but the server (dist/cli.js) | ${size('cli.js')} |`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function peerService() {
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(engagementSchema()),
    workspaceContext: { resolveRelativePath: (relative: string) => relative },
    clientCapabilities: {},
  });
  service.configure({
    validate: true,
    hover: false,
    completion: false,
    schemas: [{ uri: 'file:///engagement.schema.json', fileMatch: ['*.engagement.yaml'], schema: engagementSchema() }],
  });
  return service;
}

function versionOf(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const base = fs.readFileSync(path.join(root, 'test', 'fixtures', 'base.engagement.yaml'), 'utf8');
  const peer = peerService();
  let version = 0;
  const peerValidate = (text: string) => peer.doValidation(TextDocument.create('file:///bench.engagement.yaml', 'yaml', ++version, text), false);

  const rows: string[] = [];
  const cases: [label: string, text: string, iterations: number][] = SIZES.map(([lines, iterations]) => [`${lines}`, generateEngagement(base, lines), iterations]);
  cases.push(['5000 with errors', withSchemaErrors(generateEngagement(base, 5_000), 50), 20]);
  for (const [label, text, iterations] of cases) {
    const actualLines = text.split('\n').length;
    // Warm both up, and check the fast path gives exactly what the full parser gives.
    const ours = analyze(text);
    const full = analyze(text, { fullParser: true });
    if (!isDeepStrictEqual(ours.findings, full.findings)) throw new Error(`${label}: the fast path and the full parser disagree`);
    const theirs = await peerValidate(text);
    const oursSchema = ours.findings.filter((f) => f.ruleId === 'schema').length;
    if (!label.includes('errors') && (ours.findings.length || theirs.length)) throw new Error(`generated ${label}-line file is not clean: ${ours.findings.length} / ${theirs.length}`);
    const oursMs: number[] = [];
    const peerMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      let start = performance.now();
      analyze(text);
      oursMs.push(performance.now() - start);
      start = performance.now();
      await peerValidate(text);
      peerMs.push(performance.now() - start);
    }
    const o = stats(oursMs);
    const p = stats(peerMs);
    const perLine = (o.median * 1000) / actualLines;
    const findings = label.includes('errors') ? `${oursSchema} / ${theirs.length}` : '0 / 0';
    rows.push(`| ${actualLines.toLocaleString('en-US')} | ${findings} | ${iterations} | ${fmt(o)} | ${perLine.toFixed(2)} | ${fmt(p)} | **${(p.median / o.median).toFixed(2)}×** |`);
    process.stdout.write(`${String(actualLines).padStart(6)} lines  ours ${o.median.toFixed(2).padStart(8)} ms (${perLine.toFixed(2)} µs/line)  peer ${p.median.toFixed(2).padStart(8)} ms  ratio ${(p.median / o.median).toFixed(2)}×\n`);
  }

  const lint = lintThroughput();
  const bundles = bundleSizes();
  const latency = await lspLatency(root, generateEngagement(base, 5_000), path.join(root, 'schemas', 'engagement.schema.json'), LSP_EDITS);
  const [ours, theirs] = latency;
  const lspRows = latency.map((l) => {
    const edit = stats(l.editMs);
    return `| ${l.name} | ${l.openMs.toFixed(1)} | ${fmt(edit)} |`;
  });
  const lspRatio = stats(theirs!.editMs).median / stats(ours!.editMs).median;
  const history = historyFigures(root, base, 500);
  process.stdout.write(`diff of two ${history.lines}-line engagements: ${stats(history.diffWithAnalysisMs).median.toFixed(2)} ms with analysis; log over ${history.commits} commits: ${stats(history.logMs).median.toFixed(0)} ms\n`);
  process.stdout.write(`edit to diagnostics over LSP, 5,009 lines: ours ${stats(ours!.editMs).median.toFixed(1)} ms, yaml-language-server ${stats(theirs!.editMs).median.toFixed(1)} ms, ratio ${lspRatio.toFixed(2)}×\n`);

  const portfolio = portfolioFigures(root);
  for (const row of portfolio) {
    process.stdout.write(`portfolio of ${row.files} files, ${row.executives} executives: model ${stats(row.modelMs).median.toFixed(1)} ms, page ${stats(row.pageMs).median.toFixed(1)} ms, body ${stats(row.bodyMs).median.toFixed(1)} ms, again after an edit ${stats(row.bodyAgainMs).median.toFixed(1)} ms, cards ${row.cardBytesPerFile?.toFixed(0) ?? '?'} B/file\n`);
  }
  const portfolioRows = portfolio.map(
    (r) =>
      `| ${r.files.toLocaleString('en-US')} | ${r.executives} | ${r.overBooked} | ${fmt(stats(r.modelMs))} | ${fmt(stats(r.pageMs))} | ${fmt(stats(r.bodyMs))} | ${fmt(stats(r.bodyAgainMs))} | ${(r.pageBytes / 1024).toFixed(0)} | ${r.cardBytesPerFile === undefined ? 'n/a' : r.cardBytesPerFile.toFixed(0)} |`,
  );

  const cpus = os.cpus();
  const report = `# Benchmark results

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand.

- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}
- Node ${process.version}; yaml ${versionOf('yaml')}, js-yaml ${versionOf('js-yaml')}, ajv ${versionOf('ajv')}, yaml-language-server ${versionOf('yaml-language-server')}

Times are min / **median** / max. This machine is shared and noisy: compare the ratios,
which come from runs interleaved in one process, rather than absolute times.

## Analysis of one file, against yaml-language-server

Each file is the clean base fixture with generated KPIs; the last row has 50 schema errors
spread through it. "Ours" is \`analyze(text)\`: YAML parse, schema validation with ranges,
every rule, suppression and ordering. Before timing, each file is analyzed by the fast
path and by the full parser, and the findings must be identical. "Peer" is
yaml-language-server's \`doValidation\` with the same schema and a new document version
each call (so its cache does not help). Runs alternate between the two. Findings are
schema findings, ours / the peer's. The ratio is peer median ÷ our median.

| lines | findings | runs | ours (ms) | ours (µs/line) | yaml-language-server (ms) | ratio |
|---:|---:|---:|---|---:|---|---:|
${rows.join('\n')}

## \`engagement lint\` over ${lint.files.toLocaleString('en-US')} files

A generated repository of ${lint.files.toLocaleString('en-US')} engagement files (${(lint.bytes / 2 ** 20).toFixed(1)} MB, made from the
examples; a tenth have a schema error and most executives hold several engagements, so the
portfolio rule reports). Each run is a new process with \`--stats --format json\`, ${LINT_RUNS} runs per
row, alternating between the rows: the default number of threads (one fewer than the cores), one thread, and one per core. "Files/s" is what the command reports (from start to report, without Node's
own start-up); "whole process" divides by the wall time of the process. Peak memory is the
process's maximum resident set, threads included.

| threads | files/s | whole process (files/s) | peak memory (MB) |
|---:|---|---|---|
${lint.rows.join('\n')}

## Edit to diagnostics through the Language Server Protocol

Each server as an editor starts it, in a process of its own over stdio (\`dist/server.js
--stdio\`; yaml-language-server's own binary configured with the same schema for
\`*.engagement.yaml\`). The 5,009-line file is opened, then edited ${LSP_EDITS} times, one word
each time, alternately adding and removing a schema error; the time runs from sending the
change to the diagnostics for it arriving. Our throttle is set to 0 ms for this (in the
editor it is 150 ms by default, which the editor figures subtract).

| server | open (ms) | edit → diagnostics (ms) |
|---|---:|---|
${lspRows.join('\n')}

Ratio of the medians: **${lspRatio.toFixed(2)}×**.

## Changes of terms: \`diff\` and \`log\`

Two ${history.lines.toLocaleString('en-US')}-line engagements, the second with ${history.changes} changes of terms (days, CRM access, term end,
eight KPI targets, and the findings they bring), 30 runs:

| | ms |
|---|---|
| both analyzed and compared, as \`engagement diff\` does | ${fmt(stats(history.diffWithAnalysisMs))} |
| the comparison of the two analyses alone | ${fmt(stats(history.diffOnlyMs), 3)} |

\`engagement log\` over a history of ${history.commits} commits, each amending the engagement (a KPI target or
the days), written with \`git fast-import\`; a new process each run, 3 runs, ${history.amendments} amendments
reported: ${fmt(stats(history.logMs), 0)} ms.

## The portfolio

Generated workspaces (made from the examples, one executive to ten files), on ${PORTFOLIO_TODAY},
the default window of 16 weeks; ${PORTFOLIO_RUNS} runs each. "Model" is \`buildPortfolio\` from the files' cards, as the
server builds it on every change; "page" is the self-contained HTML of \`engagement portfolio
--format html\`; "body" is what the server sends the editor's page, and "again" the same
after one file changed, its other items taken from the memo as the server does. "Cards" is the heap the
cards hold per file (measured after a full collection): the work and the memory per file stay
flat as the workspace grows. The editor's page, from an edit to the page showing it, is
measured in VS Code by the performance suite (\`portfolioUpdateAfterEditMs\`).

| files | executives | over capacity | model (ms) | page (ms) | body (ms) | again (ms) | page (KB) | cards (B/file) |
|---:|---:|---:|---|---|---|---|---:|---:|
${portfolioRows.join('\n')}

## Bundle sizes (minified)

| bundle | size |
|---|---:|
${bundles.join('\n')}

Activation time, keystroke-to-diagnostics and the 1,000-file workspace are measured inside
VS Code by the integration tests (see the README's Performance section).
`;
  fs.writeFileSync(path.join(root, 'bench', 'RESULTS.md'), report);
  process.stdout.write('Wrote bench/RESULTS.md\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
