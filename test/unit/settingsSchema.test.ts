import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseConfig } from '../../src/core/config/engagementConfig';
import { ROOT } from './helpers';

/**
 * The schema of `.engagementrc.yaml` (for the YAML extension's completion and checks) is a
 * valid draft-07 schema in Ajv's strict mode, and agrees with the product's own reading of
 * the file: what one accepts, the other does, and what one refuses, the other does too.
 */
describe('the settings file schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'engagementrc.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);

  const cases: [string, boolean][] = [
    ['rules:\n  access-crm: error\n', true],
    ['capacity:\n  default: 4\n  executives:\n    dana@example.com: 3\n', true],
    ['export:\n  logo: brand/logo.svg\n  accent: "#0b5394"\n  internal: [access.financials, kpis.*.source]\n', true],
    ['export:\n  internal: [kpis..source]\n', false],
    ['export:\n  accent: blue\n', false],
    ['export:\n  logo: https://example.com/logo.png\n', false],
    ['exports: {}\n', false],
  ];
  for (const [text, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${JSON.stringify(text)}, as the product does`, () => {
      assert.equal(validate(parse(text)), valid, JSON.stringify(validate.errors));
      assert.equal(parseConfig(text).findings.length === 0, valid, JSON.stringify(parseConfig(text).findings));
    });
  }
});
