import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import fc from 'fast-check';
import { checkTexts, REGRESSIONS } from './fuzz';
import { checkInvariants, comparable, TODAY } from './invariants';
import { assertSamePaths } from './parsePaths';
import { checkAllFixes } from './quickFixCheck';

/** Inputs that once broke a property (saved by `npm run fuzz`), replayed on every run. */
describe('regressions found by fuzzing', () => {
  const files = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter((f) => f.endsWith('.yaml')).sort() : [];

  it('has regression inputs to replay', () => {
    assert.ok(files.length > 0, `inputs in ${REGRESSIONS}`);
  });

  it('saves a failing input, shrunk, when asked to', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-fuzz-'));
    const before = process.env.ENGAGEMENT_FUZZ_SAVE;
    process.env.ENGAGEMENT_FUZZ_SAVE = folder;
    try {
      const noTabs = (text: string): void => assert.ok(!text.includes('\t'), 'a tab');
      assert.throws(() => checkTexts('no tabs', fc.string({ unit: fc.constantFrom('a', '\t', ' ') }), noTabs, 500), /Counterexample/);
      const saved = fs.readdirSync(folder);
      assert.equal(saved.length, 1);
      assert.match(saved[0]!, /^no-tabs-[0-9a-f]{12}\.engagement\.yaml$/);
      assert.equal(fs.readFileSync(path.join(folder, saved[0]!), 'utf8'), '\t', 'the shrunk input');
    } finally {
      if (before === undefined) delete process.env.ENGAGEMENT_FUZZ_SAVE;
      else process.env.ENGAGEMENT_FUZZ_SAVE = before;
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const file of files) {
    it(`keeps the invariants on ${file}, and both parse paths agree on it`, () => {
      const text = fs.readFileSync(path.join(REGRESSIONS, file), 'utf8');
      const analysis = checkInvariants(text);
      assert.deepEqual(comparable(analyze(text, { today: TODAY })), comparable(analysis));
      assertSamePaths(text, file);
      if (file.startsWith('quick-fixes-')) checkAllFixes(text);
    });
  }
});
