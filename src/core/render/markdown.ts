import type { Analysis } from '../analyze';
import { describePlanPosition, planCalendar, planPosition } from '../calendar';
import { kpiProgress } from '../kpiStatus';
import { formatSpan } from '../model/dayRange';
import { AREAS } from '../model/engagement';
import { deadlineDay, scheduleOf } from '../model/schedule';
import { renderContext, type RenderContext, type RenderOptions } from './context';
import { markdownText } from '../text/safeText';
import { redactAnalysis } from './redaction';
import { describeDecision, REVIEW_SCORES } from './reviews';
import { termFacts } from './terms';

/** A value from the file, as Markdown that shows exactly that text (in a paragraph or a table cell). */
const cell = markdownText;

/**
 * The engagement as Markdown, for pull requests and wikis: the same sections as the HTML
 * (`renderBody`), in the same order, every value from the file as text.
 */
export function renderMarkdown(original: Analysis, options: RenderOptions): string {
  const analysis = redactAnalysis(original, options.redact ?? []);
  const model = analysis.model;
  if (!model) return '_No readable engagement._\n';
  const context = renderContext(analysis, model, options);
  const out: string[] = [];
  header(context, out);
  mandate(context, out);
  out.push('## Terms', '', ...termFacts(context).map((f) => `- **${f.label}:** ${cell(f.value)}`), '');
  authority(context, out);
  accessAndReporting(context, out);
  scorecard(context, out);
  plan(context, out);
  reviews(context, out);
  if (!context.redacted('notes') && model.notes) out.push('## Notes', '', cell(model.notes), '');
  findings(context, out);
  return out.join('\n');
}

function header({ model, options, formats }: RenderContext, out: string[]): void {
  const schedule = scheduleOf(model);
  out.push(`# ${cell(model.title ?? model.id ?? 'Engagement')}`, '');
  if (model.mandate?.problem) out.push(cell(model.mandate.problem), '');
  const term = schedule.termStart === undefined ? 'no start date' : `${formats.date(schedule.termStart)} to ${schedule.termEnd === undefined ? 'open-ended' : formats.date(schedule.termEnd)}`;
  out.push(
    `- **Client:** ${cell([model.client?.name, model.client?.stage, model.client?.industry].filter(Boolean).join(' · ') || '–')}`,
    `- **Executive:** ${cell([model.executive?.name, model.executive?.role].filter(Boolean).join(', ') || '–')}`,
    `- **Status:** ${cell(model.status ?? '–')}`,
    `- **Term:** ${cell(term)}`,
  );
  if (planCalendar(model)) out.push(`- **Today:** ${cell(describePlanPosition(planPosition(model, options.today)))}`);
  out.push('');
}

function mandate({ model }: RenderContext, out: string[]): void {
  const m = model.mandate;
  if (!m || (m.objectives.length === 0 && m.outOfScope.length === 0)) return;
  out.push('## Mandate', '', m.mode === 'advise' ? 'The executive advises; the team decides and does.' : 'The executive leads: owns the outcomes and the decisions given below.', '');
  if (m.objectives.length) out.push('### Objectives', '', ...m.objectives.map((o) => `- ${cell(o)}`), '');
  if (m.outOfScope.length) out.push('### Out of scope', '', ...m.outOfScope.map((o) => `- ${cell(o)}`), '');
}

function authority({ model, formats }: RenderContext, out: string[]): void {
  if (!model.authority) return;
  const rows = AREAS.flatMap((area) => (model.authority?.areas[area] ?? []).map((row) => ({ area, row })));
  const parties = [...new Set(['exec', ...rows.flatMap(({ row }) => row.assignments.map((a) => a.party))])];
  out.push('## Authority matrix', '', `| Area | Decision | Limit | ${parties.map(cell).join(' | ')} |`, `|---|---|---|${parties.map(() => '---').join('|')}|`);
  for (const { area, row } of rows) {
    const levels = parties.map((p) => {
      const level = row.assignments.find((a) => a.party === p)?.level;
      return level === 'decide' ? '**decide**' : (level ?? '');
    });
    out.push(`| ${area} | ${cell(row.decision ?? row.id)} | ${row.limit !== undefined ? cell(formats.money(row.limit, model.currency)) : ''} | ${levels.join(' | ')} |`);
  }
  out.push('');
}

function accessAndReporting({ model }: RenderContext, out: string[]): void {
  const access = model.access;
  const reporting = model.reporting ?? [];
  if (!access && reporting.length === 0) return;
  out.push('## Access', '');
  if (access) {
    out.push(
      `- **CRM:** ${cell(access.crm ?? '–')}`,
      `- **CEO one-on-one:** ${cell(access.ceoOneOnOne ?? '–')}`,
      `- **Financials:** ${cell(access.financials.join(', ') || '–')}`,
      `- **Meetings:** ${cell(access.meetings.join(', ') || '–')}`,
    );
  } else out.push('None agreed.');
  out.push('', '## Reporting', '');
  if (reporting.length === 0) out.push('None agreed.');
  for (const r of reporting) {
    const detail = [r.cadence, r.format, r.minutes !== undefined ? `${r.minutes} min` : undefined, r.audience ? `for ${r.audience}` : undefined].filter(Boolean).join(' · ');
    out.push(`- **${cell(r.name ?? '')}** ${cell(detail)}`);
  }
  out.push('');
}

function scorecard({ model, options, formats }: RenderContext, out: string[]): void {
  if (model.kpis.length === 0) return;
  const schedule = scheduleOf(model);
  out.push('## KPI scorecard', '', '| KPI | Type | Baseline | Latest | Target | Deadline | Status |', '|---|---|---|---|---|---|---|');
  for (const kpi of model.kpis) {
    const progress = kpiProgress(kpi, model, options.today);
    const due = deadlineDay(kpi.by, schedule);
    const deadline = due !== undefined ? formats.date(due) : (kpi.by ?? '–');
    out.push(`| ${cell(kpi.name ?? kpi.id)} | ${cell(kpi.type ?? '')} | ${cell(formats.amount(kpi.baseline, kpi.unit))} | ${cell(formats.amount(progress.latest?.value, kpi.unit))} | ${cell(formats.amount(kpi.target, kpi.unit))} | ${cell(deadline)} | ${progress.status} |`);
  }
  out.push('');
}

function plan({ model, formats }: RenderContext, out: string[]): void {
  const p = model.plan;
  if (!p) return;
  const calendar = planCalendar(model);
  out.push(`## ${p.days}-day plan`, '', '| Phase | Days | Dates | Goal |', '|---|---|---|---|');
  for (const phase of p.phases) {
    const dates = calendar?.phases.find((d) => d.phase === phase);
    out.push(`| ${cell(phase.name ?? phase.id)} | ${phase.days ? formatSpan(phase.days) : '–'} | ${dates ? cell(`${formats.date(dates.startDate)} → ${formats.date(dates.endDate)}`) : '–'} | ${cell(phase.goal ?? '')} |`);
  }
  out.push('');
  for (const phase of p.phases) {
    if (phase.activities.length === 0) continue;
    out.push(`### ${cell(phase.name ?? phase.id ?? 'Phase')}: activities`, '');
    for (const a of phase.activities) {
      const when = a.span ? `days ${formatSpan(a.span)}${calendar ? ` (${formats.date(calendar.dateOfDay(a.span.first))} to ${formats.date(calendar.dateOfDay(a.span.last))})` : ''}` : 'not placed';
      out.push(`- ${a.deliverable ? '**Deliverable:** ' : ''}${cell(a.name ?? 'Activity')} — ${cell(when)}${a.owner ? ` · ${cell(a.owner)}` : ''}`);
    }
    out.push('');
  }
  const items = (title: string, list: typeof p.quickWins): void => {
    if (!list?.length) return;
    out.push(`### ${title}`, '');
    for (const item of list) {
      const kpi = model.kpis.find((k) => k.id === item.kpi);
      out.push(`- ${cell(item.name ?? '')}${item.kpi ? ` (moves ${cell(kpi?.name ?? item.kpi)})` : ''}`);
    }
    out.push('');
  };
  items('Quick wins', p.quickWins);
  items('Initiatives', p.initiatives);
}

function reviews(context: RenderContext, out: string[]): void {
  const list = context.model.reviews;
  if (list.length === 0) return;
  const notes = !context.redacted('notes');
  out.push('## Reviews', '', `| Date | Kind | ${REVIEW_SCORES.map(([, label]) => label).join(' | ')} | Decision |${notes ? ' Notes |' : ''}`, `|---|---|${REVIEW_SCORES.map(() => '---:|').join('')}---|${notes ? '---|' : ''}`);
  for (const r of list) {
    const scores = REVIEW_SCORES.map(([key]) => (r.scores[key] === undefined ? '–' : `${r.scores[key]} / 5`)).join(' | ');
    out.push(`| ${cell(r.date ? context.formats.date(r.date) : '–')} | ${cell(r.kind ?? '–')} | ${scores} | ${cell(describeDecision(r.decision))} |${notes ? ` ${cell(r.notes ?? '')} |` : ''}`);
  }
  out.push('');
}

/** The findings, when asked for (in a redacted copy, already cleared of every redacted value). */
function findings(context: RenderContext, out: string[]): void {
  if (!context.options.includeChecks) return;
  const visible = context.analysis.findings;
  out.push('## Checks', '');
  if (visible.length === 0) out.push('No findings: every rule passes.');
  for (const f of visible) out.push(`- **${f.severity}** ${cell(f.message)} (\`${f.ruleId}\`, line ${context.analysis.lines.positionAt(f.range.start).line + 1})`);
  out.push('');
}
