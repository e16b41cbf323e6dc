import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, findConfigFile, LineIndex, parseConfig, type EngagementConfig, type RuleSettings } from '../core';
import type { LintArgs } from './args';
import { describeFsError, findFiles } from './findFiles';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { countBySeverity, toLintResult, type LintResult } from './lintResult';
import { decodeUtf8 } from './readText';

export interface LintOutcome {
  readonly stdout: string;
  /** Problems with the command or files, one clear line each. */
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/**
 * Lints files as CI does: every file is read and checked together (the portfolio rule needs
 * all of them); a file that cannot be read is reported and the others are still checked.
 */
export function runLint(args: LintArgs, cwd: string, version: string): LintOutcome {
  const stderr: string[] = [];
  const { files, problems } = findFiles(args.paths, cwd);
  stderr.push(...problems);

  const configs = new ConfigCache();
  const inputs: { path: string; text: string; rules: RuleSettings }[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      stderr.push(`${path.relative(cwd, file) || file}: ${describeFsError(err)}`);
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if ('error' in decoded) {
      stderr.push(`${path.relative(cwd, file)}: ${decoded.error}`);
      continue;
    }
    inputs.push({ path: file, text: decoded.text, rules: configs.rulesFor(path.dirname(file), stderr) });
  }

  const analyses = analyzeWorkspace(
    inputs.map((input) => ({ path: path.relative(cwd, input.path), text: input.text, options: { rules: input.rules, today: args.today } })),
  );
  const results: LintResult[] = [...configs.results(), ...inputs.map((input, i) => toLintResult(input.path, analyses[i]!.findings, analyses[i]!.lines))];

  let stdout: string;
  switch (args.format) {
    case 'json':
      stdout = formatJson(results);
      break;
    case 'sarif':
      stdout = formatSarif(results, cwd, version);
      break;
    case 'github':
      stdout = formatGithub(results, cwd);
      break;
    default:
      stdout = formatStylish(results, cwd, args.color);
  }

  if (files.length === 0 && problems.length === 0) stderr.push('No engagement files found (*.engagement.yaml, *.engagement.yml).');
  const fileProblems = stderr.length > 0;
  const counts = countBySeverity(results);
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warning > args.maxWarnings;
  if (tooManyWarnings) stderr.push(`${counts.warning} warnings, more than --max-warnings ${args.maxWarnings}.`);
  const exitCode = fileProblems ? 2 : counts.error > 0 || tooManyWarnings ? 1 : 0;
  return { stdout, stderr, exitCode };
}

/** Finds and reads each folder's `.engagementrc.yaml` once, keeping its own findings. */
class ConfigCache {
  private readonly byFolder = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, { config: EngagementConfig; text: string }>();

  rulesFor(folder: string, stderr: string[]): RuleSettings {
    let file = this.byFolder.get(folder);
    if (!this.byFolder.has(folder)) {
      file = findConfigFile(folder, (candidate) => fs.existsSync(candidate));
      this.byFolder.set(folder, file);
    }
    if (file === undefined) return {};
    let entry = this.parsed.get(file);
    if (!entry) {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        stderr.push(`${file}: ${describeFsError(err)}`);
      }
      entry = { config: parseConfig(text), text };
      this.parsed.set(file, entry);
    }
    return entry.config.rules;
  }

  results(): LintResult[] {
    return [...this.parsed.entries()]
      .filter(([, entry]) => entry.config.findings.length > 0)
      .map(([file, entry]) => toLintResult(file, entry.config.findings, new LineIndex(entry.text)));
  }
}
