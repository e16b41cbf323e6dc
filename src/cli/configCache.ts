import type { EngagementConfig } from '../core/config/engagementConfig';
import { findConfigFile } from '../core/config/findConfig';
import { LineIndex } from '../core/text/lineIndex';
import type { RuleSettings } from '../core/types';
import { nameExists } from '../shared/nameExists';
import { toLintResult, type LintResult } from './lintResult';
import { readConfigFile, type ConfigFile } from './readConfigFile';

/** Finds and reads each folder's `.engagementrc.yaml` once, keeping its own findings. */
export class ConfigCache {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ConfigFile>();

  constructor(private readonly cwd: string) {}

  rulesFor(folder: string, stderr: string[]): RuleSettings {
    return this.configFor(folder, stderr)?.rules ?? {};
  }

  /** The settings of the `.engagementrc.yaml` nearest above `folder`, if there is one. */
  configFor(folder: string, stderr: string[]): EngagementConfig | undefined {
    let file = this.byFolder.get(folder);
    if (!this.byFolder.has(folder)) {
      file = findConfigFile(folder, nameExists);
      this.byFolder.set(folder, file);
    }
    if (file === undefined) return undefined;
    let entry = this.parsed.get(file);
    if (!entry) {
      entry = readConfigFile(file, this.cwd);
      if (entry.problem) stderr.push(entry.problem);
      this.parsed.set(file, entry);
    }
    return entry.config;
  }

  results(): LintResult[] {
    return [...this.parsed.entries()]
      .filter(([, entry]) => entry.config.findings.length > 0)
      .map(([file, entry]) => toLintResult(file, entry.config.findings, new LineIndex(entry.text)));
  }
}
