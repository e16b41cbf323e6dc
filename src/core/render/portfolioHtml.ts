import { parseDay } from '../model/dates';
import type { ExecutiveLoad, Portfolio, PortfolioEngagement, SourcePlace } from '../portfolioModel/portfolioTypes';
import { countOf, daysAWeek } from '../text/numbers';
import { esc } from './escape';
import { DUE_LABELS, KPI_COLUMNS, STATUS_LABELS, weekLabel } from './portfolioWords';

export interface PortfolioHtmlOptions {
  /**
   * The editor's page: filters, items that open their file (`data-uri`, `data-line`), and
   * positions as `data-style` for its script, since its CSP forbids inline styles. A static
   * page names each item's file and line instead, and writes positions as `style`.
   */
  readonly interactive: boolean;
}

/** Segment colours in a chart, in turn; the theme's chart colours where there are some. */
const SEGMENT_COLOURS = 8;

/**
 * The portfolio as HTML: a summary, each executive's weekly load against capacity, a
 * timeline of the engagements, the dates due, and each engagement's plan position and KPIs.
 * Every value from a file is escaped; positions are numbers the model computed.
 */
export function renderPortfolioHtml(portfolio: Portfolio, options: PortfolioHtmlOptions): string {
  const r = new PortfolioRenderer(portfolio, options);
  return `<main class="ek-portfolio">
${r.summary()}
${options.interactive ? r.filters() : ''}
${r.capacity()}
${r.timeline()}
${r.due()}
${r.engagements()}
</main>`;
}

class PortfolioRenderer {
  private readonly byRef: Map<number, PortfolioEngagement>;

  constructor(
    private readonly portfolio: Portfolio,
    private readonly options: PortfolioHtmlOptions,
  ) {
    this.byRef = new Map(portfolio.engagements.map((e) => [e.ref, e]));
  }

  private style(css: string): string {
    return this.options.interactive ? ` data-style="${css}"` : ` style="${css}"`;
  }

  /** An item that opens its file at its line in the editor; on a static page, its name and where it is written. */
  private link(label: string, place: SourcePlace, description = label): string {
    if (this.options.interactive) return `<button type="button" class="ek-open" data-uri="${esc(place.uri)}" data-line="${place.line}" aria-label="${esc(`Open ${description}`)}">${esc(label)}</button>`;
    return `<span class="ek-name">${esc(label)}</span> <small class="ek-where">${esc(place.path)}:${place.line + 1}</small>`;
  }

  summary(): string {
    const p = this.portfolio;
    const t = p.totals;
    const filtered = Object.values(p.filter).some((v) => v !== undefined);
    const facts: [string, string, string?][] = [
      ['Engagements', `${t.shown}${filtered ? ` of ${t.files}` : ''}`],
      ['Active', String(t.active)],
      ['Executives over capacity', `${t.executivesOver} of ${p.executives.length}`, t.executivesOver > 0 ? 'ek-off-track' : undefined],
      ['KPIs off track', `${t.kpis['off-track']} · at risk ${t.kpis['at-risk']}`, t.kpis['off-track'] > 0 ? 'ek-off-track' : undefined],
      ['Errors in files', `${t.errors}${t.unchecked > 0 ? ` (${countOf(t.unchecked, 'file')} still being checked)` : ''}`, t.errors > 0 ? 'ek-off-track' : undefined],
    ];
    return `<header id="summary" class="ek-section">
<h1>Portfolio</h1>
<p class="ek-muted">On ${esc(p.today)} · weeks of ${esc(p.from)} to ${esc(p.until)}${filtered ? ` · filtered: ${esc(describeFilter(p))}` : ''}</p>
<dl class="ek-facts">${facts.map(([dt, dd, cls]) => `<div><dt>${esc(dt)}</dt><dd${cls ? ` class="${cls}"` : ''}>${esc(dd)}</dd></div>`).join('')}</dl>
</header>`;
  }

  filters(): string {
    const { choices, filter } = this.portfolio;
    const select = (name: keyof typeof filter, label: string, values: readonly { value: string; label: string }[]): string =>
      `<label>${esc(label)} <select data-filter="${name}"><option value="">All</option>${values
        .map((v) => `<option value="${esc(v.value)}"${filter[name] === v.value ? ' selected' : ''}>${esc(v.label)}</option>`)
        .join('')}</select></label>`;
    const plain = (values: readonly string[]): { value: string; label: string }[] => values.map((v) => ({ value: v, label: v }));
    return `<form id="filters" class="ek-filters" role="search" aria-label="Filter the portfolio">
${select('executive', 'Executive', choices.executives.map((e) => ({ value: e.key, label: e.label })))}
${select('client', 'Client', plain(choices.clients))}
${select('role', 'Role', plain(choices.roles))}
${select('status', 'Status', choices.statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] })))}
</form>`;
  }

  capacity(): string {
    const executives = this.portfolio.executives;
    const body = executives.length ? executives.map((e, i) => this.executive(e, i)).join('\n') : '<p class="ek-muted">No executive has an engagement here.</p>';
    return `<section id="capacity" class="ek-section">
<h2>Capacity</h2>
<p class="ek-legend">Days a week per week, stacked by engagement; the line is the executive's capacity. Proposed engagements are hatched and not counted as committed.</p>
${body}
</section>`;
  }

  private executive(e: ExecutiveLoad, index: number): string {
    const weeks = this.portfolio.weeks;
    // Headroom above the capacity line, so that the line and a full week stay apart.
    const scale = Math.max(e.capacity * 1.2, ...e.weeks.map((w) => w.committed + w.proposed));
    const pct = (value: number): string => `${Math.round((value / scale) * 10000) / 100}%`;
    const colour = new Map(e.segments.map((s, i) => [s.ref, i % SEGMENT_COLOURS]));
    const columns = weeks
      .map((week, i) => {
        const w = e.weeks[i]!;
        const parts = e.segments
          .filter((s) => s.days[i]! > 0)
          .map((s) => `<div class="ek-seg ek-c${colour.get(s.ref)}${s.tentative ? ' ek-tentative' : ''}"${this.style(`height:${pct(s.days[i]!)}`)}${this.options.interactive ? ` data-uri="${esc(s.place.uri)}" data-line="${s.place.line}"` : ''} title="${esc(`${s.label} (${s.client}): ${daysAWeek(s.days[i]!)}${s.tentative ? ', proposed' : ''}`)}"></div>`)
          .join('');
        const state = w.over ? ' ek-over' : w.overIfProposed ? ' ek-over-if' : '';
        const title = `Week of ${week.start}: ${daysAWeek(w.committed)} committed${w.proposed ? `, ${daysAWeek(w.proposed)} proposed` : ''}, capacity ${daysAWeek(e.capacity)}${w.over ? ' (over capacity)' : ''}`;
        return `<div class="ek-col${state}${week.current ? ' ek-current' : ''}" title="${esc(title)}"><div class="ek-stack">${parts}</div></div>`;
      })
      .join('');
    const labels = weeks.map((w, i) => `<span${w.current ? ' class="ek-current"' : ''}>${i % 2 === 0 || w.current ? esc(weekLabel(w.start)) : ''}</span>`).join('');
    const over = e.weeks.flatMap((w, i) => (w.over ? [weeks[i]!.start] : []));
    const label = `${e.name}: capacity ${daysAWeek(e.capacity)}, peak ${daysAWeek(e.peak)} committed; ${over.length ? `over capacity in ${countOf(over.length, 'week')}: weeks of ${over.join(', ')}` : 'never over capacity in these weeks'}.`;
    const legend = e.segments
      .map((s) => {
        const ahead = s.days.filter((_, i) => parseDay(weeks[i]!.start)! + 6 >= parseDay(this.portfolio.today)!);
        const now = ahead[0] ?? 0;
        return `<li><span class="ek-swatch ek-c${colour.get(s.ref)}${s.tentative ? ' ek-tentative' : ''}" aria-hidden="true"></span>${this.link(s.label, s.place, `${s.label} at its commitment`)} <small>${esc(s.client)} · ${esc(daysAWeek(now))} this week${s.tentative ? ' · proposed' : ''}</small></li>`;
      })
      .join('');
    const ifWon = e.weeks.filter((w) => w.overIfProposed).length;
    const summary =
      (e.weeksOver ? `<strong class="ek-off-track">Over capacity in ${countOf(e.weeksOver, 'week')}</strong>` : 'Within capacity') +
      (ifWon ? ` · <span class="ek-at-risk">over in ${countOf(ifWon, 'more week')} if proposals are won</span>` : '') +
      ` · peak ${esc(daysAWeek(e.peak))}`;
    return `<article class="ek-exec${e.weeksOver ? ' ek-is-over' : ''}" aria-labelledby="ek-exec-${index}">
<h3 id="ek-exec-${index}">${esc(e.name)} <small>${esc([...e.roles, e.email].filter(Boolean).join(' · '))}</small></h3>
<p class="ek-exec-summary">${summary} · capacity ${esc(daysAWeek(e.capacity))} · ${esc(formatDays(e.freeAhead))} free from this week on</p>
<div class="ek-chart" role="img" aria-label="${esc(label)}"><div class="ek-cols">${columns}<div class="ek-cap"${this.style(`bottom:${pct(e.capacity)}`)}></div></div><div class="ek-week-labels" aria-hidden="true">${labels}</div></div>
<ul class="ek-segments">${legend}</ul>
</article>`;
  }

  timeline(): string {
    const p = this.portfolio;
    const from = parseDay(p.from)!;
    const span = parseDay(p.until)! - from + 1;
    const pct = (day: number): string => `${Math.round((Math.min(Math.max(day - from, 0), span) / span) * 10000) / 100}%`;
    const bar = (start: number, end: number, cls: string, title: string): string => {
      const left = Math.max(start, from);
      const right = Math.min(end, from + span - 1);
      if (right < left) return '';
      const cut = `${start < from ? ' ek-cut-start' : ''}${end > from + span - 1 ? ' ek-cut-end' : ''}`;
      return `<div class="${cls}${cut}"${this.style(`left:${pct(left)};width:${pct(from + (right - left + 1))}`)} title="${esc(title)}"></div>`;
    };
    const today = parseDay(p.today)!;
    const todayLine = `<div class="ek-today"${this.style(`left:${pct(today)}`)} title="Today, ${esc(p.today)}"><span>today</span></div>`;
    const head = p.weeks.map((w) => `<div class="ek-week"${this.style(`left:${pct(parseDay(w.start)!)};width:${pct(from + 7)}`)}><small>${esc(weekLabel(w.start))}</small></div>`).join('');
    const rows = p.engagements
      .map((e) => {
        const start = e.termStart === undefined ? undefined : parseDay(e.termStart)!;
        const end = e.termEnd === undefined ? Infinity : parseDay(e.termEnd)!;
        const term = start === undefined ? '<span class="ek-unplaced">no term start</span>' : bar(start, end, `ek-term ek-status-${e.status}`, `Term ${e.termStart} to ${e.termEnd ?? 'open-ended'}`);
        const phases = e.phases.map((ph) => bar(parseDay(ph.start)!, parseDay(ph.end)!, 'ek-phase-band', `${ph.name}: ${ph.start} to ${ph.end}`)).join('');
        const when = `${e.termStart ?? '?'} → ${e.termEnd ?? 'open-ended'}`;
        return `<div class="ek-row"><div class="ek-label">${this.link(e.title, e.place)} <small>${esc(e.executive.name)} · ${esc(e.client)} · ${esc(STATUS_LABELS[e.status])}</small></div><div class="ek-track" title="${esc(when)}">${term}${phases}</div></div>`;
      })
      .join('\n');
    return `<section id="timeline" class="ek-section">
<h2>Timeline</h2>
${
  p.engagements.length
    ? `<div class="ek-timeline">
<div class="ek-row ek-head"><div class="ek-label"></div><div class="ek-track ek-weeks">${head}</div></div>
<div class="ek-rows"><div class="ek-overlay"><div class="ek-label"></div><div class="ek-track">${todayLine}</div></div>
${rows}
</div></div>`
    : '<p class="ek-muted">No engagement here.</p>'
}
</section>`;
  }

  due(): string {
    const p = this.portfolio;
    const rows = p.due
      .map((d) => {
        const e = this.byRef.get(d.ref)!;
        const when = d.daysFromToday === 0 ? 'today' : d.daysFromToday > 0 ? `in ${countOf(d.daysFromToday, 'day')}` : `${countOf(-d.daysFromToday, 'day')} ago`;
        return `<tr class="ek-due-${d.kind}"><td class="ek-date">${esc(d.date)}</td><td class="ek-date${d.daysFromToday < 0 ? ' ek-off-track' : ''}">${esc(when)}</td><td>${esc(DUE_LABELS[d.kind])}<small class="ek-type">${esc(d.what)}</small></td><td>${this.link(e.title, d.place, `${e.title} at its ${d.kind === 'assessment' ? 'reviews' : 'term'}`)}</td><td>${esc(e.executive.name)}</td><td>${esc(e.client)}</td></tr>`;
      })
      .join('\n');
    return `<section id="due" class="ek-section">
<h2>Renewals and decisions due</h2>
${
  p.due.length
    ? `<div class="ek-scroll"><table class="ek-due"><caption class="ek-legend">Term ends, last days to give notice and quarterly assessments up to ${esc(p.until)}, and assessments overdue.</caption>
<thead><tr><th scope="col">Date</th><th scope="col">When</th><th scope="col">What</th><th scope="col">Engagement</th><th scope="col">Executive</th><th scope="col">Client</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : `<p class="ek-muted">Nothing due up to ${esc(p.until)}.</p>`
}
</section>`;
  }

  engagements(): string {
    const p = this.portfolio;
    const rows = p.engagements
      .map((e) => {
        const counts = KPI_COLUMNS.map(([status]) => `<td class="ek-num${e.kpis[status] > 0 ? ` ek-${status}` : ''}">${e.kpis[status]}</td>`).join('');
        const errors = e.errors === undefined ? '<td class="ek-num ek-muted" title="Still being checked">…</td>' : `<td class="ek-num${e.errors > 0 ? ' ek-off-track' : ''}">${e.errors}</td>`;
        return `<tr><th scope="row">${this.link(e.title, e.place)}</th><td>${esc(e.executive.name)}${e.executive.role ? ` <small>${esc(e.executive.role)}</small>` : ''}</td><td>${esc(e.client)}</td><td>${esc(STATUS_LABELS[e.status])}</td><td>${esc(e.position)}</td>${counts}${errors}</tr>`;
      })
      .join('\n');
    const totals = KPI_COLUMNS.map(([status]) => `<td class="ek-num">${p.totals.kpis[status]}</td>`).join('');
    return `<section id="kpis" class="ek-section">
<h2>Engagements and KPIs</h2>
${
  p.engagements.length
    ? `<div class="ek-scroll"><table class="ek-rollup">
<thead><tr><th scope="col">Engagement</th><th scope="col">Executive</th><th scope="col">Client</th><th scope="col">Status</th><th scope="col">Plan</th>${KPI_COLUMNS.map(([, label]) => `<th scope="col" class="ek-num">${esc(label)}</th>`).join('')}<th scope="col" class="ek-num">Errors</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row" colspan="5">All ${countOf(p.engagements.length, 'engagement')}</th>${totals}<td class="ek-num">${p.totals.errors}</td></tr></tfoot></table></div>`
    : '<p class="ek-muted">No engagement here.</p>'
}
</section>`;
  }
}

/** "executive Dana Reyes, client Acme": the filter as a reader says it. */
function describeFilter(p: Portfolio): string {
  const f = p.filter;
  const parts: string[] = [];
  if (f.executive !== undefined) parts.push(`executive ${p.choices.executives.find((e) => e.key === f.executive)?.label ?? f.executive}`);
  if (f.client !== undefined) parts.push(`client ${f.client}`);
  if (f.role !== undefined) parts.push(`role ${f.role}`);
  if (f.status !== undefined) parts.push(`status ${f.status}`);
  return parts.join(', ');
}

function formatDays(days: number): string {
  return days === 1 ? '1 day' : `${Math.round(days * 100) / 100} days`;
}
