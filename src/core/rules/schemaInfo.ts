import type { RuleInfo } from './rule';

/** The `schema` rule is the YAML and JSON-schema layer; it has no check of its own here. */
export const schemaInfo: RuleInfo = {
  id: 'schema',
  defaultSeverity: 'error',
  docs: {
    summary: 'The file is not valid YAML, or breaks the engagement schema (unknown key, wrong type, value not allowed, missing field).',
    rationale: 'A file the tools cannot read gives no checks, no preview and no export. Schema findings name the field and what was expected; unknown keys and values suggest the closest known one.',
    fix: 'Follow the message: correct the key or value, or add the missing field. Hover a key in VS Code to read what it expects.',
  },
};
