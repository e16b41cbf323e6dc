import { addMonths, formatDay, parseDay } from '../model/dates';
import type { KpiTemplate, RoleTemplate } from './roles';

/**
 * Text pieces that become either plain values (a new file) or snippet placeholders
 * (`${1:Client}`), so the command and the snippets produce the same engagement.
 */
export interface Slots {
  client(text: string): string;
  executive(text: string): string;
  start(text: string): string;
  end(text: string): string;
  field(text: string): string;
}

export const PLAIN_SLOTS: Slots = { client: (t) => t, executive: (t) => t, start: (t) => t, end: (t) => t, field: (t) => t };

/** A slug from a client name: `Acme Corp.` → `acme-corp`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents come apart under NFKD; drop the marks
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'client'
  );
}

export function kpiBlock(k: KpiTemplate, indent: string, by: string, slots: Slots = PLAIN_SLOTS, type = k.type): string {
  const [baseline, target] = k.direction === 'increase' ? ['0', '1'] : ['1', '0'];
  return [
    `${indent}- id: ${k.id}`,
    `${indent}  name: ${k.name}`,
    `${indent}  type: ${type}`,
    `${indent}  unit: "${k.unit}"`,
    `${indent}  baseline: ${slots.field(baseline)}`,
    `${indent}  target: ${slots.field(target)}`,
    `${indent}  direction: ${k.direction}`,
    `${indent}  by: ${by}`,
    `${indent}  source: ${k.source}`,
  ].join('\n');
}

/**
 * A complete engagement for a role, clean under every rule: the classic 90-day plan, a
 * four-area authority matrix, full access, the reporting trio and the role's KPIs.
 */
export function engagementTemplate(role: RoleTemplate, options: { client: string; executive: string; start: string }, slots: Slots = PLAIN_SLOTS): string {
  const startDay = parseDay(options.start) ?? 0;
  const end = formatDay(addMonths(startDay, 6) - 1);
  const id = `${slugify(options.client)}-${role.role.toLowerCase()}`;
  const fn = role.function;
  return `format: engagement/v1
id: ${slots.field(id)}
title: "${slots.client(options.client)}: ${role.title.toLowerCase()} engagement"
status: draft
currency: USD

client:
  name: ${slots.client(options.client)}
  stage: growth

executive:
  name: ${slots.executive(options.executive)}
  role: ${role.role}

term:
  start: ${slots.start(options.start)}
  end: ${slots.end(end)}
  notice-days: 30

commitment:
  days-per-week: 2

mandate:
  problem: ${slots.field(role.problem)}
  mode: lead
  objectives:
    - ${slots.field('What the engagement must achieve')}

authority:
  people:
    - id: team-changes
      decision: Hire, exit or reassign people in the ${fn}
      exec: decide
      ceo: inform
  budget:
    - id: spend
      decision: Tools, agencies and contractors for the ${fn}
      limit: 5000
      exec: decide
      ceo: inform
    - decision: Spend above the limit
      exec: recommend
      ceo: decide
  process:
    - id: operating-process
      decision: How the ${fn} works, measures and reports
      exec: decide
      ceo: inform
  strategy:
    - id: direction
      decision: Strategic direction of the function
      exec: recommend
      ceo: decide

access:
  crm: full
  ceo-one-on-one: weekly
  meetings: [leadership-team]

reporting:
  - { name: Weekly status, cadence: weekly, format: async, minutes: 20, audience: ceo }
  - { name: Monthly performance review, cadence: monthly, format: meeting, minutes: 60, audience: ceo }
  - { name: Quarterly strategic assessment, cadence: quarterly, format: meeting, minutes: 90, audience: ceo }

kpis:
${role.kpis.map((k) => kpiBlock(k, '  ', 'day 90', slots)).join('\n')}

plan:
  phases:
${planPhases('    ')}
  quick-wins:
    - { name: ${slots.field('First quick win')}, kpi: ${role.kpis[0]!.id}, phase: build }
    - { name: ${slots.field('Second quick win')}, kpi: ${role.kpis[1]!.id}, phase: build }
  initiatives:
    - { name: ${slots.field('First initiative')}, kpi: ${role.kpis[2]!.id}, phase: build }
    - { name: ${slots.field('Second initiative')}, kpi: ${role.kpis[3]!.id}, phase: execute }
`;
}

/** The classic Diagnostic → Build → Execute phases over 90 days. */
export function planPhases(indent: string): string {
  return `${indent}- id: diagnostic
${indent}  name: Diagnostic
${indent}  kind: diagnostic
${indent}  days: "1-30"
${indent}  goal: Understand the function before changing it
${indent}  ceo-role: Give access, make introductions, hold back conclusions
${indent}  activities:
${indent}    - { name: Stakeholder interviews and data collection, weeks: "1-1" }
${indent}    - { name: Process and performance assessment, weeks: "2-3" }
${indent}    - { name: Diagnostic summary and 90-day plan, weeks: "4-4", deliverable: true }
${indent}- id: build
${indent}  name: Build
${indent}  kind: build
${indent}  days: "31-60"
${indent}  goal: Put the new processes and quick wins in place
${indent}  ceo-role: Back the changes in public
${indent}  activities:
${indent}    - { name: Process implementation, days: "31-50", deliverable: true }
${indent}    - { name: Quick-win execution, days: "31-60" }
${indent}    - { name: Team alignment and coaching, days: "41-60" }
${indent}- id: execute
${indent}  name: Execute
${indent}  kind: execute
${indent}  days: "61-90"
${indent}  goal: Run the function at its new cadence
${indent}  ceo-role: Review the KPIs monthly
${indent}  activities:
${indent}    - { name: Full operating cadence, days: "61-90" }
${indent}    - { name: KPI tracking and adjustment, days: "61-90" }
${indent}    - { name: Strategic refinement and next-quarter plan, days: "76-90", deliverable: true }`;
}
