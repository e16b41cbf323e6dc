// Loaded by the extension host as `extensionTestsPath` in a second window opened on the same
// generated workspace after the first one closed (see test/host/runIntegration.mjs).
import { runSuite } from '../../integration/index';

export function run(): Promise<void> {
  const results = process.env.ENGAGEMENT_TEST_RESULTS;
  return runSuite(__dirname, results && results.replace(/\.json$/, '.reopen.json'));
}
