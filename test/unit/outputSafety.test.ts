import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable, printableLineStart } from '../../src/core/text/safeText';
import { run, workspace } from './cliHelpers';
import { BASE, edit } from './helpers';

/** What a terminal or a CI runner would act on: controls other than the line breaks we print, and bidi overrides. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** A line GitHub Actions reads as a workflow command (the runner trims leading white space). */
const WORKFLOW_COMMAND = /^\s*(::|##\[)/;

function assertSafeLines(output: string, where: string): void {
  for (const line of output.split('\n')) {
    assert.doesNotMatch(line, WORKFLOW_COMMAND, `${where} has a workflow command: ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, ACTIVE, `${where} has a control character: ${JSON.stringify(line)}`);
  }
}

describe('output nobody can hijack', () => {
  it('shows line breaks, escape sequences and bidi controls as escapes', () => {
    assert.equal(printable('a\nb\r\tc'), 'a\\nb\\r\\tc');
    assert.equal(printable('\u001b]0;title\u0007x\u009b2J\u202eevil'), '\\u001B]0;title\\u0007x\\u009B2J\\u202Eevil');
    assert.equal(printable('plain text, émigré, 日本'), 'plain text, émigré, 日本');
    assert.equal(printableLineStart('::error::x'), './::error::x');
    assert.equal(printableLineStart('##[error]x'), './##[error]x');
    assert.equal(printableLineStart('dir/::x'), 'dir/::x');
  });

  it('keeps every stylish and stderr line inert, whatever the keys, values and file names say', () => {
    const hostileKey = edit(BASE, 'title: ', '"evil\\n::error file=pwn.js,line=1::INJECTED": 1\ntitle: ');
    const hostileValue = edit(BASE, 'status: active', 'status: "act\\e]0;pwned\\a\\e[2J\\u202Eive\\n::warning::x"');
    const dir = workspace({
      'key.engagement.yaml': hostileKey,
      'value.engagement.yaml': hostileValue,
      '::error title=pwn::named.engagement.yaml': hostileKey,
      '##[error]old.engagement.yaml': hostileKey,
      'line\n::error::break.engagement.yaml': hostileKey,
      '\u001b[31mred.engagement.yaml': hostileKey,
    });
    fs.symlinkSync('nowhere', path.join(dir, 'dangling\n::error::link.engagement.yaml'));
    const result = run(['lint'], dir);
    assert.equal(result.code, 2, result.stderr);
    assertSafeLines(result.stdout, 'stdout');
    assertSafeLines(result.stderr, 'stderr');
    assert.match(result.stdout, /Unknown key `evil\\n::error file=pwn\.js,line=1::INJECTED`/, 'the key is shown, escaped');
    assert.match(result.stdout, /^\.\/::error title=pwn::named\.engagement\.yaml$/m, 'a file named like a command is shown as a path');
    assert.match(result.stderr, /dangling\\n::error::link\.engagement\.yaml: a link to a file that does not exist\./);
    const rendered = run(['render', 'line\n::error::missing.engagement.yaml'], dir);
    assert.equal(rendered.code, 2);
    assertSafeLines(rendered.stderr, 'render stderr');
  });

  it('escapes what the github format prints, as before', () => {
    const dir = workspace({ 'key.engagement.yaml': edit(BASE, 'title: ', '"evil\\n::error file=pwn.js,line=1::INJECTED": 1\ntitle: ') });
    const result = run(['lint', '-f', 'github'], dir);
    for (const line of result.stdout.trim().split('\n')) assert.match(line, /^::(error|warning|notice) file=key\.engagement\.yaml,/);
    assert.match(result.stdout, /evil%0A::error/);
  });
});
