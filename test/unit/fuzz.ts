import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BASE, ROOT } from './helpers';

/**
 * Shared pieces of the property-based tests. `npm test` runs a bounded number of cases;
 * `npm run fuzz` (tools/fuzz.mjs) raises ENGAGEMENT_FUZZ_RUNS, turns on ENGAGEMENT_FUZZ_LONG
 * and sets ENGAGEMENT_FUZZ_SAVE, so that any failing input is written to
 * test/fixtures/regressions, where `regressions.test.ts` replays it on every run after.
 */
export const FUZZ_RUNS = Number(process.env.ENGAGEMENT_FUZZ_RUNS ?? 200);
/** Long mode checks every prefix of every example instead of a sample of them. */
export const FUZZ_LONG = process.env.ENGAGEMENT_FUZZ_LONG === '1';
export const REGRESSIONS = path.join(ROOT, 'test', 'fixtures', 'regressions');

export const EXAMPLES: readonly string[] = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.engagement.yaml'))
  .sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
export const SOURCES: readonly string[] = [BASE, ...EXAMPLES];

/** Pieces that matter to YAML, inserted at random places: structure, quoting, anchors, line ends. */
const PIECES = [' ', '\n', '- ', ': ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '  ', 'x', '1', '~', '&a', '*a', '!t', '---', '?', '0x1F', '.inf', '\\', 'é', '😀', '\r\n', '\r', '\t', '<script>', '\u0000', '\uFEFF', '\u2028'];

type Edit = { at: number; insert: string } | { at: number; remove: number } | { at: number; duplicateLine: true };

const editOf: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ at: fc.nat(), duplicateLine: fc.constant(true as const) }),
);

export function applyRandomEdits(source: string, edits: readonly Edit[]): string {
  let text = source;
  for (const e of edits) {
    const at = e.at % (text.length + 1);
    if ('insert' in e) text = text.slice(0, at) + e.insert + text.slice(at);
    else if ('remove' in e) text = text.slice(0, at) + text.slice(at + e.remove);
    else {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      const line = text.slice(start, end < 0 ? text.length : end + 1);
      text = text.slice(0, start) + line + text.slice(start);
    }
  }
  return text;
}

/** A valid engagement file with one to four random edits: the realistic hostile input. */
export const mutatedFile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SOURCES), fc.array(editOf, { minLength: 1, maxLength: 4 }))
  .map(([source, edits]) => applyRandomEdits(source, edits));

/**
 * Runs a property over texts. A failure is shrunk by fast-check, saved as a regression
 * fixture when ENGAGEMENT_FUZZ_SAVE is set, and reported with the seed to replay it.
 */
export function checkTexts(name: string, texts: fc.Arbitrary<string>, predicate: (text: string) => void, runs = FUZZ_RUNS): void {
  const details = fc.check(
    fc.property(texts, (text) => {
      predicate(text);
    }),
    { numRuns: runs },
  );
  if (!details.failed) return;
  const text = details.counterexample?.[0];
  const save = process.env.ENGAGEMENT_FUZZ_SAVE;
  if (save && typeof text === 'string') {
    // `1` saves into the regression fixtures; any other value is a folder to save into.
    const folder = save === '1' ? REGRESSIONS : path.resolve(save);
    fs.mkdirSync(folder, { recursive: true });
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    const file = path.join(folder, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${hash}.engagement.yaml`);
    fs.writeFileSync(file, text);
    console.log(`    saved the failing input as ${path.relative(ROOT, file)}`);
  }
  throw new Error(fc.defaultReportMessage(details) ?? `${name} failed`);
}
