import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, dayOf, findConfigFile, parseConfig, renderHtmlDocument, renderMarkdown } from '../core';
import type { RenderArgs } from './args';
import { describeFsError } from './findFiles';
import { decodeUtf8 } from './readText';

export interface RenderOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/** `engagement render`: one file to a shareable HTML page or a Markdown summary. */
export function runRender(args: RenderArgs, cwd: string): RenderOutcome {
  const file = path.resolve(cwd, args.file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { stdout: '', stderr: [`${args.file}: ${describeFsError(err)}`], exitCode: 2 };
  }
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { stdout: '', stderr: [`${args.file}: ${decoded.error}`], exitCode: 2 };
  const configFile = findConfigFile(path.dirname(file), (candidate) => fs.existsSync(candidate));
  const rules = configFile ? parseConfig(fs.readFileSync(configFile, 'utf8')).rules : {};
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
