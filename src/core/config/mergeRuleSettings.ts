import { isRuleId } from '../rules';
import type { RuleSetting, RuleSettings } from '../types';

const SETTINGS: ReadonlySet<unknown> = new Set<RuleSetting>(['error', 'warning', 'info', 'off']);

/**
 * Rule settings from several layers (say `.engagementrc.yaml`, then the editor's settings),
 * later layers winning. Only known rule ids with a valid setting are kept: a settings file
 * is hand-written JSON, and a stray key (`__proto__` included) or a value such as `fatal`
 * must not reach a finding's severity or any prototype.
 */
export function mergeRuleSettings(...layers: readonly unknown[]): RuleSettings {
  const merged: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) continue;
    for (const id of Object.keys(layer)) {
      const setting = (layer as Record<string, unknown>)[id];
      if (isRuleId(id) && SETTINGS.has(setting)) merged[id] = setting as RuleSetting;
    }
  }
  return merged;
}
