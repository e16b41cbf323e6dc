import * as path from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import type { EngagementConfig } from '../core/config/engagementConfig';
import { findConfigFile } from '../core/config/findConfig';
import { CHANGE_LEVELS, type ChangeLevel } from '../core/diff/changeKinds';
import { changesHtml } from '../core/diff/changesHtml';
import { diffEngagements, type Change } from '../core/diff/semanticDiff';
import { ENGAGEMENT_FILE } from '../core/engagementFile';
import { markdownText, printable, printableLineStart } from '../core/text/safeText';
import { nameExists } from '../shared/nameExists';
import { readTextFile } from '../shared/readTextFile';
import type { DiffArgs } from './args';
import { changedEngagementFiles, checkRevision, repositoryRoot, showAtRevision } from './git';
import { escapeData, escapeProperty } from './formatters/github';
import { readConfigFile } from './readConfigFile';

export interface DiffOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/** One engagement's two versions: the text of each (undefined: not there), and where its settings come from. */
interface Pair {
  readonly name: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  /** A path in the working tree, for the `.engagementrc.yaml` that applies. */
  readonly settingsFrom: string;
}

/** One engagement's changes, named as the output names it. */
interface FileChanges {
  readonly name: string;
  readonly changes: readonly Change[];
}

/**
 * `engagement diff`: the changes of terms between versions of engagements. Two sides, each
 * a path or a git `REV:PATH`; or `--base REV [paths…]`, every engagement file that differs
 * between that revision and the working tree; or `--git-driver`, the arguments git passes
 * an external diff command. Exit codes as `lint`: 1 when a change is at or above
 * `--fail-on`, 2 when something cannot be read (never in driver mode: git would stop).
 */
export function runDiff(args: DiffArgs, cwd: string): DiffOutcome {
  const pairs = pairsOf(args, cwd);
  if ('error' in pairs) return { stdout: '', stderr: [pairs.error], exitCode: 2 };
  const results = pairs.map((pair) => compare(pair, cwd, args.today));
  const all = results.flatMap((r) => r.changes);
  if (args.mode === 'driver') return { stdout: results.map((r) => `engagement diff ${printableLineStart(r.name)}\n${stylishChanges(r.changes)}`).join(''), stderr: [], exitCode: 0 };
  const formats = { json, markdown, github, stylish, html: changesHtml };
  const stdout = formats[args.format](results);
  const failing = args.failOn !== undefined && all.some((c) => atLeast(c.level, args.failOn!));
  return { stdout, stderr: [], exitCode: failing ? 1 : 0 };
}

function pairsOf(args: DiffArgs, cwd: string): Pair[] | { error: string } {
  switch (args.mode) {
    case 'pair': {
      const before = readSide(args.base, cwd);
      if ('error' in before) return before;
      const after = readSide(args.revision, cwd);
      if ('error' in after) return after;
      if (before.text === undefined && after.text === undefined) return { error: `neither ${args.base} nor ${args.revision} holds the file.` };
      return [{ name: after.text === undefined ? args.base : args.revision, before: before.text, after: after.text, settingsFrom: after.file }];
    }
    case 'base': {
      const problem = checkRevision(cwd, args.base);
      if (problem) return { error: problem };
      const root = repositoryRoot(cwd)!;
      const pairs: Pair[] = [];
      for (const file of changedEngagementFiles(cwd, args.base, args.paths, (f) => ENGAGEMENT_FILE.test(f))) {
        const before = file.before === undefined ? undefined : showAtRevision(root, args.base, file.before);
        if (before && 'error' in before) return before;
        const after = file.after === undefined ? undefined : readTextFile(path.join(root, file.after));
        if (after && 'error' in after) return { error: `${file.after}: ${after.error}` };
        const shown = path.relative(cwd, path.join(root, (file.after ?? file.before)!)).split(path.sep).join('/');
        pairs.push({ name: shown, before: before?.text, after: after?.text, settingsFrom: path.join(root, (file.after ?? file.before)!) });
      }
      return pairs;
    }
    case 'driver': {
      // git: path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-header]
      const [name, oldFile, , , newFile] = args.gitArgs;
      const read = (file: string | undefined): string | undefined => {
        if (!file || file === '/dev/null') return undefined;
        const text = readTextFile(path.resolve(cwd, file));
        return 'text' in text ? text.text : undefined;
      };
      return [{ name: args.gitArgs[7] ?? name!, before: read(oldFile), after: read(newFile), settingsFrom: path.resolve(cwd, name!) }];
    }
  }
}

function readSide(spec: string, cwd: string): { text: string | undefined; file: string } | { error: string } {
  const local = path.resolve(cwd, spec);
  const revision = /^([^:]+):(.+)$/.exec(spec);
  if (revision && !nameExists(local)) {
    const shown = showAtRevision(cwd, revision[1]!, revision[2]!);
    return 'error' in shown ? shown : { text: shown.text, file: path.resolve(cwd, revision[2]!) };
  }
  const read = readTextFile(local);
  return 'error' in read ? { error: `${spec}: ${read.error}` } : { text: read.text, file: local };
}

/** Both versions analyzed with the settings of the working tree's file: rules and change levels. */
function compare(pair: Pair, cwd: string, today: string | undefined): FileChanges {
  const configFile = findConfigFile(path.dirname(pair.settingsFrom), nameExists);
  const config: EngagementConfig | undefined = configFile ? readConfigFile(configFile, cwd).config : undefined;
  const analyzed = (text: string | undefined): Analysis | undefined => (text === undefined ? undefined : analyze(text, { rules: config?.rules, today }));
  return { name: pair.name, changes: diffEngagements(analyzed(pair.before), analyzed(pair.after), config?.changeLevels) };
}

function atLeast(level: ChangeLevel, threshold: ChangeLevel): boolean {
  return CHANGE_LEVELS.indexOf(level) >= CHANGE_LEVELS.indexOf(threshold);
}

function counts(changes: readonly Change[]): string {
  const of = (level: ChangeLevel): number => changes.filter((c) => c.level === level).length;
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${of('breaking')} breaking, ${of('notable')} notable, ${of('info')} info)`;
}

/** For a terminal or a CI log: values from the files are made printable. */
function stylish(results: readonly FileChanges[]): string {
  const changed = results.filter((r) => r.changes.length > 0);
  if (changed.length === 0) return results.length === 1 ? `${printableLineStart(results[0]!.name)}: no changes of terms\n` : 'No changes of terms.\n';
  return changed.map((r) => `${printableLineStart(r.name)}: ${counts(r.changes)}\n${stylishChanges(r.changes)}`).join('');
}

function stylishChanges(changes: readonly Change[]): string {
  return changes
    .map((c) => {
      const line = c.afterLine ?? c.beforeLine;
      return `  ${line === undefined ? ''.padEnd(10) : `line ${line}`.padEnd(10)}${c.level.padEnd(9)} ${c.kind.padEnd(22)} ${printable(c.message)}\n`;
    })
    .join('');
}

/** An array of changes, each with its file. */
function json(results: readonly FileChanges[]): string {
  return `${JSON.stringify(results.flatMap((r) => r.changes.map((c) => ({ file: r.name, ...c }))), null, 2)}\n`;
}

/** For a pull-request comment: a one-line summary first, then each engagement; every value escaped so it stays text. */
function markdown(results: readonly FileChanges[]): string {
  const changed = results.filter((r) => r.changes.length > 0);
  const all = changed.flatMap((r) => r.changes);
  if (all.length === 0) return '**Engagement terms**: no changes of terms.\n';
  const lines = [`**Engagement terms**: ${counts(all)} in ${changed.length} engagement${changed.length === 1 ? '' : 's'}.`];
  for (const r of changed) {
    // markdownText escapes `|` too, so a value cannot end its cell.
    lines.push('', `**${markdownText(r.name)}**: ${counts(r.changes)}`, '', '| level | change | |', '|---|---|---|');
    for (const c of r.changes) lines.push(`| ${c.level} | \`${c.kind}\` | ${markdownText(c.message)} |`);
  }
  return `${lines.join('\n')}\n`;
}

const ANNOTATION = { breaking: 'error', notable: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations on the lines of the revision. */
function github(results: readonly FileChanges[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const c of r.changes) {
      const line = c.afterLine === undefined ? '' : `,line=${c.afterLine}`;
      out.push(`::${ANNOTATION[c.level]} file=${escapeProperty(r.name)}${line},title=${escapeProperty(`engagement terms: ${c.kind}`)}::${escapeData(c.message)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
