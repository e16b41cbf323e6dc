import { statSync } from 'node:fs';
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ENGAGEMENT_FILE } from '../../core/engagementFile';
import { decodeLikeEditor, readRegularFileSync } from '../../shared/readTextFile';
import { walkFolder } from '../../shared/walkFolder';
import { startServer } from '../engagementServer';
import { CardCache } from './cardCache';

/**
 * This build of the server, and so of the analyzer in it: its bundle's size and time of
 * writing. Cached cards of any other build are not used (see CardCache).
 */
function build(): string {
  try {
    const bundle = statSync(__filename);
    return `${bundle.size}:${bundle.mtimeMs}`;
  } catch {
    return `unknown:${Date.now()}`; // never matches a cache: every card is read
  }
}

/**
 * The server in a Node process. The transport comes from the command line, as
 * `createConnection` reads it: `--node-ipc` when VS Code starts it, `--stdio` for other
 * editors (`engagement lsp --stdio`).
 */
export function runNodeServer(): void {
  startServer(createConnection(ProposedFeatures.all), {
    localFiles: {
      findEngagementFiles(folders) {
        const found: string[] = [];
        const ignored = { add: () => undefined }; // unreadable folders hold nothing to show
        for (const folder of folders) walkFolder(folder, (file) => ENGAGEMENT_FILE.test(file), (file) => found.push(file), ignored);
        return found;
      },
      // Read synchronously: blocking is what this process is for, and awaiting each step of
      // a read (open, stat, read, close) leaves it idle a third of the time between files.
      async readFile(file) {
        const read = readRegularFileSync(file);
        return 'error' in read ? undefined : decodeLikeEditor(read.bytes);
      },
    },
    cardStore: (storagePath) => new CardCache(path.join(storagePath, 'cards.json'), build()),
  });
}

if (require.main === module) runNodeServer();
