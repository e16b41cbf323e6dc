import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../src/core/analyze';
import { BASE, edit, ROOT } from './helpers';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'engagement.schema.json'), 'utf8')) as Record<string, unknown>;

/** The enum of the schema at a path of property names (definitions followed by `$ref`). */
function enumAt(...names: string[]): string[] {
  let node = SCHEMA as { properties?: Record<string, unknown>; items?: unknown; $ref?: string; enum?: string[] };
  const resolve = (n: typeof node): typeof node => (n.$ref ? (SCHEMA.definitions as Record<string, typeof node>)[n.$ref.split('/').pop()!]! : n);
  for (const name of names) {
    node = resolve(node);
    node = (name === '[]' ? node.items : node.properties![name]) as typeof node;
  }
  return resolve(node).enum!;
}

/** Each enum of the schema, how to write a value of it into the base file, and where the model keeps it. */
const ENUMS: { readonly at: string[]; readonly write: (value: string) => string; readonly read: (a: Analysis) => unknown }[] = [
  { at: ['status'], write: (v) => edit(BASE, 'status: active', `status: ${v}`), read: (a) => a.model!.status },
  { at: ['mandate', 'mode'], write: (v) => edit(BASE, 'mode: lead', `mode: ${v}`), read: (a) => a.model!.mandate!.mode },
  { at: ['access', 'crm'], write: (v) => edit(BASE, 'crm: full', `crm: ${v}`), read: (a) => a.model!.access!.crm },
  { at: ['access', 'ceo-one-on-one'], write: (v) => edit(BASE, 'ceo-one-on-one: weekly', `ceo-one-on-one: ${v}`), read: (a) => a.model!.access!.ceoOneOnOne },
  { at: ['reporting', '[]', 'cadence'], write: (v) => edit(BASE, 'cadence: weekly }', `cadence: ${v} }`), read: (a) => a.model!.reporting![0]!.cadence },
  { at: ['reporting', '[]', 'format'], write: (v) => edit(BASE, 'cadence: weekly }', `cadence: weekly, format: ${v} }`), read: (a) => a.model!.reporting![0]!.format },
  { at: ['kpis', '[]', 'type'], write: (v) => edit(BASE, 'type: leading', `type: ${v}`), read: (a) => a.model!.kpis[0]!.type },
  { at: ['kpis', '[]', 'direction'], write: (v) => edit(BASE, 'type: leading', `type: leading\n    direction: ${v}`), read: (a) => a.model!.kpis[0]!.direction },
  { at: ['plan', 'phases', '[]', 'kind'], write: (v) => edit(BASE, 'kind: diagnostic', `kind: ${v}`), read: (a) => a.model!.plan!.phases[0]!.kind },
  { at: ['reviews', '[]', 'kind'], write: (v) => edit(BASE, 'kind: quarterly', `kind: ${v}`), read: (a) => a.model!.reviews[0]!.kind },
  { at: ['fees', 'rate', 'per'], write: (v) => edit(BASE, 'mandate:', `fees: { rate: { amount: 1, per: ${v} } }\nmandate:`), read: (a) => a.model!.fees!.rate!.per },
];

describe('the model and the schema', () => {
  for (const { at, write, read } of ENUMS) {
    it(`keeps every value the schema allows for ${at.join('.').replace(/\.\[\]/g, '[]')}`, () => {
      const values = enumAt(...at);
      assert.ok(values.length >= 2);
      for (const value of values) assert.equal(read(analyze(write(value))), value, value);
    });
  }
});
