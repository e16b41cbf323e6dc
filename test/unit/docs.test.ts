import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CATALOG } from '../../src/core/rules';
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

  it('has every rule id of the format, with its default severity', () => {
    const spec: [string, string][] = [
      ['schema', 'error'], ['duplicate-id', 'error'], ['unknown-reference', 'error'], ['term-dates', 'error'],
      ['commitment-too-low', 'warning'], ['surge-too-long', 'warning'], ['authority-area-missing', 'warning'],
      ['authority-advisory-only', 'warning'], ['authority-decider', 'error'], ['authority-process', 'warning'],
      ['authority-budget-limit', 'warning'], ['authority-strategy', 'info'], ['access-crm', 'warning'],
      ['access-ceo', 'warning'], ['reporting-too-frequent', 'warning'], ['reporting-missing', 'info'],
      ['kpi-not-measurable', 'warning'], ['kpi-balance', 'warning'], ['kpi-direction', 'warning'],
      ['kpi-deadline', 'warning'], ['kpi-outside-influence', 'warning'], ['plan-coverage', 'error'],
      ['plan-diagnostic-first', 'warning'], ['plan-activity-outside-phase', 'warning'],
      ['plan-wins-and-initiatives', 'info'], ['review-criteria', 'info'], ['portfolio-overcommitted', 'warning'],
      // Not in the format's catalog: the format says ids are unique in a workspace, and this rule checks it.
      ['duplicate-engagement-id', 'error'],
    ];
    assert.deepEqual(RULE_CATALOG.map((r) => [r.id, r.defaultSeverity]), spec);
  });
});
