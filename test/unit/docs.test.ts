import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CATALOG } from '../../src/core/rules';
import { CHANGE_KINDS, type ChangeKind } from '../../src/core/diff/changeKinds';
import { changeIndex, changePage } from '../../tools/changeDocs';
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

  it('has an up-to-date page for every change kind of the semantic diff, and their index', () => {
    const kinds = Object.keys(CHANGE_KINDS) as ChangeKind[];
    for (const kind of kinds) {
      const file = path.join(ROOT, 'docs', 'changes', `${kind}.md`);
      assert.ok(fs.existsSync(file), `docs/changes/${kind}.md is missing: run npm run docs`);
      assert.equal(fs.readFileSync(file, 'utf8'), changePage(kind), `docs/changes/${kind}.md is out of date: run npm run docs`);
    }
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'changes', 'README.md'), 'utf8'), changeIndex());
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'changes')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, [...kinds].sort(), 'no page for a kind that does not exist');
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
