import { CHANGE_KINDS, isChangeKind } from '../diff/changeKinds';
import type { ChangeLevels } from '../diff/semanticDiff';
import { capFindings } from '../policy';
import { LIMITS } from '../yaml/limits';
import { escapeSegment } from '../yaml/sourceMap';
import { isRuleId, RULE_CATALOG } from '../rules';
import { closest } from '../schema/closest';
import type { Finding, RuleSetting, RuleSettings } from '../types';
import { parseYaml } from '../yaml/parseYaml';

/** Name of the per-repository configuration file, found by walking up from a file. */
export const CONFIG_FILE_NAME = '.engagementrc.yaml';

export interface EngagementConfig {
  readonly rules: RuleSettings;
  /** Levels of the semantic diff's change kinds (`diff: { levels: { kpi-added: notable } }`), over the defaults. */
  readonly changeLevels: ChangeLevels;
  /** Problems in the configuration file itself (rule id `config`), placed in that file. */
  readonly findings: readonly Finding[];
  /** True when the file is not valid YAML, so none of its settings could be read. */
  readonly broken: boolean;
}

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];
const CHANGE_SETTINGS = ['breaking', 'notable', 'info', 'off'] as const;
const KEYS = ['rules', 'diff'];

/**
 * Reads `.engagementrc.yaml` text: `rules: { <rule-id>: error | warning | info | off }` and
 * `diff: { levels: { <change-kind>: breaking | notable | info | off } }`.
 */
export function parseConfig(text: string): EngagementConfig {
  const parsed = parseYaml(text);
  const findings: Finding[] = [...parsed.syntaxErrors, ...parsed.structureFindings].map((f) => ({ ...f, ruleId: 'config' }));
  // Only catalog rule ids are stored, so no key can reach the prototype.
  const rules: Record<string, RuleSetting> = {};
  // Only catalog kinds are stored, as for rules.
  const changeLevels: Record<string, ChangeLevels[keyof ChangeLevels]> = {};
  const report = (pointer: string, part: 'key' | 'value', message: string, suggestion?: string): void => {
    const range = parsed.sourceMap.rangeOf(pointer, part);
    findings.push(suggestion ? { ruleId: 'config', severity: 'error', message, range, suggestion } : { ruleId: 'config', severity: 'error', message, range });
  };
  if (findings.some((f) => f.severity === 'error')) return { rules, changeLevels, findings, broken: parsed.syntaxErrors.some((f) => f.severity === 'error') };

  const root = parsed.value;
  if (root === undefined || root === null) return { rules, changeLevels, findings, broken: false };
  if (typeof root !== 'object' || Array.isArray(root)) {
    report('', 'value', 'The configuration must be a map with a `rules` key.');
    return { rules, changeLevels, findings, broken: false };
  }
  for (const key of Object.keys(root)) {
    if (!KEYS.includes(key)) report(`/${key}`, 'key', `Unknown key \`${key}\` in ${CONFIG_FILE_NAME}; the keys are \`rules\` and \`diff\`.`, closest(key, KEYS));
  }
  readChangeLevels((root as Record<string, unknown>).diff, changeLevels, report);
  const ruleMap = (root as Record<string, unknown>).rules;
  if (ruleMap === undefined || ruleMap === null) return { rules, changeLevels, findings, broken: false };
  if (typeof ruleMap !== 'object' || Array.isArray(ruleMap)) {
    report('/rules', 'value', '`rules` must map rule ids to error, warning, info or off.');
    return { rules, changeLevels, findings, broken: false };
  }
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
  findings.sort((a, b) => a.range.start - b.range.start);
  return { rules, changeLevels, findings: capFindings(findings, 'config'), broken: false };
}

/** `diff: { levels: { <kind>: level } }`, each problem reported where it is written. */
function readChangeLevels(diff: unknown, levels: Record<string, ChangeLevels[keyof ChangeLevels]>, report: (pointer: string, part: 'key' | 'value', message: string, suggestion?: string) => void): void {
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

