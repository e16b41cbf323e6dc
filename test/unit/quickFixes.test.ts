import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { applyEdits, quickFixesFor } from '../../src/core/editing/quickFixes';
import type { Finding } from '../../src/core/types';
import { BASE, edit } from './helpers';

/** Applies the first (specific) fix for `ruleId`'s finding and returns the new text. */
function fix(text: string, ruleId: string, which: 'specific' | 'disable' = 'specific', nth = 0): string {
  const analysis = analyze(text);
  const finding = analysis.findings.filter((f: Finding) => f.ruleId === ruleId)[nth];
  assert.ok(finding, `${ruleId} fires`);
  const fixes = quickFixesFor(analysis, text, finding);
  const chosen = which === 'disable' ? fixes.find((f) => f.title.startsWith('Disable')) : fixes.find((f) => f.preferred);
  assert.ok(chosen, `a ${which} fix for ${ruleId}`);
  return applyEdits(text, chosen.edits);
}

const COMMENTED = edit(BASE, 'access:\n', '# how the executive reaches people and data\naccess:   # agreed 2026-01-02\n');

function assertOnlyChange(before: string, after: string, expected: string): void {
  assert.equal(after, expected);
  for (const line of before.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(line), `comment kept: ${line}`);
}

describe('quick fixes', () => {
  it('replaces an unknown key with the closest known key', () => {
    const text = edit(COMMENTED, '    target: 300\n', '    targt: 300\n');
    assertOnlyChange(text, fix(text, 'schema'), COMMENTED);
  });

  it('replaces a bad enum value with the closest allowed value', () => {
    const text = edit(COMMENTED, 'status: active', 'status: actve');
    assertOnlyChange(text, fix(text, 'schema'), COMMENTED);
  });

  it('grants full CRM access', () => {
    const text = edit(COMMENTED, 'crm: full', 'crm: view');
    assertOnlyChange(text, fix(text, 'access-crm'), COMMENTED);
  });

  it('adds the missing KPI fields as placeholders, in block style', () => {
    const text = edit(COMMENTED, '    baseline: 50\n    target: 80\n', '');
    const fixed = fix(text, 'kpi-not-measurable');
    assertOnlyChange(text, fixed, edit(text, '    by: day 90\n', '    by: day 90\n    baseline: 0\n    target: 0\n'));
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.ruleId === 'kpi-not-measurable'), []);
  });

  it('adds the missing KPI fields in flow style', () => {
    const text = edit(BASE, '  - id: revenue\n    name: Revenue\n    type: lagging\n    baseline: 50\n    target: 80\n    by: day 90\n', '  - { id: revenue, name: Revenue, type: lagging }\n');
    assert.equal(fix(text, 'kpi-not-measurable'), edit(text, 'type: lagging }', 'type: lagging, baseline: 0, target: 0, by: day 90 }'));
  });

  it('adds a missing authority area with a row skeleton', () => {
    const area = '  strategy:\n    - id: icp\n      decision: Ideal customer profile\n      exec: recommend\n      ceo: decide\n';
    const text = edit(COMMENTED, area, '');
    const fixed = fix(text, 'authority-area-missing');
    const expected = edit(text, '      exec: decide\n# how the executive', '      exec: decide\n  strategy:\n    - decision: What is decided\n      exec: decide\n# how the executive');
    assertOnlyChange(text, fixed, expected);
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.ruleId === 'authority-area-missing'), []);
  });

  it('fills an empty authority area', () => {
    const text = edit(BASE, '  process:\n    - id: stages\n      decision: Sales stages\n      exec: decide\n', '  process: []\n');
    assert.equal(fix(text, 'authority-area-missing'), edit(text, '  process: []\n', '  process:\n    - decision: What is decided\n      exec: decide\n'));
  });

  it('disables a rule for one line, then adds to the same comment', () => {
    const text = edit(edit(BASE, 'crm: full', 'crm: view'), 'ceo-one-on-one: weekly', 'ceo-one-on-one: monthly');
    const once = fix(text, 'access-crm', 'disable');
    assert.equal(once, edit(text, '  crm: view\n', '  # engagement-disable-next-line access-crm\n  crm: view\n'));
    assert.deepEqual(analyze(once).findings.map((f) => f.ruleId), ['access-ceo']);
    const already = edit(text, '  crm: view\n', '  # engagement-disable-next-line access-ceo\n  crm: view\n');
    assert.equal(fix(already, 'access-crm', 'disable'), edit(text, '  crm: view\n', '  # engagement-disable-next-line access-ceo, access-crm\n  crm: view\n'));
  });

  it('keeps CRLF line endings', () => {
    const text = edit(BASE, '    baseline: 50\n', '').replace(/\n/g, '\r\n');
    const fixed = fix(text, 'kpi-not-measurable');
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
  });
});
