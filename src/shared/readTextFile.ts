// File reading shared by the command line and the extension (Node only, never the webview).
import * as fs from 'node:fs';
import { describeFsError } from './fsErrors';
import { MAX_FILE_BYTES } from './fileLimits';

export { MAX_FILE_BYTES } from './fileLimits';

/** The most one analyzing thread needs for a file at the size limit, with room to spare. */
export const MEMORY_PER_FILE_BYTES = 256 * 1024 * 1024;

export type TextOrError = { text: string } | { error: string };

/**
 * Reads an engagement or configuration file as UTF-8 text, or says in a few words why it
 * cannot. Only regular files are read: a pipe would block forever (in the extension, the
 * whole workspace scan) and a device such as /dev/zero never ends. The file is opened
 * without blocking and checked on the open handle, so it cannot be swapped in between.
 */
export function readTextFile(file: string): TextOrError {
  const read = readRegularFileSync(file);
  return 'error' in read ? read : decodeUtf8(read.bytes);
}

/** The bytes of a regular file, with the refusals above, read synchronously (the command line). */
export function readRegularFileSync(file: string): { bytes: Uint8Array } | { error: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  try {
    const refused = refusal(fs.fstatSync(fd));
    return refused ? { error: refused } : { bytes: fs.readFileSync(fd) };
  } catch (err) {
    return { error: describeFsError(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The bytes of a regular file, with the same refusals, without blocking the thread: the
 * extension host reads a workspace this way (and decodes leniently, as the editor does).
 */
export async function readRegularFile(file: string): Promise<{ bytes: Uint8Array } | { error: string }> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  try {
    const refused = refusal(await handle.stat());
    return refused ? { error: refused } : { bytes: await handle.readFile() };
  } catch (err) {
    return { error: describeFsError(err) };
  } finally {
    await handle.close();
  }
}

const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

function refusal(stat: fs.Stats): string | undefined {
  if (stat.isDirectory()) return 'is a folder, not a file.';
  if (!stat.isFile()) return 'is not a regular file (a pipe, socket or device); it is not read.';
  if (stat.size > MAX_FILE_BYTES) return `is ${(stat.size / 1024 / 1024).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read.`;
  return undefined;
}

/** Decodes a file's bytes as UTF-8, as the format requires; a leading BOM is dropped like editors do. */
export function decodeUtf8(bytes: Uint8Array): TextOrError {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(at, 0)).split(/\r\n|\r|\n/).length;
    return { error: `not valid UTF-8 (first bad byte on line ${line}); engagement files must be saved as UTF-8.` };
  }
}

const LENIENT_UTF8 = new TextDecoder('utf-8');

/**
 * Decodes bytes as the editor opens a file: a bad byte becomes U+FFFD and a leading BOM is
 * dropped. The extension reads workspace files this way, where the CLI refuses them.
 */
export function decodeLikeEditor(bytes: Uint8Array): string {
  return LENIENT_UTF8.decode(bytes);
}
