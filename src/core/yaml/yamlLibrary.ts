import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

let full: typeof Yaml | undefined;
let events: typeof JsYaml | undefined;

/**
 * The full `yaml` library, loaded on first use. Well-formed files never need it (the fast
 * path reads them), so the extension ships it as a separate file (`dist/yaml.js`, see
 * esbuild.mjs) that is loaded only for a file with errors or rarer YAML, for completion,
 * or for configuration files; activation does not pay for it.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  full ??= require('yaml') as typeof Yaml;
  return full;
}

/**
 * js-yaml, whose event parser the fast path, the nesting check and the syntax-only check
 * use; loaded at the first analysis, which activation never runs (`dist/js-yaml.js` in the
 * extension).
 */
export function jsYamlLibrary(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
  events ??= require('js-yaml') as typeof JsYaml;
  return events;
}
