import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';
import { scratchFolder } from './scratchFolders';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the built command line; `options` can set a time limit or another user. */
export function run(args: string[], cwd: string, options: SpawnSyncOptions & { cli?: string } = {}): CliRun {
  const started = performance.now();
  const { cli = CLI, ...spawnOptions } = options;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, ...spawnOptions });
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), ms: performance.now() - started };
}

/** A scratch folder with the given files (path → content). */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = scratchFolder('engagement-cli-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}
