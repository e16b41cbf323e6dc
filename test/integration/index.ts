// Loaded by the extension host (VS Code or code-server) as `extensionTestsPath`: runs the
// integration suite with mocha and resolves or rejects, which becomes the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Prefix of every reporter line, so the runner can pick them out of the workbench's console. */
export const LOG_TAG = '[engagement-test]';

export function run(): Promise<void> {
  return runSuite(__dirname, process.env.ENGAGEMENT_TEST_RESULTS);
}

/** Runs every `*.test.js` of a folder with mocha, writing pass and fail counts to `resultsFile`. */
export function runSuite(dir: string, resultsFile: string | undefined): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, forbidOnly: true, color: false, reporter: 'spec' });
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(`${LOG_TAG} ${format(...args)}`);
  const filter = process.env.ENGAGEMENT_TEST_GREP;
  if (filter) mocha.grep(filter);
  for (const file of fs.readdirSync(dir).sort()) if (file.endsWith('.test.js')) mocha.addFile(path.join(dir, file));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures }));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
