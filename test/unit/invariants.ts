import * as assert from 'node:assert/strict';
import { analyze, outline, type Analysis, type AnalyzeOptions } from '../../src/core/analyze';
import { LIMITS } from '../../src/core/yaml/limits';

const SEVERITIES = new Set(['error', 'warning', 'info']);
const TODAY = '2026-03-18';

/**
 * What every analysis keeps, whatever the text: it does not throw (nor fall back to its
 * internal-error guard); each range lies inside the text with start ≤ end; a syntax error
 * stays on one line; findings are capped and sorted; the model is plain, acyclic data;
 * and the outline of the text (what a workspace scan shows first) is this analysis
 * without its findings.
 */
export function checkInvariants(text: string, options: AnalyzeOptions = { today: TODAY }): Analysis {
  const analysis = analyze(text, options);
  const findings = analysis.findings;
  assert.ok(findings.length <= LIMITS.findingsPerFile + 1, `findings are capped: ${findings.length}`);
  for (const [i, f] of findings.entries()) {
    assert.ok(!/^Internal error/.test(f.message), `no internal error: ${f.message}`);
    assert.ok(Number.isInteger(f.range.start) && Number.isInteger(f.range.end), `integer range: ${JSON.stringify(f)}`);
    assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `range inside the text: ${JSON.stringify(f)}`);
    assert.ok(SEVERITIES.has(f.severity), `severity: ${f.severity}`);
    assert.ok(f.message.length > 0, 'a message');
    if (analysis.syntaxBroken && f.severity === 'error') {
      assert.ok(!/[\r\n]/.test(text.slice(f.range.start, f.range.end)), `a syntax error stays on its line: ${JSON.stringify(f)}`);
    }
    const previous = findings[i - 1];
    if (previous && i < LIMITS.findingsPerFile) assert.ok(previous.range.start <= f.range.start, 'findings are in document order');
  }
  assert.doesNotThrow(() => JSON.stringify(analysis.model), 'the model is plain, acyclic data');
  const outlined = outline(text, options);
  assert.deepStrictEqual(
    { model: outlined.model, schedule: outlined.schedule, syntaxBroken: outlined.syntaxBroken, findings: outlined.findings },
    { model: analysis.model, schedule: analysis.schedule, syntaxBroken: analysis.syntaxBroken, findings: [] },
    'the outline is the analysis without its findings',
  );
  return analysis;
}

/** The part of an analysis that must not depend on what was analyzed before. */
export function comparable(analysis: Analysis): unknown {
  return {
    findings: analysis.findings,
    model: JSON.parse(JSON.stringify(analysis.model ?? null)) as unknown,
    // Ranges are looked up when read: read them, so they are compared.
    declarations: located(analysis.declarations),
    references: located(analysis.references),
    syntaxBroken: analysis.syntaxBroken,
  };
}

/** Symbols as plain data, their ranges read. */
export function located(symbols: Analysis['declarations']): unknown[] {
  return symbols.map((s) => ({ ...s, range: s.range }));
}

export { TODAY };
