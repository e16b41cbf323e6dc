import type { ErrorObject } from 'ajv';
import { dayOf, type Day } from './model/dates';
import type { Engagement, Schedule } from './model/engagement';
import { normalize } from './model/normalize';
import { scheduleOf } from './model/schedule';
import { applyPolicy } from './policy';
import { FILE_RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { schemaFindings } from './schema/schemaFindings';
import { validateAgainstSchema } from './schema/validator';
import { withoutEmptyFields } from './schema/emptyFields';
import { invalidValuePaths, withoutInvalidValues } from './schema/invalidValues';
import { shapeProblems } from './shapeChecks';
import { collectSymbols, type SymbolEntry } from './symbols';
import { LineIndex } from './text/lineIndex';
import type { Finding, RawFinding, RuleSettings, TextRange } from './types';
import { checkSyntaxOnly } from './yaml/checkSyntaxOnly';
import { LIMITS } from './yaml/limits';
import { parseYaml, type ParsedYaml } from './yaml/parseYaml';
import { pointerOf, SourceMap } from './yaml/sourceMap';

export interface AnalyzeOptions {
  /** The day the analysis is about (`YYYY-MM-DD`); defaults to the current date. */
  readonly today?: string | Date;
  /** Severity per rule id, or `off`: from `.engagementrc.yaml` and editor settings. */
  readonly rules?: RuleSettings;
  /**
   * Reads the YAML with the full parser even when the fast path could: the fast path's
   * equivalence tests compare the two, and it helps to rule the fast path out when in doubt.
   */
  readonly fullParser?: boolean;
  /**
   * `false` leaves `declarations` and `references` empty: only the editor's navigation uses
   * them, and locating every id costs a command-line run about a twentieth of its time. The
   * source map is then also deferred: it records the top level, and the rest only when a
   * finding or a view needs it.
   */
  readonly locateSymbols?: boolean;
  /**
   * For `outline` only: read of the model just what a card reads (see `readCard` in
   * card.ts), leaving the other sections empty. About half the work of the model.
   */
  readonly forCard?: boolean;
}

/** A declared id or a reference, with where it is written. */
export interface LocatedSymbol extends SymbolEntry {
  readonly range: TextRange;
}

export interface Analysis {
  /** The engagement as far as it could be read; `undefined` when the root is not a map. */
  readonly model: Engagement | undefined;
  readonly findings: readonly Finding[];
  readonly declarations: readonly LocatedSymbol[];
  readonly references: readonly LocatedSymbol[];
  readonly schedule: Schedule | undefined;
  readonly today: Day;
  readonly lines: LineIndex;
  readonly sourceMap: SourceMap;
  /** True when the text is not valid YAML: only syntax findings were computed. */
  readonly syntaxBroken: boolean;
}

/** Analysis before configuration and suppression; the workspace analysis adds to it. */
export interface RawAnalysis extends Omit<Analysis, 'findings'> {
  readonly rawFindings: RawFinding[];
}

/**
 * Analyzes one engagement file's text. Never throws: whatever the text, the result has
 * findings that explain what is wrong, placed on the tightest range.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const raw = analyzeRaw(text, options);
  return finish(raw, text, options.rules);
}

export function finish(raw: RawAnalysis, text: string, rules: RuleSettings | undefined): Analysis {
  const { rawFindings, ...rest } = raw;
  return { ...rest, findings: applyPolicy(rawFindings, text, raw.lines, rules) };
}

export function analyzeRaw(text: string, options: AnalyzeOptions = {}): RawAnalysis {
  try {
    return analyzeUnguarded(text, options);
  } catch (err) {
    // The last guard of "never throws": a bug becomes a finding, not a crashed editor or CI run.
    const lines = new LineIndex(text);
    const range = { start: 0, end: lines.lineEnd(0) };
    const message = `Internal error while analyzing this file: ${err instanceof Error ? err.message : String(err)}`;
    return {
      model: undefined,
      rawFindings: [{ ruleId: 'schema', severity: 'error', message, range }],
      declarations: [],
      references: [],
      schedule: undefined,
      today: dayOf(options.today),
      lines,
      sourceMap: new SourceMap(range),
      syntaxBroken: true,
    };
  }
}

/**
 * What the views need of a file before its findings: the model, its schedule and where
 * things are written, read the way `analyze` reads them. Nothing is checked: `findings` is
 * empty even where the text has syntax errors (`syntaxBroken` says so). Reading a workspace,
 * the tree and the portfolio rule can start from outlines while the checks follow.
 */
export function outline(text: string, options: Pick<AnalyzeOptions, 'today' | 'fullParser' | 'forCard'> = {}): Analysis {
  let reading: Reading;
  try {
    reading = read(text, { ...options, locateSymbols: false });
  } catch {
    // `analyze` turns the same failure into a finding; an outline only has nothing to show.
    const lines = new LineIndex(text);
    reading = { base: { today: dayOf(options.today), lines, sourceMap: new SourceMap({ start: 0, end: lines.lineEnd(0) }), syntaxBroken: true }, findings: [] };
  }
  const { base, model, schedule } = reading;
  return { ...base, model, schedule, findings: [], declarations: [], references: [] };
}

/** How far reading a text got: parsed (unless too long), and a model when the root was a map. */
interface Reading {
  readonly base: Pick<RawAnalysis, 'today' | 'lines' | 'sourceMap' | 'syntaxBroken'>;
  /** Syntax and structure findings, or why there is no model. */
  readonly findings: RawFinding[];
  readonly parsed?: ParsedYaml;
  /** What the schema says of the parsed value: the findings' source, and what the model leaves out. */
  readonly schemaErrors?: ErrorObject[];
  readonly model?: Engagement;
  readonly schedule?: Schedule;
}

/** The part of an analysis that outlines share: parse, then the model and its schedule. */
function read(text: string, options: AnalyzeOptions): Reading {
  const today = dayOf(options.today);
  const lines = new LineIndex(text);
  if (text.length > LIMITS.fullAnalysisChars) {
    const findings = checkSyntaxOnly(text);
    const syntaxBroken = findings.some((f) => f.severity === 'error');
    return { base: { today, lines, sourceMap: new SourceMap(findings[0]!.range), syntaxBroken }, findings };
  }
  const parsed = parseYaml(text, { fastPath: options.fullParser !== true, deferSourceMap: options.locateSymbols === false });
  const findings: RawFinding[] = [...parsed.syntaxErrors];
  const syntaxBroken = parsed.syntaxErrors.some((f) => f.severity === 'error');
  const base = { today, lines, sourceMap: parsed.sourceMap, syntaxBroken };
  // A broken document reads as something else than what the person meant: report the
  // syntax errors alone rather than a cascade of schema findings about the misreading.
  if (syntaxBroken) return { base, findings };
  findings.push(...parsed.structureFindings);
  if (parsed.value === undefined || parsed.value === null) {
    findings.push({ ruleId: 'schema', severity: 'error', message: 'The file is empty: an engagement starts with `format: engagement/v1`.', range: parsed.rootAnchor });
    return { base, findings };
  }
  // The model holds only what the schema accepts: a rejected value is reported once, by the
  // schema, and sizes nothing (a plan of ten million days, a KPI at 1e308); the rules see it
  // as absent, and `invalidPaths` tells them it was written. Outlines read the same model,
  // so the tree and the portfolio agree with the checks.
  const data = withoutEmptyFields(parsed.value);
  const schemaErrors = validateAgainstSchema(data);
  const rejected = invalidValuePaths(schemaErrors);
  const model = rejected.length === 0 ? normalize(data, options.forCard === true) : withInvalidPaths(normalize(withoutInvalidValues(data, rejected), options.forCard === true), rejected);
  return { base, findings, parsed, schemaErrors, model, schedule: model && scheduleOf(model) };
}

function analyzeUnguarded(text: string, options: AnalyzeOptions): RawAnalysis {
  const { base, findings, parsed, schemaErrors, model, schedule } = read(text, options);
  const unchecked = (): RawAnalysis => ({ ...base, model: undefined, rawFindings: findings, declarations: [], references: [], schedule: undefined });
  if (!parsed) return unchecked();
  // Schema findings come before the rules'.
  findings.push(...schemaFindings(schemaErrors ?? [], parsed.sourceMap));
  if (!model || !schedule) return unchecked();
  for (const problem of shapeProblems(parsed.value, model)) {
    findings.push({ ruleId: 'schema', severity: 'error', message: problem.message, range: parsed.sourceMap.range(problem.path) });
  }

  const symbols = collectSymbols(model);
  const disabled = options.rules ?? {};
  for (const rule of FILE_RULES) {
    if (disabled[rule.id] === 'off') continue;
    const context: RuleContext = {
      model,
      schedule,
      symbols,
      report(at, message, reportOptions) {
        const range = parsed.sourceMap.range(at, reportOptions?.part ?? 'value');
        findings.push({ ruleId: rule.id, severity: reportOptions?.severity ?? rule.defaultSeverity, message, range });
      },
    };
    try {
      rule.check(context);
    } catch (err) {
      // A rule bug must not take the other findings down with it; say so where it can be seen.
      findings.push({ ruleId: rule.id, severity: 'error', message: `Internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`, range: parsed.rootAnchor });
    }
  }

  const locate = (entry: SymbolEntry): LocatedSymbol => new LazilyLocated(entry, parsed.sourceMap);
  const located = options.locateSymbols !== false;
  return {
    ...base,
    model,
    rawFindings: findings,
    declarations: located ? symbols.declarations.map(locate) : [],
    references: located ? symbols.references.map(locate) : [],
    schedule,
  };
}

/**
 * A symbol whose range is looked up the first time it is read. Diagnostics, on every
 * keystroke, never read it; navigation reads them all once. Looking every range up at once
 * was a tenth of a small file's analysis.
 */
class LazilyLocated implements LocatedSymbol {
  readonly kind: SymbolEntry['kind'];
  readonly id: string;
  readonly path: SymbolEntry['path'];
  readonly onKey: boolean;
  readonly scope?: string;
  readonly #sourceMap: SourceMap;
  #range: TextRange | undefined;

  constructor(entry: SymbolEntry, sourceMap: SourceMap) {
    this.kind = entry.kind;
    this.id = entry.id;
    this.path = entry.path;
    this.onKey = entry.onKey;
    if (entry.scope !== undefined) this.scope = entry.scope;
    this.#sourceMap = sourceMap;
  }

  get range(): TextRange {
    return (this.#range ??= this.#sourceMap.range(this.path, this.onKey ? 'key' : 'value'));
  }
}

/** The model with the pointers of the values the schema rejected (`/kpis/0/baseline`). */
function withInvalidPaths(model: Engagement | undefined, rejected: readonly string[][]): Engagement | undefined {
  return model && { ...model, invalidPaths: new Set(rejected.map(pointerOf)) };
}
