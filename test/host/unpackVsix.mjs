// Extracts a .vsix (a zip) so the packed extension, not the source tree, is what runs.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import yauzl from 'yauzl';

export function unpackVsix(vsix, target) {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(join(target, 'extension')));
      zip.on('entry', (entry) => {
        const out = normalize(join(target, entry.fileName));
        if (!out.startsWith(normalize(target))) return reject(new Error(`unsafe path in vsix: ${entry.fileName}`));
        if (entry.fileName.endsWith('/')) {
          mkdirSync(out, { recursive: true });
          return zip.readEntry();
        }
        mkdirSync(dirname(out), { recursive: true });
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          stream.pipe(createWriteStream(out)).on('finish', () => zip.readEntry()).on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}
