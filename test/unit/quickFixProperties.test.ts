import * as assert from 'node:assert/strict';
import { checkTexts } from './fuzz';
import { checkAllFixes, faultyFile } from './quickFixCheck';

describe('properties of quick fixes (fast-check)', function () {
  this.timeout(120_000);

  it('change only their range, keep every comment, leave valid YAML, and remove their finding', () => {
    let fixesChecked = 0;
    checkTexts('quick fixes', faultyFile, (text) => {
      fixesChecked += checkAllFixes(text);
    });
    assert.ok(fixesChecked > 100, `${fixesChecked} fixes checked`);
  });
});
