import { DASH, DIGIT_0, DIGIT_9, DOT, PLUS } from './charCodes';

/**
 * How a plain (unquoted) scalar reads under the YAML 1.2 core schema, exactly as the `yaml`
 * package resolves it: the fast parser must give every value the full parser gives.
 */
export function resolvePlainScalar(source: string): null | boolean | number | string {
  if (source.length > 5) return looksNumeric(source) ? resolveNumber(source) : source;
  if (source === '' || source === '~' || source === 'null' || source === 'Null' || source === 'NULL') return null;
  if (source === 'true' || source === 'True' || source === 'TRUE') return true;
  if (source === 'false' || source === 'False' || source === 'FALSE') return false;
  return looksNumeric(source) ? resolveNumber(source) : source;
}

/** Cheap pre-test so ordinary words skip the regular expressions below. */
function looksNumeric(source: string): boolean {
  const c = source.charCodeAt(0);
  // digits, '+', '-', '.'
  return (c >= DIGIT_0 && c <= DIGIT_9) || c === PLUS || c === DASH || c === DOT;
}

const OCTAL = /^0o[0-7]+$/;
const INTEGER = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function resolveNumber(source: string): number | string {
  if (OCTAL.test(source)) return parseInt(source.slice(2), 8);
  if (INTEGER.test(source)) return parseInt(source, 10);
  if (HEX.test(source)) return parseInt(source.slice(2), 16);
  if (INFINITY_OR_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(source) || DECIMAL.test(source)) return parseFloat(source);
  return source;
}
