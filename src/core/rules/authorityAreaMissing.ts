import { AREAS } from '../model/engagement';
import type { Rule } from './rule';

export const authorityAreaMissing: Rule = {
  id: 'authority-area-missing',
  defaultSeverity: 'warning',
  docs: {
    summary: 'One of the four authority areas (`people`, `budget`, `process`, `strategy`) has no decision rows.',
    rationale: 'Undefined authority is the most common reason fractional engagements fail: an area nobody wrote down is an area where every decision stalls.',
    fix: 'Add the area with at least one decision row naming who decides.',
  },
  check({ model, report }) {
    if (!model.authority) return; // the schema already reports a missing `authority`
    for (const area of AREAS) {
      const rows = model.authority.areas[area];
      if (rows === undefined) report(['authority'], `The authority matrix has no \`${area}\` area: say who decides ${AREA_WORDS[area]}.`, { part: 'key' });
      else if (rows.length === 0) report(['authority', area], `The \`${area}\` area has no decision rows: say who decides ${AREA_WORDS[area]}.`, { part: 'key' });
    }
  },
};

const AREA_WORDS = {
  people: 'hiring, firing and reporting lines',
  budget: 'spending, and up to which amount',
  process: 'changes to how the function works',
  strategy: 'markets, positioning and customer profiles',
} as const;
