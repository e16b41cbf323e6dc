import * as vscode from 'vscode';
import { STYLES } from '../../core/render/styles';
import { PORTFOLIO_STYLES, portfolioMainClass } from '../../core/render/portfolioStyles';
import { PortfolioRequest, type PortfolioFilterData } from '../../shared/engagementProtocol';
import { parseFilter, parsePortfolioWebviewMessage, type PortfolioHostMessage, type PortfolioRendered, type PortfolioState } from '../../shared/portfolioProtocol';
import type { WorkspaceWatch } from '../client';
import { ENGAGEMENT_FILE } from '../../core/engagementFile';
import { revealLine } from '../revealLine';
import type { ServerConnection } from '../serverConnection';
import { webviewPage } from '../webviewPage';

export const PORTFOLIO_VIEW_TYPE = 'engagementKit.portfolio';

/**
 * "Engagement: Open Portfolio": one page for the whole workspace, live with the workspace
 * index. Every change the server reports asks for the page again; while an answer is on its
 * way, further changes make one more request when it lands (never a queue, never a timer),
 * so the page follows typing at the server's pace. Revived after a window reload with its
 * filters (`WebviewPanelSerializer`).
 */
export class PortfolioPanels implements vscode.WebviewPanelSerializer<PortfolioState>, vscode.Disposable {
  private current: PortfolioPanel | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly server: ServerConnection,
    private readonly workspace: WorkspaceWatch,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions = [vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, this), vscode.commands.registerCommand('engagementKit.openPortfolio', () => this.open())];
  }

  /** The open portfolio page, if any (for tests and commands). */
  get panel(): PortfolioPanel | undefined {
    return this.current;
  }

  open(): PortfolioPanel {
    if (this.current) {
      this.current.panel.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(PORTFOLIO_VIEW_TYPE, 'Portfolio', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableForms: false,
      retainContextWhenHidden: false,
    });
    return this.track(new PortfolioPanel(panel, {}, this.server, this.workspace, this.extensionUri));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PortfolioState | undefined): Promise<void> {
    this.current?.dispose();
    this.track(new PortfolioPanel(panel, parseFilter(state?.filter) ?? {}, this.server, this.workspace, this.extensionUri));
  }

  private track(page: PortfolioPanel): PortfolioPanel {
    this.current = page;
    page.onDidDispose(() => {
      if (this.current === page) this.current = undefined;
    });
    return page;
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

export class PortfolioPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;
  /** Whether a request is on its way, and whether something changed since it was sent. */
  private inFlight = false;
  private stale = false;
  private generation = 0;
  /** The server's generation of the page the webview has: the server answers with what changed since. */
  private shown: number | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly renderedEmitter = new vscode.EventEmitter<PortfolioRendered>();
  /** The page reports each update on screen, with what it shows. */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: PortfolioRendered | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private filter: PortfolioFilterData,
    private readonly server: ServerConnection,
    workspace: WorkspaceWatch,
    private readonly extensionUri: vscode.Uri,
  ) {
    const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.options = {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [webviewRoot],
    };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'engagement.svg');
    panel.title = 'Portfolio';
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      workspace.onDidChange(() => void this.refresh()),
      // Hidden, the page is dropped; shown again, it starts over with `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      this.disposed,
      this.renderedEmitter,
    );
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'portfolio.js'));
    panel.webview.html = webviewPage(
      panel.webview,
      script,
      STYLES + PORTFOLIO_STYLES,
      `<main id="ek-root" class="${portfolioMainClass(true)}" aria-busy="true"><p class="ek-muted">Reading the workspace…</p></main>`,
      'Engagement portfolio',
    );
  }

  /** The filters in use. */
  get filters(): PortfolioFilterData {
    return this.filter;
  }

  /** Sets the filters, as the page's own controls do. */
  async setFilter(filter: PortfolioFilterData): Promise<void> {
    this.filter = filter;
    await this.refresh();
  }

  /** Asks for the page again; a call while a request is on its way makes one more request once it lands. */
  async refresh(): Promise<void> {
    if (!this.ready) return;
    if (this.inFlight) {
      this.stale = true;
      return;
    }
    this.inFlight = true;
    try {
      do {
        this.stale = false;
        // The page's updates are traced like the rest of the client: by performance marks alone.
        performance.mark('engagementKit/portfolioAsked');
        const page = await this.server.request(PortfolioRequest, { filter: this.filter, since: this.shown });
        performance.mark('engagementKit/portfolioAnswered');
        if (!this.ready) return;
        const title = page.totals.executivesOver > 0 ? `Portfolio (${page.totals.executivesOver} over capacity)` : 'Portfolio';
        if (this.panel.title !== title) this.panel.title = title;
        if (page.since !== undefined && page.since !== this.shown) {
          // Changes to a page the webview no longer has (it was shown again meanwhile): ask for the whole page.
          this.stale = true;
          continue;
        }
        this.shown = page.generation;
        this.post({ type: 'update', ids: page.ids, blocks: page.blocks, generation: ++this.generation });
      } while (this.stale);
    } catch (err) {
      console.error('[engagement-kit] portfolio refresh failed', err);
    } finally {
      this.inFlight = false;
    }
  }

  private post(message: PortfolioHostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parsePortfolioWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A new page (first shown, shown again, reloaded) has nothing yet.
        this.shown = undefined;
        this.ready = true;
        void this.refresh();
        break;
      case 'open': {
        // The page links only to engagement files; anything else is not ours to open.
        const uri = vscode.Uri.parse(message.uri);
        if (ENGAGEMENT_FILE.test(uri.path)) void revealLine(uri, message.line, vscode.ViewColumn.Beside);
        break;
      }
      case 'filter':
        void this.setFilter(message.filter);
        break;
      case 'rendered':
        performance.mark('engagementKit/portfolioShown');
        this.lastRendered = message;
        this.renderedEmitter.fire(message);
        break;
    }
  }

  dispose(): void {
    this.ready = false;
    this.disposed.fire();
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
  }
}
