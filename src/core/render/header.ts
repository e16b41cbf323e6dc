import { describePlanPosition, planCalendar, planPosition } from '../calendar';
import { formatDay } from '../model/dates';
import { scheduleOf } from '../model/schedule';
import { WEEKS_PER_MONTH } from '../portfolio';
import type { RenderContext } from './context';
import { esc, formatNumber, lineAttr } from './escape';

const HOURS_PER_DAY = 8;

/** Estimated monthly cost from the rate and the base commitment, when both are known. */
export function monthlyCost(context: RenderContext): number | undefined {
  const { model } = context;
  const rate = model.fees?.rate;
  if (!rate || rate.amount === undefined || !rate.per) return undefined;
  if (rate.per === 'month') return rate.amount;
  const c = model.commitment;
  const daysPerMonth = c?.daysPerMonth ?? (c?.daysPerWeek !== undefined ? c.daysPerWeek * WEEKS_PER_MONTH : undefined);
  if (daysPerMonth === undefined) return undefined;
  return rate.amount * daysPerMonth * (rate.per === 'hour' ? HOURS_PER_DAY : 1);
}

export function renderHeader(context: RenderContext): string {
  const { model } = context;
  const schedule = scheduleOf(model);
  const term = schedule.termStart === undefined ? 'no start date' : `${formatDay(schedule.termStart)} → ${schedule.termEnd === undefined ? 'open-ended' : formatDay(schedule.termEnd)}`;
  const c = model.commitment;
  const commitment = c?.daysPerWeek !== undefined ? `${c.daysPerWeek} days a week` : c?.daysPerMonth !== undefined ? `${c.daysPerMonth} days a month` : 'not set';
  const surges = (c?.surges ?? []).map((s) => `${s.daysPerWeek ?? '?'} days a week from ${s.from ?? '?'} to ${s.until ?? '?'}`);
  const cost = context.redacted('fees') ? undefined : monthlyCost(context);
  const position = planCalendar(model) ? describePlanPosition(planPosition(model, context.options.today)) : undefined;
  const facts: [string, string, (string | number)[]][] = [
    ['Client', [model.client?.name, model.client?.stage, model.client?.industry].filter(Boolean).join(' · '), ['client']],
    ['Executive', [model.executive?.name, model.executive?.role].filter(Boolean).join(', '), ['executive']],
    ['Status', model.status ?? '–', ['status']],
    ['Term', term, ['term']],
    ['Commitment', [commitment, ...surges.map((s) => `surge: ${s}`)].join('; '), ['commitment']],
  ];
  if (cost !== undefined) facts.push(['Estimated monthly cost', formatNumber(Math.round(cost), model.currency), ['fees']]);
  if (position) facts.push(['Today', position, ['plan']]);
  return `<header class="ek-header"${lineAttr(context.line(['title']))}>
<h1>${esc(model.title ?? model.id ?? 'Untitled engagement')}</h1>
${model.mandate?.problem ? `<p class="ek-problem"${lineAttr(context.line(['mandate', 'problem']))}>${esc(model.mandate.problem)}</p>` : ''}
<dl class="ek-facts">${facts.map(([label, value, path]) => `<div${lineAttr(context.line(path))}><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>
</header>`;
}
