import { describePlanPosition, planCalendar, planPosition } from '../calendar';
import { scheduleOf } from '../model/schedule';
import { monthlyCost } from '../model/monthlyCost';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';

/** The estimated monthly cost as a person reads it: at the base commitment, then during each surge. */
export function describeMonthlyCost(context: RenderContext): string | undefined {
  const cost = monthlyCost(context.model);
  if (!cost) return undefined;
  const money = (value: number): string => context.formats.money(Math.round(value), context.model.currency);
  const date = context.formats.date;
  return [money(cost.base), ...cost.surges.map((s) => `${money(s.cost)} during the surge from ${date(s.from)} to ${date(s.until)}`)].join('; ');
}

/** The commitment in words, every surge with its dates. */
export function describeCommitment(context: RenderContext): string | undefined {
  const c = context.model.commitment;
  const { number, date } = context.formats;
  const days = (n: number, per: string): string => `${number(n)} ${n === 1 ? 'day' : 'days'} a ${per}`;
  const base = c?.daysPerWeek !== undefined ? days(c.daysPerWeek, 'week') : c?.daysPerMonth !== undefined ? days(c.daysPerMonth, 'month') : undefined;
  if (base === undefined) return undefined;
  const surges = (c?.surges ?? []).map((s) => `surge: ${s.daysPerWeek !== undefined ? days(s.daysPerWeek, 'week') : '? days a week'} from ${s.from ? date(s.from) : '?'} to ${s.until ? date(s.until) : '?'}`);
  return [base, ...surges].join('; ');
}

export function renderHeader(context: RenderContext): string {
  const { model } = context;
  const schedule = scheduleOf(model);
  const date = context.formats.date;
  const term = schedule.termStart === undefined ? 'no start date' : `${date(schedule.termStart)} → ${schedule.termEnd === undefined ? 'open-ended' : date(schedule.termEnd)}`;
  const position = planCalendar(model) ? describePlanPosition(planPosition(model, context.options.today)) : undefined;
  // The terms (commitment, fees, notice) have a section of their own: the head says who, what and when.
  const facts: [string, string, (string | number)[]][] = [
    ['Client', [model.client?.name, model.client?.stage, model.client?.industry].filter(Boolean).join(' · '), ['client']],
    ['Executive', [model.executive?.name, model.executive?.role].filter(Boolean).join(', '), ['executive']],
    ['Status', model.status ?? '–', ['status']],
    ['Term', term, ['term']],
  ];
  if (position) facts.push(['Today', position, ['plan']]);
  const logo = context.options.brand?.logo;
  return `<header class="ek-header"${lineAttr(context.line(['title']))}>
${logo?.startsWith('data:image/') ? `<img class="ek-logo" src="${esc(logo)}" alt="Logo">` : ''}
<h1>${esc(model.title ?? model.id ?? 'Untitled engagement')}</h1>
${model.mandate?.problem ? `<p class="ek-problem"${lineAttr(context.line(['mandate', 'problem']))}>${esc(model.mandate.problem)}</p>` : ''}
<dl class="ek-facts">${facts.map(([label, value, path]) => `<div${lineAttr(context.line(path))}><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>
</header>`;
}
