import { accessCeo } from './accessCeo';
import { accessCrm } from './accessCrm';
import { authorityAdvisoryOnly } from './authorityAdvisoryOnly';
import { authorityAreaMissing } from './authorityAreaMissing';
import { authorityBudgetLimit } from './authorityBudgetLimit';
import { authorityDecider } from './authorityDecider';
import { authorityProcess } from './authorityProcess';
import { authorityStrategy } from './authorityStrategy';
import { commitmentTooLow } from './commitmentTooLow';
import { duplicateId } from './duplicateId';
import { kpiBalance } from './kpiBalance';
import { kpiDeadline } from './kpiDeadline';
import { kpiDirection } from './kpiDirection';
import { kpiNotMeasurable } from './kpiNotMeasurable';
import { kpiOutsideInfluence } from './kpiOutsideInfluence';
import { planActivityOutsidePhase } from './planActivityOutsidePhase';
import { planCoverage } from './planCoverage';
import { planDiagnosticFirst } from './planDiagnosticFirst';
import { planWinsAndInitiatives } from './planWinsAndInitiatives';
import { portfolioOvercommittedInfo } from './portfolioOvercommitted';
import { duplicateEngagementIdInfo } from './duplicateEngagementId';
import { reportingMissing } from './reportingMissing';
import { reportingTooFrequent } from './reportingTooFrequent';
import { reviewCriteria } from './reviewCriteria';
import type { Rule, RuleInfo } from './rule';
import { schemaInfo } from './schemaInfo';
import { surgeTooLong } from './surgeTooLong';
import { termDates } from './termDates';
import { unknownReference } from './unknownReference';

/** The rules that read one file, in catalog order. */
export const FILE_RULES: readonly Rule[] = [
  duplicateId,
  unknownReference,
  termDates,
  commitmentTooLow,
  surgeTooLong,
  authorityAreaMissing,
  authorityAdvisoryOnly,
  authorityDecider,
  authorityProcess,
  authorityBudgetLimit,
  authorityStrategy,
  accessCrm,
  accessCeo,
  reportingTooFrequent,
  reportingMissing,
  kpiNotMeasurable,
  kpiBalance,
  kpiDirection,
  kpiDeadline,
  kpiOutsideInfluence,
  planCoverage,
  planDiagnosticFirst,
  planActivityOutsidePhase,
  planWinsAndInitiatives,
  reviewCriteria,
];

/** Every rule id a user can configure or suppress, with its docs: the catalog of the format. */
export const RULE_CATALOG: readonly RuleInfo[] = [schemaInfo, ...FILE_RULES, portfolioOvercommittedInfo, duplicateEngagementIdInfo];

const BY_ID = new Map(RULE_CATALOG.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
