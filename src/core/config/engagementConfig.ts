import { CHANGE_KINDS, isChangeKind } from '../diff/changeKinds';
import { ACCENT } from '../render/branding';
import { normalizeWho } from '../executiveIdentity';
import type { ChangeLevels } from '../diff/semanticDiff';
import { capFindings } from '../policy';
import { LIMITS } from '../yaml/limits';
import { escapeSegment } from '../yaml/sourceMap';
import { isRuleId, RULE_CATALOG } from '../rules';
import { closest } from '../schema/closest';
import { redactionProblem } from '../render/redactableFields';
import type { Finding, RuleSetting, RuleSettings } from '../types';
import { parseYaml } from '../yaml/parseYaml';

/** Name of the per-repository configuration file, found by walking up from a file. */
export const CONFIG_FILE_NAME = '.engagementrc.yaml';

export interface EngagementConfig {
  readonly rules: RuleSettings;
  /** Levels of the semantic diff's change kinds (`diff: { levels: { kpi-added: notable } }`), over the defaults. */
  readonly changeLevels: ChangeLevels;
  /** Days a week each executive can give, for the portfolio (`capacity: { default: 5, executives: { <email or name>: 4 } }`). */
  readonly capacity: CapacityConfig;
  /** The consultancy's look on exports: a logo file (relative to the configuration file) and an accent colour. */
  readonly export: ExportConfig;
  /** Problems in the configuration file itself (rule id `config`), placed in that file. */
  readonly findings: readonly Finding[];
  /** True when the file is not valid YAML, so none of its settings could be read. */
  readonly broken: boolean;
}

/** Days a week of capacity: a default, and per executive by e-mail or name (kept lower-case). */
export interface CapacityConfig {
  readonly default?: number;
  readonly executives: Readonly<Record<string, number>>;
}

export interface ExportConfig {
  readonly logo?: string;
  readonly accent?: string;
  /** Fields kept from the client (`access.financials`, `kpis.*.source`), removed by `--redact internal`. */
  readonly internal?: readonly string[];
}

/** The bounds of a capacity, in days a week. */
export const CAPACITY_RANGE = { min: 0.5, max: 7 } as const;

/** Reports a problem at a place of the configuration file. */
type Report = (pointer: string, part: 'key' | 'value', message: string, suggestion?: string) => void;

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];
const CHANGE_SETTINGS = ['breaking', 'notable', 'info', 'off'] as const;
const KEYS = ['rules', 'diff', 'capacity', 'export'];

/**
 * Reads `.engagementrc.yaml` text: `rules: { <rule-id>: error | warning | info | off }`,
 * `diff: { levels: { <change-kind>: breaking | notable | info | off } }` and
 * `capacity: { default: <days a week>, executives: { <email or name>: <days a week> } }`.
 */
export function parseConfig(text: string): EngagementConfig {
  const parsed = parseYaml(text);
  const findings: Finding[] = [...parsed.syntaxErrors, ...parsed.structureFindings].map((f) => ({ ...f, ruleId: 'config' }));
  // Only catalog rule ids are stored, so no key can reach the prototype.
  const rules: Record<string, RuleSetting> = {};
  // Only catalog kinds are stored, as for rules.
  const changeLevels: Record<string, ChangeLevels[keyof ChangeLevels]> = {};
  // A map without a prototype: executives' keys are data from the file.
  const capacity: { default?: number; executives: Record<string, number> } = { executives: Object.create(null) as Record<string, number> };
  const exported: { logo?: string; accent?: string; internal?: string[] } = {};
  const report: Report = (pointer, part, message, suggestion) => {
    const range = parsed.sourceMap.rangeOf(pointer, part);
    findings.push(suggestion ? { ruleId: 'config', severity: 'error', message, range, suggestion } : { ruleId: 'config', severity: 'error', message, range });
  };
  if (findings.some((f) => f.severity === 'error')) return { rules, changeLevels, capacity, export: exported, findings, broken: parsed.syntaxErrors.some((f) => f.severity === 'error') };

  const root = parsed.value;
  if (root === undefined || root === null) return { rules, changeLevels, capacity, export: exported, findings, broken: false };
  if (typeof root !== 'object' || Array.isArray(root)) {
    report('', 'value', 'The configuration must be a map with a `rules` key.');
    return { rules, changeLevels, capacity, export: exported, findings, broken: false };
  }
  for (const key of Object.keys(root)) {
    if (!KEYS.includes(key)) report(`/${key}`, 'key', `Unknown key \`${key}\` in ${CONFIG_FILE_NAME}; the keys are \`rules\`, \`diff\`, \`capacity\` and \`export\`.`, closest(key, KEYS));
  }
  readChangeLevels((root as Record<string, unknown>).diff, changeLevels, report);
  readCapacity((root as Record<string, unknown>).capacity, capacity, report);
  readExport((root as Record<string, unknown>).export, exported, report);
  readRules((root as Record<string, unknown>).rules, rules, findings, report);
  findings.sort((a, b) => a.range.start - b.range.start);
  return { rules, changeLevels, capacity, export: exported, findings: capFindings(findings, 'config'), broken: false };
}

/** `rules: { <rule-id>: error | warning | info | off }`, each problem reported where it is written. */
function readRules(ruleMap: unknown, rules: Record<string, RuleSetting>, findings: readonly Finding[], report: Report): void {
  if (ruleMap === undefined || ruleMap === null) return;
  if (typeof ruleMap !== 'object' || Array.isArray(ruleMap)) return report('/rules', 'value', '`rules` must map rule ids to error, warning, info or off.');
  const ids = RULE_CATALOG.map((r) => r.id);
  for (const [id, setting] of Object.entries(ruleMap as Record<string, unknown>)) {
    const pointer = `/rules/${escapeSegment(id)}`;
    if (!isRuleId(id)) {
      // Only the first findings are shown (capFindings): a guess for the others is work for nothing.
      const guess = findings.length < LIMITS.findingsPerFile ? closest(id, ids) : undefined;
      report(pointer, 'key', `Unknown rule \`${id}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`, guess);
      continue;
    }
    if (typeof setting !== 'string' || !(SETTINGS as readonly string[]).includes(setting)) {
      report(pointer, 'value', `The setting of \`${id}\` must be one of: ${SETTINGS.join(', ')}.`);
      continue;
    }
    rules[id] = setting as RuleSetting;
  }
}

/** `diff: { levels: { <kind>: level } }`, each problem reported where it is written. */
function readChangeLevels(diff: unknown, levels: Record<string, ChangeLevels[keyof ChangeLevels]>, report: Report): void {
  if (diff === undefined || diff === null) return;
  if (typeof diff !== 'object' || Array.isArray(diff)) return report('/diff', 'value', '`diff` must be a map with a `levels` key.');
  for (const key of Object.keys(diff)) if (key !== 'levels') report(`/diff/${escapeSegment(key)}`, 'key', `Unknown key \`${key}\` under \`diff\`; the only key is \`levels\`.`, closest(key, ['levels']));
  const map = (diff as Record<string, unknown>).levels;
  if (map === undefined || map === null) return;
  if (typeof map !== 'object' || Array.isArray(map)) return report('/diff/levels', 'value', '`diff.levels` must map change kinds to breaking, notable, info or off.');
  const kinds = Object.keys(CHANGE_KINDS);
  for (const [kind, level] of Object.entries(map as Record<string, unknown>)) {
    const pointer = `/diff/levels/${escapeSegment(kind)}`;
    if (!isChangeKind(kind)) {
      const guess = closest(kind, kinds);
      report(pointer, 'key', `Unknown change kind \`${kind}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`, guess);
    } else if (typeof level !== 'string' || !(CHANGE_SETTINGS as readonly string[]).includes(level)) {
      report(pointer, 'value', `The level of \`${kind}\` must be one of: ${CHANGE_SETTINGS.join(', ')}.`);
    } else {
      levels[kind] = level as ChangeLevels[keyof ChangeLevels];
    }
  }
}


/** `capacity: { default, executives: { <email or name>: days } }`, each problem reported where it is written. */
function readCapacity(value: unknown, capacity: { default?: number; executives: Record<string, number> }, report: Report): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) return report('/capacity', 'value', '`capacity` must be a map with `default` and `executives` keys.');
  const days = (v: unknown, pointer: string, what: string): number | undefined => {
    if (typeof v === 'number' && v >= CAPACITY_RANGE.min && v <= CAPACITY_RANGE.max) return v;
    report(pointer, 'value', `${what} must be a number of days a week from ${CAPACITY_RANGE.min} to ${CAPACITY_RANGE.max}.`);
    return undefined;
  };
  for (const key of Object.keys(value)) if (key !== 'default' && key !== 'executives') report(`/capacity/${escapeSegment(key)}`, 'key', `Unknown key \`${key}\` under \`capacity\`; the keys are \`default\` and \`executives\`.`, closest(key, ['default', 'executives']));
  const map = value as Record<string, unknown>;
  if (map.default !== undefined) capacity.default = days(map.default, '/capacity/default', '`capacity.default`');
  const executives = map.executives;
  if (executives === undefined || executives === null) return;
  if (typeof executives !== 'object' || Array.isArray(executives)) return report('/capacity/executives', 'value', '`capacity.executives` must map an executive\'s e-mail (or name) to days a week.');
  for (const [who, v] of Object.entries(executives as Record<string, unknown>)) {
    const given = days(v, `/capacity/executives/${escapeSegment(who)}`, `The capacity of \`${who}\``);
    if (given !== undefined) capacity.executives[normalizeWho(who)] = given;
  }
}

const EXPORT_KEYS = ['logo', 'accent', 'internal'];

/** `export: { logo: <file>, accent: <#rrggbb>, internal: [<field>…] }`, each problem reported where it is written. */
function readExport(value: unknown, out: { logo?: string; accent?: string; internal?: string[] }, report: Report): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) return report('/export', 'value', '`export` must be a map with `logo`, `accent` and `internal` keys.');
  for (const key of Object.keys(value)) if (!EXPORT_KEYS.includes(key)) report(`/export/${escapeSegment(key)}`, 'key', `Unknown key \`${key}\` under \`export\`; the keys are \`logo\`, \`accent\` and \`internal\`.`, closest(key, EXPORT_KEYS));
  const map = value as Record<string, unknown>;
  if (map.logo !== undefined) {
    if (typeof map.logo !== 'string' || !/\.(png|jpe?g|svg)$/i.test(map.logo) || /^[a-z][a-z0-9+.-]*:/i.test(map.logo)) report('/export/logo', 'value', '`export.logo` must name a PNG, JPEG or SVG file beside this one (a path, not a URL: nothing is fetched).');
    else out.logo = map.logo;
  }
  if (map.accent !== undefined) {
    if (typeof map.accent !== 'string' || !ACCENT.test(map.accent)) report('/export/accent', 'value', '`export.accent` must be a colour as #rrggbb (or #rgb).');
    else out.accent = map.accent;
  }
  if (map.internal !== undefined) {
    if (!Array.isArray(map.internal)) return report('/export/internal', 'value', '`export.internal` must be a list of field paths, e.g. `[access.financials, kpis.*.source]`.');
    const internal: string[] = [];
    map.internal.forEach((field: unknown, index) => {
      const problem = typeof field !== 'string' ? 'each item of `export.internal` is a field path, e.g. `access.financials`.' : field === 'internal' ? '`internal` cannot be one of its own fields.' : redactionProblem(field);
      if (problem) report(`/export/internal/${index}`, 'value', problem);
      else internal.push(field as string);
    });
    out.internal = internal;
  }
}
