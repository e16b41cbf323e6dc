import type { ErrorObject } from 'ajv';
import { segmentsOf } from '../yaml/sourceMap';
import { schemaAt } from './schemaAt';

type ValidateFunction = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validate: ValidateFunction | undefined;

/**
 * The generated validator, loaded on first use: the extension ships it as a file of its own
 * (`dist/validateEngagement.js`, see esbuild.mjs), so activation does not load its 47 KB.
 */
function validator(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  validate ??= (require('./generated/validateEngagement') as { validate: ValidateFunction }).validate;
  return validate;
}

/**
 * Validates plain data against the engagement schema; an empty list means valid. The
 * validator is compiled from the schema at build time (tools/generate-validator.mjs), so
 * loading and first use cost no schema compilation.
 *
 * Each error gets the `data`, `schema` and `parentSchema` that ajv's verbose mode would add.
 * They are looked up here, only when there are errors, rather than compiled into every error
 * site of the generated code, which keeps that code a third smaller.
 */
export function validateAgainstSchema(value: unknown): ErrorObject[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  return errors.map((error) => {
    const path = segmentsOf(error.instancePath);
    // Every keyword of this schema sits directly on the node of the value it checks.
    const parentSchema = schemaAt(path) as ErrorObject['parentSchema'];
    const schema = parentSchema ? (parentSchema as Record<string, unknown>)[error.keyword] : undefined;
    // The generated code keeps `schemaPath` only inside combinators (tools/generate-validator.mjs).
    return { ...error, schemaPath: error.schemaPath ?? '', data: valueAt(value, path), schema, parentSchema };
  });
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
