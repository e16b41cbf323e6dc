// npm start: opens the examples in a real VS Code with the extension. Desktop `code` when
// it is installed (as an extension development host); otherwise code-server, with the
// packed extension installed, on a localhost URL printed here. Ctrl+C stops it.
// `--check` (in `npm test`): code-server always, and once the URL is printed, it is asked
// for the workbench page, then everything stops: what a person would open works.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installVsix, isolatedEnv, startCodeServer } from '../test/host/codeServer.mjs';
import { ensureTestHost } from '../test/host/install.mjs';

const root = resolve(import.meta.dirname, '..');
const examples = join(root, 'examples');
// The build as `npm run build` does it: the schema's validator is generated first (it is not
// in git), then bundled.
for (const step of ['tools/generate-validator.mjs', 'esbuild.mjs']) execFileSync(process.execPath, [join(root, step)], { cwd: root, stdio: 'inherit' });

const check = process.argv.includes('--check');
const code = spawnSync('code', ['--version'], { stdio: 'ignore' });
if (code.status === 0 && !process.env.ENGAGEMENT_KIT_USE_CODE_SERVER && !check) {
  console.log('Opening the examples in VS Code with the extension under development…');
  spawnSync('code', ['--extensionDevelopmentPath', root, examples], { stdio: 'inherit' });
} else {
  const scratch = mkdtempSync(join(tmpdir(), 'engagement-start-'));
  const vsix = join(scratch, 'engagement-kit.vsix');
  execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const host = ensureTestHost();
  const env = isolatedEnv(scratch);
  mkdirSync(join(scratch, 'tmp'), { recursive: true });
  const server = await startCodeServer({ host, scratch, env, smokeTestDriver: false });
  await installVsix(host, server, env, vsix);
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(examples)}`;
  console.log(`\nVS Code (code-server) with Engagement Kit is running. Open:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  if (check) {
    const response = await fetch(url);
    const page = await response.text();
    await server.stop();
    const works = response.ok && /vs\/workbench|workbench\.(web\.main|js)/.test(page);
    console.log(works ? 'npm start: the URL serves the VS Code workbench.' : `npm start: the URL answered ${response.status} without the workbench.`);
    process.exit(works ? 0 : 1);
  }
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}
