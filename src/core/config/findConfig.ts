import * as path from 'node:path';
import { CONFIG_FILE_NAME } from './engagementConfig';

/**
 * The nearest `.engagementrc.yaml` at or above `directory`, like ESLint and Prettier find
 * theirs. `exists` is passed in so the editor can answer from its own file system API.
 */
export function findConfigFile(directory: string, exists: (file: string) => boolean): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
