import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, dayOf, findConfigFile, renderHtmlDocument, renderMarkdown } from '../core';
import type { RenderArgs } from './args';
import { describeFsError } from '../shared/fsErrors';
import { readConfigFile } from './readConfigFile';
import { readTextFile } from '../shared/readTextFile';

export interface RenderOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/** `engagement render`: one file to a shareable HTML page or a Markdown summary. */
export function runRender(args: RenderArgs, cwd: string): RenderOutcome {
  const file = path.resolve(cwd, args.file);
  const decoded = readTextFile(file);
  if ('error' in decoded) return { stdout: '', stderr: [`${args.file}: ${decoded.error}`], exitCode: 2 };
  const configFile = findConfigFile(path.dirname(file), (candidate) => fs.existsSync(candidate));
  let rules = {};
  if (configFile) {
    const config = readConfigFile(configFile, cwd);
    if (config.problem) return { stdout: '', stderr: [config.problem], exitCode: 2 };
    rules = config.config.rules;
  }
  const analysis = analyze(decoded.text, { rules, today: args.today });
  if (!analysis.model) {
    return { stdout: '', stderr: [`${args.file}: no readable engagement to render; run \`engagement lint ${args.file}\` to see why.`], exitCode: 1 };
  }
  const options = { today: dayOf(args.today), redact: args.redact };
  const content = args.format === 'md' ? renderMarkdown(analysis, options) : renderHtmlDocument(analysis, options);
  if (!args.output) return { stdout: content, stderr: [], exitCode: 0 };
  try {
    fs.writeFileSync(path.resolve(cwd, args.output), content);
  } catch (err) {
    return { stdout: '', stderr: [`${args.output}: ${describeFsError(err)}`], exitCode: 2 };
  }
  return { stdout: '', stderr: [], exitCode: 0 };
}
