import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleName } from '../../src/cli/formatters/sarif';
import { RULE_CATALOG } from '../../src/core/rules';
import { run } from './cliHelpers';
import { ROOT } from './helpers';
import { scratchFolder } from './scratchFolders';

/**
 * `engagement lint --format sarif` as the official validator judges it
 * (`@microsoft/sarif-multitool validate`, the checker code-scanning services build on): over
 * files that give findings of most rules, the schema's and a configuration's, it must report
 * nothing, neither an error nor a warning.
 */
describe('SARIF output, checked by the SARIF validator', function () {
  this.timeout(180_000);

  it('passes @microsoft/sarif-multitool validate with no error and no warning', () => {
    const dir = scratchFolder('engagement-sarif-');
    const lint = run(['lint', path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures'), path.join(ROOT, 'test', 'integration', 'workspace'), '--format', 'sarif', '--today', '2026-03-04'], ROOT);
    assert.ok(lint.code === 1 || lint.code === 2, lint.stderr);
    const sarif = JSON.parse(lint.stdout) as { runs: { results: { ruleId: string }[] }[] };
    const rules = new Set(sarif.runs[0]!.results.map((r) => r.ruleId));
    assert.ok(rules.size >= 8, `findings of ${rules.size} rules: too few to judge the output by`);
    const input = path.join(dir, 'lint.sarif');
    const output = path.join(dir, 'validation.sarif');
    fs.writeFileSync(input, lint.stdout);
    const validator = path.join(ROOT, 'node_modules', '.bin', 'sarif-multitool');
    const checked = spawnSync(validator, ['validate', input, '-o', output], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    assert.equal(checked.status, 0, `${checked.stdout}\n${checked.stderr}`);
    const reported = (JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: { ruleId: string; message: { text?: string } }[] }[] }).runs[0]!.results ?? [];
    assert.deepEqual(reported.map((r) => `${r.ruleId}: ${r.message.text ?? ''}`), []);
    assert.doesNotMatch(checked.stdout, /\b(warning|error) SARIF\d+/);
  });

  it('names each rule for people, apart from its id', () => {
    assert.equal(ruleName('access-crm'), 'AccessCrm');
    assert.equal(ruleName('schema'), 'SchemaCheck');
    for (const rule of RULE_CATALOG) assert.notEqual(ruleName(rule.id).toLowerCase(), rule.id.toLowerCase());
  });
});
