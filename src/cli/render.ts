import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nameExists } from '../shared/nameExists';
import { findConfigFile } from '../core/config/findConfig';
import { createEngagementService } from '../core/service/engagementService';
import type { RenderArgs } from './args';
import { describeFsError } from '../shared/fsErrors';
import { readConfigFile } from './readConfigFile';
import { readTextFile } from '../shared/readTextFile';
import { findBrowser } from '../print/findBrowser';
import { printPdf } from '../print/printPdf';
import type { ExportConfig } from '../core/config/engagementConfig';
import { logoDataUri, MAX_LOGO_BYTES, type Brand } from '../core/render/branding';

export interface RenderOutcome {
  readonly stdout: string;
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

/**
 * `engagement render`: one file to a shareable HTML page or a Markdown summary, made by the
 * engagement service as the editor's export is (the settings are the file's
 * `.engagementrc.yaml` and `--today`; nothing else of a workspace is read).
 */
export async function runRender(args: RenderArgs, cwd: string): Promise<RenderOutcome> {
  const file = path.resolve(cwd, args.file);
  const decoded = readTextFile(file);
  if ('error' in decoded) return { stdout: '', stderr: [`${args.file}: ${decoded.error}`], exitCode: 2 };
  const configFile = findConfigFile(path.dirname(file), nameExists);
  let rules = {};
  let brand: Brand | undefined;
  let internal: readonly string[] = [];
  if (configFile) {
    const config = readConfigFile(configFile, cwd);
    if (config.problem) return { stdout: '', stderr: [config.problem], exitCode: 2 };
    rules = config.config.rules;
    const branded = args.format === 'md' ? {} : brandOf(config.config.export, configFile, cwd);
    if ('problem' in branded) return { stdout: '', stderr: [branded.problem], exitCode: 2 };
    brand = branded.brand;
    internal = config.config.export.internal ?? [];
  }
  const service = createEngagementService({
    findEngagementFiles: async () => [],
    readFile: async () => undefined,
    settingsFor: async () => ({ rules, today: args.today, exports: { internal } }),
    relativePath: () => args.file,
    pause: async () => undefined,
  });
  const document = { uri: pathToFileURL(file).href, version: 1, getText: () => decoded.text };
  const exported = await service.exportDocument(document, { format: args.format === 'md' ? 'md' : 'html', redact: args.redact, includeChecks: args.includeChecks, ...(brand ? { brand } : {}), ...(args.locale ? { locale: args.locale } : {}) });
  if ('error' in exported) {
    return { stdout: '', stderr: [`${args.file}: no readable engagement to render; run \`engagement lint ${args.file}\` to see why.`], exitCode: 1 };
  }
  let content: string | Buffer = exported.text;
  if (args.format === 'pdf') {
    const browser = findBrowser(args.browser);
    if ('problem' in browser) return { stdout: '', stderr: [browser.problem], exitCode: 2 };
    try {
      content = (await printPdf(exported.text, { browser: browser.path, paper: args.paper, orientation: args.orientation, running: exported.running })).pdf;
    } catch (err) {
      return { stdout: '', stderr: [`the browser at ${browser.path} could not print the PDF: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`], exitCode: 2 };
    }
  }
  if (!args.output) return { stdout: String(content), stderr: [], exitCode: 0 };
  const problem = writeOutput(file, path.resolve(cwd, args.output), content);
  return problem ? { stdout: '', stderr: [`${args.output}: ${problem}`], exitCode: 2 } : { stdout: '', stderr: [], exitCode: 0 };
}

/** The look `.engagementrc.yaml` gives exports: its logo read (relative to the file) and turned into data, and its accent. */
function brandOf(config: ExportConfig, configFile: string, cwd: string): { brand?: Brand } | { problem: string } {
  if (!config.logo && !config.accent) return {};
  let logo: string | undefined;
  if (config.logo) {
    const file = path.resolve(path.dirname(configFile), config.logo);
    const shown = path.relative(cwd, file) || file;
    let bytes: Buffer;
    try {
      if (fs.statSync(file).size > MAX_LOGO_BYTES) return { problem: `${shown}: the logo is larger than ${MAX_LOGO_BYTES / 1024} KB.` };
      bytes = fs.readFileSync(file);
    } catch (err) {
      return { problem: `${shown} (export.logo in ${path.relative(cwd, configFile) || configFile}): ${describeFsError(err)}` };
    }
    const converted = logoDataUri(bytes, file);
    if ('problem' in converted) return { problem: `${shown}: ${converted.problem}` };
    logo = converted.uri;
  }
  return { brand: { ...(logo ? { logo } : {}), ...(config.accent ? { accent: config.accent } : {}) } };
}

/**
 * Writes the export next to its target and renames it into place, so an interrupted run
 * leaves the old file or the new one, never half of one. Refuses to overwrite the engagement
 * itself (a slip of `-o` would lose it) and anything but a regular file: a pipe would block
 * the run, a device would take the page. Returns the problem in words, or undefined.
 */
function writeOutput(input: string, output: string, content: string | Buffer): string | undefined {
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(output);
  } catch {
    existing = undefined; // a new file
  }
  if (existing) {
    if (!existing.isFile()) return 'is not a regular file; name a file to write the export to.';
    const source = fs.statSync(input);
    if (existing.ino === source.ino && existing.dev === source.dev) return 'is the engagement being rendered; name another file for the export.';
  }
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    fs.renameSync(temporary, output);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    return describeFsError(err);
  }
  return undefined;
}
