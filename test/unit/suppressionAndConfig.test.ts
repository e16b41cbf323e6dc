import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { BASE, edit, expectFinding, expectNoFinding, findingsOf } from './helpers';

const VIEW_ONLY = edit(BASE, 'crm: full', 'crm: view');

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = edit(VIEW_ONLY, '  crm: view\n', '  # engagement-disable-next-line access-crm\n  crm: view\n');
    expectNoFinding(text, 'access-crm');
    const elsewhere = edit(text, 'ceo-one-on-one: weekly', 'ceo-one-on-one: monthly');
    expectFinding(elsewhere, 'access-ceo', 'ceo-one-on-one: |monthly');
  });

  it('disable-next-line takes a comma-separated list', () => {
    let text = edit(BASE, 'days-per-week: 2', 'days-per-week: 1');
    text = edit(text, '  days-per-week: 1\n', '  # engagement-disable-next-line schema, commitment-too-low\n  days-per-week: 1\n');
    expectNoFinding(text, 'commitment-too-low');
  });

  it('a suppression for another rule changes nothing', () => {
    const text = edit(VIEW_ONLY, '  crm: view\n', '  # engagement-disable-next-line access-ceo\n  crm: view\n');
    expectFinding(text, 'access-crm', 'crm: |view');
  });

  it('disable silences a rule in the whole file', () => {
    const text = '# engagement-disable access-crm\n' + VIEW_ONLY;
    expectNoFinding(text, 'access-crm');
  });

  it('an unknown rule id in a comment is reported where it is written', () => {
    const text = '# engagement-disable acess-crm\n' + VIEW_ONLY;
    const finding = expectFinding(text, 'schema', '# engagement-disable |acess-crm');
    assert.match(finding.message, /Unknown rule `acess-crm`/);
    expectFinding(text, 'access-crm', 'crm: |view');
  });
});

describe('.engagementrc.yaml', () => {
  it('changes severities and turns rules off', () => {
    const config = parseConfig('rules:\n  access-crm: error\n  kpi-balance: off\n');
    assert.deepEqual(config.findings, []);
    const text = edit(VIEW_ONLY, 'type: lagging', 'type: leading');
    const analysis = analyze(text, { rules: config.rules });
    assert.equal(findingsOf(analysis, 'access-crm')[0]?.severity, 'error');
    assert.deepEqual(findingsOf(analysis, 'kpi-balance'), []);
  });

  it('reports unknown rule ids and bad settings at their place', () => {
    const text = 'rules:\n  access-crn: error\n  kpi-balance: loud\nextra: 1\n';
    const config = parseConfig(text);
    const at = (f: { range: { start: number } }): string => text.slice(f.range.start, f.range.start + 10);
    assert.deepEqual(
      config.findings.map((f) => [f.ruleId, f.severity, at(f)]),
      [
        ['config', 'error', 'access-crn'],
        ['config', 'error', 'loud\nextra'],
        ['config', 'error', 'extra: 1\n'],
      ],
    );
    assert.match(config.findings.find((f) => at(f).startsWith('access'))!.message, /Did you mean `access-crm`\?/);
    assert.deepEqual(config.rules, {});
  });

  it('reports broken YAML in the configuration', () => {
    const config = parseConfig('rules: [\n');
    assert.ok(config.findings.length > 0);
    assert.ok(config.findings.every((f) => f.ruleId === 'config'));
  });
});
