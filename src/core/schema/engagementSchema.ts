let schema: Record<string, unknown> | undefined;

/**
 * The engagement JSON schema, read on first use. Validation does not need it (the validator
 * is generated from it at build time); hover, completion and the wording of schema findings
 * do. The command line bundles it; the extension requires the copy its .vsix ships, so
 * activation and files without schema errors never parse it (see esbuild.mjs).
 */
export function engagementSchema(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  schema ??= require('../../../schemas/engagement.schema.json') as Record<string, unknown>;
  return schema;
}
