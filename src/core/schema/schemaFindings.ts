import type { ErrorObject } from 'ajv';
import type { RawFinding, TextRange } from '../types';
import type { SourceMap } from '../yaml/sourceMap';
import { escapeSegment, segmentsOf } from '../yaml/sourceMap';
import { closest } from './closest';

/** Plain words for the patterns of the schema, so messages say what is expected. */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'an id of lowercase letters, digits and dashes (e.g. `head-of-sales`)',
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date as YYYY-MM-DD',
  '^[A-Z]{3}$': 'a three-letter ISO 4217 currency code such as USD or EUR',
  '^[^@\\s]+@[^@\\s]+$': 'an e-mail address',
  '^(\\d{4}-\\d{2}-\\d{2}|day [1-9][0-9]*)$': 'a date as YYYY-MM-DD or a plan day such as "day 90"',
  '^[^\\r\\n]*$': 'a single line',
};

/**
 * Turns ajv's errors into findings placed on the YAML node they are about: unknown keys on
 * the key (with the closest known key), wrong values on the value (with what is allowed),
 * missing keys on the parent's key.
 */
export function schemaFindings(errors: readonly ErrorObject[], sourceMap: SourceMap): RawFinding[] {
  const findings: RawFinding[] = [];
  // A value that is not even shaped like a date needs one message, not a second about the calendar.
  const patternFailed = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  for (const error of errors) {
    // Errors inside the branches of oneOf / not are summarised by the combinator's own error.
    if (/\/(oneOf|anyOf|not)\//.test(error.schemaPath)) continue;
    if (error.keyword === 'format' && patternFailed.has(error.instancePath)) continue;
    const finding = toFinding(error, sourceMap);
    if (finding) findings.push(finding);
  }
  return findings;
}

function toFinding(error: ErrorObject, sourceMap: SourceMap): RawFinding | undefined {
  const where = describePath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const valueRange = (): TextRange => sourceMap.rangeOf(error.instancePath, 'value');
  const keyRange = (): TextRange => sourceMap.rangeOf(error.instancePath, 'key');
  const make = (message: string, range: TextRange, suggestion?: string): RawFinding =>
    suggestion === undefined
      ? { ruleId: 'schema', severity: 'error', message, range }
      : { ruleId: 'schema', severity: 'error', message, range, suggestion };

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const suggestion = closest(key, known);
      const range = sourceMap.rangeOf(`${error.instancePath}/${escapeSegment(key)}`, 'key');
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : known.length ? ` Known keys: ${known.join(', ')}.` : '';
      return make(`Unknown key \`${key}\`${where ? ` in ${where}` : ''}.${hint}`, range, suggestion);
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return make(`${where ? `\`${where}\`` : 'The engagement'} is missing the required key \`${missing}\`.`, keyRange());
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const actual = error.data;
      const suggestion = typeof actual === 'string' ? closest(actual, allowed) : undefined;
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      return make(`${subject(where)} must be one of: ${allowed.join(', ')} (found ${show(actual)}).${hint}`, valueRange(), suggestion);
    }
    case 'const':
      return make(`${subject(where)} must be \`${String(params.allowedValue)}\` (found ${show(error.data)}).`, valueRange(), String(params.allowedValue));
    case 'type': {
      const written = String(params.type) === 'number' ? numberWrittenAsText(error.data) : undefined;
      const hint = written === undefined ? '' : ` Write \`${written}\`, a plain number.`;
      return make(`${subject(where)} must be ${article(String(params.type))}, found ${typeName(error.data)}.${hint}`, valueRange(), written);
    }
    case 'pattern': {
      const words = patternWords(String(params.pattern), error.instancePath);
      return make(`${subject(where)} must be ${words} (found ${show(error.data)}).`, propertyNameAware(error, sourceMap) ?? valueRange());
    }
    case 'format':
      return make(`${subject(where)} is not a real calendar date (found ${show(error.data)}).`, valueRange());
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[error.keyword];
      return make(`${subject(where)} must be ${op} ${String(params.limit)} (found ${show(error.data)}).`, valueRange());
    }
    case 'minLength':
      return make(`${subject(where)} must not be empty.`, valueRange());
    case 'minItems':
      return make(`${subject(where)} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`, keyRange());
    case 'oneOf':
    case 'anyOf': {
      const keys = requiredKeysOfBranches(error.schema);
      const message = keys
        ? `${where ? `\`${where}\`` : 'This'} needs exactly one of ${keys.map((k) => `\`${k}\``).join(' or ')}.`
        : `${subject(where)} does not match any allowed shape.`;
      return make(message, keyRange());
    }
    case 'not': {
      const keys = (error.schema as { required?: string[] }).required;
      const message = keys
        ? `Give only one of ${keys.map((k) => `\`${k}\``).join(' or ')}${where ? ` in \`${where}\`` : ''}, not both.`
        : `${subject(where)} has a shape that is not allowed.`;
      return make(message, keyRange());
    }
    case 'propertyNames':
      // The nested error (pattern, with propertyName) already carries the message.
      return undefined;
    default:
      return make(`${subject(where)} does not satisfy the schema's \`${error.keyword}\` rule.`, valueRange());
  }
}

/** The words for a pattern; a day range says days or weeks after the field it is in. */
function patternWords(pattern: string, pointer: string): string {
  if (pattern === DAY_RANGE) {
    return pointer.endsWith('/weeks') ? 'a week or a range of weeks, like 4 or "2-3"' : 'a day or a range of days, like 12 or "1-30"';
  }
  return PATTERN_WORDS[pattern] ?? `text matching ${pattern}`;
}

const DAY_RANGE = '^[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?$';

/**
 * The number a piece of text means, as it should be written, when it plainly is one:
 * `"25"`, `"10,000"`, `"$1.5k"`, `"EUR 2m"`, `"12%"`. A schema error still, since quoting
 * a number is a mistake a file should not keep; the message shows what to write.
 */
export function numberWrittenAsText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(?:[A-Z]{3}\s*|[$€£¥])?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([kKmMbB]n?)?\s*(?:[A-Z]{3}|%)?\s*$/.exec(value);
  if (!match) return undefined;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').charAt(0).toLowerCase()] ?? 1;
  const number = Number(match[1]!.replace(/,/g, '')) * scale;
  return Number.isFinite(number) ? String(Number(number.toPrecision(12))) : undefined;
}

/** A property-name error points at the offending key, which ajv gives separately. */
function propertyNameAware(error: ErrorObject, sourceMap: SourceMap): TextRange | undefined {
  const name = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (name === undefined) return undefined;
  return sourceMap.rangeOf(`${error.instancePath}/${escapeSegment(name)}`, 'key');
}

function requiredKeysOfBranches(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const keys: string[] = [];
  for (const branch of schema as { required?: string[] }[]) {
    if (!branch.required || branch.required.length !== 1) return undefined;
    keys.push(branch.required[0]!);
  }
  return keys;
}

/** `kpis[0].target` from `/kpis/0/target`: the way a person names a field. */
export function describePath(pointer: string): string {
  let out = '';
  for (const segment of segmentsOf(pointer)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

function subject(where: string): string {
  return where ? `\`${where}\`` : 'The engagement';
}



function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value.length > 60 ? value.slice(0, 57) + '…' : value}\``;
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return `\`${String(value)}\``;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${show(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${show(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a map of keys',
    array: 'a list',
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}
