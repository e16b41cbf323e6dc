import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/** A new empty folder under the system's temporary folder, removed when the test run ends. */
export function scratchFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Loaded by mocha as a root hook plugin (`.mocharc.json`), so every scratch folder is
 * removed once all files have run, passed or failed, and runs do not fill the disk.
 */
export const mochaHooks = {
  afterAll(): void {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  },
};
