import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isCalendarDate } from '../model/dates';
import { engagementSchema } from './engagementSchema';

let compiled: ValidateFunction | undefined;

/** Compiles the schema on first use only, so loading the analyzer stays cheap. */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    // Descriptions per enum value, as Red Hat's YAML extension reads them; ajv need not check them.
    ajv.addVocabulary(['enumDescriptions']);
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    compiled = ajv.compile(engagementSchema);
  }
  return compiled;
}

/** Validates plain data against the engagement schema; an empty list means valid. */
export function validateAgainstSchema(value: unknown): ErrorObject[] {
  const validate = validator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
