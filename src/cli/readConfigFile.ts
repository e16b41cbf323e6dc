import * as path from 'node:path';
import { parseConfig, type EngagementConfig } from '../core/config/engagementConfig';
import { readTextFile } from '../shared/readTextFile';

export interface ConfigFile {
  readonly config: EngagementConfig;
  readonly text: string;
  /** Why the file's settings could not be used at all: the run then exits with 2. */
  readonly problem?: string;
}

/**
 * Reads a `.engagementrc.yaml`. A file that cannot be read, or is not valid YAML, is a
 * problem with the run (its settings are ignored, the files are still linted with the
 * defaults); a wrong rule id or setting in a readable file is an ordinary finding in it.
 */
export function readConfigFile(file: string, cwd: string): ConfigFile {
  const shown = path.relative(cwd, file) || file;
  const read = readTextFile(file);
  if ('error' in read) return { config: parseConfig(''), text: '', problem: `${shown}: ${read.error} Its settings are ignored.` };
  const config = parseConfig(read.text);
  if (config.broken) {
    const line = read.text.slice(0, config.findings[0]?.range.start ?? 0).split(/\r\n|\r|\n/).length;
    return { config, text: read.text, problem: `${shown}: not valid YAML (line ${line}); its settings are ignored until it is fixed.` };
  }
  return { config, text: read.text };
}
