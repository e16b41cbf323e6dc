import type { Analysis } from '../analyze';
import { planCalendar } from '../calendar';
import { kpiProgress } from '../kpiStatus';
import { AREAS } from '../model/engagement';
import { renderContext, type RenderOptions } from './context';
import { markdownText } from '../text/safeText';
import { formatAmount } from '../text/numbers';
import { describeCommitment, describeMonthlyCost } from './header';

/** A value from the file, as Markdown that shows exactly that text (in a paragraph or a table cell). */
const cell = markdownText;

/** A Markdown summary (plan, authority matrix, scorecard) for pull requests and wikis. */
export function renderMarkdown(analysis: Analysis, options: RenderOptions): string {
  const model = analysis.model;
  if (!model) return '_No readable engagement._\n';
  const context = renderContext(analysis, model, options);
  const out: string[] = [];
  out.push(`# ${cell(model.title ?? model.id ?? 'Engagement')}`, '');
  if (model.mandate?.problem) out.push(cell(model.mandate.problem), '');
  const commitment = describeCommitment(context) ?? '–';
  out.push(`- **Client:** ${cell(model.client?.name ?? '–')}`, `- **Executive:** ${cell([model.executive?.name, model.executive?.role].filter(Boolean).join(', ') || '–')}`, `- **Status:** ${cell(model.status ?? '–')}`, `- **Commitment:** ${cell(commitment)}`);
  const cost = context.redacted('fees') ? undefined : describeMonthlyCost(context);
  if (cost !== undefined) out.push(`- **Estimated monthly cost:** ${cell(cost)}`);
  out.push('');

  const calendar = planCalendar(model);
  if (model.plan) {
    out.push(`## ${model.plan.days}-day plan`, '', '| Phase | Days | Dates | Goal |', '|---|---|---|---|');
    for (const phase of model.plan.phases) {
      const dates = calendar?.phases.find((p) => p.phase === phase);
      out.push(`| ${cell(phase.name ?? phase.id)} | ${phase.days ? `${phase.days.first}-${phase.days.last}` : '–'} | ${dates ? `${dates.startDate} → ${dates.endDate}` : '–'} | ${cell(phase.goal ?? '')} |`);
    }
    out.push('');
  }

  if (model.authority) {
    const rows = AREAS.flatMap((area) => (model.authority?.areas[area] ?? []).map((row) => ({ area, row })));
    const parties = [...new Set(['exec', ...rows.flatMap(({ row }) => row.assignments.map((a) => a.party))])];
    out.push('## Authority matrix', '', `| Area | Decision | Limit | ${parties.map(cell).join(' | ')} |`, `|---|---|---|${parties.map(() => '---').join('|')}|`);
    for (const { area, row } of rows) {
      const levels = parties.map((p) => {
        const level = row.assignments.find((a) => a.party === p)?.level;
        return level === 'decide' ? '**decide**' : (level ?? '');
      });
      out.push(`| ${area} | ${cell(row.decision ?? row.id)} | ${row.limit !== undefined ? cell(formatAmount(row.limit, model.currency)) : ''} | ${levels.join(' | ')} |`);
    }
    out.push('');
  }

  if (model.kpis.length) {
    out.push('## KPI scorecard', '', '| KPI | Type | Baseline | Latest | Target | Deadline | Status |', '|---|---|---|---|---|---|---|');
    for (const kpi of model.kpis) {
      const progress = kpiProgress(kpi, model, options.today);
      out.push(`| ${cell(kpi.name ?? kpi.id)} | ${cell(kpi.type ?? '')} | ${cell(formatAmount(kpi.baseline, kpi.unit))} | ${cell(formatAmount(progress.latest?.value, kpi.unit))} | ${cell(formatAmount(kpi.target, kpi.unit))} | ${cell(kpi.by ?? '–')} | ${progress.status} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
