import { portfolioOf, PortfolioPages, type PortfolioPage, type PortfolioQuery } from './portfolioOutputs';
import { analyze, type Analysis } from '../analyze';
import { diffEngagements, type Change } from '../diff/semanticDiff';
import { completionsAt, type CompletionEntry } from '../editing/completions';
import { hoverAt, type HoverInfo } from '../editing/hover';
import { definitionsAt, idRange, referencesAt, renameAt, renameTargetAt, type RenameResult, type RenameTarget } from '../editing/navigation';
import { outlineOf, type OutlineEntry } from '../editing/outline';
import { quickFixesFor, type QuickFix, type TextEdit } from '../editing/quickFixes';
import { engagementTemplate, slugify } from '../library/engagementTemplate';
import { ROLE_TEMPLATES, roleTemplate, type KpiTemplate } from '../library/roles';
import type { Finding, TextRange } from '../types';
import { addKpiEdit, kpiChoices, kpiTemplate } from './addKpi';
import { DocumentAnalyses, type AnalysisSettings, type DocumentVersion } from './documentAnalyses';
import { redactedFields } from '../render/redactableFields';
import { exportOf, foldingOf, planStatusOf, previewOf, type ExportOptions, type FoldingLines, type RunningHead } from './documentOutputs';
import type { ServiceHost } from './host';
import { childNodes, engagementNode, uriOfNode, type TreeNode } from './treeModel';
import { WorkspaceIndex } from './workspaceIndex';

/** A diagnostic as the editor shows it: enough to find the finding it was made from. */
export interface ShownFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export type Result<T> = T | { readonly error: string };

/**
 * Everything the editors know about engagement files, as one object: created with what it
 * needs from where it runs (`ServiceHost`: files, settings, a card store), asked with
 * document versions and offsets, answering with plain data. The language server adapts it
 * to the protocol; nothing here knows of one.
 */
export interface EngagementService {
  /** The workspace: every engagement file, its card and findings, and the portfolio. */
  readonly workspace: WorkspaceIndex;
  /** The analysis of an open document's version, with the settings for its file. */
  analysis(document: DocumentVersion): Promise<Analysis>;
  /** A document's findings: its own and those that need the whole workspace. */
  diagnostics(document: DocumentVersion): Promise<Finding[]>;
  completions(document: DocumentVersion, offset: number): Promise<CompletionEntry[]>;
  hover(document: DocumentVersion, offset: number): Promise<HoverInfo | undefined>;
  definitions(document: DocumentVersion, offset: number): Promise<TextRange[]>;
  references(document: DocumentVersion, offset: number, includeDeclaration: boolean): Promise<TextRange[]>;
  renameTarget(document: DocumentVersion, offset: number): Promise<RenameTarget>;
  rename(document: DocumentVersion, offset: number, newName: string): Promise<RenameResult>;
  /** Fixes for each shown finding that is still a finding of this version (`index` into `shown`). */
  quickFixes(document: DocumentVersion, shown: readonly ShownFinding[]): Promise<{ index: number; fixes: QuickFix[] }[]>;
  symbols(document: DocumentVersion): Promise<OutlineEntry[]>;
  folding(document: DocumentVersion): Promise<FoldingLines[]>;
  /** The preview's body; from the last version that parsed when this one does not. */
  preview(document: DocumentVersion): Promise<{ html: string; fromLastGood: boolean }>;
  /** The document for the client: a self-contained HTML page, or Markdown. */
  exportDocument(document: DocumentVersion, options: ExportOptions): Promise<Result<{ text: string; running: RunningHead }>>;
  /** "Day 34 of 90 · build", from the last version that parsed. */
  planStatus(document: DocumentVersion): Promise<{ text: string; detail?: string }>;
  /** The Engagements tree: its roots once the workspace is read (all, or `only` those of these files), or a node's children. */
  tree(parentId: string | undefined, only?: readonly string[]): Promise<TreeNode[]>;
  kpiChoices(document: DocumentVersion): Promise<Result<{ choices: KpiTemplate[] }>>;
  /**
   * The changes of terms between two texts of the file `uri` (undefined: not there), with
   * that file's settings and change levels; lines are those of each text.
   */
  diffTexts(uri: string, before: string | undefined, after: string | undefined): Promise<Change[]>;
  addKpi(document: DocumentVersion, kpiId: string): Promise<Result<{ edit: TextEdit }>>;
  /** The workspace's portfolio for the editor's page: what changed since the page it was sent last (`query.since`), and totals. */
  portfolio(query: PortfolioQuery): Promise<PortfolioPage>;
  roleTemplates(): readonly { role: string; title: string; kpis: string[] }[];
  newEngagement(options: { role: string; client: string; executive: string; start: string }): Result<{ text: string; fileBase: string }>;
  /** A document closed: its file on disk stands for it again. */
  close(uri: string): Promise<void>;
  /** Settings changed: every analysis is made again. */
  reset(): void;
}

export function createEngagementService(host: ServiceHost): EngagementService {
  const documents = new DocumentAnalyses();
  const workspace = new WorkspaceIndex(host);

  /** The version's analysis; a new one also updates the workspace index. */
  const analysis = async (document: DocumentVersion): Promise<Analysis> => {
    const settings = await host.settingsFor(document.uri);
    const known = documents.has(document);
    const result = documents.get(document, settings);
    if (!known) workspace.updateOpen(document.uri, document.getText(), result);
    return result;
  };
  const withSettings = async (document: DocumentVersion): Promise<{ analysis: Analysis; settings: AnalysisSettings }> => {
    const result = await analysis(document);
    return { analysis: result, settings: await host.settingsFor(document.uri) };
  };
  const lastGood = async (document: DocumentVersion): Promise<Analysis | undefined> => {
    const { settings } = await withSettings(document);
    return documents.lastGood(document, settings);
  };

  // The editor's portfolio page between requests: an edit re-renders and sends what it changed.
  const portfolioPages = new PortfolioPages();

  return {
    workspace,
    analysis,
    async diagnostics(document) {
      const own = (await analysis(document)).findings;
      return [...own, ...workspace.portfolioFor(document.uri)];
    },
    async completions(document, offset) {
      // The model only names the ids to offer: the last one that parsed will do mid-edit.
      return completionsAt(document.getText(), offset, (await lastGood(document))?.model);
    },
    async hover(document, offset) {
      return hoverAt(await analysis(document), offset);
    },
    async definitions(document, offset) {
      const text = document.getText();
      return definitionsAt(await analysis(document), offset).map((d) => idRange(text, d.range));
    },
    async references(document, offset, includeDeclaration) {
      const text = document.getText();
      return referencesAt(await analysis(document), offset, includeDeclaration).map((r) => idRange(text, r.range));
    },
    async renameTarget(document, offset) {
      return renameTargetAt(await analysis(document), document.getText(), offset);
    },
    async rename(document, offset, newName) {
      return renameAt(await analysis(document), document.getText(), offset, newName);
    },
    async quickFixes(document, shown) {
      const current = await analysis(document);
      const text = document.getText();
      return shown.flatMap((s, index) => {
        // A diagnostic from an older version of the text matches no finding, and gets no fix.
        const finding = current.findings.find((f) => f.ruleId === s.ruleId && f.range.start === s.start && f.range.end === s.end && f.message === s.message);
        return finding ? [{ index, fixes: quickFixesFor(current, text, finding) }] : [];
      });
    },
    async symbols(document) {
      return outlineOf(await analysis(document));
    },
    async folding(document) {
      return foldingOf(await analysis(document));
    },
    async preview(document) {
      return previewOf(await analysis(document), await lastGood(document), (await host.settingsFor(document.uri)).locale);
    },
    async exportDocument(document, options) {
      // The locale asked for, else the editor's setting for the file; `internal` opened with the file's `export.internal`.
      const settings = await host.settingsFor(document.uri);
      return exportOf(await analysis(document), { ...options, redact: redactedFields(options.redact, settings.exports?.internal), locale: options.locale ?? settings.locale });
    },
    async planStatus(document) {
      const { settings } = await withSettings(document);
      return planStatusOf(documents.lastGood(document, settings), settings.today);
    },
    async tree(parentId, only) {
      await workspace.ready();
      if (parentId === undefined) {
        const wanted = only && new Set(only);
        const entries = workspace.all().filter((entry) => !wanted || wanted.has(entry.uri));
        return Promise.all(entries.map(async (entry) => engagementNode(entry, (await host.settingsFor(entry.uri)).today)));
      }
      const uri = uriOfNode(parentId);
      const entry = workspace.get(uri);
      if (!entry) return [];
      const settings = await host.settingsFor(uri);
      return childNodes(parentId, entry, workspace.portfolioFor(uri), settings.today, settings.locale);
    },
    async diffTexts(uri, before, after) {
      const settings = await host.settingsFor(uri);
      const analyzed = (text: string | undefined): Analysis | undefined => (text === undefined ? undefined : analyze(text, { rules: settings.rules, today: settings.today }));
      return diffEngagements(analyzed(before), analyzed(after), settings.changeLevels);
    },
    async portfolio(query) {
      await workspace.ready();
      const entries = workspace.all();
      const settings = await Promise.all(entries.map((entry) => host.settingsFor(entry.uri)));
      // The editor's locale is one setting for every file: the first file's says it.
      return portfolioPages.pageOf(portfolioOf(entries, settings, query), query.since, settings[0]?.locale);
    },
    async kpiChoices(document) {
      const current = await analysis(document);
      if (!current.model || current.syntaxBroken) return { error: 'Fix the YAML errors in this file first, so the KPI goes in the right place.' };
      return { choices: kpiChoices(current) };
    },
    async addKpi(document, kpiId) {
      const current = await analysis(document);
      if (!current.model || current.syntaxBroken) return { error: 'Fix the YAML errors in this file first, so the KPI goes in the right place.' };
      const kpi = kpiTemplate(current, kpiId);
      if (!kpi) return { error: `There is no KPI \`${kpiId}\` in the library.` };
      return { edit: addKpiEdit(current, document.getText(), kpi) };
    },
    roleTemplates() {
      return ROLE_TEMPLATES.map((r) => ({ role: r.role, title: r.title, kpis: r.kpis.map((k) => k.name) }));
    },
    newEngagement(options) {
      const template = roleTemplate(options.role);
      if (!template) return { error: `There is no role template for ${options.role}.` };
      const text = engagementTemplate(template, { client: options.client, executive: options.executive, start: options.start });
      return { text, fileBase: `${slugify(options.client)}-${template.role.toLowerCase()}` };
    },
    async close(uri) {
      documents.forget(uri);
      await workspace.closeOpen(uri);
      await workspace.refresh();
    },
    reset() {
      documents.reset();
    },
  };
}
