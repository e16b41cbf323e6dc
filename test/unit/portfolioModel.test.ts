import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { readCard } from '../../src/core/card';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { kpiProgress } from '../../src/core/kpiStatus';
import { dayOf } from '../../src/core/model/dates';
import { buildPortfolio, type PortfolioSource } from '../../src/core/portfolioModel/buildPortfolio';
import { mondayOf, weekWindow } from '../../src/core/portfolioModel/weeklyLoad';
import { BASE, edit, ROOT } from './helpers';

/** An engagement of the base fixture with its identity, term and commitment replaced. */
function engagement(o: { id: string; email?: string; name?: string; client?: string; role?: string; status?: string; start: string; end?: string; commitment: string; notice?: number; extra?: string }): string {
  let text = edit(BASE, 'id: base-cro', `id: ${o.id}`);
  text = edit(text, 'status: active', `status: ${o.status ?? 'active'}`);
  text = edit(text, '  name: Base Co', `  name: ${o.client ?? 'Base Co'}`);
  text = edit(text, '  name: Alex Doe\n  role: CRO\n  email: alex@example.com', `  name: ${o.name ?? 'Alex Doe'}\n  role: ${o.role ?? 'CRO'}${o.email === undefined ? '' : `\n  email: ${o.email}`}`);
  text = edit(text, 'term:\n  start: 2026-01-05\n  end: 2026-06-30', `term:\n  start: ${o.start}${o.end ? `\n  end: ${o.end}` : ''}${o.notice ? `\n  notice-days: ${o.notice}` : ''}`);
  text = edit(text, 'commitment:\n  days-per-week: 2', `commitment:\n${o.commitment}`);
  // The fixture's own reviews go: a test that needs reviews gives them.
  text = text.slice(0, text.indexOf('reviews:\n'));
  return o.extra ? `${text}${o.extra}` : text;
}

function sources(texts: readonly string[], options: { errors?: number; capacity?: string } = {}): PortfolioSource[] {
  const capacity = options.capacity === undefined ? undefined : parseConfig(options.capacity).capacity;
  return texts.map((text, i) => ({ uri: `file:///w/e${i}.engagement.yaml`, path: `e${i}.engagement.yaml`, card: readCard(text), errors: options.errors, ...(capacity ? { capacity } : {}) }));
}

const TODAY = dayOf('2026-03-04'); // a Wednesday

describe('portfolio model', () => {
  it('lays the window on Monday weeks: four back, twelve from the current one', () => {
    const weeks = weekWindow(TODAY, 4, 12);
    assert.equal(weeks.length, 16);
    assert.equal(weeks[4], dayOf('2026-03-02'));
    assert.equal(weeks[0], dayOf('2026-02-02'));
    assert.equal(mondayOf(dayOf('2026-03-08')), dayOf('2026-03-02'), 'a Sunday belongs to the week before it');
    const portfolio = buildPortfolio([], { today: TODAY });
    assert.equal(portfolio.weeks.length, 16);
    assert.deepEqual(portfolio.weeks.filter((w) => w.current).map((w) => w.start), ['2026-03-02']);
    assert.equal(portfolio.from, '2026-02-02');
    assert.equal(portfolio.until, '2026-05-24');
  });

  it('counts each week as the average of its days: base, part weeks, surges and days a month', () => {
    const texts = [
      engagement({ id: 'steady', email: 'a@x.example', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 2' }),
      // Starts on Thursday 2026-03-05: four of the seven days of the current week.
      engagement({ id: 'late', email: 'a@x.example', start: '2026-03-05', end: '2026-12-31', commitment: '  days-per-week: 1.75\n  surge:\n    - { days-per-week: 3.5, from: 2026-03-16, until: 2026-03-29 }' }),
      engagement({ id: 'monthly', email: 'a@x.example', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-month: 4.33' }),
    ];
    const portfolio = buildPortfolio(sources(texts), { today: TODAY });
    assert.equal(portfolio.executives.length, 1);
    const [executive] = portfolio.executives;
    const byLabel = new Map(executive!.segments.map((s) => [s.label, s.days]));
    assert.deepEqual(byLabel.get('steady'), Array(16).fill(2));
    assert.deepEqual(byLabel.get('monthly'), Array(16).fill(1));
    const late = byLabel.get('late')!;
    assert.deepEqual(late.slice(0, 4), [0, 0, 0, 0]);
    assert.equal(late[4], 1);
    assert.deepEqual(late.slice(5, 9), [1.75, 3.5, 3.5, 1.75]);
    assert.deepEqual(executive!.weeks.map((w) => w.committed).slice(4, 8), [4, 4.75, 6.5, 6.5]);
    assert.deepEqual(executive!.weeks.map((w) => w.over).slice(4, 8), [false, false, true, true]);
    assert.equal(executive!.weeksOver, 2);
    assert.equal(executive!.peak, 6.5);
  });

  it('matches one executive by e-mail in any case, else by name, and reads capacity from the configuration', () => {
    const texts = [
      engagement({ id: 'one', email: 'Dana@X.example', name: 'Dana', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 2.5' }),
      engagement({ id: 'two', email: 'dana@x.example', name: 'Dana W.', client: 'Other Co', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 2' }),
      engagement({ id: 'three', name: 'Sam  Lee', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 3' }),
      engagement({ id: 'four', name: 'sam lee', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 1.5' }),
    ];
    const plain = buildPortfolio(sources(texts), { today: TODAY });
    assert.deepEqual(plain.executives.map((e) => [e.key, e.capacity, e.weeksOver, e.freeAhead]), [
      ['email:dana@x.example', 5, 0, 6],
      ['name:sam lee', 5, 0, 6],
    ]);
    const configured = buildPortfolio(sources(texts, { capacity: 'capacity:\n  default: 4.5\n  executives:\n    DANA@x.example: 4\n' }), { today: TODAY });
    assert.deepEqual(configured.executives.map((e) => [e.capacity, e.weeksOver]), [
      [4, 16],
      [4.5, 0],
    ]);
    assert.equal(configured.totals.executivesOver, 1);
  });

  it('draws proposed engagements apart: over capacity only if the proposal is won', () => {
    const texts = [
      engagement({ id: 'won', email: 'a@x.example', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 3' }),
      engagement({ id: 'pitch', email: 'a@x.example', status: 'proposed', start: '2026-04-06', end: '2026-12-31', commitment: '  days-per-week: 3' }),
      engagement({ id: 'draft', email: 'a@x.example', status: 'draft', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 3' }),
    ];
    const [executive] = buildPortfolio(sources(texts), { today: TODAY }).executives;
    assert.deepEqual(executive!.segments.map((s) => [s.label, s.tentative]), [
      ['won', false],
      ['pitch', true],
    ]);
    const week = executive!.weeks[9]!; // 2026-04-06
    assert.deepEqual(week, { committed: 3, proposed: 3, over: false, overIfProposed: true });
    assert.equal(executive!.weeksOver, 0);
  });

  it('lists term ends, notice dates and quarterly assessments in the window, and an overdue assessment however old', () => {
    const texts = [
      // Ends 2026-04-30: notice 30 days before; no quarterly review yet, so the first is due 2026-04-05.
      engagement({ id: 'ending', email: 'a@x.example', start: '2026-01-05', end: '2026-04-30', notice: 30, commitment: '  days-per-week: 2' }),
      // Last quarterly review 2025-06-30: the next was due 2025-09-30, long before the window.
      engagement({ id: 'late-review', email: 'b@x.example', start: '2025-03-03', commitment: '  days-per-week: 2', extra: 'reviews:\n  - { date: 2025-06-30, kind: quarterly }\n  - { date: 2026-02-27, kind: monthly }\n' }),
      // Ends after the window; its assessment would fall after its end.
      engagement({ id: 'short', email: 'c@x.example', start: '2026-02-16', end: '2026-05-10', commitment: '  days-per-week: 2' }),
      engagement({ id: 'later', email: 'd@x.example', start: '2026-01-05', end: '2027-01-31', notice: 60, commitment: '  days-per-week: 2' }),
    ];
    const portfolio = buildPortfolio(sources(texts), { today: TODAY });
    assert.deepEqual(
      portfolio.due.map((d) => [d.date, d.kind, portfolio.engagements.find((e) => e.ref === d.ref)!.id, d.daysFromToday]),
      [
        ['2025-09-30', 'assessment', 'late-review', -155],
        ['2026-03-31', 'notice', 'ending', 27],
        ['2026-04-05', 'assessment', 'ending', 32],
        ['2026-04-05', 'assessment', 'later', 32],
        ['2026-04-30', 'term-end', 'ending', 57],
        ['2026-05-10', 'term-end', 'short', 67],
      ],
    );
    const notice = portfolio.due.find((d) => d.kind === 'notice')!;
    assert.equal(notice.what, 'Last day to give notice (30 days before the end)');
    assert.match(portfolio.due[0]!.what, /last on 2025-06-30/);
    // Each opens the file where the term, or the reviews, are written.
    assert.equal(notice.place.line, texts[0]!.split('\n').indexOf('term:'));
    assert.equal(portfolio.due[0]!.place.line, texts[1]!.split('\n').indexOf('reviews:'));
  });

  it('rolls up KPIs as the scorecard judges each one, on any day', () => {
    const examples = fs.readdirSync(path.join(ROOT, 'examples')).map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
    let judged = 0;
    for (const today of ['2026-01-01', '2026-03-15', '2026-05-01', '2026-08-01', '2027-06-01']) {
      const day = dayOf(today);
      const portfolio = buildPortfolio(sources(examples), { today: day, filter: {} });
      for (const [i, text] of examples.entries()) {
        const model = analyze(text, { today }).model!;
        const expected = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, done: 0, 'no-data': 0 };
        for (const kpi of model.kpis) expected[kpiProgress(kpi, model, day).status]++;
        const shown = portfolio.engagements.find((e) => e.ref === i);
        if (!shown) continue;
        assert.deepEqual(shown.kpis, expected, `${model.id} on ${today}`);
        judged += model.kpis.length;
      }
    }
    assert.ok(judged > 40, `${judged} KPIs judged: too few to trust`);
  });

  it('gives each engagement its plan position, phases and error count, and counts files not yet checked', () => {
    const text = engagement({ id: 'planned', email: 'a@x.example', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 2' });
    const checked = buildPortfolio(sources([text], { errors: 3 }), { today: dayOf('2026-02-10') });
    const [e] = checked.engagements;
    assert.equal(e!.position, 'Day 37 of 90 · build');
    assert.deepEqual(e!.phases[0], { name: 'diagnostic', start: '2026-01-05', end: '2026-02-03' });
    assert.equal(e!.errors, 3);
    assert.equal(e!.place.line, text.split('\n').indexOf('id: planned'));
    assert.equal(e!.kpiPlace.line, text.split('\n').indexOf('kpis:'));
    assert.deepEqual([checked.totals.errors, checked.totals.unchecked], [3, 0]);
    const unchecked = buildPortfolio(sources([text]), { today: dayOf('2026-02-10') });
    assert.deepEqual([unchecked.engagements[0]!.errors, unchecked.totals.errors, unchecked.totals.unchecked], [undefined, 0, 1]);
    assert.equal(buildPortfolio(sources([text]), { today: dayOf('2025-12-30') }).engagements[0]!.position, 'Starts in 6 days');
  });

  it('filters by executive, client, role and status, and keeps an executive\'s whole load in their chart', () => {
    const texts = [
      engagement({ id: 'acme', email: 'a@x.example', name: 'Ann', client: 'Acme', role: 'CRO', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 3' }),
      engagement({ id: 'beta', email: 'a@x.example', name: 'Ann', client: 'Beta', role: 'CMO', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 3' }),
      engagement({ id: 'gamma', email: 'g@x.example', name: 'Gil', client: 'Acme', role: 'CFO', status: 'paused', start: '2026-01-05', end: '2026-12-31', commitment: '  days-per-week: 1' }),
      // Ended long before the window: not in the portfolio unless nothing else would be.
      engagement({ id: 'old', email: 'g@x.example', name: 'Gil', client: 'Acme', role: 'CFO', status: 'ended', start: '2024-01-01', end: '2024-06-30', commitment: '  days-per-week: 1' }),
    ];
    const ids = (filter: object): string[] => buildPortfolio(sources(texts), { today: TODAY, filter }).engagements.map((e) => e.id!);
    assert.deepEqual(ids({}), ['acme', 'beta', 'gamma']);
    assert.deepEqual(ids({ client: 'Acme' }), ['acme', 'gamma']);
    assert.deepEqual(ids({ role: 'CMO' }), ['beta']);
    assert.deepEqual(ids({ status: 'paused' }), ['gamma']);
    assert.deepEqual(ids({ executive: 'A@X.example' }), ['acme', 'beta']);
    assert.deepEqual(ids({ executive: 'gil' }), ['gamma']);
    assert.deepEqual(ids({ executive: 'email:g@x.example' }), ['gamma']);
    assert.deepEqual(ids({ status: 'ended' }), []);
    const byClient = buildPortfolio(sources(texts), { today: TODAY, filter: { client: 'Beta' } });
    assert.deepEqual(byClient.executives.map((e) => [e.name, e.segments.map((s) => s.label), e.weeksOver]), [['Ann', ['acme', 'beta'], 16]]);
    const all = buildPortfolio(sources(texts), { today: TODAY });
    assert.deepEqual(all.choices, {
      executives: [
        { key: 'email:a@x.example', label: 'Ann' },
        { key: 'email:g@x.example', label: 'Gil' },
      ],
      clients: ['Acme', 'Beta'],
      roles: ['CFO', 'CMO', 'CRO'],
      statuses: ['active', 'paused', 'ended'],
    });
  });

  it('survives files with no model, no executive, no dates and open-ended terms', () => {
    const texts = ['', 'format: [broken', edit(BASE, '  end: 2026-06-30\n', ''), edit(BASE, 'executive:\n  name: Alex Doe\n  role: CRO\n  email: alex@example.com\n', ''), edit(BASE, 'term:\n  start: 2026-01-05\n  end: 2026-06-30\n', '')];
    const portfolio = buildPortfolio(sources(texts), { today: TODAY });
    assert.equal(portfolio.totals.files, 3);
    assert.equal(portfolio.engagements.length, 3);
    assert.ok(portfolio.engagements.some((e) => e.executive.name === 'No executive named'));
    assert.ok(portfolio.engagements.some((e) => e.termStart === '2026-01-05' && e.termEnd === undefined));
  });
});
