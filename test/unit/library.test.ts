import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { engagementTemplate, slugify } from '../../src/core/library/engagementTemplate';
import { ROLE_TEMPLATES } from '../../src/core/library/roles';
import { snippetsJson } from '../../tools/snippets';
import { BASE, edit, ROOT } from './helpers';

/** A snippet body with every placeholder replaced by its default text, as a person accepting them gets. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') + '\n';
}

describe('role library, templates and snippets', () => {
  it('has KPI sets for CRO, CMO, CSO, CTO, CFO and COO, each with leading and lagging KPIs', () => {
    assert.deepEqual(ROLE_TEMPLATES.map((r) => r.role), ['CRO', 'CMO', 'CSO', 'CTO', 'CFO', 'COO']);
    for (const role of ROLE_TEMPLATES) assert.deepEqual(new Set(role.kpis.map((k) => k.type)), new Set(['leading', 'lagging']), role.role);
    assert.deepEqual(ROLE_TEMPLATES.find((r) => r.role === 'CRO')!.kpis.map((k) => k.name), ['Qualified pipeline value', 'Win rate', 'Sales cycle length', 'Revenue growth, quarter over quarter', 'Pipeline created per month', 'Sales activities per rep per week']);
  });

  /**
   * Each set holds every KPI the sources name for its role, under a name that says what the
   * sources say: the list (test/fixtures/sources/kpis-by-role.json) maps each named KPI to the
   * set's KPI that measures it, and that KPI's name must share the named KPI's words that
   * matter. A role without a list in the sources says why its set is ours.
   */
  it('holds every KPI the sources name for each role, under a name the sources would recognise', () => {
    const sources = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sources', 'kpis-by-role.json'), 'utf8')) as {
      roles: Record<string, Record<string, string>>;
      leadingIndicators: { roles: string[]; kpis: Record<string, string> };
      withoutSourceList: Record<string, string>;
    };
    const ignored = new Set(['rate', 'improvement', 'metrics', 'volume', 'levels', 'team', 'length', 'time', 'value']);
    const words = (name: string): string[] => name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && !ignored.has(w));
    const stem = (word: string): string => word.replace(/(ing|ion|ed|es|s)$/, '');
    const check = (role: string, named: string, id: string): void => {
      const kpi = ROLE_TEMPLATES.find((r) => r.role === role)?.kpis.find((k) => k.id === id);
      assert.ok(kpi, `${role}: "${named}" is measured by \`${id}\`, which the ${role} set lacks`);
      const have = new Set(words(`${kpi.name} ${kpi.id}`).map(stem));
      const missing = words(named).filter((w) => !have.has(stem(w)));
      assert.deepEqual(missing, [], `${role}: "${kpi.name}" should say what "${named}" says`);
    };
    for (const [role, kpis] of Object.entries(sources.roles)) for (const [named, id] of Object.entries(kpis)) check(role, named, id);
    for (const [named, id] of Object.entries(sources.leadingIndicators.kpis)) {
      const holders = sources.leadingIndicators.roles.filter((role) => ROLE_TEMPLATES.find((r) => r.role === role)?.kpis.some((k) => k.id === id));
      assert.ok(holders.length > 0, `the leading indicator "${named}" is in no revenue role's set`);
      for (const role of holders) check(role, named, id);
    }
    for (const role of ROLE_TEMPLATES) assert.ok(sources.roles[role.role] || sources.withoutSourceList[role.role], `${role.role}: neither a list from the sources nor a reason the set is ours`);
  });

  for (const role of ROLE_TEMPLATES) {
    it(`gives a clean ${role.role} engagement`, () => {
      const text = engagementTemplate(role, { client: 'Acme Corp.', executive: 'Jo Smith', start: '2026-03-02' });
      assert.deepEqual(analyze(text).findings, []);
      assert.match(text, /^id: acme-corp-/m);
    });
  }

  it('makes slugs from client names', () => {
    assert.equal(slugify('Acme Corp.'), 'acme-corp');
    assert.equal(slugify('Ärger & Söhne GmbH'), 'arger-sohne-gmbh');
    assert.equal(slugify('***'), 'client');
  });

  it('ships the generated snippets (run `npm run docs` after changing a template)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'snippets', 'engagement.code-snippets'), 'utf8'), snippetsJson());
  });

  it('expands every whole-engagement snippet, with its default texts, to a clean file', () => {
    const snippets = JSON.parse(snippetsJson()) as Record<string, { prefix: string; body: string[] }>;
    const whole = Object.values(snippets).filter((s) => /^engagement-/.test(s.prefix));
    assert.equal(whole.length, 6);
    for (const snippet of whole) assert.deepEqual(analyze(expand(snippet.body)).findings, [], snippet.prefix);
  });

  it('expands the plan, matrix, reporting and KPI-set snippets into a clean file', () => {
    const snippets = JSON.parse(snippetsJson()) as Record<string, { prefix: string; body: string[] }>;
    const byPrefix = (prefix: string): string => expand(Object.values(snippets).find((s) => s.prefix === prefix)!.body);
    let text = BASE.replace(/\nauthority:\n[\s\S]*?\naccess:/, `\n${byPrefix('authority-matrix')}access:`);
    text = text.replace(/\nreporting:\n[\s\S]*?\nkpis:/, `\n${byPrefix('reporting-trio')}kpis:`);
    text = text.replace(/\nplan:\n  phases:\n[\s\S]*?\n  quick-wins:/, `\n${byPrefix('plan-90-day')}  quick-wins:`);
    text = edit(text, 'kpis:\n', `kpis:\n${byPrefix('kpis-cfo').replace(/^/gm, '  ').replace(/^ +$/gm, '')}`);
    text = edit(text, '    authority: [stages]\n', ''); // the matrix snippet has no `stages` decision
    assert.deepEqual(analyze(text).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});
