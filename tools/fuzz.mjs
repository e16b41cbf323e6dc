// `npm run fuzz`: the property-based tests, run long. Any failing input is shrunk, saved under
// test/fixtures/regressions (replayed by every `npm test` after) and reported with its seed.
// Usage: npm run fuzz [-- --runs N]   (default 20,000 cases per property)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 20_000;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('fuzz: --runs takes a positive whole number.');
  process.exit(2);
}
const specs = ['properties', 'quickFixProperties', 'yamlPaths', 'render', 'previewProtocol', 'regressions'].map((name) => `out/test/unit/${name}.test.js`);
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', '--reporter', 'spec', ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ENGAGEMENT_FUZZ_RUNS: String(runs), ENGAGEMENT_FUZZ_LONG: '1', ENGAGEMENT_FUZZ_SAVE: '1' },
});
process.exit(result.status ?? 1);
