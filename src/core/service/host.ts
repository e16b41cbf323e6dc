import type { EngagementCard } from '../card';
import type { AnalysisSettings } from './documentAnalyses';

/**
 * What the engagement service needs from where it runs: the server gives it a file system
 * (the disk, or the editor's files through the client in a browser), the settings that
 * apply to a file, and optionally a store of cards kept between sessions.
 */
export interface ServiceHost {
  /** Every engagement file of the workspace, as URIs. */
  findEngagementFiles(): Promise<readonly string[]>;
  /** A file's text; undefined when it cannot be read (gone, not a regular file, too big, not UTF-8). */
  readFile(uri: string): Promise<string | undefined>;
  /** Rule settings and the day, for a file. */
  settingsFor(uri: string): Promise<AnalysisSettings>;
  /** A file's name relative to its workspace folder: how findings about other files name it. */
  relativePath(uri: string): string;
  /** Lets waiting requests in between steps of long work. */
  pause(): Promise<void>;
  /** Cards of the last scan, where the host keeps them. */
  readonly cards?: CardStore;
}

/** Cards kept between sessions: reused only for the very text they were read from. */
export interface CardStore {
  /** Starts a scan: what the last one stored is what may be reused. */
  begin(): void;
  cardOf(uri: string, text: string, read: () => EngagementCard): EngagementCard;
  /** How many cards this scan reused. */
  readonly reused: number;
  /** Ends a scan: keeps this scan's cards for the next session. */
  save(): void;
}
