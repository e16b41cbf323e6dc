import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

/**
 * The full `yaml` library, loaded on first use. Well-formed files never need it (the fast
 * path reads them), so the extension ships it as a separate file (`dist/yaml.js`, see
 * esbuild.mjs) that is loaded only for a file with errors or rarer YAML, for completion,
 * or for configuration files; activation does not pay for it.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  library ??= require('yaml') as typeof Yaml;
  return library;
}
