import * as assert from 'node:assert/strict';
import { hasUnsupportedCharacters } from '../../src/core/yaml/blockLayout';
import { readByEvents } from '../../src/core/yaml/eventReader';
import { readByLines } from '../../src/core/yaml/lineReader';
import { parseYaml, type ParsedYaml } from '../../src/core/yaml/parseYaml';
import { SourceMap } from '../../src/core/yaml/sourceMap';

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
 * A deferred source map must answer top-level lookups as the full one does before it is
 * filled, then hold the same locations once filled.
 */
function assertDeferredAgrees(deferred: ParsedYaml, full: ParsedYaml, label: string): void {
  const shallow = [...full.sourceMap.entries()].map(([pointer]) => pointer).filter((p) => p.split('/').length <= 2);
  for (const pointer of [...shallow, '/no-such-key', '/0']) {
    assert.deepStrictEqual(deferred.sourceMap.exact(pointer), full.sourceMap.exact(pointer), `${label}: deferred exact(${pointer})`);
    for (const part of ['key', 'value'] as const) {
      assert.deepStrictEqual(deferred.sourceMap.rangeOf(pointer, part), full.sourceMap.rangeOf(pointer, part), `${label}: deferred rangeOf(${pointer}, ${part})`);
    }
  }
  assert.deepStrictEqual(comparable(deferred), comparable(full), `${label}: a deferred source map, filled, disagrees`);
}

/** Which fast readers read a text (rather than declining it). */
export interface ReadersTaken {
  readonly lines: boolean;
  readonly events: boolean;
}

const READERS = [
  ['line reader', 'lines', readByLines],
  ['event reader', 'events', readByEvents],
] as const;

/**
 * Asserts that whichever path reads `text`, the result is what the full parser gives: the
 * path parseYaml picks, and each fast reader on its own (the line reader comes first, so
 * without this the event reader would go untested on every file both can read). Deferred
 * source maps are held to the same, before and after they are filled.
 */
export function assertSamePaths(text: string, label: string): ReadersTaken {
  const auto = parseYaml(text);
  const full = parseYaml(text, { fastPath: false });
  assert.deepStrictEqual(comparable(auto), comparable(full), `${label}: the two parsers disagree`);
  assertDeferredAgrees(parseYaml(text, { deferSourceMap: true }), full, label);

  const taken = { lines: false, events: false };
  // parseYaml's own preparation: a lone CR becomes LF, and some texts go to the full parser at once.
  const prepared = text.replace(/\r(?!\n)/g, '\n');
  if (hasUnsupportedCharacters(prepared)) return taken;
  for (const [name, key, reader] of READERS) {
    const own = reader(prepared, new SourceMap({ start: 0, end: 0 }));
    if (!own) continue;
    taken[key] = true;
    assert.deepStrictEqual(comparable(own), comparable(full), `${label}: the ${name} disagrees with the full parser`);
    assertDeferredAgrees(reader(prepared)!, full, `${label} (${name})`);
  }
  return taken;
}
