import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';

/** Access (CRM, financials, CEO time, meetings) and the reporting cadence, side by side. */
export function renderAccessAndReporting(context: RenderContext): string {
  const { model } = context;
  const access = model.access;
  const reporting = model.reporting ?? [];
  if (!access && reporting.length === 0) return '';
  const facts: [string, string, (string | number)[]][] = access
    ? [
        ['CRM', access.crm ?? '–', ['access', 'crm']],
        ['CEO one-on-one', access.ceoOneOnOne ?? '–', ['access', 'ceo-one-on-one']],
        ['Financials', access.financials.join(', ') || '–', ['access', 'financials']],
        ['Meetings', access.meetings.join(', ') || '–', ['access', 'meetings']],
      ]
    : [];
  const items = reporting
    .map((r) => {
      const detail = [r.cadence, r.format, r.minutes !== undefined ? `${r.minutes} min` : undefined, r.audience ? `for ${r.audience}` : undefined].filter(Boolean).join(' · ');
      return `<li${lineAttr(context.line(r.path))}><strong>${esc(r.name ?? '')}</strong> <span>${esc(detail)}</span></li>`;
    })
    .join('');
  return `<section id="access-reporting" class="ek-section ek-columns">
<div${lineAttr(context.line(['access']))}><h2>Access</h2><dl class="ek-facts">${facts.map(([k, v, path]) => `<div${lineAttr(context.line(path))}><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl></div>
<div${lineAttr(context.line(['reporting']))}><h2>Reporting</h2><ul class="ek-reporting">${items || '<li class="ek-muted">None agreed</li>'}</ul></div>
</section>`;
}
