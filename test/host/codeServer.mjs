// Runs the integration suite inside code-server: the real VS Code workbench and extension
// host, installed from npm, driven by Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const LOG_TAG = '[engagement-test]';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An environment that keeps everything code-server and Chromium write inside `scratch`. */
export function isolatedEnv(scratch, extra = {}) {
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', TMPDIR: 'tmp' };
  const env = { ...process.env, ...extra };
  for (const [name, sub] of Object.entries(dirs)) {
    env[name] = join(scratch, sub);
    mkdirSync(env[name], { recursive: true });
  }
  return env;
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  // The web workbench saves edited files after a second by default (VS Code on the desktop
  // does not): tests of unsaved edits would race it and could leave a shared file saved mid-test.
  'files.autoSave': 'off',
};

/**
 * Starts code-server on a free port; resolves once /healthz answers. Workspace trust is off
 * unless `workspaceTrust` is set: then folders open in Restricted Mode until trusted.
 */
export async function startCodeServer({ host, scratch, env, settings = {}, smokeTestDriver = true, workspaceTrust = false }) {
  const userData = join(scratch, 'user-data');
  const extensions = join(scratch, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const trust = workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust, ...settings }, null, 2));
  const port = await freePort();
  const args = [
    host.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(host.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, userData, extensions, stop, output: () => output };
}

export function installVsix(host, server, env, vsix) {
  return new Promise((resolve, reject) => {
    const child = spawn(host.node, [host.codeServer, '--user-data-dir', server.userData, '--extensions-dir', server.extensions, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`installing ${vsix} failed (${code}):\n${output}`))));
  });
}

export async function launchBrowser(scratch, env) {
  return chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Opens the workbench with the test payload and resolves with the exit code the extension
 * host's test run reports through `codeAutomationExit`. Reporter lines are echoed.
 */
export async function runTestsInWorkbench({ context, port, workspace, extensionPath, testsPath, timeoutMs = 600_000, newPage = false }) {
  // A page can expose the exit function only once: a second run needs a page of its own.
  const page = (!newPage && context.pages()[0]) || (await context.newPage());
  const exit = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))).catch(() => undefined);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (process.env.ENGAGEMENT_TEST_CONSOLE_LOG) appendFileSync(process.env.ENGAGEMENT_TEST_CONSOLE_LOG, `[${message.type()}] ${text}\n`);
    const at = text.indexOf(LOG_TAG);
    if (at >= 0) process.stdout.write(`${text.slice(at + LOG_TAG.length + 1)}\n`);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the test run did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return { code: await Promise.race([exit, timeout]), page };
  } finally {
    clearTimeout(timer);
  }
}
