import type { Alias, Document, Node as YamlNode } from 'yaml';
import { yamlLibrary as yaml } from './yamlLibrary';
import type { RawFinding, TextRange } from '../types';
import { fastParseYaml } from './fastParse';
import { LIMITS } from './limits';
import { firstLine, lineBound } from './lineBound';
import { deepNestingAt } from './nestingCheck';
import type { ParsedYaml } from './parsedYaml';
import { escapeSegment, SourceMap } from './sourceMap';

export type { ParsedYaml } from './parsedYaml';

export interface ParseYamlOptions {
  /** `false` forces the full parser; tests use it to prove both paths agree. */
  readonly fastPath?: boolean;
  /**
   * Lets the fast path record only top-level locations and fill in the rest on the first
   * lookup that needs them (see SourceMap.deferred): for callers that rarely look deeper.
   */
  readonly deferSourceMap?: boolean;
}

type YamlError = { message: string; pos: [number, number] };

/**
 * Parses YAML text into plain data with a source map, never throwing. Well-formed files in
 * the common subset take the fast path (`fastParse.ts`, several times quicker); everything
 * else, including every file with a syntax error, goes through the full parser below.
 *
 * The full parser's conversion is our
 * own rather than `toJS()` so that alias expansion is bounded (billion laughs), cycles become
 * findings instead of circular objects, nesting is capped, duplicate keys are found in one
 * pass (the parser's own check is quadratic), `__proto__` stays an ordinary own key, and
 * YAML 1.1 timestamps come back as the date strings the format expects.
 */
export function parseYaml(original: string, options: ParseYamlOptions = {}): ParsedYaml {
  // The parsers do not treat a lone CR as a line break, but editors do. Swapping it for LF
  // keeps every offset the same, so ranges still point into the original text.
  const text = original.includes('\r') ? original.replace(/\r(?!\n)/g, '\n') : original;
  if (options.fastPath !== false) {
    const fast = fastParseYaml(text, { deferSourceMap: options.deferSourceMap });
    if (fast) return fast;
  }
  const syntaxErrors: RawFinding[] = [];
  const deep = deepNestingAt(text);
  if (deep !== undefined) {
    const range = lineBound(text, [deep, deep + 1]);
    syntaxErrors.push(schemaFinding('error', `Nested more than ${LIMITS.nestingDepth} levels deep: the file is not read past this point.`, range));
    return { value: undefined, sourceMap: new SourceMap(range), syntaxErrors, structureFindings: [], rootAnchor: range };
  }
  let doc: Document.Parsed;
  try {
    doc = yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  } catch (err) {
    const range = firstLine(text, 0);
    syntaxErrors.push(schemaFinding('error', `The file could not be read as YAML: ${errorMessage(err)}`, range));
    return { value: undefined, sourceMap: new SourceMap(range), syntaxErrors, structureFindings: [], rootAnchor: range };
  }

  let overflowReported = false;
  for (const error of doc.errors as YamlError[]) {
    // Past about 800 levels the parser runs out of stack once per level: say it once.
    if (/call stack/i.test(error.message)) {
      if (overflowReported) continue;
      overflowReported = true;
      error.message = `Nested too deeply to read (more than ${LIMITS.nestingDepth} levels).`;
    }
    syntaxErrors.push(schemaFinding('error', `Not valid YAML: ${cleanMessage(error.message)}`, lineBound(text, error.pos)));
  }
  for (const warning of doc.warnings as YamlError[]) {
    syntaxErrors.push(schemaFinding('warning', `YAML: ${cleanMessage(warning.message)}`, lineBound(text, warning.pos)));
  }
  if (doc.directives?.yaml?.explicit && doc.directives.yaml.version === '1.1') {
    const at = text.indexOf('%YAML');
    syntaxErrors.push(
      schemaFinding(
        'warning',
        'Engagement files are YAML 1.2: the `%YAML 1.1` directive changes how values such as `yes`, `no` and `<<` are read. Remove it.',
        firstLine(text, Math.max(0, at)),
      ),
    );
  }

  const rootAnchor = anchorOf(doc, text);
  const converter = new Converter(doc, new SourceMap(rootAnchor));
  const value = doc.contents ? converter.convert(doc.contents as YamlNode, '', 0) : undefined;
  return { value, sourceMap: converter.sourceMap, syntaxErrors, structureFindings: converter.findings, rootAnchor };
}

class Converter {
  readonly findings: RawFinding[] = [];
  private aliasBudget: number = LIMITS.aliasExpansion;
  /** Nodes being converted, to recognise an alias that points at one of its own ancestors. */
  private readonly ancestors = new Set<YamlNode>();
  /** Depth of alias expansion: while above zero, locations are not recorded. */
  private insideAlias = 0;
  private depthReported = false;
  /** What each alias refers to, found in one pass on the first alias (see `targetOf`). */
  private aliasTargets: Map<Alias, YamlNode> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    readonly sourceMap: SourceMap,
  ) {}

  convert(node: YamlNode | null, pointer: string, depth: number, key?: TextRange): unknown {
    if (node === null) return null;
    const range = rangeOfNode(node);
    if (this.insideAlias === 0) this.sourceMap.set(pointer, key ? { key, value: range } : { value: range });
    else if (--this.aliasBudget < 0) return null;

    if (depth > LIMITS.nestingDepth) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.report(`Nested more than ${LIMITS.nestingDepth} levels deep; deeper content is ignored.`, range);
      }
      return null;
    }

    if (yaml().isAlias(node)) return this.convertAlias(node, pointer, depth, range);
    if (yaml().isScalar(node)) return scalarValue(node.value);
    if (this.ancestors.has(node)) return null;
    this.ancestors.add(node);
    try {
      if (yaml().isMap(node)) return this.convertMap(node, pointer, depth);
      if (yaml().isSeq(node)) return node.items.map((item, i) => this.convert(item as YamlNode | null, `${pointer}/${i}`, depth + 1));
      return null;
    } finally {
      this.ancestors.delete(node);
    }
  }

  private convertAlias(node: Alias, pointer: string, depth: number, range: TextRange): unknown {
    const target = this.targetOf(node);
    if (!target) {
      this.report(`The alias \`*${node.source}\` refers to no anchor.`, range);
      return null;
    }
    if (this.ancestors.has(target)) {
      this.report(`The alias \`*${node.source}\` refers to a node that contains it; circular data is not allowed.`, range);
      return null;
    }
    this.insideAlias++;
    const before = this.aliasBudget;
    try {
      const value = this.convert(target, pointer, depth);
      if (this.aliasBudget < 0 && before >= 0) {
        this.report(`Aliases expand to more than ${LIMITS.aliasExpansion} values (an alias bomb?); the expansion stops here.`, range);
      }
      return this.aliasBudget < 0 ? null : value;
    } finally {
      this.insideAlias--;
    }
  }

  /**
   * The node an alias refers to: the last node before it, in document order, that has its
   * anchor. `Alias.resolve` walks the whole document for each alias, which made 8,000 aliases
   * take over a minute; one walk that records every alias's target gives the same answer.
   */
  private targetOf(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode>();
      const anchors = new Map<string, YamlNode>();
      yaml().visit(this.doc, {
        Node: (_key, node) => {
          if (yaml().isAlias(node)) {
            const target = anchors.get(node.source);
            if (target) targets.set(node, target);
          } else if (node.anchor) {
            anchors.set(node.anchor, node as YamlNode);
          }
        },
      });
      this.aliasTargets = targets;
    }
    return this.aliasTargets.get(alias);
  }

  private convertMap(node: YamlNode & { items: unknown[] }, pointer: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!yaml().isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      let key: string;
      if (keyNode === null) key = '';
      else if (yaml().isScalar(keyNode)) key = String(scalarValue(keyNode.value));
      else {
        this.report('Keys must be plain text; this key is a map, a list or an alias.', rangeOfNode(keyNode));
        continue;
      }
      const keyRange = keyNode ? rangeOfNode(keyNode) : rangeOfNode(pair.value as YamlNode);
      if (seen.has(key)) {
        if (this.insideAlias === 0) this.report(`Duplicate key \`${key}\`: only the first one counts.`, keyRange);
        continue;
      }
      seen.add(key);
      const childPointer = `${pointer}/${escapeSegment(key)}`;
      const valueNode = pair.value as YamlNode | null;
      const value =
        valueNode === null
          ? (this.insideAlias === 0 && this.sourceMap.set(childPointer, { key: keyRange, value: { start: keyRange.end, end: keyRange.end } }), null)
          : this.convert(valueNode, childPointer, depth + 1, keyRange);
      // defineProperty keeps `__proto__` an own data property instead of a prototype change.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  private report(message: string, range: TextRange): void {
    this.findings.push(schemaFinding('error', message, range));
  }
}

function scalarValue(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Tagged oddities (!!binary, !!set contents…) are kept as text so the schema can name them.
  return String(value);
}

function rangeOfNode(node: YamlNode): TextRange {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: Math.max(r[0], r[1]) };
}

function anchorOf(doc: Document.Parsed, text: string): TextRange {
  const contents = doc.contents as YamlNode | null;
  if (contents && yaml().isMap(contents)) {
    const first = contents.items[0];
    if (first && yaml().isPair(first) && first.key) return rangeOfNode(first.key as YamlNode);
  }
  if (contents) return firstLine(text, rangeOfNode(contents).start);
  return firstLine(text, 0);
}

function cleanMessage(message: string): string {
  // The parser appends " at line N, column M"; the range already says where.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function schemaFinding(severity: 'error' | 'warning', message: string, range: TextRange): RawFinding {
  return { ruleId: 'schema', severity, message, range };
}

