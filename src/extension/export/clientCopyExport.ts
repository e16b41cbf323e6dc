import * as vscode from 'vscode';
import { logoDataUri } from '../../core/render/branding';
import { ExportHtmlRequest, ExportSettingsRequest, type Brand, type Redacted, type RunningHead } from '../../shared/engagementProtocol';
import type { ServerConnection } from '../serverConnection';

/** What the desktop build loads to print (`dist/printPdf.js`, from src/print/index.ts); the browser build has none. */
export type PdfPrinter = typeof import('../../print/index');

/** Options a caller (a test, another extension) gives to skip the questions. */
export interface ExportCommandOptions {
  readonly target?: vscode.Uri;
  readonly redact?: Redacted[];
  readonly includeChecks?: boolean;
}

const BROWSER_SETTING = { name: 'engagementKit.export.browser', usage: 'the setting engagementKit.export.browser' };

/**
 * "Export Plan as HTML…" and "Export Plan as PDF…": the copy for the client, made by the
 * server as the command line makes it, with what to leave out asked first (fees, notes, the
 * internal fields `.engagementrc.yaml` names), and the consultancy's logo read here (a logo
 * is bytes; the server reads text) and checked as the command line checks it.
 */
export class ClientCopyExport implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: ServerConnection,
    /** The printer, loaded when a PDF is first asked for; undefined where nothing can print. */
    private readonly loadPrinter: (() => PdfPrinter) | undefined,
    /** The copy for the client, in the editor's active resource when a command names none. */
    private readonly currentResource: () => vscode.Uri | undefined,
  ) {
    this.subscriptions = [
      vscode.commands.registerCommand('engagementKit.exportHtml', (uri?: vscode.Uri, options?: ExportCommandOptions) => this.exportHtml(uri, options)),
      vscode.commands.registerCommand('engagementKit.exportPdf', (uri?: vscode.Uri, options?: ExportCommandOptions) => this.exportPdf(uri, options)),
    ];
  }

  private async exportHtml(uri: vscode.Uri | undefined, options: ExportCommandOptions = {}): Promise<vscode.Uri | undefined> {
    const copy = await this.copyFor(uri, options, 'HTML');
    if (!copy) return undefined;
    const target = options.target ?? (await vscode.window.showSaveDialog({ defaultUri: besideAs(copy.resource, '.html'), filters: { HTML: ['html'] }, title: 'Export Plan as HTML' }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(copy.html));
    return target;
  }

  private async exportPdf(uri: vscode.Uri | undefined, options: ExportCommandOptions = {}): Promise<vscode.Uri | undefined> {
    if (!this.loadPrinter) {
      void vscode.window.showWarningMessage('Export Plan as PDF needs the desktop editor, where a browser can print. Export Plan as HTML… and print it from a browser instead.');
      return undefined;
    }
    const printer = this.loadPrinter();
    const settings = vscode.workspace.getConfiguration('engagementKit.export');
    const browser = printer.findBrowser(settings.get<string>('browser') || undefined, process.env, process.platform, BROWSER_SETTING);
    if ('problem' in browser) {
      const open = 'Open Settings';
      if ((await vscode.window.showErrorMessage(`Export Plan as PDF: ${browser.problem}`, open)) === open) void vscode.commands.executeCommand('workbench.action.openSettings', BROWSER_SETTING.name);
      return undefined;
    }
    const copy = await this.copyFor(uri, options, 'PDF');
    if (!copy) return undefined;
    const target = options.target ?? (await vscode.window.showSaveDialog({ defaultUri: besideAs(copy.resource, '.pdf'), filters: { PDF: ['pdf'] }, title: 'Export Plan as PDF' }));
    if (!target) return undefined;
    const paper = settings.get<string>('paper') === 'letter' ? 'letter' : 'a4';
    try {
      const printed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Printing the plan to PDF…' }, () =>
        printer.printPdf(copy.html, { browser: browser.path, paper, orientation: 'auto', running: copy.running }),
      );
      await vscode.workspace.fs.writeFile(target, printed.pdf);
    } catch (err) {
      void vscode.window.showErrorMessage(`The browser at ${browser.path} could not print the PDF: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return undefined;
    }
    return target;
  }

  /** The copy's HTML, with what to leave out asked unless given; undefined when cancelled or impossible (said why). */
  private async copyFor(uri: vscode.Uri | undefined, options: ExportCommandOptions, kind: 'HTML' | 'PDF'): Promise<{ resource: vscode.Uri; html: string; running: RunningHead } | undefined> {
    const resource = uri ?? this.currentResource();
    if (!resource) {
      void vscode.window.showInformationMessage('Open an engagement file to export it.');
      return undefined;
    }
    await vscode.workspace.openTextDocument(resource);
    const exports = await this.client.request(ExportSettingsRequest, { uri: resource.toString() });
    let redact = options.redact;
    let includeChecks = options.includeChecks ?? false;
    if (!redact) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Leave out fees', field: 'fees', description: 'Rates, bonuses and the estimated monthly cost', picked: true },
          { label: 'Leave out notes', field: 'notes', description: 'Engagement, review and measurement notes', picked: true },
          ...exports.internal.map((field) => ({ label: `Leave out ${field}`, field, description: 'Internal, says .engagementrc.yaml', picked: true })),
          { label: 'Include checks', field: undefined, description: "The findings: the team's working notes, not the client's", picked: false },
        ],
        { canPickMany: true, title: `Export Plan as ${kind}: a copy for the client` },
      );
      if (!picked) return undefined;
      redact = picked.flatMap((p) => (p.field ? [p.field] : []));
      includeChecks = picked.some((p) => !p.field);
    }
    const brand = await this.brandOf(exports);
    if (!brand) return undefined;
    // Asked before the file name, so a file that cannot be exported says so first.
    const exported = await this.client.request(ExportHtmlRequest, { uri: resource.toString(), redact, includeChecks, brand });
    if ('error' in exported) {
      void vscode.window.showWarningMessage(exported.error);
      return undefined;
    }
    return { resource, html: exported.html, running: exported.running };
  }

  /** The logo as data and the accent; undefined (said why) when the logo named cannot be used, as the command line stops too. */
  private async brandOf(exports: { logo?: string; accent?: string }): Promise<Brand | undefined> {
    if (!exports.logo) return exports.accent ? { accent: exports.accent } : {};
    const logo = vscode.Uri.parse(exports.logo);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(logo);
    } catch (err) {
      void vscode.window.showErrorMessage(`The logo ${vscode.workspace.asRelativePath(logo)} (export.logo in .engagementrc.yaml) cannot be read: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    const converted = logoDataUri(bytes, logo.path);
    if ('problem' in converted) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(logo)}: ${converted.problem}`);
      return undefined;
    }
    return { logo: converted.uri, ...(exports.accent ? { accent: exports.accent } : {}) };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

/** The file beside an engagement, named as it is with another extension. */
function besideAs(resource: vscode.Uri, extension: string): vscode.Uri {
  return resource.with({ path: resource.path.replace(/\.engagement\.ya?ml$/, extension) });
}
