// Installs the npm packages when they are missing or older than package-lock.json, so that
// `npm test` works on a fresh clone with nothing installed by hand. Plain Node: it runs
// before any dependency exists.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  process.stdout.write('Installing npm packages (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
