import type { CardStore } from '../core/service/host';

/** What a runtime adds to the server: Node reads the disk and keeps cards; a browser has neither. */
export interface ServerPlatform {
  /** Local files, read directly (faster than asking the client for each). */
  readonly localFiles?: LocalFiles;
  /** A store of cards in this folder, kept between sessions. */
  cardStore?(storagePath: string): CardStore;
}

export interface LocalFiles {
  /** Every engagement file below these folders (paths), node_modules and .git left out. */
  findEngagementFiles(folders: readonly string[]): string[];
  /** A file's text as an editor would decode it; undefined when it is not a readable regular file. */
  readFile(file: string): Promise<string | undefined>;
}
