/** Decodes a file's bytes as UTF-8, as the format requires; a leading BOM is dropped like editors do. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
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
