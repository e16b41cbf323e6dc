import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
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

const LOADED_ON_FIRST_USE = ['../schemas/engagement.schema.json', './js-yaml.js', './validateEngagement.js', './yaml.js'];

/**
 * The extension bundle holds what activation and the workspace scan need. It leaves the
 * rest of the core to `dist/onDemand.js`, which leaves the two YAML parsers, the generated
 * validator and the schema JSON to files of their own, each loaded on first use
 * (esbuild.mjs). These tests hold that split: the files required are built and shipped, and
 * the code left out really is out.
 */
describe('the extension bundle', () => {
  const requires = requiredBy('dist/extension.js');
  const ownFiles = requires.filter((r) => r.startsWith('.'));

  it('requires only vscode, Node built-ins and its own files loaded on first use', () => {
    const others = requires.filter((r) => r !== 'vscode' && !r.startsWith('node:') && !r.startsWith('.'));
    assert.deepEqual(others, []);
    assert.deepEqual([...new Set(ownFiles)].sort(), ['./onDemand.js']);
  });

  it('leaves to the on-demand core only the files loaded on first use', () => {
    const needs = requiredBy('dist/onDemand.js').filter((r) => !r.startsWith('node:'));
    assert.deepEqual([...new Set(needs)].sort(), LOADED_ON_FIRST_USE);
  });

  for (const file of ['./onDemand.js', ...LOADED_ON_FIRST_USE]) {
    it(`finds ${file} next to it, and the .vsix ships it`, () => {
      const shipped = path.posix.join('dist', file);
      assert.ok(fs.existsSync(path.join(ROOT, shipped)), `${shipped} is not built`);
      assert.ok(shippedByVsix(shipped), `${shipped} is not in the .vscodeignore allow-list`);
    });
  }

  it('starts a scan thread whose file is built, shipped, and needs nothing but the same files', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'scanWorker.js')));
    assert.ok(shippedByVsix('dist/scanWorker.js'));
    const needs = requiredBy('dist/scanWorker.js').filter((r) => !r.startsWith('node:'));
    assert.deepEqual([...new Set(needs)].sort(), LOADED_ON_FIRST_USE);
  });

  it('does not contain the parsers, the schema, the rules or the rendering it loads on first use', () => {
    const code = fs.readFileSync(path.join(ROOT, 'dist', 'extension.js'), 'utf8');
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'engagement.schema.json'), 'utf8')) as { $id: string; properties: { commitment: { description: string } } };
    // One distinctive string of each: js-yaml's exception, `yaml`'s composer, a description
    // from the schema (the generated validator keeps none), the schema's id, which the
    // generated validator keeps, a rule's id, and a custom property of the rendered styles.
    for (const marker of ['YAMLException', 'Composer', schema.properties.commitment.description, schema.$id, 'kpi-not-measurable', '--ek-band']) assert.ok(!code.includes(marker), marker);
  });
});
