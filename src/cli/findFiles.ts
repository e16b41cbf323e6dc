import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGAGEMENT_FILE } from '../core/engagementFile';
import { describeFsError } from '../shared/fsErrors';
import { walkFolder as walk, type WalkProblems } from '../shared/walkFolder';
import { globMatcher, isGlob, splitGlob } from './glob';

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
  const walkProblems: WalkProblems = { add: (file, why) => problems.push(`${path.relative(cwd, file) || file}: ${why}`) };
  for (const arg of inputs) {
    if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg);
      const root = path.resolve(cwd, base);
      const matcher = globMatcher(rest);
      if ('problem' in matcher) {
        problems.push(`${arg}: not a valid pattern: ${matcher.problem}`);
        continue;
      }
      const before = found.size;
      const matches = (file: string): boolean => matcher.matches(path.relative(root, file).split(path.sep).join('/'));
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
