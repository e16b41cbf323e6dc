// Integration tests inside a real VS Code. Packs the extension into a .vsix and runs the
// suite in the extension host with the packed extension: through @vscode/test-electron
// where VS Code can be downloaded, else through code-server from npm (see install.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installVsix, isolatedEnv, launchBrowser, runTestsInWorkbench, startCodeServer } from './codeServer.mjs';
import { ensureTestHost } from './install.mjs';
import { runRestrictedModeChecks } from './restrictedMode.mjs';
import { runGitChecks } from './gitChanges.mjs';
import { runPortfolioChecks } from './portfolioPage.mjs';
import { runAccessibilityChecks } from './accessibilityChecks.mjs';
import { runWebWorkerChecks } from './webWorkerHost.mjs';
import { runUiTests } from './uiTests.mjs';
import { unpackVsix } from './unpackVsix.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const testsPath = join(root, 'out', 'test', 'integration', 'index.js');
const performanceTestsPath = join(root, 'out', 'test', 'performance', 'index.js');
const reopenTestsPath = join(root, 'out', 'test', 'performance', 'reopen', 'index.js');
const artifacts = join(root, 'test-artifacts');
const NETWORK_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH']);

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'engagement-integration-'));
  // The workbench's artifacts are written again; the browser tests', run before, are kept.
  mkdirSync(artifacts, { recursive: true });
  for (const entry of readdirSync(artifacts)) if (entry !== 'browser') rmSync(join(artifacts, entry), { recursive: true, force: true });
  try {
    const vsix = join(scratch, 'engagement-kit.vsix');
    execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const extensionPath = await unpackVsix(vsix, join(scratch, 'unpacked'));
    const workspace = join(scratch, 'workspace');
    cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });

    if (process.env.ENGAGEMENT_KIT_TEST_HOST !== 'code-server') {
      const code = await tryTestElectron(extensionPath, workspace);
      if (code !== undefined) return code;
    }
    return await runWithCodeServer({ scratch, vsix, extensionPath, workspace });
  } finally {
    if (!process.env.ENGAGEMENT_KIT_KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Desktop VS Code through @vscode/test-electron; undefined when it cannot be downloaded here. */
async function tryTestElectron(extensionPath, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({ extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath, launchArgs: [workspace, '--disable-workspace-trust'] });
    const large = join(workspace, '..', 'workspace-1000');
    const { writeWorkspace, readExamples } = createRequire(import.meta.url)(join(root, 'out', 'bench', 'workspace.js'));
    writeWorkspace(large, 1000, readExamples(root));
    await runTests({ extensionDevelopmentPath: extensionPath, extensionTestsPath: performanceTestsPath, launchArgs: [large, '--disable-workspace-trust'] });
    await runTests({ extensionDevelopmentPath: extensionPath, extensionTestsPath: reopenTestsPath, launchArgs: [large, '--disable-workspace-trust'] });
    return 0;
  } catch (err) {
    const code = err?.code ?? err?.cause?.code;
    if (NETWORK_ERRORS.has(code) || /download|getaddrinfo|fetch failed/i.test(String(err?.message))) {
      console.log(`VS Code cannot be downloaded here (${code ?? err.message}); running the tests in code-server instead.`);
      return undefined;
    }
    console.error(err);
    return 1;
  }
}

async function runWithCodeServer({ scratch, vsix, extensionPath, workspace }) {
  const host = ensureTestHost();
  const resultsFile = join(scratch, 'results.json');
  const env = isolatedEnv(scratch, { ENGAGEMENT_TEST_RESULTS: resultsFile });
  const server = await startCodeServer({ host, scratch, env });
  let context;
  try {
    await installVsix(host, server, env, vsix); // the .vsix installs as a user's would
    context = await launchBrowser(scratch, env);
    const started = Date.now();
    const { code, page } = await runTestsInWorkbench({ context, port: server.port, workspace, extensionPath, testsPath });
    await page.screenshot({ path: join(artifacts, 'integration-final.png') }).catch(() => undefined);
    const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
    console.log(`\nIntegration tests in code-server finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}.`);
    if (!results) {
      console.log('The extension host reported no results: the test module did not run.');
      return 1;
    }
    console.log(`Integration: ${results.passes} passed, ${results.failures} failed.`);

    // A fresh window without the test payload loads the extension installed from the .vsix.
    const emptyFolder = join(scratch, 'empty');
    mkdirSync(emptyFolder, { recursive: true });
    const ui = await runUiTests({ context, port: server.port, workspace, emptyFolder, artifacts });
    console.log(`\n  ${ui.passed} passing${ui.failed ? `\n  ${ui.failed} failing` : ''}`);

    const performance = await runPerformanceSuite({ context, port: server.port, scratch, extensionPath, resultsFile });

    const restricted = await runRestrictedModeChecks({ host, scratch, vsix, workspaceSource: join(root, 'test', 'integration', 'workspace'), artifacts });
    console.log(`\n  ${restricted.passed} passing${restricted.failed ? `\n  ${restricted.failed} failing` : ''}`);
    const web = await runWebWorkerChecks({ host, scratch, vsix, workspaceSource: join(root, 'test', 'integration', 'workspace'), artifacts });
    console.log(`\n  ${web.passed} passing${web.failed ? `\n  ${web.failed} failing` : ''}`);
    const changes = await runGitChecks({ host, scratch, vsix, workspaceSource: join(root, 'test', 'integration', 'workspace'), artifacts });
    console.log(`\n  ${changes.passed} passing${changes.failed ? `\n  ${changes.failed} failing` : ''}`);
    const portfolio = await runPortfolioChecks({ host, scratch, vsix, artifacts });
    console.log(`\n  ${portfolio.passed} passing${portfolio.failed ? `\n  ${portfolio.failed} failing` : ''}`);
    const accessibility = await runAccessibilityChecks({ host, scratch, vsix, workspaceSource: join(root, 'test', 'integration', 'workspace'), artifacts });
    console.log(`\n  ${accessibility.passed} passing${accessibility.failed ? `\n  ${accessibility.failed} failing` : ''}`);
    return code || (ui.failed ? 1 : 0) || performance || (restricted.failed ? 1 : 0) || (web.failed ? 1 : 0) || (changes.failed ? 1 : 0) || (portfolio.failed ? 1 : 0) || (accessibility.failed ? 1 : 0);
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * A second window, opened on a generated workspace of 1,000 engagement files: measures
 * activation, the first full index and keystroke-to-diagnostics on a 5,000-line file. Then,
 * that window closed, a third on the same workspace: measures opening it again.
 */
async function runPerformanceSuite({ context, port, scratch, extensionPath, resultsFile }) {
  const workspace = join(scratch, 'workspace-1000');
  const { writeWorkspace, readExamples } = createRequire(import.meta.url)(join(root, 'out', 'bench', 'workspace.js'));
  writeWorkspace(workspace, 1000, readExamples(root));
  const suites = [
    ['Performance', performanceTestsPath, '.performance.json'],
    ['Opened again', reopenTestsPath, '.reopen.json'],
  ];
  for (const [name, testsPath, suffix] of suites) {
    const { code, page } = await runTestsInWorkbench({ context, port, workspace, extensionPath, testsPath, newPage: true });
    // Closed, so that the next window has the machine to itself, as a reopened workspace would.
    await page.close().catch(() => undefined);
    const file = resultsFile.replace(/\.json$/, suffix);
    const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    console.log(results ? `${name}: ${results.passes} passed, ${results.failures} failed.` : `${name}: the extension host reported no results.`);
    if (code || !results) return code || 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
