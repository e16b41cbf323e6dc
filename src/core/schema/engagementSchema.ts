import schemaJson from '../../../schemas/engagement.schema.json';

/** The engagement JSON schema, bundled so the analyzer needs no file access. */
export const engagementSchema: Record<string, unknown> = schemaJson as Record<string, unknown>;
