/**
 * The engagement analyzer: pure TypeScript, no editor, no file system. What other programs
 * embed: the engagement service, which answers every editing question (the language server
 * adapts it to the protocol), and the analysis it stands on. The command line and the tests
 * import the modules they use by their own paths.
 */
export { createEngagementService, type EngagementService, type ShownFinding } from './service/engagementService';
export type { ExportOptions, FoldingLines } from './service/documentOutputs';
export type { CardStore, ServiceHost } from './service/host';
export type { AnalysisSettings, DocumentVersion } from './service/documentAnalyses';
export type { TreeNode, LineRange } from './service/treeModel';
export type { WorkspaceState } from './service/workspaceIndex';
export { analyze, analyzeRaw, outline, type Analysis, type AnalyzeOptions } from './analyze';
export { analyzeWorkspace, type WorkspaceFile } from './portfolio';
export type { Finding, Severity, TextRange, RuleSettings } from './types';
