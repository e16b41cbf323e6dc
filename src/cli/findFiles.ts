import * as fs from 'node:fs';
import * as path from 'node:path';
import { globToRegExp, isGlob, splitGlob } from './glob';

export const ENGAGEMENT_FILE = /\.engagement\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface FileList {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Arguments that could not be used, with why. */
  readonly problems: string[];
}

/**
 * Resolves the paths and globs given on the command line. A folder means every engagement
 * file below it; a file is taken as given; a glob matches paths below its static prefix.
 * Folders named node_modules or .git are skipped, and symbolic links to folders are not
 * followed, so a link loop cannot make the walk endless.
 */
export function findFiles(args: readonly string[], cwd: string): FileList {
  const found = new Set<string>();
  const problems: string[] = [];
  const inputs = args.length ? args : ['.'];
  for (const arg of inputs) {
    if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg);
      const root = path.resolve(cwd, base);
      const matcher = globToRegExp(rest);
      const before = found.size;
      walk(root, (file) => {
        if (matcher.test(path.relative(root, file).split(path.sep).join('/'))) found.add(file);
      }, problems);
      if (found.size === before) problems.push(`${arg}: no file matches this pattern.`);
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      problems.push(`${arg}: ${describeFsError(err)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = found.size;
      walk(absolute, (file) => {
        if (ENGAGEMENT_FILE.test(file)) found.add(file);
      }, problems);
      if (found.size === before && args.length) problems.push(`${arg}: no *.engagement.yaml or *.engagement.yml file in this folder.`);
    } else {
      found.add(absolute);
    }
  }
  return { files: [...found].sort(), problems };
}

function walk(folder: string, visit: (file: string) => void, problems: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    problems.push(`${folder}: ${describeFsError(err)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, visit, problems);
    } else if (entry.isFile()) {
      visit(full);
    } else if (entry.isSymbolicLink()) {
      // A link to a file is linted; a link to a folder is not followed (loops).
      try {
        if (fs.statSync(full).isFile()) visit(full);
      } catch {
        // A dangling link is nothing to lint.
      }
    }
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'is a folder, not a file.';
    case 'ELOOP':
      return 'too many levels of symbolic links.';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
