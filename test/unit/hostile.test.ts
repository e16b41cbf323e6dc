import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { BASE } from './helpers';

/** The invariants every analysis keeps, whatever the input. */
function checkInvariants(text: string): Analysis {
  const analysis = analyze(text);
  for (const f of analysis.findings) {
    assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `range inside the text: ${JSON.stringify(f)}`);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(f.message.length > 0);
  }
  assert.ok(analysis.findings.length <= 501, 'findings are capped');
  assert.doesNotThrow(() => JSON.stringify(analysis.model), 'the model is plain, acyclic data');
  return analysis;
}

const billionLaughs = (levels: number): string => {
  let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return text + `format: *a${levels - 1}\n`;
};

describe('hostile and malformed input', () => {
  const cases: Record<string, string> = {
    'an empty file': '',
    'a comment-only file': '# nothing here\n# yet\n',
    'a scalar at the root': 'just some text\n',
    'a list at the root': '- a\n- b\n',
    'broken YAML': 'format: engagement/v1\nkpis: [\n  - id: x\n',
    'a multi-document stream': BASE + '---\nformat: engagement/v1\n',
    'git conflict markers': '<<<<<<< HEAD\nstatus: active\n=======\nstatus: draft\n>>>>>>> branch\n',
    'tabs as indentation': 'client:\n\tname: x\n',
    'a BOM and CRLF line endings': '\uFEFF' + BASE.replace(/\n/g, '\r\n'),
    'lone CR line endings': BASE.replace(/\n/g, '\r'),
    'U+2028 and emoji': 'title: "Plan \u2028 🚀 done"\nformat: engagement/v1\n',
    'NUL bytes': 'format: engagement/v1\u0000\ntitle: x\u0000y\n',
    '`__proto__` and `constructor` keys': '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nclient: { __proto__: { polluted: true }, name: x }\n',
    'YAML 1.1 with merge keys': '%YAML 1.1\n---\nbase: &b { name: x }\nclient:\n  <<: *b\nstatus: yes\n',
    'custom and js tags': 'format: !!js/function "function(){}"\ntitle: !custom x\nid: !!binary aGVsbG8=\n',
    'a self-referential alias': 'a: &a { child: *a }\n',
    'an alias to an unknown anchor': 'format: *nothing\n',
    'a billion laughs, 3 levels': billionLaughs(3),
    'a billion laughs, 9 levels': billionLaughs(9),
    'a 1 MB key': 'k'.repeat(1_000_000) + ': 1\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`never throws on ${name}`, () => {
      checkInvariants(text);
    });
  }

  it('leaves Object.prototype untouched', () => {
    analyze(cases['`__proto__` and `constructor` keys']!);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('reports an alias bomb at the alias, not by hanging', () => {
    const text = billionLaughs(9);
    const started = Date.now();
    const analysis = checkInvariants(text);
    assert.ok(Date.now() - started < 5000, 'bounded time');
    const bomb = analysis.findings.find((f) => /alias bomb/.test(f.message));
    assert.ok(bomb, 'the expansion limit is reported');
    assert.equal(text[bomb.range.start], '*');
  });

  it('reports a circular alias at the alias', () => {
    const analysis = checkInvariants('a: &a { child: *a }\n');
    const circular = analysis.findings.find((f) => /circular/.test(f.message));
    assert.ok(circular);
    assert.equal(circular.range.start, 'a: &a { child: '.length);
  });

  it('survives 5,000 levels of nesting, in flow and in block style', () => {
    checkInvariants('['.repeat(5000) + ']'.repeat(5000));
    let block = '';
    for (let i = 0; i < 5000; i++) block += ' '.repeat(i) + 'k:\n';
    checkInvariants(block);
    let moderate = '';
    for (let i = 0; i < 200; i++) moderate += ' '.repeat(i) + 'k:\n';
    const analysis = checkInvariants(moderate);
    assert.ok(analysis.findings.some((f) => /Nested more than/.test(f.message)));
  });

  it('handles non-UTF-8 bytes decoded leniently', () => {
    const lossy = new TextDecoder('utf-8').decode(new Uint8Array([0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    checkInvariants(lossy);
  });

  it('keeps every prefix of a valid file analyzable', () => {
    for (let end = 0; end <= BASE.length; end += 7) checkInvariants(BASE.slice(0, end));
  });

  it('handles a map with 20,000 keys in bounded time', () => {
    let text = 'notes: x\n';
    for (let i = 0; i < 20_000; i++) text += `k${i}: ${i}\n`;
    const started = Date.now();
    checkInvariants(text);
    assert.ok(Date.now() - started < 10_000);
  });

  it('gives the same result for the same text, whatever came before', () => {
    const first = analyze(BASE, { today: '2026-02-01' });
    analyze(billionLaughs(9));
    analyze('a: &a { child: *a }\n');
    const again = analyze(BASE, { today: '2026-02-01' });
    assert.deepEqual(again.findings, first.findings);
    assert.deepEqual(JSON.parse(JSON.stringify(again.model)), JSON.parse(JSON.stringify(first.model)));
  });

  it('places findings on the right line with CRLF and lone CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = BASE.replace('crm: full', 'crm: view').replace(/\n/g, eol);
      const analysis = analyze(text);
      const crm = analysis.findings.find((f) => f.ruleId === 'access-crm');
      assert.ok(crm, `access-crm with ${JSON.stringify(eol)}`);
      assert.equal(text.slice(crm.range.start, crm.range.end), 'view');
    }
  });
});
