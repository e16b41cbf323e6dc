import type { Rule } from './rule';

export const accessCrm: Rule = {
  id: 'access-crm',
  defaultSeverity: 'warning',
  docs: {
    summary: '`access.crm` is `view` or `none`.',
    rationale: 'An executive who cannot pull their own pipeline reports, update records or build views has to ask someone for every number, and spends scarce days waiting for data instead of acting on it.',
    fix: 'Grant full CRM access: `access.crm: full`.',
  },
  check({ model, report }) {
    const crm = model.access?.crm;
    if (crm === 'view' || crm === 'none') {
      report(['access', 'crm'], crm === 'view' ? 'View-only CRM access: the executive cannot build reports or fix the pipeline themselves. Grant `full`.' : 'No CRM access: the executive cannot see the pipeline. Grant `full`.');
    }
  },
};
