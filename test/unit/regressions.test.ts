import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core';
import { REGRESSIONS } from './fuzz';
import { checkInvariants, comparable, TODAY } from './invariants';
import { assertSamePaths } from './parsePaths';
import { checkAllFixes } from './quickFixCheck';

/** Inputs that once broke a property (saved by `npm run fuzz`), replayed on every run. */
describe('regressions found by fuzzing', () => {
  const files = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter((f) => f.endsWith('.yaml')).sort() : [];

  it('has regression inputs to replay', () => {
    assert.ok(files.length > 0, `inputs in ${REGRESSIONS}`);
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
