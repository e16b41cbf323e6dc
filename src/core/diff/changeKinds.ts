/** How much a change of terms matters to the people who agreed them. */
export type ChangeLevel = 'breaking' | 'notable' | 'info';

export const CHANGE_LEVELS: readonly ChangeLevel[] = ['info', 'notable', 'breaking'];

/** Every kind of change the semantic diff reports, with its default level and what it means. */
export const CHANGE_KINDS = {
  'engagement-added': { level: 'info', summary: 'A new engagement file.' },
  'engagement-removed': { level: 'notable', summary: 'An engagement file was deleted.' },
  'status-changed': { level: 'notable', summary: 'The engagement moved to another status (draft, active, ended…).' },
  'commitment-reduced': { level: 'breaking', summary: 'Fewer days a week or a month: less of the executive than was agreed.' },
  'commitment-increased': { level: 'notable', summary: 'More days a week or a month.' },
  'surge-changed': { level: 'notable', summary: 'A surge was added, removed, or given other days or dates.' },
  'term-shortened': { level: 'breaking', summary: 'The term ends earlier, or runs for fewer months.' },
  'term-extended': { level: 'notable', summary: 'The term ends later, runs for more months, or became open-ended.' },
  'term-start-moved': { level: 'notable', summary: 'The term starts on another day.' },
  'notice-changed': { level: 'notable', summary: 'The notice period changed.' },
  'fees-changed': { level: 'notable', summary: 'The rate changed; the message gives the change in the estimated monthly cost.' },
  'authority-reduced': { level: 'breaking', summary: "The executive's level on a decision went down (decide → recommend), or the decision was taken away." },
  'authority-increased': { level: 'notable', summary: "The executive's level on a decision went up, or a decision was added." },
  'authority-changed': { level: 'notable', summary: "Another party's level on a decision changed." },
  'party-changed': { level: 'notable', summary: 'A party (the CFO, the board…) was added to the engagement or removed from it.' },
  'budget-limit-lowered': { level: 'breaking', summary: 'A budget limit is lower.' },
  'budget-limit-raised': { level: 'notable', summary: 'A budget limit is higher, or was added.' },
  'area-emptied': { level: 'breaking', summary: 'An authority area lost its last decision.' },
  'access-reduced': { level: 'breaking', summary: 'Less access: CRM from full to view or none, financials or meetings taken away, fewer one-on-ones with the CEO.' },
  'access-increased': { level: 'notable', summary: 'More access.' },
  'reporting-changed': { level: 'notable', summary: 'A report or meeting was added, dropped, or given another cadence.' },
  'kpi-added': { level: 'info', summary: 'A new KPI.' },
  'kpi-removed': { level: 'breaking', summary: 'A KPI was dropped.' },
  'kpi-target-eased': { level: 'breaking', summary: 'A target moved the easy way (lowered for a KPI to increase, raised for one to decrease): the goalposts moved.' },
  'kpi-target-raised': { level: 'notable', summary: 'A target moved the hard way.' },
  'kpi-baseline-changed': { level: 'notable', summary: 'A baseline changed: progress is measured from another place.' },
  'kpi-deadline-changed': { level: 'notable', summary: 'A KPI is due on another day.' },
  'kpi-direction-changed': { level: 'breaking', summary: 'A KPI now counts as success in the other direction.' },
  'kpi-actuals-added': { level: 'info', summary: 'New measurements of a KPI.' },
  'plan-moved': { level: 'notable', summary: 'The plan starts on another day, or a phase covers other days, or a phase was added or removed.' },
  'activity-changed': { level: 'info', summary: 'An activity or deliverable was added, removed or given other days.' },
  'review-added': { level: 'info', summary: 'A review was recorded, with its scores and decision.' },
  'finding-introduced': { level: 'notable', summary: 'A check finds something it did not before.' },
  'finding-resolved': { level: 'info', summary: 'A check no longer finds something it did.' },
} as const satisfies Record<string, { level: ChangeLevel; summary: string }>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export function isChangeKind(value: string): value is ChangeKind {
  return Object.prototype.hasOwnProperty.call(CHANGE_KINDS, value);
}
