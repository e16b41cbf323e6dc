import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { mergeRuleSettings } from '../../src/core/config/mergeRuleSettings';
import { LIMITS } from '../../src/core/yaml/limits';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { BASE } from './helpers';
import { billionLaughs, HOSTILE_CASES } from './hostileCases';
import { checkInvariants, comparable, TODAY } from './invariants';

/**
 * CPU time a case's whole analysis may take; the slowest takes about a second here. CPU
 * time, not elapsed time, so that a busy machine cannot fail it while a runaway still does.
 */
const CPU_BOUND_MS = 5_000;

/** The process's time on a CPU since `start`, in milliseconds. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('hostile and malformed input, in the core', () => {
  for (const hostile of HOSTILE_CASES) {
    it(`handles ${hostile.name}`, function () {
      this.timeout(8 * CPU_BOUND_MS);
      const text = hostile.text();
      const started = process.cpuUsage();
      const analysis = checkInvariants(text);
      const cpuMs = cpuMsSince(started);
      assert.ok(cpuMs < CPU_BOUND_MS, `bounded CPU time: ${cpuMs.toFixed(0)} ms`);
      hostile.expect?.(analysis, text);
    });
  }

  it('leaves Object.prototype untouched', () => {
    analyze('__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nclient: { __proto__: { polluted: true } }\n');
    analyze('__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n', { fullParser: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('keeps stray keys and values out of rule settings, whatever the layer', () => {
    const fromJson: unknown = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "off", "access-crm": "fatal", "kpi-balance": "off"}');
    const config = parseConfig('rules:\n  __proto__: { polluted: true }\n  constructor: off\n  access-crm: info\n');
    const merged = mergeRuleSettings(config.rules, fromJson, null, ['off'], 'off');
    assert.deepEqual({ ...merged }, { 'access-crm': 'info', 'kpi-balance': 'off' });
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const findings = analyze(BASE.replace('crm: full', 'crm: view'), { rules: mergeRuleSettings({ 'access-crm': 'fatal' }) }).findings;
    assert.equal(findings.find((f) => f.ruleId === 'access-crm')?.severity, 'warning', 'an invalid setting leaves the default');
  });

  it('checks only the syntax of a file over the size limit, and says so once', () => {
    const big = BASE + `notes: "${'x'.repeat(LIMITS.fullAnalysisChars)}"\n`;
    const analysis = checkInvariants(big.replace('status: active', 'status: actve'));
    assert.deepEqual(analysis.findings.map((f) => [f.severity, f.range.start]), [['info', 0]], 'no schema finding past the limit');
    assert.equal(analysis.model, undefined);
    const atLimit = 'notes: x\n' + '#'.repeat(LIMITS.fullAnalysisChars - 10) + '\n';
    assert.equal(atLimit.length, LIMITS.fullAnalysisChars);
    assert.ok(!checkInvariants(atLimit).findings.some((f) => /only its YAML syntax/.test(f.message)), 'a file at the limit is analyzed in full');
  });

  it('never hands circular data to the schema validator or the preview', () => {
    for (const text of ['a: &a { child: *a }\n', 'a: &a [1, *a]\n', 'x: &x\n  y: &y\n    z: *x\n', 'k: &k { l: { m: [*k] } }\n']) {
      for (const fastPath of [true, false]) {
        // What the validator gets is the parsed value; what the preview posts comes from the model.
        assert.doesNotThrow(() => JSON.stringify(parseYaml(text, { fastPath }).value), text);
      }
      assert.ok(checkInvariants(text).findings.some((f) => /circular/.test(f.message)), `reported: ${text}`);
    }
  });

  it('reports a circular alias at the alias', () => {
    const analysis = checkInvariants('a: &a { child: *a }\n');
    const circular = analysis.findings.find((f) => /circular/.test(f.message));
    assert.ok(circular);
    assert.equal(circular.range.start, 'a: &a { child: '.length);
  });

  it('handles non-UTF-8 bytes decoded leniently', () => {
    const lossy = new TextDecoder('utf-8').decode(new Uint8Array([0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    checkInvariants(lossy);
  });

  it('gives the same result for the same text, whatever came before', () => {
    const first = analyze(BASE, { today: TODAY });
    for (const hostile of HOSTILE_CASES.slice(0, 22)) analyze(hostile.text(), { today: TODAY });
    analyze(billionLaughs(9));
    const again = analyze(BASE, { today: TODAY });
    assert.deepEqual(comparable(again), comparable(first));
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

  it('caps findings at the limit and says how many were left out', () => {
    const kpis = Array.from({ length: 700 }, (_, i) => `  - { id: k${i}, name: K, type: bogus, baseline: 1, target: 2, by: day 90 }`).join('\n');
    const text = BASE.replace(/^kpis:\n/m, `kpis:\n${kpis}\n`);
    const analysis = checkInvariants(text);
    assert.equal(analysis.findings.length, LIMITS.findingsPerFile + 1);
    assert.match(analysis.findings.at(-1)!.message, /^\d+ more findings are not shown/);
  });
});
