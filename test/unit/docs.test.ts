import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CATALOG } from '../../src/core';
import { readmeWithTable, rulePage } from '../../tools/ruleDocs';
import { ROOT } from './helpers';

describe('documentation', () => {
  it('has an up-to-date page for every rule (run `npm run docs` after changing a rule)', () => {
    for (const rule of RULE_CATALOG) {
      const file = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${rule.id}.md is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), rulePage(rule), `docs/rules/${rule.id}.md is out of date`);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, RULE_CATALOG.map((r) => r.id).sort(), 'no page for a rule that does not exist');
  });

  it('lists every rule in the README', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, readmeWithTable(readme), 'README.md rule table is out of date');
  });

  it('names every rule id of the format', () => {
    const spec = [
      'schema', 'duplicate-id', 'unknown-reference', 'term-dates', 'commitment-too-low', 'surge-too-long',
      'authority-area-missing', 'authority-advisory-only', 'authority-decider', 'authority-process',
      'authority-budget-limit', 'authority-strategy', 'access-crm', 'access-ceo', 'reporting-too-frequent',
      'reporting-missing', 'kpi-not-measurable', 'kpi-balance', 'kpi-direction', 'kpi-deadline',
      'kpi-outside-influence', 'plan-coverage', 'plan-diagnostic-first', 'plan-activity-outside-phase',
      'plan-wins-and-initiatives', 'review-criteria', 'portfolio-overcommitted',
    ];
    assert.deepEqual(RULE_CATALOG.map((r) => r.id), spec);
  });
});
