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

/** Asserts that whichever path reads `text`, the result is what the full parser gives. */
export function assertSamePaths(text: string, label: string): boolean {
  const auto = parseYaml(text);
  const full = parseYaml(text, { fastPath: false });
  assert.deepStrictEqual(comparable(auto), comparable(full), `${label}: the two parsers disagree`);
  return fastParseYaml(text.replace(/\r(?!\n)/g, '\n')) !== undefined;
}

