import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DocumentAnalyses } from './documentAnalyses';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './languageFeatures';
import { registerPlanStatusItem } from './planStatusItem';
import { onDemandLoad, type OnDemandLoad } from './onDemand';
import { PreviewManager } from './preview/previewManager';
import { registerQuickFixes } from './quickFixes';
import { RuleSettingsProvider } from './ruleSettings';
import { ScanClient } from './scan/scanClient';
import { EngagementTreeProvider, VIEW_ID } from './tree/engagementTree';
import { WorkMeter } from './workMeter';
import { WorkspaceIndex } from './workspaceIndex';

declare const __engagementKitLoadStart: number | undefined;
declare const __engagementKitLoadEnd: number | undefined;

/** What the extension offers other code (and its integration tests). */
export interface EngagementKitApi {
  /**
   * Our activation time as VS Code counts it in Running Extensions: running the bundle's
   * top level plus the call to `activate`. The host's wait between the two (it prepares the
   * extension context: storage, secrets) is not ours and not counted; see `waitForHostMs`.
   */
  readonly activationMs: number;
  /** Of that, the time inside `activate` itself (the rest is running the bundle's top level). */
  readonly activateMs: number;
  /** Of `activateMs`, the time the host's thread was on a CPU (Linux); the rest it waited for one. */
  readonly activateOnCpuMs: number | undefined;
  /** Between the bundle's end and the call to `activate`: the host preparing the context. */
  readonly waitForHostMs: number;
  /** When the rest of the core was loaded, on first use after activation (see onDemand.ts). */
  readonly onDemandLoad: OnDemandLoad | undefined;
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

/**
 * Wires the features; each `registerX` returns what to dispose. No work happens here: the
 * wiring itself is measured as the host task `activate` (with its time on a CPU).
 */
export function activate(context: vscode.ExtensionContext): EngagementKitApi {
  const activateStart = performance.now();
  const meter = new WorkMeter();
  const cpuStart = meter.cpuNow();
  return meter.run('activate', () => wire(context, meter, activateStart, cpuStart));
}

function wire(context: vscode.ExtensionContext, meter: WorkMeter, activateStart: number, cpuStart: number | undefined): EngagementKitApi {
  const settings = new RuleSettingsProvider();
  // The scan thread starts with the first question it is asked: the workspace scan, below.
  // The workspace's cards are kept in its storage between sessions (scan/cardCache.ts).
  const cardCache = context.storageUri?.scheme === 'file' ? vscode.Uri.joinPath(context.storageUri, 'cards.json').fsPath : undefined;
  const scanner = new ScanClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'scanWorker.js').fsPath, cardCache);
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
  // The scan thread starts here, not in a later task: the extension host is busiest just
  // after activation (other extensions, the window restoring), and a later task waits for
  // all of that (measured: the scan started 0.3 s later, and the workspace was ready later
  // by as much), while the thread can read files on another core meanwhile.
  void index.ready();
  const activateEnd = performance.now();
  const cpuEnd = cpuStart === undefined ? undefined : meter.cpuNow();
  const loadStart = typeof __engagementKitLoadStart === 'number' ? __engagementKitLoadStart : activateStart;
  const loadEnd = typeof __engagementKitLoadEnd === 'number' ? __engagementKitLoadEnd : activateStart;
  return {
    index,
    tree,
    previews,
    planStatusText: () => status.text(),
    activationMs: loadEnd - loadStart + (activateEnd - activateStart),
    activateMs: activateEnd - activateStart,
    activateOnCpuMs: cpuStart === undefined || cpuEnd === undefined ? undefined : Math.min(cpuEnd - cpuStart, activateEnd - activateStart),
    waitForHostMs: activateStart - loadEnd,
    get onDemandLoad() {
      return onDemandLoad();
    },
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
