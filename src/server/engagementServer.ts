import { parseFilter } from '../shared/portfolioProtocol';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  CompletionItemKind,
  SymbolKind,
  type CancellationToken,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME } from '../core/config/engagementConfig';
import { ACCENT } from '../core/render/branding';
import { redactionProblem } from '../core/render/redactableFields';
import { ENGAGEMENT_FILE } from '../core/engagementFile';
import type { OutlineEntry } from '../core/editing/outline';
import { createEngagementService } from '../core/service/engagementService';
import type { ServiceHost } from '../core/service/host';
import {
  AddKpiRequest,
  DiffTextsRequest,
  ExportHtmlRequest,
  ExportSettingsRequest,
  FindFilesRequest,
  KpiChoicesRequest,
  NewEngagementRequest,
  PlanStatusRequest,
  PreviewRequest,
  PortfolioRequest,
  ReadFileRequest,
  RescanRequest,
  RoleTemplatesRequest,
  TreeChildrenRequest,
  ValidateWorkspaceRequest,
  WorkspaceChangedNotification,
  WorkspaceStateRequest,
  type InitializationOptions,
  type Request,
} from '../shared/engagementProtocol';
import { toDiagnostic, toOffsets, toRange } from './convert';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { ServerPlatform } from './platform';
import { SettingsResolver, type EditorSettings } from './settings';

const COMPLETION_KIND = { property: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, reference: CompletionItemKind.Reference } as const;

const SYMBOL_KIND = {
  section: SymbolKind.Module,
  kpi: SymbolKind.Field,
  phase: SymbolKind.Event,
  activity: SymbolKind.Function,
  area: SymbolKind.Namespace,
  decision: SymbolKind.Key,
  party: SymbolKind.Constant,
  item: SymbolKind.Object,
} as const;

/** Edits of open documents reach the workspace index (tree, portfolio) at most this often… */
const INDEX_REFRESH_MS = 300;
/** …and wait this long again while a publication of diagnostics is due, */
const PAUSE_FOR_PUBLICATION_MS = 25;
/** …but not longer than this in all. */
const POSTPONE_MAX_MS = 1_000;

/**
 * The engagement language server: the LSP side of the engagement service. The same code
 * runs in a Node process (VS Code, code-server, `engagement lsp --stdio` for other editors)
 * and in a browser's Web Worker; `platform` says what the runtime adds.
 */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  /** Typed by the shared protocol file: a handler for one of our requests, and a question to the client. */
  const handle = <P, R>(type: Request<P, R>, handler: (params: P, token: CancellationToken) => R | Promise<R>): void =>
    void connection.onRequest(type.method, (params: unknown, token: CancellationToken) => handler(params as P, token) as Promise<unknown>);
  const ask = <P, R>(type: Request<P, R>, params: P): Promise<R> => (params === undefined ? connection.sendRequest<R>(type.method) : connection.sendRequest<R>(type.method, params));
  let folders: URI[] = [];
  let options: InitializationOptions = {};
  let configurationPull = false;
  let watchRegistration = false;
  let configurationRegistration = false;
  let folderChanges = false;

  const local = (): boolean => platform.localFiles !== undefined && !options.filesThroughClient && folders.every((f) => f.scheme === 'file');
  const readFile = async (uri: string): Promise<string | undefined> => {
    const open = documents.get(uri);
    if (open) return open.getText();
    const parsed = URI.parse(uri);
    if (platform.localFiles && !options.filesThroughClient && parsed.scheme === 'file') return platform.localFiles.readFile(parsed.fsPath);
    return (await ask(ReadFileRequest, { uri }).catch(() => null)) ?? undefined;
  };
  const settings = new SettingsResolver(readFile, async (uri) => {
    if (!configurationPull) return undefined;
    const value: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'engagementKit' });
    return typeof value === 'object' && value !== null ? (value as EditorSettings) : undefined;
  });
  const host: ServiceHost = {
    async findEngagementFiles() {
      if (local()) return platform.localFiles!.findEngagementFiles(folders.map((f) => f.fsPath)).map((file) => URI.file(file).toString());
      if (folders.length === 0) return [];
      return ask(FindFilesRequest, undefined).catch(() => []);
    },
    readFile,
    settingsFor: (uri) => settings.settingsFor(uri),
    relativePath(uri) {
      const path = URI.parse(uri).path;
      const folder = folders.find((f) => path.startsWith(f.path.endsWith('/') ? f.path : `${f.path}/`));
      if (!folder) return path;
      const relative = path.slice(folder.path.length).replace(/^\//, '');
      return folders.length > 1 ? `${folder.path.split('/').pop()}/${relative}` : relative;
    },
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    get cards() {
      return cards;
    },
  };
  let cards: ServiceHost['cards'];
  const service = createEngagementService(host);
  const publisher = new DiagnosticsPublisher(connection, service, (uri) => documents.get(uri), async (uri) => (await settings.settingsFor(uri)).delay);

  const publishOpen = (): void => documents.all().forEach((d) => void publisher.publish(d));
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Edits reach the workspace index (the tree, the portfolio across a thousand files) at
   * most every INDEX_REFRESH_MS, and not while a publication of diagnostics is due: someone
   * is waiting for those. Postponed at most POSTPONE_MAX_MS, so steady typing still updates
   * the views.
   */
  let postponedSince: number | undefined;
  const refreshIndexSoon = (after = INDEX_REFRESH_MS): void => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = undefined;
      const now = performance.now();
      if (publisher.pending && now - (postponedSince ??= now) < POSTPONE_MAX_MS) return refreshIndexSoon(PAUSE_FOR_PUBLICATION_MS);
      postponedSince = undefined;
      void service.workspace.refreshOpen();
    }, after);
  };
  service.workspace.onDidChange((changed) => {
    void connection.sendNotification(WorkspaceChangedNotification.method, { ...service.workspace.state(), changed });
    publishOpen();
  });
  const settingsChanged = async (): Promise<void> => {
    if (!(await settings.reread())) return;
    service.reset();
    publishOpen();
    void service.workspace.rescan();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    options = (params.initializationOptions as InitializationOptions | undefined) ?? {};
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => URI.parse(f.uri));
    configurationPull = params.capabilities.workspace?.configuration === true;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderChanges = params.capabilities.workspace?.workspaceFolders === true;
    if (options.storagePath && platform.cardStore) cards = platform.cardStore(options.storagePath);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'engagement-kit' },
    };
  });

  connection.onInitialized(() => {
    // The portfolio rule needs every file: the workspace is read as soon as the server starts.
    void service.workspace.ready();
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.engagement.{yaml,yml}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'engagementKit' });
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f.toString())), ...e.added.map((f) => URI.parse(f.uri))];
        settings.clear();
        void service.workspace.rescan();
      });
    }
  });

  connection.onDidChangeConfiguration(() => void settingsChanged());

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      const path = URI.parse(change.uri).path;
      if (path.endsWith(`/${CONFIG_FILE_NAME}`)) {
        configChanged = true;
      } else if (ENGAGEMENT_FILE.test(path)) {
        if (change.type === FileChangeType.Deleted) {
          service.workspace.remove(change.uri);
          publisher.clear(change.uri);
          void service.workspace.refresh();
        } else if (!documents.get(change.uri)) {
          void service.workspace.readFromDisk(change.uri).then(() => service.workspace.refresh());
        }
      }
    }
    if (configChanged) void settingsChanged();
  });

  // The first result at once when a document opens; then throttled while it is typed in.
  const opened = new Map<string, number>();
  documents.onDidOpen(({ document }) => {
    opened.set(document.uri, document.version);
    void publisher.publish(document).then(() => refreshIndexSoon());
  });
  documents.onDidChangeContent(({ document }) => {
    if (opened.get(document.uri) === document.version) return; // the open itself
    opened.delete(document.uri);
    void publisher.changed(document);
    refreshIndexSoon();
  });
  documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    publisher.clear(document.uri);
    void service.close(document.uri);
  });

  const documentFor = (uri: string): TextDocument | undefined => documents.get(uri);
  /**
   * Whether an answer computed for this version may be given: a request the client
   * cancelled meanwhile is answered as cancelled, and an answer about a text already
   * replaced is not given at all (its positions would be wrong; the editor asks again).
   */
  const stillCurrent = (document: TextDocument, token?: CancellationToken): boolean => {
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return documents.get(document.uri)?.version === document.version;
  };

  connection.onCompletion(async ({ textDocument, position }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const entries = await service.completions(document, document.offsetAt(position));
    if (!stillCurrent(document, token)) return null;
    return entries.map((entry): CompletionItem => ({
      label: entry.label,
      kind: COMPLETION_KIND[entry.kind],
      detail: entry.detail,
      documentation: entry.documentation === undefined ? undefined : { kind: 'markdown', value: entry.documentation },
      sortText: entry.sortText,
      textEdit: { range: toRange(document, entry.range), newText: entry.insertText },
    }));
  });

  connection.onHover(async ({ textDocument, position }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const hover = await service.hover(document, document.offsetAt(position));
    if (!hover || !stillCurrent(document, token)) return null;
    return { contents: { kind: 'markdown', value: hover.contents }, range: toRange(document, hover.range) };
  });

  connection.onDefinition(async ({ textDocument, position }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const ranges = await service.definitions(document, document.offsetAt(position));
    if (!stillCurrent(document, token)) return null;
    return ranges.map((range) => ({ uri: document.uri, range: toRange(document, range) }));
  });

  connection.onReferences(async ({ textDocument, position, context }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const ranges = await service.references(document, document.offsetAt(position), context.includeDeclaration);
    if (!stillCurrent(document, token)) return null;
    return ranges.map((range) => ({ uri: document.uri, range: toRange(document, range) }));
  });

  connection.onPrepareRename(async ({ textDocument, position }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const target = await service.renameTarget(document, document.offsetAt(position));
    if (!stillCurrent(document, token)) return null;
    if ('error' in target) throw new ResponseError(ErrorCodes.InvalidRequest, target.error);
    return { range: toRange(document, target.range), placeholder: target.placeholder };
  });

  connection.onRenameRequest(async ({ textDocument, position, newName }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const result = await service.rename(document, document.offsetAt(position), newName);
    if (!stillCurrent(document, token)) throw new ResponseError(ErrorCodes.InvalidRequest, 'The file changed while the rename was prepared: try again.');
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return { changes: { [document.uri]: result.edits.map((range) => ({ range: toRange(document, range), newText: newName })) } };
  });

  connection.onCodeAction(async ({ textDocument, context }, token) => {
    const document = documentFor(textDocument.uri);
    // Where none of the diagnostics under the cursor are ours, nothing is analyzed.
    const ours = context.diagnostics.filter((d) => d.source === 'engagement');
    if (!document || ours.length === 0) return [];
    const shown = ours.map((d) => ({ ruleId: String(d.code), ...toOffsets(document, d.range), message: typeof d.message === 'string' ? d.message : d.message.value }));
    const answer = await service.quickFixes(document, shown);
    // Nothing when the text changed meanwhile: the edits would land on a text they were not made for.
    if (!stillCurrent(document, token)) return null;
    return answer.flatMap(({ index, fixes }) =>
      fixes.map(
        (fix): CodeAction => ({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [ours[index]!],
          isPreferred: fix.preferred,
          edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: toRange(document, e.range), newText: e.newText })) } },
        }),
      ),
    );
  });

  connection.onDocumentSymbol(async ({ textDocument }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const entries = await service.symbols(document);
    // An outline of an older text would point at the wrong lines: none, and the editor asks again.
    if (!stillCurrent(document, token)) return null;
    const convert = (entry: OutlineEntry): DocumentSymbol => ({
      name: entry.name,
      detail: entry.detail ?? '',
      kind: SYMBOL_KIND[entry.kind],
      range: toRange(document, entry.range),
      selectionRange: toRange(document, entry.selectionRange),
      children: entry.children.map(convert),
    });
    return entries.map(convert);
  });

  connection.onFoldingRanges(async ({ textDocument }, token) => {
    const document = documentFor(textDocument.uri);
    if (!document) return null;
    const folds = await service.folding(document);
    return stillCurrent(document, token) ? folds : null;
  });

  handle(TreeChildrenRequest, async ({ parent, only }) => service.tree(parent, only));

  handle(PlanStatusRequest, async ({ uri }, token) => {
    const document = documentFor(uri);
    if (!document) return null;
    const status = await service.planStatus(document);
    return stillCurrent(document, token) ? status : null;
  });

  handle(PreviewRequest, async ({ uri, version }, token) => {
    const document = documentFor(uri);
    if (!document || document.version !== version) return null;
    const preview = await service.preview(document);
    return stillCurrent(document, token) ? preview : null;
  });

  handle(ExportHtmlRequest, async ({ uri, redact, includeChecks, brand }) => {
    const document = documentFor(uri);
    if (!document) return { error: 'Open the engagement file to export it.' };
    const problem = redact.map(redactionProblem).find(Boolean);
    if (problem) return { error: `This copy cannot leave that out: ${problem}` };
    // The brand comes from the client, which read the logo's bytes: taken only in the shape the page accepts.
    const look = { ...(brand?.logo && /^data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(brand.logo) ? { logo: brand.logo } : {}), ...(brand?.accent && ACCENT.test(brand.accent) ? { accent: brand.accent } : {}) };
    const exported = await service.exportDocument(document, { format: 'html', redact, includeChecks, brand: look });
    return 'error' in exported ? exported : { html: exported.text, running: exported.running };
  });

  handle(ExportSettingsRequest, async ({ uri }) => {
    const exports = (await settings.settingsFor(uri)).exports;
    return { internal: [...(exports?.internal ?? [])], ...(exports?.logo ? { logo: exports.logo } : {}), ...(exports?.accent ? { accent: exports.accent } : {}) };
  });

  handle(KpiChoicesRequest, async ({ uri, version }) => {
    const document = documentFor(uri);
    if (!document || document.version !== version) return null;
    const answer = await service.kpiChoices(document);
    return 'error' in answer ? answer : { choices: answer.choices.map((k) => ({ id: k.id, name: k.name, type: k.type, unit: k.unit, source: k.source })) };
  });

  handle(AddKpiRequest, async ({ uri, version, kpi }) => {
    const document = documentFor(uri);
    if (!document || document.version !== version) return null;
    const answer = await service.addKpi(document, kpi);
    if ('error' in answer) return answer;
    return { edit: { range: toRange(document, answer.edit.range), newText: answer.edit.newText } };
  });

  handle(DiffTextsRequest, async ({ uri, pairs }) => Promise.all(pairs.map((pair) => service.diffTexts(uri, pair.before ?? undefined, pair.after ?? undefined))));
  handle(PortfolioRequest, async ({ filter, weeks, since }) => service.portfolio({ filter: parseFilter(filter), weeks, since: typeof since === 'number' ? since : undefined }));
  handle(RoleTemplatesRequest, () => [...service.roleTemplates()]);
  handle(NewEngagementRequest, (params) => service.newEngagement(params));

  handle(ValidateWorkspaceRequest, async () => {
    await service.workspace.rescan();
    let errors = 0;
    let warnings = 0;
    const entries = service.workspace.all();
    for (const entry of entries) {
      const findings = [...entry.findings, ...service.workspace.portfolioFor(entry.uri)];
      errors += findings.filter((f) => f.severity === 'error').length;
      warnings += findings.filter((f) => f.severity === 'warning').length;
      const open = documents.get(entry.uri);
      if (open) void publisher.publish(open);
      else void connection.sendDiagnostics({ uri: entry.uri, diagnostics: findings.map((f) => toDiagnostic(f, entry.lines)) });
    }
    return { files: entries.length, errors, warnings };
  });

  handle(RescanRequest, () => service.workspace.rescan());
  handle(WorkspaceStateRequest, () => service.workspace.state());

  connection.onShutdown(() => {
    publisher.dispose();
    clearTimeout(refreshTimer);
  });

  documents.listen(connection);
  connection.listen();
}
