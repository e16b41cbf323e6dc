import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { dayOf } from '../../src/core/model/dates';
import { analyzeWorkspace, portfolioFindings, type PortfolioInput } from '../../src/core/portfolio';
import { run, workspace, type JsonResult } from './cliHelpers';
import { BASE, edit, positionOf } from './helpers';

function engagement(id: string, commitment: string, extra: (text: string) => string = (t) => t): string {
  return extra(edit(edit(BASE, 'id: base-cro', `id: ${id}`), '  days-per-week: 2\n', commitment));
}

describe('portfolio-overcommitted', () => {
  it('fires on every file when one executive is committed to more than 5 days a week', () => {
    const a = engagement('client-a', '  days-per-week: 3\n');
    const b = engagement('client-b', '  days-per-week: 2.5\n');
    const results = analyzeWorkspace([
      { path: 'a.engagement.yaml', text: a },
      { path: 'b.engagement.yaml', text: b },
    ]);
    for (const [i, text] of [a, b].entries()) {
      const found = results[i]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted');
      assert.equal(found.length, 1);
      const position = results[i]!.lines.positionAt(found[0]!.range.start);
      assert.deepEqual({ line: position.line + 1, column: position.character + 1 }, positionOf(text, '|commitment:'));
      assert.match(found[0]!.message, /5\.5 days a week from 2026-01-05/);
      assert.match(found[0]!.message, i === 0 ? /`client-b`/ : /`client-a`/);
    }
  });

  it('counts days a month as days-per-month / 4.33 and lets a surge replace the base', () => {
    const a = engagement('client-a', '  days-per-month: 13\n'); // 3.0 a week
    const b = engagement('client-b', '  days-per-week: 1.5\n  surge:\n    - { days-per-week: 2.5, from: 2026-03-02, until: 2026-03-31 }\n', (t) => edit(t, 'mode: lead', 'mode: advise'));
    const results = analyzeWorkspace([
      { path: 'a.engagement.yaml', text: a },
      { path: 'b.engagement.yaml', text: b },
    ]);
    const found = results[0]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /from 2026-03-02 to 2026-03-31/);
  });

  it('reports every over-committed period with its load, surges included', () => {
    const a = engagement('client-a', '  days-per-week: 3\n');
    const b = engagement('client-b', '  days-per-week: 3\n  surge:\n    - { days-per-week: 5, from: 2026-03-02, until: 2026-03-31 }\n', (t) => edit(t, 'mode: lead', 'mode: advise'));
    const results = analyzeWorkspace([
      { path: 'a.engagement.yaml', text: a },
      { path: 'b.engagement.yaml', text: b },
    ]);
    const [message] = results[0]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted').map((f) => f.message);
    assert.equal(
      message,
      'Alex Doe is committed to more than 5 days a week across active engagements: 6 days a week from 2026-01-05 to 2026-03-01; ' +
        '8 days a week from 2026-03-02 to 2026-03-31; 6 days a week from 2026-04-01 to 2026-06-30. ' +
        'From 2026-01-05, besides this one (3 days a week): `client-b` (b.engagement.yaml, 3 days a week). ' +
        'Lower a commitment, or move a term or a surge so they no longer overlap.',
    );
  });

  it('keeps each message short, however many engagements one executive has', () => {
    const inputs: { path: string; analysis: PortfolioInput }[] = Array.from({ length: 20_000 }, (_, i) => ({
      path: `e${i}.engagement.yaml`,
      analysis: {
        model: { id: `e${i}`, status: 'active', executive: { name: 'Alex Doe', email: 'alex@example.com' }, commitment: { daysPerWeek: 1, surges: [], path: ['commitment'] } },
        schedule: { termStart: dayOf('2026-01-05') + (i % 7), termEnd: dayOf('2026-06-30'), planStart: dayOf('2026-01-05'), planDays: 90 },
        sourceMap: { rangeOf: () => ({ start: 0, end: 1 }) },
      },
    }));
    const found = portfolioFindings(inputs);
    assert.equal(found.size, inputs.length, 'every engagement is told');
    const messages = [...found.values()].flat().map((f) => f.message);
    const longest = Math.max(...messages.map((m) => m.length));
    assert.ok(longest < 800, `longest message: ${longest} characters`);
    // e0 starts with the first seventh of them, a day before the next seventh joins, and so on.
    assert.match(messages[0]!, /: 2,858 days a week on 2026-01-05; 5,715 days a week on 2026-01-06; .*; and in 3 more periods\./);
    assert.match(messages[0]!, /besides this one \(1 day a week\): `e7` \(e7\.engagement\.yaml, 1 day a week\), `e14` .*, `e21` .* and 2,854 other engagements\./);
  });

  it('reports an engagement id used by two files, on each file\'s id, in the core and in the command line', () => {
    const a = edit(BASE, 'status: active', 'status: draft');
    const copy = edit(a, 'title: Base engagement', 'title: A copy that kept its id');
    const other = edit(a, 'id: base-cro', 'id: other-cro');
    const results = analyzeWorkspace([
      { path: 'a.engagement.yaml', text: a },
      { path: 'copy.engagement.yaml', text: copy },
      { path: 'other.engagement.yaml', text: other },
    ]);
    const found = results.map((r) => r.findings.filter((f) => f.ruleId === 'duplicate-engagement-id'));
    assert.deepEqual(found.map((f) => f.length), [1, 1, 0]);
    assert.equal(found[0]![0]!.message, 'The engagement id `base-cro` is also the id of copy.engagement.yaml: ids are unique in a workspace. Give this engagement an id of its own.');
    const position = results[1]!.lines.positionAt(found[1]![0]!.range.start);
    assert.deepEqual({ line: position.line + 1, column: position.character + 1 }, positionOf(copy, 'id: |base-cro'));
    const dir = workspace({ 'a.engagement.yaml': a, 'b/copy.engagement.yaml': copy });
    const lint = run(['lint'], dir);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /The engagement id `base-cro` is also the id of b\/copy\.engagement\.yaml.*duplicate-engagement-id/);
  });

  it('does not fire for engagements that do not overlap, are not active, or belong to other people', () => {
    const a = engagement('client-a', '  days-per-week: 3\n');
    const later = engagement('client-b', '  days-per-week: 3\n', (t) => edit(edit(t, 'start: 2026-01-05', 'start: 2026-07-01'), 'end: 2026-06-30', 'end: 2026-12-31'));
    const proposed = engagement('client-c', '  days-per-week: 3\n', (t) => edit(t, 'status: active', 'status: proposed'));
    const someoneElse = engagement('client-d', '  days-per-week: 3\n', (t) => edit(t, 'email: alex@example.com', 'email: sam@example.com'));
    const results = analyzeWorkspace([a, later, proposed, someoneElse].map((text, i) => ({ path: `${i}.engagement.yaml`, text })));
    for (const result of results) assert.deepEqual(result.findings.filter((f) => f.ruleId === 'portfolio-overcommitted'), []);
  });

  it('matches by name when e-mails are missing', () => {
    const noEmail = (t: string): string => edit(t, '  email: alex@example.com\n', '');
    const results = analyzeWorkspace([
      { path: 'a', text: engagement('client-a', '  days-per-week: 3\n', noEmail) },
      { path: 'b', text: engagement('client-b', '  days-per-week: 3\n', noEmail) },
    ]);
    assert.equal(results[1]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted').length, 1);
  });

  it('is silenced per file by its setting, in the core and in the command line', () => {
    const a = engagement('client-a', '  days-per-week: 3\n');
    const b = engagement('client-b', '  days-per-week: 3\n');
    const results = analyzeWorkspace([
      { path: 'a', text: a, options: { rules: { 'portfolio-overcommitted': 'off' } } },
      { path: 'b', text: b, options: { rules: { 'portfolio-overcommitted': 'error' } } },
    ]);
    assert.deepEqual(results[0]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted'), []);
    assert.deepEqual(results[1]!.findings.filter((f) => f.ruleId === 'portfolio-overcommitted').map((f) => f.severity), ['error']);
    const dir = workspace({ 'a.engagement.yaml': a, 'quiet/b.engagement.yaml': b, 'quiet/.engagementrc.yaml': 'rules:\n  portfolio-overcommitted: off\n' });
    for (const jobs of ['1', '2']) {
      const lint = JSON.parse(run(['lint', '-f', 'json', '--jobs', jobs], dir).stdout) as JsonResult[];
      const byName = new Map(lint.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => m.ruleId)]));
      assert.deepEqual(byName.get('a.engagement.yaml'), ['portfolio-overcommitted'], `--jobs ${jobs}`);
      assert.deepEqual(byName.get(path.join('quiet', 'b.engagement.yaml')), [], `--jobs ${jobs}`);
    }
  });
});
