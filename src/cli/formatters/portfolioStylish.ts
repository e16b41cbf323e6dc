import type { Portfolio } from '../../core/portfolioModel/portfolioTypes';
import { DUE_LABELS, STATUS_LABELS, weekLabel } from '../../core/render/portfolioWords';
import { countOf, daysAWeek } from '../../core/text/numbers';
import { printable } from '../../core/text/safeText';

const COLORS = { over: '\x1b[31m', warn: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };
const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * The portfolio for a terminal: a line of weekly bars per executive (over-capacity weeks
 * marked with `!` beneath, and red with colour), the dates due, and one line per engagement.
 * Every value from a file goes through `printable`.
 */
export function formatPortfolioStylish(p: Portfolio, color: boolean): string {
  const paint = (code: keyof typeof COLORS, text: string): string => (color ? `${COLORS[code]}${text}${COLORS.reset}` : text);
  const byRef = new Map(p.engagements.map((e) => [e.ref, e]));
  const out: string[] = [];
  const t = p.totals;
  out.push(paint('bold', `Portfolio on ${p.today}`) + paint('dim', ` · weeks of ${p.from} to ${p.until}`));
  out.push(`${countOf(t.shown, 'engagement')} (${t.active} active) · ${t.executivesOver} of ${countOf(p.executives.length, 'executive')} over capacity · KPIs: ${t.kpis['off-track']} off track, ${t.kpis['at-risk']} at risk · ${countOf(t.errors, 'error')}${t.unchecked ? ` (${t.unchecked} not checked)` : ''}`);
  out.push('');

  out.push(paint('bold', 'Capacity') + paint('dim', ' (days a week, one bar per week from the oldest; ░ proposed only, ^ this week, ! over capacity)'));
  const current = p.weeks.findIndex((w) => w.current);
  const nameWidth = Math.min(28, Math.max(0, ...p.executives.map((e) => printable(e.name).length)));
  for (const e of p.executives) {
    const scale = Math.max(e.capacity, ...e.weeks.map((w) => w.committed));
    const bars = e.weeks.map((w) => {
      if (w.committed === 0) return w.proposed > 0 ? '░' : ' ';
      const block = BLOCKS[Math.min(BLOCKS.length - 1, Math.ceil((w.committed / scale) * BLOCKS.length) - 1)]!;
      return w.over ? paint('over', block) : block;
    });
    const marks = e.weeks.map((w, i) => (w.over ? '!' : i === current ? '^' : ' ')).join('');
    const over = e.weeks.flatMap((w, i) => (w.over ? [weekLabel(p.weeks[i]!.start)] : []));
    const ifWon = e.weeks.filter((w) => w.overIfProposed).length;
    const summary =
      (over.length ? paint('over', `over in ${countOf(over.length, 'week')} (${over.slice(0, 4).join(', ')}${over.length > 4 ? ', …' : ''})`) : 'within capacity') +
      (ifWon ? paint('warn', ` · over in ${countOf(ifWon, 'more week')} if proposals are won`) : '');
    out.push(`  ${printable(e.name).slice(0, nameWidth).padEnd(nameWidth)}  ${bars.join('')}  capacity ${daysAWeek(e.capacity)} · peak ${daysAWeek(e.peak)} · ${summary}`);
    out.push(`  ${''.padEnd(nameWidth)}  ${marks}`);
    for (const s of e.segments) {
      const now = current >= 0 ? s.days[current]! : 0;
      out.push(paint('dim', `  ${''.padEnd(nameWidth)}    ${printable(s.label)} · ${printable(s.client)} · ${daysAWeek(now)} this week${s.tentative ? ' · proposed' : ''}  ${printable(s.place.path)}:${s.place.line + 1}`));
    }
  }
  if (p.executives.length === 0) out.push('  No executive has an engagement here.');
  out.push('');

  out.push(paint('bold', 'Renewals and decisions due'));
  for (const d of p.due) {
    const e = byRef.get(d.ref)!;
    const when = d.daysFromToday === 0 ? 'today' : d.daysFromToday > 0 ? `in ${countOf(d.daysFromToday, 'day')}` : `${countOf(-d.daysFromToday, 'day')} ago`;
    out.push(`  ${d.date}  ${(d.daysFromToday < 0 ? paint('over', when.padEnd(12)) : when.padEnd(12))}  ${DUE_LABELS[d.kind].padEnd(20)}  ${printable(e.title)} (${printable(e.executive.name)})  ${paint('dim', `${printable(d.place.path)}:${d.place.line + 1}`)}`);
  }
  if (p.due.length === 0) out.push(`  Nothing due up to ${p.until}.`);
  out.push('');

  out.push(paint('bold', 'Engagements'));
  for (const e of p.engagements) {
    const k = e.kpis;
    const kpis = `KPIs ${k['on-track']} on track, ${k['at-risk']} at risk, ${k['off-track']} off track, ${k.done} done, ${k['no-data']} no data`;
    const errors = e.errors === undefined ? '' : e.errors > 0 ? ` · ${paint('over', countOf(e.errors, 'error'))}` : '';
    out.push(`  ${printable(e.title)}  ${paint('dim', `${printable(e.executive.name)} · ${printable(e.client)} · ${STATUS_LABELS[e.status]}`)}`);
    out.push(`    ${printable(e.position)} · ${k['off-track'] ? paint('over', kpis) : kpis}${errors}  ${paint('dim', `${printable(e.place.path)}:${e.place.line + 1}`)}`);
  }
  if (p.engagements.length === 0) out.push('  No engagement here.');
  return `${out.join('\n')}\n`;
}
