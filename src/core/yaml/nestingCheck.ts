import { LIMITS } from './limits';
import { jsYamlLibrary } from './yamlLibrary';

/**
 * Where the text first nests deeper than the limit, if it does before any syntax error.
 * The full parser recurses once per level and runs out of stack at around 800 levels,
 * reporting that once per bracket; a file this deep is not an engagement, so it is told so
 * once, at the place, and not read further. js-yaml's event parser counts the depth for us.
 */
export function deepNestingAt(text: string): number | undefined {
  try {
    jsYamlLibrary().parseEvents(text, { maxDepth: LIMITS.nestingDepth + 1 });
    return undefined;
  } catch (err) {
    const reason = (err as { reason?: unknown }).reason;
    const position = (err as { mark?: { position?: unknown } }).mark?.position;
    return typeof reason === 'string' && /maxDepth/.test(reason) && typeof position === 'number' ? position : undefined;
  }
}
