import { engagementTemplate, kpiBlock, planPhases, type Slots } from '../src/core/library/engagementTemplate';
import { ROLE_TEMPLATES } from '../src/core/library/roles';

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string[];
}

/** Slots as numbered snippet placeholders; the same number twice mirrors the text. */
function snippetSlots(firstField = 5): Slots {
  let next = firstField;
  return {
    client: (t) => `\${1:${t}}`,
    executive: (t) => `\${2:${t}}`,
    start: (t) => `\${3:${t}}`,
    end: (t) => `\${4:${t}}`,
    field: (t) => `\${${next++}:${t}}`,
  };
}

const AUTHORITY = `authority:
  people:
    - id: \${1:team-changes}
      decision: \${2:Hire, exit or reassign people in the team}
      exec: decide
      ceo: inform
  budget:
    - id: spend
      decision: \${3:Tools, agencies and contractors}
      limit: \${4:5000}
      exec: decide
      ceo: inform
    - decision: Spend above the limit
      exec: recommend
      ceo: decide
  process:
    - id: \${5:operating-process}
      decision: \${6:How the function works, measures and reports}
      exec: decide
      ceo: inform
  strategy:
    - id: \${7:direction}
      decision: \${8:Target markets, positioning and ideal customer profile}
      exec: recommend
      ceo: decide`;

const REPORTING = `reporting:
  - { name: Weekly status, cadence: weekly, format: async, minutes: \${1:20}, audience: ceo }
  - { name: Monthly performance review, cadence: monthly, format: meeting, minutes: \${2:60}, audience: ceo }
  - { name: Quarterly strategic assessment, cadence: quarterly, format: meeting, minutes: \${3:90}, audience: ceo }`;

const ONE_KPI = `- id: \${1:kpi-id}
  name: \${2:What is measured}
  type: \${3|leading,lagging|}
  unit: "\${4:%}"
  baseline: \${5:0}
  target: \${6:1}
  by: \${7:day 90}
  source: \${8:CRM}`;

/** Every snippet for language `engagement`, keyed by name. */
export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const role of ROLE_TEMPLATES) {
    const text = engagementTemplate(role, { client: 'Client', executive: 'Executive name', start: '2026-01-05' }, snippetSlots());
    out[`Engagement: ${role.role}`] = {
      prefix: `engagement-${role.role.toLowerCase()}`,
      description: `A complete ${role.title} engagement: mandate, authority matrix, access, reporting, ${role.role} KPIs and the 90-day plan.`,
      body: text.trimEnd().split('\n'),
    };
  }
  out['90-day plan'] = {
    prefix: 'plan-90-day',
    description: 'The Diagnostic (days 1-30) → Build (31-60) → Execute (61-90) plan with its classic activities.',
    body: `plan:\n  phases:\n${planPhases('    ')}`.split('\n'),
  };
  out['Authority matrix'] = { prefix: 'authority-matrix', description: 'The four-area authority matrix: people, budget (with a limit), process, strategy.', body: AUTHORITY.split('\n') };
  out['Reporting trio'] = { prefix: 'reporting-trio', description: 'Weekly async status, monthly performance review, quarterly strategic assessment.', body: REPORTING.split('\n') };
  out['KPI'] = { prefix: 'kpi', description: 'One measurable KPI: baseline, target and deadline.', body: ONE_KPI.split('\n') };
  for (const role of ROLE_TEMPLATES) {
    const names = role.kpis.map((k) => k.name.toLowerCase()).join(', ');
    const slots = snippetSlots(1); // only `field` is used: baselines and targets, in order
    out[`KPIs: ${role.role}`] = {
      prefix: `kpis-${role.role.toLowerCase()}`,
      description: `${role.role} KPI set: ${names}.`,
      body: role.kpis.map((k) => kpiBlock(k, '', 'day 90', slots)).join('\n').split('\n'),
    };
  }
  return out;
}

export function snippetsJson(): string {
  return JSON.stringify(snippets(), null, 2) + '\n';
}
