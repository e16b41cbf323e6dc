import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../engagementServer';

/**
 * The server in a browser's Web Worker (vscode.dev, github.dev): no disk and no Node, so
 * files are read through the client (see `FindFilesRequest`), and no cards are kept.
 */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), {});
