import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DocumentAnalyses } from './documentAnalyses';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './languageFeatures';
import { registerPlanStatusItem } from './planStatusItem';
import { PreviewManager } from './preview/previewManager';
import { registerQuickFixes } from './quickFixes';
import { RuleSettingsProvider } from './ruleSettings';
import { ScanClient } from './scan/scanClient';
import { EngagementTreeProvider, VIEW_ID } from './tree/engagementTree';
import { WorkMeter } from './workMeter';
import { WorkspaceIndex } from './workspaceIndex';

declare const __engagementKitLoadStart: number | undefined;

/** What the extension offers other code (and its integration tests). */
export interface EngagementKitApi {
  /** Milliseconds from the bundle starting to load to the end of `activate`. */
  readonly activationMs: number;
  /** Of that, the time inside `activate` itself (the rest is loading the bundle). */
  readonly activateMs: number;
  readonly index: WorkspaceIndex;
  readonly tree: EngagementTreeProvider;
  readonly previews: PreviewManager;
  /** The text of the plan position item for the active engagement file. */
  planStatusText(): string;
  /** The extension's own work on the host thread, measured (see WorkMeter). */
  readonly meter: WorkMeter;
  /** `performance.now()` when the bundle started to load: the origin of the timings above. */
  readonly loadStart: number;
  /** Edit-to-diagnostics times after the throttle, in milliseconds: the last 100, and how many in all. */
  readonly diagnosticLatencies: { readonly recent: readonly number[]; readonly count: number };
}

/** Wires the features; each `registerX` returns what to dispose. No work happens here. */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  const activateStart = performance.now();
  const meter = new WorkMeter();
  const settings = new RuleSettingsProvider();
  // The scan thread starts with the first question it is asked: the workspace scan, below.
  const scanner = new ScanClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'scanWorker.js').fsPath);
  const analyses = new DocumentAnalyses(settings, meter, scanner);
  const index = new WorkspaceIndex(analyses, settings, meter, scanner);
  const diagnostics = registerDiagnostics(analyses, { findings: (uri) => index.portfolioFor(uri), onDidChange: index.onDidChange }, meter);
  const tree = new EngagementTreeProvider(index);
  const status = registerPlanStatusItem(analyses);
  const previews = new PreviewManager(analyses, context.extensionUri);
  context.subscriptions.push(
    meter,
    scanner,
    settings,
    analyses,
    index,
    diagnostics,
    tree,
    status,
    previews,
    vscode.window.registerTreeDataProvider(VIEW_ID, tree),
    registerLanguageFeatures(analyses),
    registerQuickFixes(analyses),
    registerCommands(analyses, index, diagnostics),
  );
  // The portfolio rule needs every file: read them in the background, after activation.
  void index.ready();
  const loadStart = typeof __engagementKitLoadStart === 'number' ? __engagementKitLoadStart : performance.now();
  return {
    index,
    tree,
    previews,
    planStatusText: () => status.text(),
    activationMs: performance.now() - loadStart,
    activateMs: performance.now() - activateStart,
    meter,
    loadStart,
    diagnosticLatencies: {
      recent: diagnostics.latencies,
      get count() {
        return diagnostics.latencyCount;
      },
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
