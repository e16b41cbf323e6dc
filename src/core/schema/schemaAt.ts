import { engagementSchema } from './engagementSchema';

/** The parts of a JSON schema node the editor features read. */
export interface SchemaNode {
  readonly description?: string;
  readonly type?: string | string[];
  readonly enum?: readonly unknown[];
  readonly enumDescriptions?: readonly string[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly pattern?: string;
  readonly $ref?: string;
}

type RootSchema = SchemaNode & { definitions: Record<string, SchemaNode> };
const root = (): RootSchema => engagementSchema() as unknown as RootSchema;

/** Follows `$ref` (local definitions only), keeping the referring node's own description. */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  let description = node?.description;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const name = current.$ref.replace('#/definitions/', '');
    current = root().definitions[name];
    description ??= current?.description;
  }
  return current && description !== current.description ? { ...current, description } : current;
}

/** The schema of the value at a path (keys and list indexes), or undefined if none applies. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolve(root());
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number' || /^\d+$/.test(String(segment))) {
      node = resolve(node.items);
      continue;
    }
    const property: SchemaNode | undefined = node.properties?.[segment];
    if (property) node = resolve(property);
    else if (typeof node.additionalProperties === 'object') node = resolve(node.additionalProperties);
    else return undefined;
  }
  return node;
}

export function rootSchema(): SchemaNode {
  return root();
}
