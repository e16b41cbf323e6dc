import { execFileSync } from 'node:child_process';

/**
 * Git, the one program the command line starts, for `diff` against revisions. Every call
 * passes `--end-of-options` (or `--`) before what came from the command line, so a
 * revision or a path can never be taken for an option.
 */
function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Undefined when `revision` is a commit of the repository around `cwd`, else why not. */
export function checkRevision(cwd: string, revision: string): string | undefined {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    return undefined;
  } catch {
    return `\`${revision}\` is not a commit of a git repository here.`;
  }
}

/**
 * A file as a revision holds it (`git show REV:PATH`; PATH from the repository's root, or
 * `./` for the current folder, as git reads it). `{ text: undefined }` when that revision
 * has no such file (added since, or deleted before).
 */
export function showAtRevision(cwd: string, revision: string, file: string): { text: string | undefined } | { error: string } {
  const problem = checkRevision(cwd, revision);
  if (problem) return { error: problem };
  try {
    return { text: git(cwd, ['show', '--end-of-options', `${revision}:${file}`]) };
  } catch {
    return { text: undefined };
  }
}

/** The repository's top folder. */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
}

/** One engagement file that differs between a revision and the working tree: paths from the repository's root. */
export interface ChangedFile {
  /** Where the revision has it (undefined: added since). */
  readonly before?: string;
  /** Where the working tree has it (undefined: deleted since). */
  readonly after?: string;
}

/**
 * Every engagement file that differs between `revision` and the working tree below
 * `paths`: changed, renamed (followed, as git detects renames), added (untracked files
 * too) or deleted. One `git diff --name-status` and one `git ls-files`.
 */
export function changedEngagementFiles(cwd: string, revision: string, paths: readonly string[], isEngagement: (file: string) => boolean): ChangedFile[] {
  const scope = ['--', ...(paths.length ? paths : ['.'])];
  const changed: ChangedFile[] = [];
  const fields = git(cwd, ['diff', '--name-status', '-z', '-M', '--no-color', '--end-of-options', revision, ...scope]).split('\0');
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++]!;
      const to = fields[i++]!;
      if (isEngagement(from) || isEngagement(to)) changed.push(status.startsWith('R') ? { before: from, after: to } : { after: to });
    } else {
      const file = fields[i++]!;
      if (!isEngagement(file)) continue;
      changed.push(status === 'A' ? { after: file } : status === 'D' ? { before: file } : { before: file, after: file });
    }
  }
  const untracked = git(cwd, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name', ...scope]).split('\0').filter((f) => f && isEngagement(f));
  for (const file of untracked) changed.push({ after: file });
  return changed.sort((a, b) => ((a.after ?? a.before)! < (b.after ?? b.before)! ? -1 : 1));
}
