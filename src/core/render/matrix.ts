import { AREAS, LEVELS } from '../model/engagement';
import type { RenderContext } from './context';
import { esc, lineAttr } from './escape';

const LEVEL_HINTS: Record<string, string> = {
  decide: 'acts alone',
  approve: 'must sign off',
  recommend: 'proposes',
  consult: 'gives input',
  inform: 'is told',
};

/** The authority matrix: rows grouped by area, one column per party, the decider stands out. */
export function renderMatrix(context: RenderContext): string {
  const { model } = context;
  const authority = model.authority;
  if (!authority) return '';
  const rows = AREAS.flatMap((area) => authority.areas[area] ?? []);
  const used = new Set(rows.flatMap((r) => r.assignments.map((a) => a.party)));
  const parties = ['exec', 'ceo', ...model.parties.map((p) => p.id).filter((id) => id !== 'exec' && id !== 'ceo')].filter((id) => used.has(id) || id === 'exec');
  const partyName = (id: string): string => {
    if (id === 'exec') return model.executive?.role ? `${model.executive.role} (exec)` : 'exec';
    const party = model.parties.find((p) => p.id === id);
    return party?.title ?? party?.name ?? id;
  };
  const head = `<tr><th scope="col">Decision</th><th scope="col">Limit</th>${parties.map((p) => `<th scope="col" title="${esc(p)}">${esc(partyName(p))}</th>`).join('')}</tr>`;
  const body = AREAS.map((area) => {
    const areaRows = authority.areas[area];
    if (areaRows === undefined) return '';
    const header = `<tr class="ek-area"${lineAttr(context.line(['authority', area]))}><th colspan="${parties.length + 2}" scope="rowgroup">${esc(area)}</th></tr>`;
    const lines = areaRows
      .map((row) => {
        const cells = parties
          .map((party) => {
            const level = row.assignments.find((a) => a.party === party)?.level;
            return level ? `<td class="ek-level ek-${level}" title="${esc(LEVEL_HINTS[level])}">${esc(level)}</td>` : '<td class="ek-level ek-none">–</td>';
          })
          .join('');
        const limit = row.limit !== undefined ? context.formats.money(row.limit, model.currency) : '';
        return `<tr${lineAttr(context.line(row.path))}><th scope="row">${esc(row.decision ?? row.id ?? '')}</th><td class="ek-limit">${esc(limit)}</td>${cells}</tr>`;
      })
      .join('');
    return header + (lines || `<tr><td colspan="${parties.length + 2}" class="ek-empty">No decisions written down</td></tr>`);
  }).join('');
  const legend = LEVELS.map((l) => `<span class="ek-level ek-${l}">${l}</span> ${esc(LEVEL_HINTS[l])}`).join(' · ');
  return `<section id="authority" class="ek-section"${lineAttr(context.line(['authority']))}>
<h2>Authority matrix</h2>
<div class="ek-scroll"><table class="ek-matrix"><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="ek-legend">${legend}</p>
</section>`;
}
