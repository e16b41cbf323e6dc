import * as assert from 'node:assert/strict';
import { fastParseYaml } from '../../src/core/yaml/fastParse';
import { parseYaml, type ParsedYaml } from '../../src/core/yaml/parseYaml';

/** Everything a parse result carries, in a form `deepStrictEqual` compares fully. */
function comparable(parsed: ParsedYaml) {
  return {
    value: parsed.value,
    syntaxErrors: parsed.syntaxErrors,
    structureFindings: parsed.structureFindings,
    rootAnchor: parsed.rootAnchor,
    sourceMap: [...parsed.sourceMap.entries()],
  };
}

/**
 * Asserts that whichever path reads `text`, the result is what the full parser gives, and
 * that a deferred source map answers top-level lookups as the full one does before it is
 * filled, then holds the same locations once filled.
 */
export function assertSamePaths(text: string, label: string): boolean {
  const auto = parseYaml(text);
  const full = parseYaml(text, { fastPath: false });
  assert.deepStrictEqual(comparable(auto), comparable(full), `${label}: the two parsers disagree`);

  const deferred = parseYaml(text, { deferSourceMap: true });
  const shallow = [...full.sourceMap.entries()].map(([pointer]) => pointer).filter((p) => p.split('/').length <= 2);
  for (const pointer of [...shallow, '/no-such-key', '/0']) {
    assert.deepStrictEqual(deferred.sourceMap.exact(pointer), full.sourceMap.exact(pointer), `${label}: deferred exact(${pointer})`);
    for (const part of ['key', 'value'] as const) {
      assert.deepStrictEqual(deferred.sourceMap.rangeOf(pointer, part), full.sourceMap.rangeOf(pointer, part), `${label}: deferred rangeOf(${pointer}, ${part})`);
    }
  }
  assert.deepStrictEqual(comparable(deferred), comparable(full), `${label}: a deferred source map, filled, disagrees`);
  return fastParseYaml(text.replace(/\r(?!\n)/g, '\n')) !== undefined;
}

