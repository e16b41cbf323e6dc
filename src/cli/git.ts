import { execFileSync } from 'node:child_process';

/**
 * A file as a git revision holds it (`git show REV:PATH`), run in `cwd`: the one program the
 * command line starts, and only for `diff` with a `REV:PATH` side. Undefined when that
 * revision has no such file (it was added since, or deleted before); an error when git
 * itself cannot answer (not a repository, an unknown revision).
 */
export function showAtRevision(cwd: string, revision: string, file: string): { text: string | undefined } | { error: string } {
  try {
    // `--` ends the options: a revision cannot be taken for one.
    execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return { error: `\`${revision}\` is not a commit of a git repository here.` };
  }
  try {
    const text = execFileSync('git', ['show', '--end-of-options', `${revision}:${file}`], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    return { text };
  } catch {
    return { text: undefined };
  }
}
