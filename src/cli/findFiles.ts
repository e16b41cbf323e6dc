import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGAGEMENT_FILE } from '../core';
import { describeFsError } from '../shared/fsErrors';
import { globToRegExp, isGlob, splitGlob } from './glob';

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
  const walkProblems: Problems = { add: (file, why) => problems.push(`${path.relative(cwd, file) || file}: ${why}`) };
  for (const arg of inputs) {
    if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg);
      const root = path.resolve(cwd, base);
      const matcher = globToRegExp(rest);
      const before = found.size;
      const matches = (file: string): boolean => matcher.test(path.relative(root, file).split(path.sep).join('/'));
      walk(root, matches, (file) => found.add(file), walkProblems);
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
      walk(absolute, (file) => ENGAGEMENT_FILE.test(file), (file) => found.add(file), walkProblems);
      if (found.size === before && args.length) problems.push(`${arg}: no *.engagement.yaml or *.engagement.yml file in this folder.`);
    } else {
      found.add(absolute);
    }
  }
  return { files: [...found].sort(), problems };
}

/** Where a walk reports what it could not use, with paths shown relative to the run's folder. */
interface Problems {
  add(file: string, why: string): void;
}

/**
 * Visits every file below `folder` that `wanted` accepts. A wanted name that cannot be read
 * as a file (a link in a loop or to nothing, a pipe, a socket) is reported, not skipped in
 * silence: CI should not pass because a file quietly went missing.
 */
function walk(folder: string, wanted: (file: string) => boolean, visit: (file: string) => void, problems: Problems): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (err) {
    problems.add(folder, describeFsError(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, wanted, visit, problems);
      continue;
    }
    if (!wanted(full)) continue;
    if (entry.isFile()) {
      visit(full);
    } else if (entry.isSymbolicLink()) {
      // A link to a file is linted; a link to a folder is not followed (loops).
      try {
        if (!fs.statSync(full).isDirectory()) visit(full);
      } catch (err) {
        problems.add(full, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'a link to a file that does not exist.' : describeFsError(err));
      }
    } else {
      problems.add(full, 'is not a regular file (a pipe, socket or device); it is not read.');
    }
  }
}
