// Loaded by the extension host as `extensionTestsPath` in a window opened on a generated
// workspace of 1,000 engagement files (see test/host/runIntegration.mjs).
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  const results = process.env.ENGAGEMENT_TEST_RESULTS;
  return runSuite(__dirname, results && results.replace(/\.json$/, '.performance.json'));
}
