import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../src/core/analyze';
import { diffEngagements } from '../src/core/diff/semanticDiff';
import { generateEngagement } from './generate';

/** Medians of the semantic diff's figures. */
export interface HistoryFigures {
  readonly lines: number;
  readonly changes: number;
  /** Both versions analyzed and compared, as `engagement diff` does. */
  readonly diffWithAnalysisMs: number[];
  /** The comparison of two analyses alone. */
  readonly diffOnlyMs: number[];
  readonly commits: number;
  readonly amendments: number;
  /** `engagement log` over the whole history, a process each run. */
  readonly logMs: number[];
}

/**
 * The semantic diff of two 1,000-line engagements (the second with a dozen amendments), and
 * `engagement log` over a history of `commits` commits that each amend one engagement,
 * written in one `git fast-import` stream.
 */
export function historyFigures(root: string, base: string, commits: number): HistoryFigures {
  const before = generateEngagement(base, 1_000);
  let after = before.replace('days-per-week: 2', 'days-per-week: 1').replace('crm: full', 'crm: view').replace('end: 2026-06-30', 'end: 2026-05-31');
  for (const target of [...after.matchAll(/target: (\d+)/g)].slice(0, 8)) after = after.replace(target[0], `target: ${Number(target[1]) - 1}`);
  const a = analyze(before);
  const b = analyze(after);
  const changes = diffEngagements(a, b).length;
  const diffWithAnalysisMs: number[] = [];
  const diffOnlyMs: number[] = [];
  for (let i = 0; i < 30; i++) {
    let start = performance.now();
    diffEngagements(analyze(before), analyze(after));
    diffWithAnalysisMs.push(performance.now() - start);
    start = performance.now();
    diffEngagements(a, b);
    diffOnlyMs.push(performance.now() - start);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-bench-history-'));
  try {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
    // One stream of commits: each sets a KPI target or the days, so each is an amendment.
    const stream: string[] = [];
    let text = base;
    for (let i = 0; i < commits; i++) {
      text = i % 2 === 0 ? text.replace(/target: \d+/, `target: ${300 + i}`) : text.replace(/days-per-week: \d+/, `days-per-week: ${1 + (i % 4)}`);
      const when = 1_767_225_600 + i * 86_400;
      const data = Buffer.from(text, 'utf8');
      const message = `Amendment ${i + 1}`;
      stream.push(`commit refs/heads/main\ncommitter Ann <ann@example.com> ${when} +0000\ndata ${Buffer.byteLength(message)}\n${message}\nM 100644 inline acme.engagement.yaml\ndata ${data.length}\n${text}\n`);
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: stream.join('') });
    execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env });
    const logMs: number[] = [];
    let amendments = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'log', 'acme.engagement.yaml', '--format', 'json'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
      logMs.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`engagement log failed: ${result.stderr}`);
      amendments = (JSON.parse(result.stdout) as unknown[]).length;
    }
    return { lines: before.split('\n').length, changes, diffWithAnalysisMs, diffOnlyMs, commits, amendments, logMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
