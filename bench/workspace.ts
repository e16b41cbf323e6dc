import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A consultancy's repository of `count` engagement files, made from the examples: each gets
 * its own id, executives are shared between files (so the portfolio rule has work to do),
 * and every tenth file has a mistake, so findings are part of what is measured.
 * With the default 300 executives, a thousand files give most executives three or four.
 * Returns the file paths, in order.
 */
export function writeWorkspace(dir: string, count: number, examples: readonly string[], executives = 300): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const example = examples[i % examples.length]!;
    let text = example
      .replace(/^id: (.+)$/m, (_, id: string) => `id: ${id}-${i}`)
      .replace(/^( {2}email: ).+$/m, `$1exec-${i % executives}@example.test`);
    if (i % 10 === 9) text = text.replace(/^currency: .+$/m, 'currency: dollars');
    const file = path.join(dir, `team-${String(i % 20).padStart(2, '0')}`, `engagement-${String(i).padStart(4, '0')}.engagement.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

export function readExamples(root: string): string[] {
  const dir = path.join(root, 'examples');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.engagement.yaml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}
