import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';

/**
 * The requests beyond the Language Server Protocol that the VS Code client makes of the
 * engagement server (and the server of the client), typed once here for both sides. Other
 * editors need none of them: diagnostics, completion, hover, navigation, rename, code
 * actions, symbols and folding are plain LSP.
 */

/** A node of the Engagements tree (see `core/service/treeModel.ts`). */
export interface TreeNodeData {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  readonly color?: string;
  readonly uri: string;
  readonly range?: Range;
  readonly contextValue: string;
  readonly collapsible: boolean;
}

export interface DocumentParams {
  readonly uri: string;
}

/** About one version of an open document: answered `null` when the server has a newer one. */
export interface VersionedParams extends DocumentParams {
  readonly version: number;
}

export type Failure = { readonly error: string };

export const TreeChildrenRequest = new RequestType<{ readonly parent?: string }, TreeNodeData[], void>('engagementKit/treeChildren');

export const PlanStatusRequest = new RequestType<DocumentParams, { text: string; detail?: string } | null, void>('engagementKit/planStatus');

export const PreviewRequest = new RequestType<VersionedParams, { html: string; fromLastGood: boolean } | null, void>('engagementKit/preview');

export type Redacted = 'fees' | 'notes';

export const ExportHtmlRequest = new RequestType<DocumentParams & { readonly redact: Redacted[]; readonly includeChecks: boolean }, { html: string } | Failure, void>('engagementKit/exportHtml');

export interface KpiChoice {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly unit: string;
  readonly source: string;
}

export const KpiChoicesRequest = new RequestType<VersionedParams, { choices: KpiChoice[] } | Failure | null, void>('engagementKit/kpiChoices');

export const AddKpiRequest = new RequestType<VersionedParams & { readonly kpi: string }, { edit: TextEdit } | Failure | null, void>('engagementKit/addKpi');

export const RoleTemplatesRequest = new RequestType0<{ role: string; title: string; kpis: string[] }[], void>('engagementKit/roleTemplates');

export const NewEngagementRequest = new RequestType<{ role: string; client: string; executive: string; start: string }, { text: string; fileBase: string } | Failure, void>('engagementKit/newEngagement');

/** Checks every file again and publishes every file's diagnostics, open or not. */
export const ValidateWorkspaceRequest = new RequestType0<{ files: number; errors: number; warnings: number }, void>('engagementKit/validateWorkspace');

/** Reads every file again. */
export const RescanRequest = new RequestType0<void, void>('engagementKit/rescan');

export interface WorkspaceStateData {
  readonly ready: boolean;
  readonly checked: boolean;
  readonly files: number;
  readonly reusedCards: number;
}

export const WorkspaceStateRequest = new RequestType0<WorkspaceStateData, void>('engagementKit/workspaceState');

/** Server to client: the workspace changed (a file, the portfolio, the scan's progress). */
export const WorkspaceChangedNotification = new NotificationType<WorkspaceStateData>('engagementKit/workspaceChanged');

/**
 * Server to client, where the server cannot read the workspace itself (a browser, a remote
 * file system): the engagement files, and a file's text.
 */
export const FindFilesRequest = new RequestType0<string[], void>('engagementKit/fs/findEngagementFiles');

export const ReadFileRequest = new RequestType<{ readonly uri: string }, string | null, void>('engagementKit/fs/readFile');

/** What the client passes the server at start. */
export interface InitializationOptions {
  /** Where the server keeps the workspace's cards between sessions (a local folder), if anywhere. */
  readonly storagePath?: string;
  /** Read files through the client (`FindFilesRequest`, `ReadFileRequest`) even when the server could read the disk. */
  readonly filesThroughClient?: boolean;
}
