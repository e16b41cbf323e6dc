import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { checkTexts, EXAMPLES, FUZZ_LONG, FUZZ_RUNS, mutatedFile, SOURCES } from './fuzz';
import { checkInvariants, comparable, TODAY } from './invariants';

/** Text that is mostly noise, with enough YAML punctuation to reach the parsers' corners. */
const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
  fc.array(fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&x', '*x', '"', "'", '|', '>', '#', '?', '!', '%', '\t', '@', '`'), { maxLength: 300 }).map((parts) => parts.join('')),
);

describe('properties of the analyzer (fast-check)', function () {
  this.timeout(Math.max(60_000, FUZZ_RUNS * 200));

  it('keeps its invariants on random edits of valid files', () => {
    checkTexts('random edits', mutatedFile, (text) => {
      checkInvariants(text);
    });
  });

  it('keeps its invariants on random text and random bytes', () => {
    checkTexts('random bytes', noise, (text) => {
      checkInvariants(text);
    });
  });

  it('keeps its invariants on every prefix of every example', () => {
    // Every cut in long mode; otherwise every line end, every colon, and a stride through
    // the rest: what a file being typed or truncated looks like.
    let cuts = 0;
    for (const example of SOURCES) {
      for (let end = 0; end <= example.length; end++) {
        const c = example[end - 1];
        if (!FUZZ_LONG && c !== '\n' && c !== ':' && end % 17 !== 0) continue;
        checkInvariants(example.slice(0, end));
        cuts++;
      }
    }
    assert.ok(cuts > SOURCES.length * 400, `${cuts} prefixes checked`);
  });

  it('gives the result of a fresh analysis, whatever was analyzed before', () => {
    const fresh = new Map(EXAMPLES.map((text) => [text, comparable(analyze(text, { today: TODAY }))]));
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(fc.oneof(mutatedFile, noise), { minLength: 1, maxLength: 3 }), (example, before) => {
        for (const text of before) analyze(text, { today: TODAY });
        assert.deepEqual(comparable(analyze(example, { today: TODAY })), fresh.get(example));
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });

  it('gives the same findings in the same order for the same text, every time', () => {
    checkTexts('stable order', mutatedFile, (text) => {
      const first = analyze(text, { today: TODAY }).findings;
      const again = analyze(text, { today: TODAY }).findings;
      assert.deepEqual(again, first);
    }, Math.ceil(FUZZ_RUNS / 4));
  });
});
