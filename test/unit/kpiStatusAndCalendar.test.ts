import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { describePlanPosition, planCalendar, planPosition } from '../../src/core/calendar';
import { kpiProgress } from '../../src/core/kpiStatus';
import { dayOf } from '../../src/core/model/dates';
import { BASE, edit } from './helpers';

/** The base KPI `pipeline` runs 100 → 300 from 2026-01-05 to 2026-06-30 (176 days). */
function statusWith(actuals: string, today = '2026-12-31'): ReturnType<typeof kpiProgress> {
  const text = edit(BASE, '    authority: [stages]\n', `    authority: [stages]\n    actuals:\n${actuals}`);
  const analysis = analyze(text);
  return kpiProgress(analysis.model!.kpis[0]!, analysis.model!, dayOf(today));
}

describe('KPI status', () => {
  // On 2026-03-31 (85 days in), the line stands at 100 + 200 * 85/176 ≈ 196.6.
  it('is on-track at or beyond the line', () => assert.equal(statusWith('      - { date: 2026-03-31, value: 197 }\n').status, 'on-track'));
  it('is at-risk with at least 70 % of the expected progress', () => assert.equal(statusWith('      - { date: 2026-03-31, value: 170 }\n').status, 'at-risk'));
  it('is off-track below 70 % of the expected progress', () => assert.equal(statusWith('      - { date: 2026-03-31, value: 160 }\n').status, 'off-track'));
  it('is done when the target is reached', () => assert.equal(statusWith('      - { date: 2026-03-31, value: 300 }\n').status, 'done'));
  it('has no data when no actual is dated on or before today', () =>
    assert.equal(statusWith('      - { date: 2027-01-01, value: 500 }\n').status, 'no-data'));

  it('uses the latest actual on or before today', () => {
    const progress = statusWith('      - { date: 2026-03-31, value: 160 }\n      - { date: 2026-02-01, value: 900 }\n      - { date: 2026-05-01, value: 400 }\n', '2026-04-15');
    assert.deepEqual(progress.latest, { date: '2026-03-31', value: 160 });
    assert.equal(progress.status, 'off-track');
  });

  it('works for KPIs that should decrease', () => {
    const text = edit(edit(BASE, '    baseline: 100\n    target: 300\n', '    baseline: 90\n    target: 60\n'), '    authority: [stages]\n', '    authority: [stages]\n    actuals:\n      - { date: 2026-03-31, value: 75 }\n');
    const analysis = analyze(text);
    const progress = kpiProgress(analysis.model!.kpis[0]!, analysis.model!, dayOf('2026-04-01'));
    assert.equal(progress.direction, 'decrease');
    assert.equal(progress.status, 'on-track');
  });
});

describe('plan calendar', () => {
  const model = analyze(BASE).model!;

  it('maps plan days to dates and phases to date ranges', () => {
    const calendar = planCalendar(model)!;
    assert.equal(calendar.dateOfDay(1), '2026-01-05');
    assert.equal(calendar.dateOfDay(90), '2026-04-04');
    assert.deepEqual(
      calendar.phases.map((p) => [p.phase.id, p.startDate, p.endDate]),
      [
        ['diagnostic', '2026-01-05', '2026-02-03'],
        ['build', '2026-02-04', '2026-03-05'],
        ['execute', '2026-03-06', '2026-04-04'],
      ],
    );
  });

  it('says where today falls', () => {
    assert.equal(describePlanPosition(planPosition(model, dayOf('2025-12-31'))), 'Starts in 5 days');
    assert.equal(describePlanPosition(planPosition(model, dayOf('2026-01-04'))), 'Starts tomorrow');
    assert.equal(describePlanPosition(planPosition(model, dayOf('2026-01-05'))), 'Day 1 of 90 · diagnostic');
    assert.equal(describePlanPosition(planPosition(model, dayOf('2026-02-07'))), 'Day 34 of 90 · build');
    assert.equal(describePlanPosition(planPosition(model, dayOf('2026-04-05'))), 'Plan complete');
  });

  it('uses plan.start over term.start', () => {
    const shifted = analyze(edit(BASE, 'plan:\n', 'plan:\n  start: 2026-01-12\n')).model!;
    assert.equal(planCalendar(shifted)!.dateOfDay(1), '2026-01-12');
  });
});
