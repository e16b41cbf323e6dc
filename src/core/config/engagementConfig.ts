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
  /** Problems in the configuration file itself (rule id `config`), placed in that file. */
  readonly findings: readonly Finding[];
  /** True when the file is not valid YAML, so none of its settings could be read. */
  readonly broken: boolean;
}

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** Reads `.engagementrc.yaml` text: `rules: { <rule-id>: error | warning | info | off }`. */
export function parseConfig(text: string): EngagementConfig {
  const parsed = parseYaml(text);
  const findings: Finding[] = [...parsed.syntaxErrors, ...parsed.structureFindings].map((f) => ({ ...f, ruleId: 'config' }));
  // Only catalog rule ids are stored, so no key can reach the prototype.
  const rules: Record<string, RuleSetting> = {};
  const report = (pointer: string, part: 'key' | 'value', message: string, suggestion?: string): void => {
    const range = parsed.sourceMap.rangeOf(pointer, part);
    findings.push(suggestion ? { ruleId: 'config', severity: 'error', message, range, suggestion } : { ruleId: 'config', severity: 'error', message, range });
  };
  if (findings.some((f) => f.severity === 'error')) return { rules, findings, broken: parsed.syntaxErrors.some((f) => f.severity === 'error') };

  const root = parsed.value;
  if (root === undefined || root === null) return { rules, findings, broken: false };
  if (typeof root !== 'object' || Array.isArray(root)) {
    report('', 'value', 'The configuration must be a map with a `rules` key.');
    return { rules, findings, broken: false };
  }
  for (const key of Object.keys(root)) {
    if (key !== 'rules') report(`/${key}`, 'key', `Unknown key \`${key}\` in ${CONFIG_FILE_NAME}; the only key is \`rules\`.`, closest(key, ['rules']));
  }
  const ruleMap = (root as Record<string, unknown>).rules;
  if (ruleMap === undefined || ruleMap === null) return { rules, findings, broken: false };
  if (typeof ruleMap !== 'object' || Array.isArray(ruleMap)) {
    report('/rules', 'value', '`rules` must map rule ids to error, warning, info or off.');
    return { rules, findings, broken: false };
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
  return { rules, findings: capFindings(findings, 'config'), broken: false };
}

