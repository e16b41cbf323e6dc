import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import { findConfigFile } from '../core/config/findConfig';
import { CHANGE_LEVELS, type ChangeLevel } from '../core/diff/changeKinds';
import { diffEngagements, type Change } from '../core/diff/semanticDiff';
import { markdownText, printable, printableLineStart } from '../core/text/safeText';
import { nameExists } from '../shared/nameExists';
import { readTextFile } from '../shared/readTextFile';
import type { DiffArgs } from './args';
import { showAtRevision } from './git';
import { readConfigFile } from './readConfigFile';

export interface DiffOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/** One side of a diff: its name for people, and its text (undefined: the file is not there). */
interface Side {
  readonly label: string;
  readonly text: string | undefined;
  /** A path in the working tree, for the settings (`.engagementrc.yaml`) that apply. */
  readonly file: string;
}

/**
 * `engagement diff <base> <revision>`: the changes of terms between two versions of an
 * engagement, each a path or a git `REV:PATH`. Exit codes as `lint`: 1 when a change is at
 * or above `--fail-on`, 2 when a side cannot be read.
 */
export function runDiff(args: DiffArgs, cwd: string): DiffOutcome {
  const sides: Side[] = [];
  for (const spec of [args.base, args.revision]) {
    const side = readSide(spec, cwd);
    if ('error' in side) return { stdout: '', stderr: [side.error], exitCode: 2 };
    sides.push(side);
  }
  const [base, revision] = sides as [Side, Side];
  if (base.text === undefined && revision.text === undefined) return { stdout: '', stderr: [`neither ${args.base} nor ${args.revision} holds the file.`], exitCode: 2 };
  const rules = rulesFor(revision.file, cwd);
  const analyzed = (side: Side): Analysis | undefined => (side.text === undefined ? undefined : analyze(side.text, { rules, today: args.today }));
  const changes = diffEngagements(analyzed(base), analyzed(revision));
  const name = revision.text === undefined ? base.label : revision.label;
  const stdout = args.format === 'json' ? `${JSON.stringify(changes.map((c) => ({ file: name, ...c })), null, 2)}\n` : args.format === 'markdown' ? markdown(name, changes) : stylish(name, changes);
  const failing = args.failOn !== undefined && changes.some((c) => atLeast(c.level, args.failOn!));
  return { stdout, stderr: [], exitCode: failing ? 1 : 0 };
}

function readSide(spec: string, cwd: string): Side | { error: string } {
  const local = path.resolve(cwd, spec);
  const revision = /^([^:]+):(.+)$/.exec(spec);
  if (revision && !fs.existsSync(local)) {
    const shown = showAtRevision(cwd, revision[1]!, revision[2]!);
    if ('error' in shown) return { error: shown.error };
    return { label: spec, text: shown.text, file: path.resolve(cwd, revision[2]!) };
  }
  const read = readTextFile(local);
  if ('error' in read) return { error: `${spec}: ${read.error}` };
  return { label: spec, text: read.text, file: local };
}

function rulesFor(file: string, cwd: string): Record<string, never> | ReturnType<typeof readConfigFile>['config']['rules'] {
  const config = findConfigFile(path.dirname(file), nameExists);
  return config ? readConfigFile(config, cwd).config.rules : {};
}

function atLeast(level: ChangeLevel, threshold: ChangeLevel): boolean {
  return CHANGE_LEVELS.indexOf(level) >= CHANGE_LEVELS.indexOf(threshold);
}

function counts(changes: readonly Change[]): string {
  const of = (level: ChangeLevel): number => changes.filter((c) => c.level === level).length;
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${of('breaking')} breaking, ${of('notable')} notable, ${of('info')} info)`;
}

/** For a terminal or a CI log: values from the files are made printable. */
function stylish(name: string, changes: readonly Change[]): string {
  if (changes.length === 0) return `${printableLineStart(name)}: no changes of terms\n`;
  const lines = [`${printableLineStart(name)}: ${counts(changes)}`];
  for (const c of changes) {
    const line = c.afterLine ?? c.beforeLine;
    lines.push(`  ${line === undefined ? '' : `line ${line}`.padEnd(10)}${c.level.padEnd(9)} ${c.kind.padEnd(22)} ${printable(c.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** For a pull-request comment: a one-line summary first, every value escaped so it stays text. */
function markdown(name: string, changes: readonly Change[]): string {
  const lines = [`**${markdownText(name)}**: ${changes.length === 0 ? 'no changes of terms' : counts(changes)}`, ''];
  if (changes.length === 0) return `${lines.join('\n')}\n`;
  lines.push('| level | change | |', '|---|---|---|');
  // markdownText escapes `|` too, so a value cannot end its cell.
  for (const c of changes) lines.push(`| ${c.level} | \`${c.kind}\` | ${markdownText(c.message)} |`);
  return `${lines.join('\n')}\n`;
}
