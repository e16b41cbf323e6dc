import type { Portfolio } from '../portfolioModel/portfolioTypes';
import { formatsFor } from './formats';
import { countOf, daysAWeek } from '../text/numbers';
import { markdownText as md } from '../text/safeText';
import { DUE_LABELS, KPI_COLUMNS, STATUS_LABELS } from './portfolioWords';

/**
 * The portfolio as Markdown, for a pull request or a wiki: capacity per executive, the dates
 * due and the engagements with their KPIs, as tables. Every value from a file goes through
 * `markdownText`, so it stays text.
 */
export function renderPortfolioMarkdown(p: Portfolio, options: { readonly locale?: string } = {}): string {
  const { date, number } = formatsFor(options.locale, 'USD');
  const byRef = new Map(p.engagements.map((e) => [e.ref, e]));
  const out: string[] = [];
  out.push(`# Portfolio on ${date(p.today)}`, '');
  out.push(`Weeks of ${date(p.from)} to ${date(p.until)} · ${countOf(p.totals.shown, 'engagement')}, ${p.totals.active} active · ${p.totals.executivesOver} of ${countOf(p.executives.length, 'executive')} over capacity · KPIs: ${p.totals.kpis['off-track']} off track, ${p.totals.kpis['at-risk']} at risk · ${countOf(p.totals.errors, 'error')} in files${p.totals.unchecked ? ` (${p.totals.unchecked} not checked yet)` : ''}`, '');

  out.push('## Capacity', '');
  if (p.executives.length === 0) out.push('No executive has an engagement here.', '');
  else {
    out.push('| Executive | Capacity | This week | Peak | Weeks over capacity | Free from this week on |', '|---|---:|---:|---:|---|---:|');
    const current = p.weeks.findIndex((w) => w.current);
    for (const e of p.executives) {
      const over = e.weeks.flatMap((w, i) => (w.over ? [date(p.weeks[i]!.start)] : []));
      const now = current >= 0 ? e.weeks[current]!.committed : 0;
      const ifWon = e.weeks.filter((w) => w.overIfProposed).length;
      const overText = `${over.length ? `**${over.length}**: ${over.join(', ')}` : 'none'}${ifWon ? `; ${ifWon} more if proposals are won` : ''}`;
      out.push(`| ${md(e.name)} | ${daysAWeek(e.capacity, number)} | ${daysAWeek(now, number)} | ${daysAWeek(e.peak, number)} | ${overText} | ${number(e.freeAhead)} |`);
    }
    out.push('');
  }

  out.push('## Renewals and decisions due', '');
  if (p.due.length === 0) out.push(`Nothing due up to ${date(p.until)}.`, '');
  else {
    out.push('| Date | When | What | Engagement | Executive | File |', '|---|---|---|---|---|---|');
    for (const d of p.due) {
      const e = byRef.get(d.ref)!;
      const when = d.daysFromToday === 0 ? 'today' : d.daysFromToday > 0 ? `in ${countOf(d.daysFromToday, 'day')}` : `**${countOf(-d.daysFromToday, 'day')} ago**`;
      out.push(`| ${date(d.date)} | ${when} | ${DUE_LABELS[d.kind]}: ${md(d.what)} | ${md(e.title)} | ${md(e.executive.name)} | ${md(`${d.place.path}:${d.place.line + 1}`)} |`);
    }
    out.push('');
  }

  out.push('## Engagements and KPIs', '');
  if (p.engagements.length === 0) out.push('No engagement here.', '');
  else {
    out.push(`| Engagement | Executive | Client | Status | Plan | ${KPI_COLUMNS.map(([, label]) => label).join(' | ')} | Errors |`, `|---|---|---|---|---|${KPI_COLUMNS.map(() => '---:|').join('')}---:|`);
    for (const e of p.engagements) {
      out.push(`| ${md(e.title)} | ${md(e.executive.name)} | ${md(e.client)} | ${STATUS_LABELS[e.status]} | ${md(e.position)} | ${KPI_COLUMNS.map(([s]) => e.kpis[s]).join(' | ')} | ${e.errors ?? '…'} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
