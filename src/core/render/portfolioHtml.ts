import { parseDay } from '../model/dates';
import { formatsFor } from './formats';
import type { ExecutiveLoad, Portfolio, PortfolioEngagement, SourcePlace } from '../portfolioModel/portfolioTypes';
import { countOf, daysAWeek } from '../text/numbers';
import { esc } from './escape';
import { portfolioMainClass } from './portfolioStyles';
import { DUE_LABELS, KPI_COLUMNS, STATUS_LABELS, weekLabel } from './portfolioWords';

/**
 * Items rendered before, by what they were rendered from: a page rendered again after an edit
 * of one file of a thousand renders the few items that changed and reuses the rest. Holds
 * what the last two renders used, no more.
 */
export class RenderMemo {
  private previous = new Map<string, string>();
  private current = new Map<string, string>();

  /** Starts a render: what the last one used may be reused; what it did not is let go. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(inputs: string, render: () => string): string {
    const html = this.current.get(inputs) ?? this.previous.get(inputs) ?? render();
    this.current.set(inputs, html);
    return html;
  }
}

export interface PortfolioHtmlOptions {
  /**
   * The editor's page: filters, items that open their file (`data-uri`, `data-line`), and
   * positions as `data-style` for its script, since its CSP forbids inline styles. A static
   * page names each item's file and line instead, and writes positions as `style`.
   */
  readonly interactive: boolean;
  /** Where the editor keeps items between renders. */
  readonly memo?: RenderMemo;
  /** How dates are written (`engagementKit.locale`, `--locale`); ISO without one. */
  readonly locale?: string;
}

/** Segment colours in a chart, in turn; the theme's chart colours where there are some. */
const SEGMENT_COLOURS = 8;

/** Where a block's items go: inside the element that has `data-slot`. */
export const ITEMS_SLOT = '<!--items-->';

/** One item of a block (an executive's chart, a row), keyed so that a page can replace it alone. */
export interface PortfolioItem {
  readonly key: string;
  /** One element, with `data-key` set to `key`. */
  readonly html: string;
}

/**
 * A part of the page: one element with this id, and, where it lists things, its items (they
 * go where `ITEMS_SLOT` is). A thousand engagements make a page of megabytes, and an edit
 * changes a few items of it: the editor's page is sent only the items that changed.
 */
export interface PortfolioBlock {
  readonly id: string;
  readonly html: string;
  readonly items: readonly PortfolioItem[];
}

/**
 * The portfolio as HTML blocks: a summary, (in the editor) the filters, each executive's
 * weekly load against capacity, a timeline of the engagements, the dates due, and each
 * engagement's plan position and KPIs. Every value from a file is escaped; positions are
 * numbers the model computed.
 */
export function renderPortfolioBlocks(portfolio: Portfolio, options: PortfolioHtmlOptions): PortfolioBlock[] {
  options.memo?.begin();
  const r = new PortfolioRenderer(portfolio, options);
  const blocks = [r.summary(), ...(options.interactive ? [r.filters()] : []), r.capacity(), r.timeline(), r.due(), r.engagements()];
  return blocks;
}

/** The portfolio as one piece of HTML, every block with its items in place. */
export function renderPortfolioHtml(portfolio: Portfolio, options: PortfolioHtmlOptions): string {
  const blocks = renderPortfolioBlocks(portfolio, options).map((b) => b.html.replace(ITEMS_SLOT, () => b.items.map((i) => i.html).join('\n')));
  return `<main class="${portfolioMainClass(options.interactive)}">\n${blocks.join('\n')}\n</main>`;
}

function block(id: string, html: string, items: readonly PortfolioItem[] = []): PortfolioBlock {
  return { id, html, items };
}

class PortfolioRenderer {
  private readonly byRef: Map<number, PortfolioEngagement>;
  /** A date (`YYYY-MM-DD`) as the locale writes it. */
  private readonly date: (iso: string) => string;
  /** A week's Monday, short, as a label on a time axis. */
  private readonly week: (iso: string) => string;
  /** "2.5 days a week", the number as the locale writes it. */
  private readonly daysAWeek: (days: number) => string;
  /** "12.5 days", likewise. */
  private readonly days: (days: number) => string;

  constructor(
    private readonly portfolio: Portfolio,
    private readonly options: PortfolioHtmlOptions,
  ) {
    this.byRef = new Map(portfolio.engagements.map((e) => [e.ref, e]));
    const formats = formatsFor(options.locale, 'USD');
    this.date = (iso) => formats.date(iso);
    this.week = (iso) => (options.locale ? formats.week(parseDay(iso) ?? 0) : weekLabel(iso));
    this.daysAWeek = (days) => daysAWeek(days, formats.number);
    this.days = (days) => countOf(days, 'day', 'days', formats.number);
  }

  /** An item's markup, reused from the memo when it was rendered from the same inputs. */
  private memo(kind: string, inputs: unknown, render: () => string): string {
    const memo = this.options.memo;
    return memo ? memo.get(`${kind}${this.options.interactive ? '+' : '-'}${this.options.locale ?? ''}${JSON.stringify(inputs)}`, render) : render();
  }

  private style(css: string): string {
    return this.options.interactive ? ` data-style="${css}"` : ` style="${css}"`;
  }

  /** An item that opens its file at its line in the editor; on a static page, its name and where it is written. */
  private link(label: string, place: SourcePlace, description = label): string {
    if (this.options.interactive)
      return `<button type="button" class="ek-open" data-uri="${esc(place.uri)}" data-line="${place.line}" aria-label="${esc(`Open ${description}`)}">${esc(label)}</button>`;
    return `<span class="ek-name">${esc(label)}</span> <small class="ek-where">${esc(place.path)}:${place.line + 1}</small>`;
  }

  summary(): PortfolioBlock {
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
    return block(
      'summary',
      `<header id="summary" class="ek-section">
<h1>Portfolio</h1>
<p class="ek-muted">On ${esc(this.date(p.today))} · weeks of ${esc(this.date(p.from))} to ${esc(this.date(p.until))}${filtered ? ` · filtered: ${esc(describeFilter(p))}` : ''}</p>
<dl class="ek-facts">${facts.map(([dt, dd, cls]) => `<div><dt>${esc(dt)}</dt><dd${cls ? ` class="${cls}"` : ''}>${esc(dd)}</dd></div>`).join('')}</dl>
</header>`,
    );
  }

  filters(): PortfolioBlock {
    const { choices, filter } = this.portfolio;
    const select = (name: keyof typeof filter, label: string, values: readonly { value: string; label: string }[]): string =>
      `<label>${esc(label)} <select data-filter="${name}"><option value="">All</option>${values
        .map((v) => `<option value="${esc(v.value)}"${filter[name] === v.value ? ' selected' : ''}>${esc(v.label)}</option>`)
        .join('')}</select></label>`;
    const plain = (values: readonly string[]): { value: string; label: string }[] => values.map((v) => ({ value: v, label: v }));
    return block(
      'filters',
      `<form id="filters" class="ek-filters" role="search" aria-label="Filter the portfolio">
${select(
  'executive',
  'Executive',
  choices.executives.map((e) => ({ value: e.key, label: e.label })),
)}
${select('client', 'Client', plain(choices.clients))}
${select('role', 'Role', plain(choices.roles))}
${select(
  'status',
  'Status',
  choices.statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
)}
</form>`,
    );
  }

  capacity(): PortfolioBlock {
    const executives = this.portfolio.executives;
    const body = executives.length ? `<div data-slot>${ITEMS_SLOT}</div>` : '<p class="ek-muted">No executive has an engagement here.</p>';
    const html = `<section id="capacity" class="ek-section">
<h2>Capacity</h2>
<p class="ek-legend">Days a week per week, stacked by engagement; the line is the executive's capacity. Proposed engagements are hatched and not counted as committed.</p>
${body}
</section>`;
    const p = this.portfolio;
    return block(
      'capacity',
      html,
      executives.map((e) => ({
        key: `x:${e.key}`,
        html: this.memo('x', [e, p.today, p.from, p.weeks.length], () => this.executive(e)),
      })),
    );
  }

  private executive(e: ExecutiveLoad): string {
    // An id from the key, not the position: an item stays the same when others come or go.
    const id = `ek-exec-${e.key.replace(/[^a-z0-9]/gi, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
    const weeks = this.portfolio.weeks;
    const current = weeks.findIndex((w) => w.current);
    // Headroom above the capacity line, so that the line and a full week stay apart.
    const scale = Math.max(e.capacity * 1.2, ...e.weeks.map((w) => w.committed + w.proposed));
    const pct = (value: number): string => `${Math.round((value / scale) * 10000) / 100}%`;
    const columns = weeks
      .map((week, i) => {
        const w = e.weeks[i]!;
        // Kept small: a thousand engagements make ten thousand of these. A click on one opens
        // what its engagement's button below the chart opens (`data-seg`, the script).
        const parts = e.segments
          .flatMap((s, k) =>
            s.days[i]! > 0
              ? [
                  `<div class="ek-seg ek-c${k % SEGMENT_COLOURS}${s.tentative ? ' ek-tentative' : ''}"${this.style(`height:${pct(s.days[i]!)}`)} data-seg="${k}" title="${esc(s.label)}: ${s.days[i]} days${s.tentative ? ', proposed' : ''}"></div>`,
                ]
              : [],
          )
          .join('');
        const state = w.over ? ' ek-over' : w.overIfProposed ? ' ek-over-if' : '';
        const title = `Week of ${this.date(week.start)}: ${this.daysAWeek(w.committed)} committed${w.proposed ? `, ${this.daysAWeek(w.proposed)} proposed` : ''}, capacity ${this.daysAWeek(e.capacity)}${w.over ? ' (over capacity)' : ''}`;
        return `<div class="ek-col${state}${week.current ? ' ek-current' : ''}" title="${esc(title)}"><div class="ek-stack">${parts}</div></div>`;
      })
      .join('');
    const labels = weeks.map((w, i) => `<span${w.current ? ' class="ek-current"' : ''}>${i % 2 === 0 || w.current ? esc(this.week(w.start)) : ''}</span>`).join('');
    const over = e.weeks.flatMap((w, i) => (w.over ? [this.date(weeks[i]!.start)] : []));
    const label = `${e.name}: capacity ${this.daysAWeek(e.capacity)}, peak ${this.daysAWeek(e.peak)} committed; ${over.length ? `over capacity in ${countOf(over.length, 'week')}: weeks of ${over.join(', ')}` : 'never over capacity in these weeks'}.`;
    const legend = e.segments
      .map((s, k) => {
        const now = current >= 0 ? s.days[current]! : 0;
        return `<li data-seg="${k}"><span class="ek-swatch ek-c${k % SEGMENT_COLOURS}${s.tentative ? ' ek-tentative' : ''}" aria-hidden="true"></span>${this.link(s.label, s.place, `${s.label} at its commitment`)} <small>${esc(s.client)} · ${esc(this.daysAWeek(now))} this week${s.tentative ? ' · proposed' : ''}</small></li>`;
      })
      .join('');
    const ifWon = e.weeks.filter((w) => w.overIfProposed).length;
    const summary =
      (e.weeksOver ? `<strong class="ek-off-track">Over capacity in ${countOf(e.weeksOver, 'week')}</strong>` : 'Within capacity') +
      (ifWon ? ` · <span class="ek-at-risk">over in ${countOf(ifWon, 'more week')} if proposals are won</span>` : '') +
      ` · peak ${esc(this.daysAWeek(e.peak))}`;
    return `<article class="ek-exec${e.weeksOver ? ' ek-is-over' : ''}" data-key="x:${esc(e.key)}" aria-labelledby="${esc(id)}">
<h3 id="${esc(id)}">${esc(e.name)} <small>${esc([...e.roles, e.email].filter(Boolean).join(' · '))}</small></h3>
<p class="ek-exec-summary">${summary} · capacity ${esc(this.daysAWeek(e.capacity))} · ${esc(this.days(e.freeAhead))} free from this week on</p>
<div class="ek-chart" role="img" aria-label="${esc(label)}"><div class="ek-cols">${columns}<div class="ek-cap"${this.style(`bottom:${pct(e.capacity)}`)}></div></div><div class="ek-week-labels" aria-hidden="true">${labels}</div></div>
<ul class="ek-segments">${legend}</ul>
</article>`;
  }

  timeline(): PortfolioBlock {
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
    const todayLine = `<div class="ek-today"${this.style(`left:${pct(today)}`)} title="Today, ${esc(this.date(p.today))}"><span>today</span></div>`;
    const head = p.weeks.map((w) => `<div class="ek-week"${this.style(`left:${pct(parseDay(w.start)!)};width:${pct(from + 7)}`)}><small>${esc(this.week(w.start))}</small></div>`).join('');
    const rows = p.engagements.map((e) => ({
      key: `t:${e.ref}`,
      html: this.memo('t', [e, p.from, p.until], () => {
        const start = e.termStart === undefined ? undefined : parseDay(e.termStart)!;
        const end = e.termEnd === undefined ? Infinity : parseDay(e.termEnd)!;
        const term = start === undefined ? '<span class="ek-unplaced">no term start</span>' : bar(start, end, `ek-term ek-status-${e.status}`, `Term ${this.date(e.termStart!)} to ${e.termEnd ? this.date(e.termEnd) : 'open-ended'}`);
        const phases = e.phases.map((ph) => bar(parseDay(ph.start)!, parseDay(ph.end)!, 'ek-phase-band', `${ph.name}: ${this.date(ph.start)} to ${this.date(ph.end)}`)).join('');
        const when = `${e.termStart ? this.date(e.termStart) : '?'} → ${e.termEnd ? this.date(e.termEnd) : 'open-ended'}`;
        return `<div class="ek-row" data-key="t:${e.ref}"><div class="ek-label">${this.link(e.title, e.place)} <small>${esc(e.executive.name)} · ${esc(e.client)} · ${esc(STATUS_LABELS[e.status])}</small></div><div class="ek-track" title="${esc(when)}">${term}${phases}</div></div>`;
      }),
    }));
    const html = `<section id="timeline" class="ek-section">
<h2>Timeline</h2>
${
  p.engagements.length
    ? `<div class="ek-timeline">
<div class="ek-row ek-head"><div class="ek-label"></div><div class="ek-track ek-weeks">${head}</div></div>
<div class="ek-rows"><div class="ek-overlay"><div class="ek-label"></div><div class="ek-track">${todayLine}</div></div>
<div data-slot>${ITEMS_SLOT}</div>
</div></div>`
    : '<p class="ek-muted">No engagement here.</p>'
}
</section>`;
    return block('timeline', html, rows);
  }

  due(): PortfolioBlock {
    const p = this.portfolio;
    const rows = p.due.map((d) => {
      const e = this.byRef.get(d.ref)!;
      const key = `d:${d.ref}:${d.kind}`;
      const html = this.memo('d', [d, e.title, e.executive.name, e.client], () => {
        const when = d.daysFromToday === 0 ? 'today' : d.daysFromToday > 0 ? `in ${countOf(d.daysFromToday, 'day')}` : `${countOf(-d.daysFromToday, 'day')} ago`;
        return `<tr class="ek-due-${d.kind}" data-key="${key}"><td class="ek-date">${esc(this.date(d.date))}</td><td class="ek-date${d.daysFromToday < 0 ? ' ek-off-track' : ''}">${esc(when)}</td><td>${esc(DUE_LABELS[d.kind])}<small class="ek-type">${esc(d.what)}</small></td><td>${this.link(e.title, d.place, `${e.title} at its ${d.kind === 'assessment' ? 'reviews' : 'term'}`)}</td><td>${esc(e.executive.name)}</td><td>${esc(e.client)}</td></tr>`;
      });
      return { key, html };
    });
    const html = `<section id="due" class="ek-section">
<h2>Renewals and decisions due</h2>
${
  p.due.length
    ? `<div class="ek-scroll"><table class="ek-due"><caption class="ek-legend">Term ends, last days to give notice and quarterly assessments up to ${esc(this.date(p.until))}, and assessments overdue.</caption>
<thead><tr><th scope="col">Date</th><th scope="col">When</th><th scope="col">What</th><th scope="col">Engagement</th><th scope="col">Executive</th><th scope="col">Client</th></tr></thead>
<tbody data-slot>${ITEMS_SLOT}</tbody></table></div>`
    : `<p class="ek-muted">Nothing due up to ${esc(this.date(p.until))}.</p>`
}
</section>`;
    return block('due', html, rows);
  }

  engagements(): PortfolioBlock {
    const p = this.portfolio;
    const rows = p.engagements.map((e) => ({
      key: `k:${e.ref}`,
      html: this.memo('k', e, () => {
        const counts = KPI_COLUMNS.map(([status]) => `<td class="ek-num${e.kpis[status] > 0 ? ` ek-${status}` : ''}">${e.kpis[status]}</td>`).join('');
        const errors = e.errors === undefined ? '<td class="ek-num ek-muted" title="Still being checked">…</td>' : `<td class="ek-num${e.errors > 0 ? ' ek-off-track' : ''}">${e.errors}</td>`;
        return `<tr data-key="k:${e.ref}"><th scope="row">${this.link(e.title, e.place)}</th><td>${esc(e.executive.name)}${e.executive.role ? ` <small>${esc(e.executive.role)}</small>` : ''}</td><td>${esc(e.client)}</td><td>${esc(STATUS_LABELS[e.status])}</td><td>${esc(e.position)}</td>${counts}${errors}</tr>`;
      }),
    }));
    const totals = KPI_COLUMNS.map(([status]) => `<td class="ek-num">${p.totals.kpis[status]}</td>`).join('');
    // The totals are the last row, an item like the others: they change with any row, the table around them does not.
    rows.push({
      key: 'k:total',
      html: `<tr class="ek-total" data-key="k:total"><th scope="row" colspan="5">All ${countOf(p.engagements.length, 'engagement')}</th>${totals}<td class="ek-num">${p.totals.errors}</td></tr>`,
    });
    const html = `<section id="kpis" class="ek-section">
<h2>Engagements and KPIs</h2>
${
  p.engagements.length
    ? `<div class="ek-scroll"><table class="ek-rollup">
<thead><tr><th scope="col">Engagement</th><th scope="col">Executive</th><th scope="col">Client</th><th scope="col">Status</th><th scope="col">Plan</th>${KPI_COLUMNS.map(([, label]) => `<th scope="col" class="ek-num">${esc(label)}</th>`).join('')}<th scope="col" class="ek-num">Errors</th></tr></thead>
<tbody data-slot>${ITEMS_SLOT}</tbody></table></div>`
    : '<p class="ek-muted">No engagement here.</p>'
}
</section>`;
    return block('kpis', html, rows);
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

