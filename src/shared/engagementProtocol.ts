import type { TextEdit } from 'vscode-languageserver-protocol';
import type { Change } from '../core/diff/semanticDiff';
import type { PortfolioPage } from '../core/service/portfolioOutputs';
import type { TreeNode } from '../core/service/treeModel';
import type { Brand } from '../core/render/branding';
import type { Redactable } from '../core/render/redactableFields';
import type { RunningHead } from '../core/service/documentOutputs';

export type { Brand, RunningHead };

/**
 * The requests beyond the Language Server Protocol that the VS Code client makes of the
 * engagement server (and the server of the client), typed once here for both sides. Other
 * editors need none of them: diagnostics, completion, hover, navigation, rename, code
 * actions, symbols and folding are plain LSP.
 *
 * Each is a method name with its parameter and result types attached, not the protocol
 * library's `RequestType`: the client's first bundle, loaded at activation, imports this
 * file and must not pull the library in (see extension.ts).
 */

/** A request: its method, and the types of its parameters and result. */
export interface Request<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: (params: P) => R;
}

/** A notification: its method, and the type of its parameters. */
export interface Notification<P> {
  readonly method: string;
  readonly types?: (params: P) => void;
}

function request<P, R>(method: string): Request<P, R> {
  return { method };
}

function notification<P>(method: string): Notification<P> {
  return { method };
}

/** A node of the Engagements tree, as the service makes it (its range is an LSP range). */
export type TreeNodeData = TreeNode;

export interface DocumentParams {
  readonly uri: string;
}

/** About one version of an open document: answered `null` when the server has a newer one. */
export interface VersionedParams extends DocumentParams {
  readonly version: number;
}

export type Failure = { readonly error: string };

/** A node's children, or the engagements (`parent` left out): all of them, or `only` those of these files. */
export const TreeChildrenRequest = request<{ readonly parent?: string; readonly only?: readonly string[] }, TreeNodeData[]>('engagementKit/treeChildren');

export const PlanStatusRequest = request<DocumentParams, { text: string; detail?: string } | null>('engagementKit/planStatus');

export const PreviewRequest = request<VersionedParams, { html: string; fromLastGood: boolean } | null>('engagementKit/preview');

/** What a copy leaves out: `fees`, `notes`, `internal` (both, and `export.internal` of `.engagementrc.yaml`) or a field path (`kpis.*.source`). */
export type Redacted = Redactable;

export const ExportHtmlRequest = request<DocumentParams & { readonly redact: Redacted[]; readonly includeChecks: boolean; readonly brand?: Brand }, { html: string; running: RunningHead } | Failure>('engagementKit/exportHtml');

/**
 * What `.engagementrc.yaml` says of a file's exports: the internal fields a copy may leave
 * out, and the logo (its URI, for the client to read: a logo is bytes, the server reads
 * text) and accent.
 */
export const ExportSettingsRequest = request<DocumentParams, { internal: string[]; logo?: string; accent?: string }>('engagementKit/exportSettings');

export interface KpiChoice {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly unit: string;
  readonly source: string;
}

export const KpiChoicesRequest = request<VersionedParams, { choices: KpiChoice[] } | Failure | null>('engagementKit/kpiChoices');

export const AddKpiRequest = request<VersionedParams & { readonly kpi: string }, { edit: TextEdit } | Failure | null>('engagementKit/addKpi');

export const RoleTemplatesRequest = request<void, { role: string; title: string; kpis: string[] }[]>('engagementKit/roleTemplates');

export const NewEngagementRequest = request<{ role: string; client: string; executive: string; start: string }, { text: string; fileBase: string } | Failure>('engagementKit/newEngagement');

/** Checks every file again and publishes every file's diagnostics, open or not. */
export const ValidateWorkspaceRequest = request<void, { files: number; errors: number; warnings: number }>('engagementKit/validateWorkspace');

/** Reads every file again. */
export const RescanRequest = request<void, void>('engagementKit/rescan');

export interface WorkspaceStateData {
  readonly ready: boolean;
  readonly checked: boolean;
  readonly files: number;
  readonly reusedCards: number;
}

export const WorkspaceStateRequest = request<void, WorkspaceStateData>('engagementKit/workspaceState');

/**
 * The workspace's state, and the files whose lines in the views changed; `changed` is left
 * out when the list of files itself may have changed (the view redraws everything).
 */
export interface WorkspaceChange extends WorkspaceStateData {
  readonly changed?: readonly string[];
}

/** Server to client: the workspace changed (a file, the portfolio, the scan's progress). */
export const WorkspaceChangedNotification = notification<WorkspaceChange>('engagementKit/workspaceChanged');

/**
 * Server to client, where the server cannot read the workspace itself (a browser, a remote
 * file system): the engagement files, and a file's text.
 */
export const FindFilesRequest = request<void, string[]>('engagementKit/fs/findEngagementFiles');

export const ReadFileRequest = request<{ readonly uri: string }, string | null>('engagementKit/fs/readFile');

/** A change of terms, as the semantic diff tells it (see `core/diff/semanticDiff.ts`). */
export type ChangeData = Change;

/**
 * The changes of terms between versions of one file, for each pair: texts the client read
 * from git (null: the file is not there), compared with the file's settings.
 */
export const DiffTextsRequest = request<{ readonly uri: string; readonly pairs: readonly { readonly before: string | null; readonly after: string | null }[] }, ChangeData[][]>('engagementKit/diffTexts');

/** What the client passes the server at start. */
export interface InitializationOptions {
  /** Where the server keeps the workspace's cards between sessions (a local folder), if anywhere. */
  readonly storagePath?: string;
  /** Read files through the client (`FindFilesRequest`, `ReadFileRequest`) even when the server could read the disk. */
  readonly filesThroughClient?: boolean;
}

/** Narrows the portfolio (see `core/portfolioModel/portfolioTypes.ts`): an executive's key, a client, a role, a status. */
export interface PortfolioFilterData {
  readonly executive?: string;
  readonly client?: string;
  readonly role?: string;
  readonly status?: 'draft' | 'proposed' | 'active' | 'paused' | 'completed' | 'ended';
}

/** The portfolio page: what changed since the page of generation `since` (see `core/service/portfolioOutputs.ts`), and what a caller may report of it. */
export type PortfolioPageData = PortfolioPage;

export const PortfolioRequest = request<{ readonly filter?: PortfolioFilterData; readonly weeks?: number; readonly since?: number }, PortfolioPageData>('engagementKit/portfolio');
