import * as path from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import type { EngagementConfig } from '../core/config/engagementConfig';
import { findConfigFile } from '../core/config/findConfig';
import { diffEngagements, type Change } from '../core/diff/semanticDiff';
import { markdownText, printable, printableLineStart } from '../core/text/safeText';
import { nameExists } from '../shared/nameExists';
import type { LogArgs } from './args';
import { fileHistory, readObjects, repositoryRoot, type FileCommit } from './git';
import { readConfigFile } from './readConfigFile';

export interface LogOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 2;
}

/** One amendment: a commit that changed the engagement's terms, and how. */
interface Amendment {
  readonly commit: FileCommit;
  readonly changes: readonly Change[];
}

/**
 * `engagement log <file>`: the amendment history of one engagement from git, newest first:
 * each commit that changed its terms, with its date, author, subject and the changes.
 * Renames are followed. One `git log` and one `git cat-file --batch` for every version.
 */
export function runLog(args: LogArgs, cwd: string): LogOutcome {
  const root = repositoryRoot(cwd);
  if (!root) return { stdout: '', stderr: ['not in a git repository: `log` reads the history from git.'], exitCode: 2 };
  const file = path.resolve(cwd, args.file);
  let commits: FileCommit[];
  try {
    commits = fileHistory(cwd, file, args.since);
  } catch {
    return { stdout: '', stderr: [`${args.file}: git has no history for it here.`], exitCode: 2 };
  }
  // Each version once: the file in each commit and in its first parent.
  const specs = commits.flatMap((c) => [c.after ? `${c.hash}:${c.after}` : '', c.before ? `${c.hash}^:${c.before}` : '']);
  const texts = readObjects(root, specs.filter(Boolean));
  const byspec = new Map(specs.filter(Boolean).map((s, i) => [s, texts[i]]));
  const configFile = findConfigFile(path.dirname(file), nameExists);
  const config: EngagementConfig | undefined = configFile ? readConfigFile(configFile, cwd).config : undefined;
  const analyses = new Map<string, Analysis | undefined>();
  const analyzed = (spec: string): Analysis | undefined => {
    if (!spec) return undefined;
    if (!analyses.has(spec)) {
      const text = byspec.get(spec);
      analyses.set(spec, text === undefined ? undefined : analyze(text, { rules: config?.rules, today: args.today }));
    }
    return analyses.get(spec);
  };
  const amendments: Amendment[] = [];
  for (const [i, commit] of commits.entries()) {
    const changes = diffEngagements(analyzed(specs[2 * i + 1]!), analyzed(specs[2 * i]!), config?.changeLevels);
    if (changes.length > 0) amendments.push({ commit, changes });
  }
  const stdout = args.format === 'json' ? json(amendments) : args.format === 'markdown' ? markdown(args.file, amendments) : stylish(args.file, amendments);
  return { stdout, stderr: [], exitCode: 0 };
}

function stylish(file: string, amendments: readonly Amendment[]): string {
  if (amendments.length === 0) return `${printableLineStart(file)}: no amendments of its terms in the history\n`;
  return amendments
    .map(({ commit, changes }) => {
      const head = `${commit.hash.slice(0, 10)} ${commit.date.slice(0, 10)} ${printable(commit.author)}: ${printable(commit.subject)}`;
      return `${head}\n${changes.map((c) => `  ${c.level.padEnd(9)} ${c.kind.padEnd(22)} ${printable(c.message)}\n`).join('')}`;
    })
    .join('\n');
}

function json(amendments: readonly Amendment[]): string {
  return `${JSON.stringify(amendments.map(({ commit, changes }) => ({ ...commit, changes })), null, 2)}\n`;
}

function markdown(file: string, amendments: readonly Amendment[]): string {
  const lines = [`**${markdownText(file)}**: ${amendments.length} amendment${amendments.length === 1 ? '' : 's'} of its terms.`];
  for (const { commit, changes } of amendments) {
    lines.push('', `**${commit.date.slice(0, 10)}** ${markdownText(commit.subject)} (${markdownText(commit.author)}, \`${commit.hash.slice(0, 10)}\`)`, '');
    for (const c of changes) lines.push(`- ${c.level}: ${markdownText(c.message)}`);
  }
  return `${lines.join('\n')}\n`;
}
