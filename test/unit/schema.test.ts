import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { analyze } from '../../src/core/analyze';
import { engagementSchema } from '../../src/core/schema/engagementSchema';
import { BASE, edit, expectFinding } from './helpers';

describe('schema findings', () => {
  it('the schema is valid draft-07 and every property has a description', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(engagementSchema()), true, JSON.stringify(ajv.errors));
    const missing: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (!value.description) missing.push(`${where}.${key}`);
        visit(value, `${where}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'properties' && typeof value === 'object') visit(value, `${where}/${key}`);
    };
    visit(engagementSchema(), '#');
    assert.deepEqual(missing, []);
  });

  it('an unknown key is reported on the key, with the closest known key', () => {
    const text = edit(BASE, '    target: 300\n', '    targt: 300\n');
    const finding = expectFinding(text, 'schema', '|targt: 300');
    assert.match(finding.message, /Unknown key `targt` in kpis\[0\]\. Did you mean `target`\?/);
    assert.equal(finding.suggestion, 'target');
    assert.equal(finding.range.end - finding.range.start, 'targt'.length);
  });

  it('an unknown key far from any known one lists the known keys', () => {
    const finding = expectFinding(edit(BASE, 'access:\n', 'access:\n  xyzzy: 1\n'), 'schema', '|xyzzy');
    assert.match(finding.message, /Known keys: crm, financials, ceo-one-on-one, meetings/);
  });

  it('a wrong enum value is reported on the value, listing what is allowed and the closest', () => {
    const finding = expectFinding(edit(BASE, 'status: active', 'status: actve'), 'schema', 'status: |actve');
    assert.match(finding.message, /must be one of: draft, proposed, active, paused, completed, ended/);
    assert.match(finding.message, /Did you mean `active`\?/);
  });

  it('a wrong type is reported on the value', () => {
    const finding = expectFinding(edit(BASE, '    baseline: 100\n', '    baseline: a hundred\n'), 'schema', 'baseline: |a hundred');
    assert.match(finding.message, /`kpis\[0\]\.baseline` must be a number, found the text `a hundred`/);
  });

  it('a malformed date and an impossible date are reported on the value', () => {
    const malformed = expectFinding(edit(BASE, 'start: 2026-01-05', 'start: 5 Jan 2026'), 'schema', 'start: |5 Jan 2026');
    assert.match(malformed.message, /a date as YYYY-MM-DD/);
    const impossible = expectFinding(edit(BASE, 'start: 2026-01-05', 'start: 2026-02-30'), 'schema', 'start: |2026-02-30');
    assert.match(impossible.message, /not a real calendar date/);
  });

  it('a missing required key is reported on the parent key', () => {
    const finding = expectFinding(edit(BASE, '  name: Base Co\n', '  industry: Software\n'), 'schema', '|client:');
    assert.match(finding.message, /`client` is missing the required key `name`/);
  });

  it('a missing top-level section is reported on the first key of the file', () => {
    const text = edit(BASE, 'mandate:\n  problem: Pipeline is thin.\n  mode: lead\n', '');
    const finding = expectFinding(text, 'schema', '|format: engagement/v1');
    assert.match(finding.message, /missing the required key `mandate`/);
  });

  it('both or neither of two exclusive keys are named', () => {
    const neither = expectFinding(edit(BASE, '  days-per-week: 2\n', '  surge: []\n'), 'schema', '|commitment:');
    assert.match(neither.message, /exactly one of `days-per-week` or `days-per-month`/);
    const both = expectFinding(edit(BASE, '  end: 2026-06-30\n', '  end: 2026-06-30\n  months: 6\n'), 'schema', '|term:');
    assert.match(both.message, /only one of `end` or `months`/);
  });

  it('a bad value under a party key in an authority row lists the levels', () => {
    const finding = expectFinding(edit(BASE, '      cfo: consult\n', '      cfo: veto\n'), 'schema', 'cfo: |veto');
    assert.match(finding.message, /decide, approve, recommend, consult, inform/);
  });

  it('a backwards range and a wrong format version are reported', () => {
    expectFinding(edit(BASE, 'days: "61-90"', 'days: "90-61"'), 'schema', 'days: |"90-61"');
    const version = expectFinding(edit(BASE, 'format: engagement/v1', 'format: engagement/v2'), 'schema', 'format: |engagement/v2');
    assert.equal(version.suggestion, 'engagement/v1');
  });

  it('a YAML syntax error is reported on its line only, and nothing else is', () => {
    const text = edit(BASE, '  crm: full\n', '  crm: [full\n');
    const analysis = analyze(text);
    assert.ok(analysis.syntaxBroken);
    assert.ok(analysis.findings.length > 0);
    for (const f of analysis.findings) {
      assert.equal(f.ruleId, 'schema');
      const start = analysis.lines.positionAt(f.range.start).line;
      const end = analysis.lines.positionAt(f.range.end).line;
      assert.equal(start, end, 'a syntax error stays on one line');
    }
  });

  it('duplicate keys are reported on the second key', () => {
    const finding = expectFinding(edit(BASE, 'status: active\n', 'status: active\nstatus: draft\n'), 'schema', '|status: draft');
    assert.match(finding.message, /Duplicate key `status`/);
  });
});

describe('suggestions', () => {
  it('count a swap of two neighbouring letters as one typo', async () => {
    const { closest, editDistance } = await import('../../src/core/schema/closest');
    assert.equal(editDistance('drfat', 'draft'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(closest('drfat', ['draft', 'proposed', 'active']), 'draft');
    assert.equal(closest('zzzzz', ['draft', 'proposed', 'active']), undefined);
  });
});
