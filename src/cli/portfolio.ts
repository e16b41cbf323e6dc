import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../core/analyze';
import { cardOf } from '../core/card';
import { dayOf } from '../core/model/dates';
import { buildPortfolio, type PortfolioSource } from '../core/portfolioModel/buildPortfolio';
import { renderPortfolioPage } from '../core/render/portfolioPage';
import { renderPortfolioMarkdown } from '../core/render/portfolioMarkdown';
import { readTextFile } from '../shared/readTextFile';
import type { PortfolioArgs } from './args';
import { ConfigCache } from './configCache';
import { findFiles } from './findFiles';
import { formatPortfolioStylish } from './formatters/portfolioStylish';

export interface PortfolioOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 2;
}

/**
 * `engagement portfolio [paths…]`: the portfolio of the engagement files found, on a day.
 * Each file is analyzed once (its card and its error count come from the same analysis);
 * each executive's capacity comes from the `.engagementrc.yaml` above their files. A file
 * that cannot be read is reported, and the portfolio is made of the others (exit code 2).
 */
export function runPortfolio(args: PortfolioArgs, cwd: string): PortfolioOutcome {
  const stderr: string[] = [];
  const { files, problems } = findFiles(args.paths, cwd);
  stderr.push(...problems);
  const configs = new ConfigCache(cwd);
  const sources: PortfolioSource[] = [];
  for (const file of files) {
    const shown = path.relative(cwd, file) || file;
    const read = readTextFile(file);
    if ('error' in read) {
      stderr.push(`${shown}: ${read.error}`);
      continue;
    }
    const config = configs.configFor(path.dirname(file), stderr);
    const analysis = analyze(read.text, { rules: config?.rules, today: args.today });
    const errors = analysis.findings.filter((f) => f.severity === 'error').length;
    sources.push({ uri: pathToFileURL(file).href, path: shown, card: cardOf(analysis), errors, ...(config ? { capacity: config.capacity } : {}) });
  }
  if (files.length === 0 && problems.length === 0) stderr.push('No engagement files found (*.engagement.yaml, *.engagement.yml).');
  const portfolio = buildPortfolio(sources, { today: dayOf(args.today), ...(args.weeks ? { weeksAhead: args.weeks } : {}), filter: args.executive ? { executive: args.executive } : {} });
  let stdout: string;
  switch (args.format) {
    case 'json':
      stdout = `${JSON.stringify(portfolio, null, 2)}\n`;
      break;
    case 'markdown':
      stdout = renderPortfolioMarkdown(portfolio, { locale: args.locale });
      break;
    case 'html':
      stdout = renderPortfolioPage(portfolio, { locale: args.locale });
      break;
    default:
      stdout = formatPortfolioStylish(portfolio, args.color);
  }
  return { stdout, stderr, exitCode: stderr.length ? 2 : 0 };
}
