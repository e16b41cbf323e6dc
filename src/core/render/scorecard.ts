import { kpiProgress, shareOfWay, type KpiStatus } from '../kpiStatus';
import { parseDay } from '../model/dates';
import type { Kpi } from '../model/engagement';
import { deadlineDay, scheduleOf } from '../model/schedule';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';

const STATUS_LABEL: Record<KpiStatus, string> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  done: 'done',
  'no-data': 'no data',
};

/** Small inline SVG trend of the actuals (two or more), oldest to newest. */
function sparkline(kpi: Kpi): string {
  const points = kpi.actuals
    .flatMap((a) => {
      const day = parseDay(a.date);
      return day !== undefined && a.value !== undefined ? [{ day, value: a.value }] : [];
    })
    .sort((a, b) => a.day - b.day);
  if (points.length < 2) return '';
  const values = [...points.map((p) => p.value), ...(kpi.target !== undefined ? [kpi.target] : [])];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const spanDays = points[points.length - 1]!.day - points[0]!.day || 1;
  const x = (day: number): number => 2 + ((day - points[0]!.day) / spanDays) * 76;
  const y = (value: number): number => 22 - (shareOfWay(value, min, max) ?? 0.5) * 20;
  const path = points.map((p) => `${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return `<svg class="ek-spark" viewBox="0 0 80 24" width="80" height="24" role="img" aria-label="Trend of ${points.length} measurements"><polyline points="${path}" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>`;
}

/** The KPI scorecard: baseline → latest → target, progress, deadline, status, trend. */
export function renderScorecard(context: RenderContext): string {
  const { model } = context;
  if (model.kpis.length === 0) return '';
  const schedule = scheduleOf(model);
  const rows = model.kpis
    .map((kpi) => {
      const progress = kpiProgress(kpi, model, context.options.today);
      const latest = progress.latest?.value;
      const share = latest !== undefined && kpi.baseline !== undefined && kpi.target !== undefined ? shareOfWay(latest, kpi.baseline, kpi.target) : undefined;
      const bar = share === undefined ? '<span class="ek-muted">–</span>' : `<div class="ek-bar" role="progressbar" aria-label="${esc(`${kpi.name ?? kpi.id ?? 'KPI'}: progress from baseline to target`)}" aria-valuenow="${Math.round(share * 100)}" aria-valuemin="0" aria-valuemax="100"><span${context.style(`width:${(share * 100).toFixed(1)}%`)}></span></div>`;
      const due = deadlineDay(kpi.by, schedule);
      // A date everywhere: "day 90" is the plan's, the date is what the client reads.
      const deadline = due !== undefined ? `${esc(context.formats.date(due))}${/^day /.test(kpi.by ?? '') ? ` <small>${esc(kpi.by)}</small>` : ''}` : kpi.by ? esc(kpi.by) : '–';
      return `<tr${lineAttr(context.line(kpi.path))}>
<th scope="row">${esc(kpi.name ?? kpi.id ?? '')}<small class="ek-type">${esc(kpi.type ?? '')}</small></th>
<td>${esc(context.formats.amount(kpi.baseline, kpi.unit))}</td><td>${esc(context.formats.amount(latest, kpi.unit))}</td><td>${esc(context.formats.amount(kpi.target, kpi.unit))}</td>
<td>${bar}</td><td>${deadline}</td>
<td><span class="ek-status ek-${progress.status}">${STATUS_LABEL[progress.status]}</span></td>
<td>${sparkline(kpi)}</td></tr>`;
    })
    .join('');
  return `<section id="scorecard" class="ek-section"${lineAttr(context.line(['kpis']))}>
<h2>KPI scorecard</h2>
<div class="ek-scroll"><table class="ek-scorecard"><thead><tr><th scope="col">KPI</th><th scope="col">Baseline</th><th scope="col">Latest</th><th scope="col">Target</th><th scope="col">Progress</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col">Trend</th></tr></thead>
<tbody>${rows}</tbody></table></div>
</section>`;
}
