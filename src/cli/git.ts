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

/** One commit that touched a file, with where the file was before and after it. */
export interface FileCommit {
  readonly hash: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  /** The file's path in the first parent (undefined: the commit added it). */
  readonly before?: string;
  /** The file's path in the commit (undefined: the commit deleted it). */
  readonly after?: string;
}

/**
 * The commits that touched `file`, newest first, following renames: one `git log`.
 * Paths are from the repository's root.
 */
export function fileHistory(cwd: string, file: string, since: string | undefined): FileCommit[] {
  const args = ['log', '--follow', '-M', '--name-status', '-z', '--format=%x1e%H%x1f%aI%x1f%an%x1f%s', ...(since ? [`--since=${since}`] : []), '--end-of-options', 'HEAD', '--', file];
  const commits: FileCommit[] = [];
  for (const record of git(cwd, args).split('\x1e').slice(1)) {
    const [header, rest = ''] = splitOnce(record, '\0');
    const [hash, date, author, subject] = header.split('\x1f') as [string, string, string, string];
    const fields = rest.replace(/^\n/, '').split('\0');
    const status = fields[0] ?? '';
    const paths = status.startsWith('R') || status.startsWith('C') ? { before: fields[1], after: fields[2] } : status === 'A' ? { after: fields[1] } : status === 'D' ? { before: fields[1] } : { before: fields[1], after: fields[1] };
    commits.push({ hash, date, author, subject, ...paths });
  }
  return commits;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

/**
 * The contents of many `REV:PATH` objects through one `git cat-file --batch`: undefined
 * for each that does not exist.
 */
export function readObjects(cwd: string, specs: readonly string[]): (string | undefined)[] {
  // The batch protocol is one line a request: a name with a line break cannot be asked for.
  const asked = specs.filter((s) => !s.includes('\n'));
  if (asked.length === 0) return specs.map(() => undefined);
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd, input: asked.map((s) => `${s}\n`).join(''), maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = new Map<string, string | undefined>();
  let at = 0;
  for (const spec of asked) {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    // "<sha> <type> <size>" then the content and a line break; or "<spec> missing".
    const found = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!found) {
      answers.set(spec, undefined);
      continue;
    }
    const length = Number(found[2]);
    answers.set(spec, found[1] === 'blob' ? out.subarray(at, at + length).toString('utf8') : undefined);
    at += length + 1;
  }
  return specs.map((s) => answers.get(s));
}
