import type * as OnDemand from './onDemandModules';

let loaded: typeof OnDemand | undefined;
let load: OnDemandLoad | undefined;

/** When the on-demand core was loaded (`performance.now()`), and how long that took. */
export interface OnDemandLoad {
  readonly at: number;
  readonly ms: number;
}

/**
 * The parts of the core the host needs only on demand: analysis (when the scan thread
 * cannot do it), rule settings and policy, completion, templates, rendering. The extension
 * ships them as a file of their own (`dist/onDemand.js`, see esbuild.mjs), loaded the first
 * time one of them is used, so activation neither compiles nor runs them. The scan thread
 * bundles its own copy of the core.
 */
export function onDemand(): typeof OnDemand {
  if (!loaded) {
    const at = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on purpose
    loaded = require('./onDemandModules') as typeof OnDemand;
    load = { at, ms: performance.now() - at };
  }
  return loaded;
}

/** The load of the on-demand core, once it happened: for the performance figures. */
export function onDemandLoad(): OnDemandLoad | undefined {
  return load;
}
