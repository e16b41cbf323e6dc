import { scheduleOf } from '../model/schedule';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';
import { describeCommitment, describeMonthlyCost } from './header';

/** A fact of the terms: its label, its value in words, and where it is written. */
export interface TermFact {
  readonly label: string;
  readonly value: string;
  readonly path: readonly (string | number)[];
}

const RATE_UNITS = { hour: 'an hour', day: 'a day', month: 'a month' } as const;

/**
 * What the client agreed to, as facts: the term and its notice (with the last day to give
 * it), the commitment with every surge and its dates, and, unless fees are redacted, the
 * rate, the bonuses and the estimated monthly cost counting the surges. The HTML and the
 * Markdown both say these, in this order.
 */
export function termFacts(context: RenderContext): TermFact[] {
  const { model } = context;
  const schedule = scheduleOf(model);
  const facts: TermFact[] = [];
  const { date, money, number } = context.formats;
  const term = schedule.termStart === undefined ? 'no start date' : `${date(schedule.termStart)} to ${schedule.termEnd === undefined ? 'open-ended' : date(schedule.termEnd)}`;
  facts.push({ label: 'Term', value: term, path: ['term'] });
  const notice = model.term?.noticeDays;
  if (notice !== undefined) {
    const last = schedule.termEnd !== undefined ? `; notice by ${date(schedule.termEnd - notice)} to end the term on its date` : '';
    facts.push({ label: 'Notice', value: `${number(notice)} ${notice === 1 ? 'day' : 'days'}${last}`, path: ['term', 'notice-days'] });
  }
  facts.push({ label: 'Commitment', value: describeCommitment(context) ?? 'not set', path: ['commitment'] });
  if (!context.redacted('fees')) {
    const rate = model.fees?.rate;
    if (rate?.amount !== undefined) facts.push({ label: rate.per === 'month' ? 'Retainer' : 'Rate', value: `${money(rate.amount, model.currency)}${rate.per ? ` ${RATE_UNITS[rate.per]}` : ''}`, path: ['fees', 'rate'] });
    const bonuses = (model.fees?.bonuses ?? []).filter((b) => b.amount !== undefined);
    if (bonuses.length) {
      const named = bonuses.map((b) => `${money(b.amount!, model.currency)} for ${model.kpis.find((k) => k.id === b.kpi)?.name ?? b.kpi ?? 'a KPI'}`);
      facts.push({ label: 'Bonuses', value: named.join('; '), path: ['fees', 'bonuses'] });
    }
    const cost = describeMonthlyCost(context);
    if (cost !== undefined) facts.push({ label: 'Estimated monthly cost', value: cost, path: ['fees'] });
  }
  return facts;
}

/** The mandate beyond the problem (which heads the page): the mode, the objectives and what is out of scope. */
export function renderMandate(context: RenderContext): string {
  const mandate = context.model.mandate;
  if (!mandate || (mandate.objectives.length === 0 && mandate.outOfScope.length === 0)) return '';
  const list = (title: string, items: readonly string[], key: string): string =>
    items.length ? `<div${lineAttr(context.line(['mandate', key]))}><h3>${esc(title)}</h3><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></div>` : '';
  return `<section id="mandate" class="ek-section"${lineAttr(context.line(['mandate']))}>
<h2>Mandate</h2>
<p class="ek-muted">${mandate.mode === 'advise' ? 'The executive advises; the team decides and does.' : 'The executive leads: owns the outcomes and the decisions given below.'}</p>
<div class="ek-columns">${list('Objectives', mandate.objectives, 'objectives')}${list('Out of scope', mandate.outOfScope, 'out-of-scope')}</div>
</section>`;
}

/** The terms: time, money and notice, as facts. */
export function renderTerms(context: RenderContext): string {
  const facts = termFacts(context);
  return `<section id="terms" class="ek-section">
<h2>Terms</h2>
<dl class="ek-facts ek-terms">${facts.map((f) => `<div${lineAttr(context.line(f.path))}><dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd></div>`).join('')}</dl>
</section>`;
}
