import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './helpers';

/** Each `require("…")` the bundle's code makes (not ones quoted inside strings). */
function requiredBy(bundle: string): string[] {
  const code = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
  return [...code.matchAll(/(?<!['"])\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
}

/** The .vsix allow-list (.vscodeignore: `**` then `!path` lines, globs only as `dir/**`). */
function shippedByVsix(file: string): boolean {
  const allowed = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());
  return allowed.some((entry) => entry === file || (entry.endsWith('/**') && file.startsWith(entry.slice(0, -2))));
}

/**
 * One distinctive string of each part of the analyzer: js-yaml's exception, `yaml`'s
 * composer, the schema's id (which the generated validator keeps), a rule's id, and a
 * custom property of the rendered styles' timeline (the client ships the preview's styles,
 * not the renderer).
 */
function analyzerMarkers(): string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'engagement.schema.json'), 'utf8')) as { $id: string };
  return ['YAMLException', 'Composer', schema.$id, 'kpi-not-measurable', 'renderTimeline'];
}

/**
 * The client (both builds) draws and asks; the servers analyze. These tests hold that
 * split, and that every bundle the package.json names or the client starts is built and
 * shipped, needing nothing outside itself.
 */
describe('the bundles', () => {
  for (const client of ['dist/extension.js', 'dist/languageClient.js', 'dist/web/extension.js']) {
    it(`${client} holds no analyzer: no parser, schema, rule or renderer`, () => {
      const code = fs.readFileSync(path.join(ROOT, client), 'utf8');
      for (const marker of analyzerMarkers()) assert.ok(!code.includes(marker), marker);
    });
  }

  it('the Node client loads at activation neither the language client library nor anything but vscode, Node and the bundles beside it', () => {
    const others = requiredBy('dist/extension.js').filter((r) => r !== 'vscode' && !r.startsWith('node:') && !isBuiltin(r));
    assert.deepEqual(others.sort(), ['./languageClient.js', './printPdf.js']);
    // A message of vscode-languageclient's own: the library is in the second bundle only.
    const marker = 'Client is not running';
    assert.ok(!fs.readFileSync(path.join(ROOT, 'dist', 'extension.js'), 'utf8').includes(marker));
    assert.ok(fs.readFileSync(path.join(ROOT, 'dist', 'languageClient.js'), 'utf8').includes(marker));
    assert.deepEqual(requiredBy('dist/languageClient.js').filter((r) => r !== 'vscode' && !r.startsWith('node:') && !isBuiltin(r)), []);
  });

  it('the browser builds require nothing of Node', () => {
    assert.deepEqual(requiredBy('dist/web/extension.js').filter((r) => r !== 'vscode'), []);
    assert.deepEqual(requiredBy('dist/web/server.js'), []);
  });

  it('the Node server requires only Node built-ins, and holds the analyzer', () => {
    assert.deepEqual(requiredBy('dist/server.js').filter((r) => !r.startsWith('node:') && !isBuiltin(r)), []);
    const code = fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8');
    for (const marker of analyzerMarkers()) assert.ok(code.includes(marker), marker);
  });

  for (const file of ['dist/extension.js', 'dist/languageClient.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js', 'dist/webview/preview.js', 'dist/webview/portfolio.js']) {
    it(`ships ${file}`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is not built`);
      assert.ok(shippedByVsix(file), `${file} is not in the .vscodeignore allow-list`);
    });
  }

  it('prints through the copy of the browser driver the .vsix ships, and only that', () => {
    assert.deepEqual(requiredBy('dist/printPdf.js').filter((r) => !r.startsWith('node:') && !isBuiltin(r)), ['./vendor/playwright-core/index.js']);
    for (const file of ['dist/printPdf.js', 'dist/vendor/playwright-core/index.js', 'dist/vendor/playwright-core/package.json', 'dist/vendor/playwright-core/lib/coreBundle.js', 'dist/vendor/playwright-core/LICENSE']) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is not built`);
      assert.ok(shippedByVsix(file), `${file} is not in the .vscodeignore allow-list`);
    }
  });

  it('names the two client builds in package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
  });
});
