import * as fs from 'node:fs';

/**
 * Whether a directory entry of this name exists, even a link to nothing or a link in a
 * loop. The configuration lookup asks this rather than `existsSync`, which follows links:
 * a broken `.engagementrc.yaml` must be reported where it is, not skipped in favour of a
 * parent folder's configuration that may say something else entirely.
 */
export function nameExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
