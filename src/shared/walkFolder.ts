import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from './fsErrors';

/** Never looked into: dependencies and version control hold no engagements of the workspace. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Where a walk reports what it could not use, and why. */
export interface WalkProblems {
  add(file: string, why: string): void;
}

/**
 * Visits every file below `folder` that `wanted` accepts, in name order. Folders named
 * node_modules or .git are skipped, and links to folders are not followed, so a link loop
 * cannot make the walk endless. A wanted name that cannot be read
 * as a file (a link in a loop or to nothing, a pipe, a socket) is reported, not skipped in
 * silence: CI should not pass because a file quietly went missing.
 */
export function walkFolder(folder: string, wanted: (file: string) => boolean, visit: (file: string) => void, problems: WalkProblems): void {
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
      if (!SKIPPED_FOLDERS.has(entry.name)) walkFolder(full, wanted, visit, problems);
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
