/**
 * The engagement analyzer: pure TypeScript, no editor, no file system. Everything the CLI,
 * the VS Code extension and the preview know about engagement files comes from here.
 */
export { parseYaml } from './yaml/parseYaml';
export { analyze, analyzeRaw, outline, type Analysis, type AnalyzeOptions, type LocatedSymbol, type RawAnalysis } from './analyze';
export { analyzeWorkspace, type WorkspaceFile } from './portfolio';
export { planCalendar, planDays, planPosition, positionIn, describePlanPosition, type PlanCalendar, type PlanDays, type PlanPosition, type PhaseDates, type PhaseName } from './calendar';
export { cardOf, portfolioInputOf, readCard, type CardModel, type EngagementCard } from './card';
export { kpiProgress, directionOf, type KpiProgress, type KpiStatus } from './kpiStatus';
export { parseConfig, CONFIG_FILE_NAME, type EngagementConfig } from './config/engagementConfig';
export { findConfigFile } from './config/findConfig';
export { ENGAGEMENT_FILE } from './engagementFile';
export { mergeRuleSettings } from './config/mergeRuleSettings';
export { RULE_CATALOG, ruleInfo } from './rules';
export type { RuleInfo, RuleDocs } from './rules/rule';
export { LineIndex } from './text/lineIndex';
export { engagementSchema } from './schema/engagementSchema';
export { dayOf, parseDay, formatDay, type Day } from './model/dates';
export type * from './model/engagement';
export type { Finding, RawFinding, Severity, TextRange, RuleSettings, RuleSetting, Path } from './types';
export { ruleDocsUrl, HOMEPAGE } from './rules/docsUrl';
export { completionsAt, type CompletionEntry } from './editing/completions';
export { hoverAt, type HoverInfo } from './editing/hover';
export { definitionsAt, referencesAt, renameAt, renameTargetAt, symbolAt, idRange, type RenameResult, type RenameTarget } from './editing/navigation';
export { outlineOf, type OutlineEntry, type OutlineKind } from './editing/outline';
export { cursorContext, type CursorContext } from './editing/cursor';
export { describeSymbol } from './editing/describeSymbol';
export { quickFixesFor, applyEdits, type QuickFix, type TextEdit } from './editing/quickFixes';
export { ROLE_TEMPLATES, roleTemplate, type RoleTemplate, type KpiTemplate } from './library/roles';
export { engagementTemplate, kpiBlock, planPhases, slugify, PLAIN_SLOTS, type Slots } from './library/engagementTemplate';
export { portfolioFindings, groupByExecutive, addOverloadFindings, type PortfolioInput, type PortfolioModel } from './portfolio';
export { addDuplicateIdFindings } from './workspaceIds';
export { applyPolicy } from './policy';
export { AREAS, LEVELS } from './model/engagement';
export { pointerOf, SourceMap, type SourceMapSummary } from './yaml/sourceMap';
export { renderBody, renderHtmlDocument } from './render/renderHtml';
export { renderMarkdown } from './render/markdown';
export { STYLES } from './render/styles';
export type { RenderOptions, Redactable } from './render/context';
