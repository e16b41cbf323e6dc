import type { RawFinding } from '../types';
import { LIMITS } from './limits';
import { jsYamlLibrary } from './yamlLibrary';
import { firstLine, lineBound } from './lineBound';

/**
 * The check for a file too large for full analysis: its YAML syntax only. js-yaml's event
 * parser reads about 30 MB a second and builds no document, so even a 10 MB file is checked
 * in a fraction of a second with little memory, where the full parser would take seconds
 * and hundreds of megabytes. It stops at the first error, which is all a file this size
 * needs to be told.
 */
export function checkSyntaxOnly(text: string): RawFinding[] {
  const sizeNote: RawFinding = {
    ruleId: 'schema',
    severity: 'info',
    message:
      `This file has ${text.length.toLocaleString('en-US')} characters, more than the ${LIMITS.fullAnalysisChars.toLocaleString('en-US')} ` +
      'that are analyzed in full: only its YAML syntax is checked. Split it, or move bulky notes to other files.',
    range: firstLine(text, 0),
  };
  // A lone CR is a line break to editors, not to the parser; the swap keeps every offset.
  const lf = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  try {
    jsYamlLibrary().parseEvents(lf, { maxDepth: LIMITS.nestingDepth });
    return [sizeNote];
  } catch (err) {
    const mark = (err as { mark?: { position?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message : String(err));
    const at = typeof mark?.position === 'number' ? mark.position : 0;
    return [sizeNote, { ruleId: 'schema', severity: 'error', message: `Not valid YAML: ${reason}.`, range: lineBound(text, [at, at + 1]) }];
  }
}
