/** What an engagement for one executive role usually measures: a starting point, not a rule. */
export interface KpiTemplate {
  readonly id: string;
  readonly name: string;
  readonly type: 'leading' | 'lagging';
  readonly unit: string;
  readonly direction: 'increase' | 'decrease';
  readonly source: string;
}

export interface RoleTemplate {
  readonly role: 'CRO' | 'CMO' | 'CSO' | 'CTO' | 'CFO' | 'COO';
  readonly title: string;
  readonly problem: string;
  /** The function the executive leads, for decision texts. */
  readonly function: string;
  readonly kpis: readonly KpiTemplate[];
}

const kpi = (id: string, name: string, type: 'leading' | 'lagging', unit: string, direction: 'increase' | 'decrease', source: string): KpiTemplate => ({ id, name, type, unit, direction, source });

export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  {
    role: 'CRO',
    title: 'Chief Revenue Officer',
    function: 'revenue team',
    problem: 'Pipeline does not cover the revenue target and forecasts miss.',
    kpis: [
      kpi('qualified-pipeline', 'Qualified pipeline value', 'leading', 'USD', 'increase', 'CRM'),
      kpi('win-rate', 'Win rate', 'leading', '%', 'increase', 'CRM'),
      kpi('sales-cycle', 'Sales cycle length', 'lagging', 'days', 'decrease', 'CRM'),
      kpi('revenue-growth', 'Revenue growth, quarter over quarter', 'lagging', '%', 'increase', 'Finance close'),
      // Early signals the sources name for revenue roles, ahead of the lagging results above.
      kpi('pipeline-creation', 'Pipeline created per month', 'leading', 'USD', 'increase', 'CRM'),
      kpi('sales-activity', 'Sales activities per rep per week', 'leading', 'count', 'increase', 'CRM activity log'),
    ],
  },
  {
    role: 'CMO',
    title: 'Chief Marketing Officer',
    function: 'marketing team',
    problem: 'Marketing spend does not turn into qualified pipeline.',
    kpis: [
      kpi('mql-volume', 'Marketing qualified leads per month', 'leading', 'count', 'increase', 'Marketing automation'),
      kpi('cost-per-lead', 'Cost per qualified lead', 'leading', 'USD', 'decrease', 'Finance and marketing automation'),
      kpi('cost-per-opportunity', 'Cost per opportunity', 'lagging', 'USD', 'decrease', 'Finance and CRM'),
      kpi('marketing-pipeline', 'Marketing-sourced pipeline', 'lagging', 'USD', 'increase', 'CRM'),
      kpi('brand-awareness', 'Aided brand awareness in the target market', 'lagging', '%', 'increase', 'Survey'),
    ],
  },
  {
    role: 'CSO',
    title: 'Chief Sales Officer',
    function: 'sales team',
    problem: 'Too few reps reach quota and new reps take too long to close.',
    kpis: [
      kpi('quota-attainment', 'Sales reps at or above quota', 'lagging', '%', 'increase', 'CRM and compensation reports'),
      kpi('ramp-time', 'Rep ramp time to first deal', 'leading', 'days', 'decrease', 'CRM'),
      kpi('forecast-accuracy', 'Forecast accuracy, as variance from actual', 'leading', '%', 'decrease', 'Forecast roll-up'),
      kpi('process-adherence', 'Deals following the sales process', 'leading', '%', 'increase', 'CRM stage audit'),
      kpi('sales-activity', 'Sales activities per rep per week', 'leading', 'count', 'increase', 'CRM activity log'),
    ],
  },
  {
    role: 'CTO',
    title: 'Chief Technology Officer',
    function: 'engineering team',
    problem: 'Releases are slow and risky, and the team lacks technical leadership.',
    kpis: [
      kpi('deploy-frequency', 'Production deployments per week', 'leading', 'count', 'increase', 'CI pipeline'),
      kpi('lead-time', 'Lead time from merge to production', 'leading', 'days', 'decrease', 'CI pipeline'),
      kpi('change-failure-rate', 'Change failure rate', 'lagging', '%', 'decrease', 'Incident log'),
      kpi('availability', 'Service availability', 'lagging', '%', 'increase', 'Monitoring'),
    ],
  },
  {
    role: 'CFO',
    title: 'Chief Financial Officer',
    function: 'finance team',
    problem: 'Cash visibility is poor and the monthly close takes too long.',
    kpis: [
      kpi('close-days', 'Days to close the books', 'leading', 'days', 'decrease', 'Finance close'),
      kpi('forecast-variance', 'Cash forecast variance', 'leading', '%', 'decrease', 'Treasury report'),
      kpi('dso', 'Days sales outstanding', 'lagging', 'days', 'decrease', 'Accounts receivable'),
      kpi('runway', 'Cash runway', 'lagging', 'months', 'increase', 'Board pack'),
    ],
  },
  {
    role: 'COO',
    title: 'Chief Operating Officer',
    function: 'operations team',
    problem: 'Delivery is late and the cost to serve keeps rising.',
    kpis: [
      kpi('on-time-delivery', 'Orders delivered on time', 'leading', '%', 'increase', 'Operations dashboard'),
      kpi('cycle-time', 'Order-to-delivery cycle time', 'leading', 'days', 'decrease', 'Operations dashboard'),
      kpi('cost-to-serve', 'Cost to serve per order', 'lagging', 'USD', 'decrease', 'Finance close'),
      kpi('customer-satisfaction', 'Customer satisfaction score', 'lagging', 'points', 'increase', 'Survey'),
    ],
  },
];

export function roleTemplate(role: string): RoleTemplate | undefined {
  return ROLE_TEMPLATES.find((r) => r.role === role);
}
