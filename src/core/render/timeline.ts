import { planCalendar, planPosition } from '../calendar';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';
import { formatSpan } from '../model/dayRange';
import { parseDay } from '../model/dates';

const pct = (value: number): string => `${(Math.round(value * 10000) / 100).toFixed(2)}%`;

/** In place of a bar, for an item whose days or weeks are missing or not readable. */
const UNPLACED = '<span class="ek-unplaced">not placed: its days or weeks are missing or not readable</span>';

/**
 * The plan on a timeline: phases as bands over the plan's days with a week grid and dates,
 * activities as bars on their days, deliverables marked, and a line for today.
 */
export function renderTimeline(context: RenderContext): string {
  const { model } = context;
  const plan = model.plan;
  if (!plan) return '';
  const calendar = planCalendar(model);
  const days = plan.days;
  const left = (first: number): string => pct((first - 1) / days);
  const width = (first: number, last: number): string => pct((last - first + 1) / days);

  const weeks: string[] = [];
  const grid: string[] = [];
  for (let start = 1; start <= days; start += 7) {
    const label = calendar ? context.formats.week(parseDay(calendar.dateOfDay(start))!) : `day ${start}`;
    weeks.push(`<div class="ek-week"${context.style(`left:${left(start)};width:${width(start, Math.min(start + 6, days))}`)}><span>W${Math.ceil(start / 7)}</span><small>${esc(label)}</small></div>`);
    grid.push(`<div class="ek-gridline"${context.style(`left:${left(start)}`)}></div>`);
  }

  const position = planPosition(model, context.options.today);
  const todayLine = position.state === 'in-progress' ? `<div class="ek-today"${context.style(`left:${pct((position.day - 0.5) / days)}`)} title="Today: day ${position.day}"><span>today</span></div>` : '';

  const rows = plan.phases
    .map((phase) => {
      const dates = calendar?.phases.find((p) => p.phase === phase);
      // An item with unreadable days stays in the plan, marked; the checks say what to fix.
      const when = phase.days ? `days ${formatSpan(phase.days)}${dates ? ` · ${esc(context.formats.date(dates.startDate))} → ${esc(context.formats.date(dates.endDate))}` : ''}` : 'days not readable';
      const bar = phase.days
        ? `<div class="ek-phase ek-kind-${esc(phase.kind ?? 'custom')}"${context.style(`left:${left(phase.days.first)};width:${width(phase.days.first, phase.days.last)}`)}></div>`
        : UNPLACED;
      const band = `<div class="ek-row ek-phase-line"${lineAttr(context.line(phase.path))}><div class="ek-label"><strong>${esc(phase.name ?? phase.id ?? 'Phase')}</strong><small>${when}</small></div>
<div class="ek-track">${bar}</div></div>`;
      const activities = phase.activities
        .map((activity) => {
          const marker = activity.deliverable ? '<span class="ek-deliverable" title="Deliverable">◆</span> ' : '';
          const owner = activity.owner ? ` <em>${esc(activity.owner)}</em>` : '';
          const bar = activity.span
            ? `<div class="ek-activity${activity.deliverable ? ' ek-is-deliverable' : ''}"${context.style(`left:${left(activity.span.first)};width:${width(activity.span.first, Math.min(activity.span.last, days))}`)} title="days ${formatSpan(activity.span)}"></div>`
            : UNPLACED;
          return `<div class="ek-row"${lineAttr(context.line(activity.path))}><div class="ek-label">${marker}${esc(activity.name ?? 'Activity')}${owner}</div>
<div class="ek-track">${bar}</div></div>`;
        })
        .join('');
      const goal = phase.goal || phase.ceoRole ? `<p class="ek-goal">${phase.goal ? `<span>Goal: ${esc(phase.goal)}</span>` : ''}${phase.ceoRole ? `<span>CEO: ${esc(phase.ceoRole)}</span>` : ''}</p>` : '';
      return `<div class="ek-phase-row">${band}${activities}${goal}</div>`;
    })
    .join('');

  const items = (title: string, list: typeof plan.quickWins, key: string): string =>
    list && list.length
      ? `<div class="ek-items"${lineAttr(context.line(['plan', key]))}><h3>${esc(title)}</h3><ul>${list
          .map((item) => {
            const kpi = model.kpis.find((k) => k.id === item.kpi);
            const moves = item.kpi ? ` <span class="ek-moves">moves ${esc(kpi?.name ?? item.kpi)}</span>` : '';
            return `<li${lineAttr(context.line(item.path))}>${esc(item.name ?? '')}${moves}</li>`;
          })
          .join('')}</ul></div>`
      : '';

  return `<section id="plan" class="ek-section"${lineAttr(context.line(['plan']))}>
<h2>${days}-day plan</h2>
<div class="ek-timeline">
<div class="ek-row ek-head"><div class="ek-label"></div><div class="ek-track ek-weeks">${weeks.join('')}</div></div>
<div class="ek-rows"><div class="ek-overlay"><div class="ek-label"></div><div class="ek-track">${grid.join('')}${todayLine}</div></div>${rows}</div>
</div>
<div class="ek-plan-items">${items('Quick wins', plan.quickWins, 'quick-wins')}${items('Initiatives', plan.initiatives, 'initiatives')}</div>
</section>`;
}
