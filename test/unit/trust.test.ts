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
    contributes: { configuration: { properties: Record<string, { type: string }> } };
  };

  it('declares full support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('has no setting that could point at code, a schema or a program', () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(settings.sort(), ['engagementKit.rules', 'engagementKit.today', 'engagementKit.validation.delay'], 'a new setting needs a look: does it name a file, a schema or a command?');
  });

  for (const bundle of ['dist/extension.js', 'dist/onDemand.js', 'dist/scanWorker.js', 'dist/js-yaml.js', 'dist/yaml.js', 'dist/validateEngagement.js', 'dist/cli.js', 'dist/webview/preview.js']) {
    it(`${bundle} cannot run text as code or start a process`, () => {
      const code = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      for (const pattern of [/\bnew Function\s*\(/, /\beval\s*\(/, /child_process/, /["']node:vm["']|["']vm["']/, /\bimport\s*\(/, /\brequire\(\s*[^"'\s)]/]) {
        assert.doesNotMatch(code, pattern, `${bundle} contains ${pattern}`);
      }
    });
  }
});
