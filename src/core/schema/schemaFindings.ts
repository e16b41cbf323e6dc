import type { ErrorObject } from 'ajv';
import type { RawFinding, TextRange } from '../types';
import type { SourceMap } from '../yaml/sourceMap';
import { segmentsOf } from '../yaml/sourceMap';
import { closest } from './closest';

/** Plain words for the patterns of the schema, so messages say what is expected. */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'an id of lowercase letters, digits and dashes (e.g. `head-of-sales`)',
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date as YYYY-MM-DD',
  '^[1-9][0-9]{0,3}-[1-9][0-9]{0,3}$': 'a range like "1-30"',
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
      const range = sourceMap.rangeOf(`${error.instancePath}/${escape(key)}`, 'key');
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
    case 'type':
      return make(`${subject(where)} must be ${article(String(params.type))}, found ${typeName(error.data)}.`, valueRange());
    case 'pattern': {
      const words = PATTERN_WORDS[String(params.pattern)] ?? `text matching ${String(params.pattern)}`;
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

/** A property-name error points at the offending key, which ajv gives separately. */
function propertyNameAware(error: ErrorObject, sourceMap: SourceMap): TextRange | undefined {
  const name = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (name === undefined) return undefined;
  return sourceMap.rangeOf(`${error.instancePath}/${escape(name)}`, 'key');
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

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
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
