import { portfolioFindings, type PortfolioInput } from '../portfolio';
import { applyPolicy } from '../policy';
import type { LineIndex } from '../text/lineIndex';
import type { Finding, RawFinding } from '../types';
import type { AnalysisSettings } from './documentAnalyses';

/** Portfolio findings as last applied to a file, reused while nothing they depend on changed. */
export interface AppliedPortfolio {
  readonly key: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

interface PortfolioFile {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineIndex;
}

/**
 * The findings that need every file, per file URI, with each file's settings and suppression
 * comments applied. `applied` keeps what was applied last time: applying reads a file's
 * text, so it is redone only where the findings or the text changed.
 */
export function policyApplied(
  files: readonly PortfolioFile[],
  inputs: readonly { path: string; analysis: PortfolioInput }[],
  settings: readonly AnalysisSettings[],
  applied: Map<string, AppliedPortfolio>,
): Map<string, readonly Finding[]> {
  const raw = portfolioFindings(inputs);
  const result = new Map<string, readonly Finding[]>();
  files.forEach((file, index) => {
    const findings: RawFinding[] | undefined = raw.get(index);
    if (!findings) {
      applied.delete(file.uri);
      return;
    }
    const key = findings.map((f) => `${f.range.start}:${f.range.end}:${f.message}`).join('\n');
    let done = applied.get(file.uri);
    if (done?.key !== key || done.text !== file.text) {
      done = { key, text: file.text, findings: applyPolicy(findings, file.text, file.lines, settings[index]!.rules) };
      applied.set(file.uri, done);
    }
    result.set(file.uri, done.findings);
  });
  return result;
}
