import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

/**
 * Workspace trust rests on one promise: nothing from a workspace is executed or compiled.
 * The bundles that ship are checked for every way JavaScript can turn text into code or
 * start a process, and the settings for anything that could point at code. (Restricted
 * Mode itself is exercised in the workbench: test/host/restrictedMode.mjs.)
 */
describe('workspace trust', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { type: string; scope?: string }> } };
  };

  it('declares full support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('has no setting a workspace could point at code, a schema or a program', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(settings.sort(), ['engagementKit.export.browser', 'engagementKit.export.paper', 'engagementKit.locale', 'engagementKit.rules', 'engagementKit.today', 'engagementKit.validation.delay'], 'a new setting needs a look: does it name a file, a schema or a command?');
    // The one that names a program (the browser printing a PDF) is the machine's alone: no workspace can set it.
    assert.equal(manifest.contributes.configuration.properties['engagementKit.export.browser']!.scope, 'machine');
  });

  const textAsCode = [/\bnew Function\s*\(/, /\beval\s*\(/, /["']node:vm["']|["']vm["']/, /\bimport\s*\(/, /\brequire\(\s*[^"'\s)]/];
  for (const bundle of ['dist/extension.js', 'dist/languageClient.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'dist/cli.js', 'dist/webview/preview.js']) {
    it(`${bundle} cannot run text as code`, () => {
      const code = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      for (const pattern of textAsCode) assert.doesNotMatch(code, pattern, `${bundle} contains ${pattern}`);
    });
  }

  /**
   * The processes the product starts: its own server (`src/extension/serverProcess.ts`
   * forks `dist/server.js`, a path inside the extension), and git, which the command line's
   * `diff` runs for a `REV:PATH` side (`src/cli/git.ts`). The client and server libraries
   * also hold code that starts processes (other transports, npm to find global modules),
   * which the product never calls. So `child_process` may appear in those bundles and the
   * command line's, and in the product's own code only in those two files.
   */
  it('starts a browser only to print a PDF, from one file the command line and the desktop extension share', () => {
    const own = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
    const printing = own(path.join(ROOT, 'src')).filter((file) => /require\(['"]playwright-core['"]\)|^import (?!type\b)[^;]*['"]playwright-core['"]/m.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(printing.map((f) => path.relative(ROOT, f)), [path.join('src', 'print', 'printPdf.ts')]);
    // Not bundled: loaded as installed (the command line) or as the .vsix ships it (dist/vendor), only when a PDF is asked for.
    for (const bundle of ['dist/cli.js', 'dist/server.js', 'dist/extension.js', 'dist/printPdf.js', 'dist/web/server.js', 'dist/web/extension.js']) assert.doesNotMatch(fs.readFileSync(path.join(ROOT, bundle), 'utf8'), /class Chromium\b|chromium\.launch\(\)/, bundle);
  });

  it('starts no process but its server, and git for the command line', () => {
    for (const bundle of ['dist/web/extension.js', 'dist/web/server.js', 'dist/webview/preview.js', 'dist/webview/portfolio.js']) {
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, bundle), 'utf8'), /child_process/, bundle);
    }
    const own = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
    // Importing the module for its values, not its types (`import type { ChildProcess }`), or requiring it.
    const starting = own(path.join(ROOT, 'src')).filter((file) => /^import (?!type\b)[^;]*['"](node:)?child_process['"]|require\(['"](node:)?child_process['"]\)/m.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(starting.map((f) => path.relative(ROOT, f)).sort(), [path.join('src', 'cli', 'git.ts'), path.join('src', 'extension', 'serverProcess.ts')]);
    const programs = [...fs.readFileSync(path.join(ROOT, 'src', 'cli', 'git.ts'), 'utf8').matchAll(/\bexecFileSync\(([^,]+),/g)].map((m) => m[1]);
    assert.ok(programs.length > 0 && programs.every((p) => p === "'git'"), `git.ts runs ${programs.join(', ')}`);
    const forks = [...fs.readFileSync(path.join(ROOT, 'src', 'extension', 'serverProcess.ts'), 'utf8').matchAll(/\bfork\(([^,]+),/g)].map((m) => m[1]);
    assert.deepEqual(forks, ['serverModule']);
    const extension = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'extension.ts'), 'utf8');
    assert.match(extension, /const serverModule = vscode\.Uri\.joinPath\(context\.extensionUri, 'dist', 'server\.js'\)\.fsPath;/, 'the module forked is the server bundle inside the extension');
  });
});
