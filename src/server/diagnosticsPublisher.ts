import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngagementService } from '../core/service/engagementService';
import { toDiagnostic } from './convert';

/**
 * When typing pauses this long, the version typed so far is analyzed, and the publication at
 * the end of the delay finds it done (when the delay is long enough for that to help: at
 * least three pauses).
 */
const PAUSE_MS = 50;

/**
 * Publishes diagnostics for open documents as they are typed: the first result at once when
 * a document opens, then at most one publication per delay while typing (a throttle: the
 * publication reads the latest text). Each publication carries the version it was computed
 * from, and is sent only while that is still the document's version.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pauses = new Map<string, ReturnType<typeof setTimeout>>();
  /** What was last sent for each document, so the workspace changing elsewhere does not resend the same. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: EngagementService,
    private readonly current: (uri: string) => TextDocument | undefined,
    private readonly delayFor: (uri: string) => Promise<number>,
  ) {}

  /** Publishes the document's diagnostics now. Resolves to whether they were sent. */
  async publish(document: TextDocument): Promise<boolean> {
    const findings = await this.service.diagnostics(document);
    if (this.current(document.uri)?.version !== document.version) return false;
    const diagnostics = findings.map((f) => toDiagnostic(f, document));
    const key = `${document.version}\n${JSON.stringify(diagnostics)}`;
    if (this.sent.get(document.uri) === key) return true;
    this.sent.set(document.uri, key);
    await this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    return true;
  }

  /** An edit: publish when the delay ends, and analyze ahead at the first pause in typing. */
  async changed(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const delay = await this.delayFor(uri);
    if (delay >= 3 * PAUSE_MS) {
      clearTimeout(this.pauses.get(uri));
      this.pauses.set(
        uri,
        setTimeout(() => {
          this.pauses.delete(uri);
          const latest = this.current(uri);
          if (latest) void this.service.analysis(latest);
        }, PAUSE_MS),
      );
    }
    if (this.timers.has(uri)) return; // throttle: the pending publication reads the latest text
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const latest = this.current(uri);
        if (latest) void this.publish(latest);
      }, delay),
    );
  }

  /** Whether a publication is waiting for its delay to end. */
  get pending(): boolean {
    return this.timers.size > 0;
  }

  /** The document closed or its file was deleted: its diagnostics go. */
  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    clearTimeout(this.pauses.get(uri));
    this.pauses.delete(uri);
    this.sent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.pauses.forEach((t) => clearTimeout(t));
  }
}
