import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EngagementCard } from '../../core/card';
import type { CardStore } from '../../core/service/host';
import { readTextFile } from '../../shared/readTextFile';

/** Written into the file; a cache of another shape, or from another build, is not read. */
const FORMAT = 'engagement-kit/cards/1';

interface Stored {
  readonly format: string;
  /** Which build of the analyzer read the cards (see `CardCache`): cards of another build are not used. */
  readonly build: string;
  /** By file path: the hash of the text the card was read from, and the card. */
  readonly cards: Record<string, { readonly hash: string; readonly card: EngagementCard }>;
}

/**
 * The cards of the last workspace scan, kept on disk between sessions: reopening a large
 * workspace then reads each file's text (the portfolio rule needs it for suppression
 * comments) but parses only the files whose text changed. A card is reused only for the
 * same text, to the byte (a SHA-1 of it), read by the same build of the analyzer, so a
 * cached card is always the card the file would give; nothing else is trusted.
 *
 * The file lives in the editor's storage for the workspace, not in the workspace. A missing,
 * unreadable or malformed file is an empty cache: the scan reads every file, as without one.
 * Keys are file URIs.
 */
export class CardCache implements CardStore {
  private before = new Map<string, { hash: string; card: EngagementCard }>();
  private readonly seen = new Map<string, { hash: string; card: EngagementCard }>();
  private changed = false;
  /** How many cards this scan took from the cache. */
  reused = 0;

  /**
   * @param file where the cache is kept; undefined for no cache (a window without a folder).
   * @param build what identifies the analyzer's build (the server's own bundle, see node/main.ts).
   */
  constructor(
    private readonly file: string | undefined,
    private readonly build: string,
  ) {
    if (!file) return;
    const read = readTextFile(file);
    if (!('text' in read)) return;
    try {
      const stored = JSON.parse(read.text) as Partial<Stored> | null;
      if (stored?.format !== FORMAT || stored.build !== build || typeof stored.cards !== 'object' || stored.cards === null) return;
      for (const key of Object.keys(stored.cards)) {
        const entry = stored.cards[key];
        if (typeof entry?.hash === 'string' && typeof entry.card === 'object' && entry.card !== null) this.before.set(key, entry);
      }
    } catch {
      // Malformed: start empty, and the next save replaces it.
    }
  }

  /** A new scan: what the last one saw (or the file held) is what may be reused. */
  begin(): void {
    if (this.seen.size > 0) this.before = new Map(this.seen);
    this.seen.clear();
    this.changed = false;
    this.reused = 0;
  }

  /** The card of `text`, the text of `file` now: the cached one if it was read from this very text, else `read()`'s. */
  cardOf(file: string, text: string, read: () => EngagementCard): EngagementCard {
    if (!this.file) return read();
    const hash = createHash('sha1').update(text).digest('base64');
    const cached = this.before.get(file);
    let card: EngagementCard;
    if (cached && cached.hash === hash) {
      card = cached.card;
      this.reused++;
    } else {
      card = read();
      this.changed = true;
    }
    this.seen.set(file, { hash, card });
    return card;
  }

  /**
   * Writes the cards of this scan, and only those: files gone since are dropped. Written to
   * a temporary file and renamed, so a reader never sees half a file, even when the thread
   * is stopped while writing (the window closing). Nothing is written when nothing changed.
   * A failure to write leaves the old cache, which is still valid.
   */
  save(): void {
    if (!this.file) return;
    if (!this.changed && this.seen.size === this.before.size) return;
    const stored: Stored = { format: FORMAT, build: this.build, cards: Object.fromEntries(this.seen) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(stored));
      renameSync(temporary, this.file);
    } catch {
      // A read-only or full disk: the scan still worked, the next one reads every file.
    }
  }
}
