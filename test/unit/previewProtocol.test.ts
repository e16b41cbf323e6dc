import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseHostMessage, parseWebviewMessage } from '../../src/shared/previewProtocol';
import { FUZZ_RUNS } from './fuzz';

const KEYS: Record<string, readonly string[]> = {
  ready: ['type'],
  reveal: ['type', 'uri', 'line'],
  rendered: ['type', 'uri', 'version', 'title', 'banner'],
  update: ['type', 'uri', 'version', 'html', 'problem'],
  highlight: ['type', 'uri', 'line'],
  marks: ['type', 'uri', 'since', 'lines'],
};

/** A parsed message has only its protocol's keys, each of the protocol's type. */
function assertWellFormed(message: Record<string, unknown>, types: readonly string[]): void {
  assert.ok(types.includes(String(message.type)), `type ${String(message.type)}`);
  for (const key of Object.keys(message)) assert.ok(KEYS[String(message.type)]!.includes(key), `no extra key ${key}`);
  if ('uri' in message) assert.equal(typeof message.uri, 'string');
  for (const key of ['line', 'version'] as const) if (key in message) assert.ok(Number.isInteger(message[key]) && (message[key] as number) >= 0);
  for (const key of ['title', 'html'] as const) if (key in message) assert.equal(typeof message[key], 'string');
  if ('problem' in message) assert.equal(typeof message.problem, 'string');
  if ('banner' in message) assert.equal(typeof message.banner, 'boolean');
  if ('since' in message) assert.equal(typeof message.since, 'string');
  if ('lines' in message) assert.ok(Array.isArray(message.lines) && (message.lines as unknown[]).every((l) => Number.isInteger(l) && (l as number) >= 0));
  assert.equal(Object.getPrototypeOf(message), Object.prototype);
}

/** Values shaped almost like messages: the right type names with fields of any kind. */
const nearMessage = fc.record(
  {
    type: fc.oneof(fc.constantFrom('ready', 'reveal', 'rendered', 'update', 'highlight', 'marks', '__proto__', 'constructor'), fc.anything()),
    since: fc.oneof(fc.string(), fc.anything()),
    lines: fc.oneof(fc.array(fc.nat()), fc.array(fc.anything()), fc.anything()),
    uri: fc.oneof(fc.string(), fc.anything()),
    line: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.anything()),
    version: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.anything()),
    title: fc.oneof(fc.string(), fc.anything()),
    banner: fc.oneof(fc.boolean(), fc.anything()),
    html: fc.oneof(fc.string(), fc.anything()),
    problem: fc.oneof(fc.string(), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: ['type'] },
);

/** Valid messages of each direction, mixed in so the properties never run empty. */
const validFromWebview = fc.oneof(
  fc.constant({ type: 'ready' }),
  fc.record({ type: fc.constant('reveal'), uri: fc.string(), line: fc.nat({ max: 9_999_999 }) }),
  fc.record({ type: fc.constant('rendered'), uri: fc.string(), version: fc.nat({ max: 9_999_999 }), title: fc.string(), banner: fc.boolean() }),
);
const validFromHost = fc.oneof(
  fc.record({ type: fc.constant('update'), uri: fc.string(), version: fc.nat({ max: 9_999_999 }), html: fc.string(), problem: fc.string() }, { requiredKeys: ['type', 'uri', 'version', 'html'] }),
  fc.record({ type: fc.constant('highlight'), uri: fc.string(), line: fc.nat({ max: 9_999_999 }) }),
  fc.record({ type: fc.constant('marks'), uri: fc.string(), since: fc.string({ maxLength: 200 }), lines: fc.array(fc.nat({ max: 9_999_999 }), { maxLength: 20 }) }),
);

describe('preview message protocol', () => {
  it('accepts from the webview only well-formed messages, and nothing extra in them', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMessage, validFromWebview), (value) => {
        const parsed = parseWebviewMessage(value);
        if (parsed) assertWellFormed(parsed as unknown as Record<string, unknown>, ['ready', 'reveal', 'rendered']);
        if (parsed) accepted++;
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
    assert.ok(accepted > 0, 'valid messages were among the values, so the check above is not empty');
  });

  it('accepts from the extension only well-formed messages, in the webview', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMessage, validFromHost), (value) => {
        const parsed = parseHostMessage(value);
        if (parsed) assertWellFormed(parsed as unknown as Record<string, unknown>, ['update', 'highlight', 'marks']);
        if (parsed) accepted++;
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
    assert.ok(accepted > 0, 'valid messages were among the values, so the check above is not empty');
  });

  it('passes valid messages through unchanged', () => {
    const uri = 'file:///w/a.engagement.yaml';
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri, line: 3 }), { type: 'reveal', uri, line: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', uri, version: 2, title: 'T', banner: false }), { type: 'rendered', uri, version: 2, title: 'T', banner: false });
    assert.deepEqual(parseHostMessage({ type: 'update', uri, version: 1, html: '<p>x</p>' }), { type: 'update', uri, version: 1, html: '<p>x</p>' });
    assert.deepEqual(parseHostMessage({ type: 'highlight', uri, line: 0 }), { type: 'highlight', uri, line: 0 });
    assert.deepEqual(parseHostMessage({ type: 'marks', uri, since: 'signed', lines: [18, 55] }), { type: 'marks', uri, since: 'signed', lines: [18, 55] });
    assert.equal(parseHostMessage({ type: 'marks', uri, since: 'signed', lines: [-1] }), undefined);
  });

  it('ignores what is not in the protocol', () => {
    const uri = 'file:///w/a.engagement.yaml';
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'reveal', uri, line: -1 },
      { type: 'reveal', uri, line: 1.5 },
      { type: 'reveal', uri: 1, line: 1 },
      { type: 'rendered', uri, version: Number.NaN, title: '', banner: false },
      { type: 'update', uri, version: 1, html: '' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      JSON.parse('{"__proto__": {"type": "ready"}}') as unknown,
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(parseHostMessage({ type: 'update', uri, version: 1, html: 3 }), undefined);
    assert.equal(parseHostMessage({ type: 'update', uri, version: 1, html: '', problem: {} }), undefined);
    assert.equal(parseHostMessage({ type: 'ready' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'rendered', uri, version: 1, title: 'x'.repeat(10_000), banner: true })!.type, 'rendered');
  });
});
