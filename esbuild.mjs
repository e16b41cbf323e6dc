// Bundles each program into one file: the extension, the CLI (and, later, the webview)
// ship without node_modules. Types are checked by `tsc`, which esbuild does not do.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

// js-yaml's CommonJS build, not its ES module: bundled into CommonJS, the ES module build
// parses about three times slower (measured on 1,000 engagement files: 500 ms vs 150 ms).
const alias = { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') };

/**
 * In the extension, the two YAML parsers and the schema's JSON are files of their own,
 * required the first time they are needed, so activation never evaluates them:
 * - `dist/js-yaml.js`: the fast path's event parser, at the first analysis;
 * - `dist/yaml.js`: the full parser, only for a file with errors or rarer YAML, for
 *   completion, and for configuration files (src/core/yaml/yamlLibrary.ts);
 * - `schemas/engagement.schema.json`, shipped in the .vsix anyway: only hover, completion
 *   and files with schema errors read it (src/core/schema/engagementSchema.ts);
 * - `dist/validateEngagement.js`, the validator generated from the schema: at the first
 *   analysis on the host, which open documents leave to the scan thread
 *   (src/core/schema/validator.ts).
 * - `dist/onDemand.js`, the rest of the core the host may need (src/extension/onDemand.ts):
 *   analysis without the scan thread, completion, templates, rendering, rule settings.
 * The command line bundles them all in as usual; the scan thread bundles its own core.
 */
const loadedOnFirstUse = {
  name: 'loaded-on-first-use',
  setup(build) {
    const files = [
      [/^yaml$/, './yaml.js'],
      [/^js-yaml$|[\\/]js-yaml\.cjs\.js$/, './js-yaml.js'],
      [/[\\/]schemas[\\/]engagement\.schema\.json$/, '../schemas/engagement.schema.json'],
      [/[\\/]generated[\\/]validateEngagement$/, './validateEngagement.js'],
      [/^\.\/onDemandModules$/, './onDemand.js'],
    ];
    for (const [filter, file] of files) {
      build.onResolve({ filter }, (args) => (args.kind === 'require-call' ? { path: file, external: true } : undefined));
    }
  },
};

/**
 * Each module that imports `vscode` (or a Node module) gets, in a CommonJS bundle, a copy of
 * that module's namespace made at load: hundreds of properties for `vscode`, a dozen times
 * over, a few milliseconds of activation. Routing those imports through one re-exporting
 * module per specifier makes a single copy that every module shares.
 */
const oneNamespacePerModule = {
  name: 'one-namespace-per-module',
  setup(build) {
    const NAMESPACE = 'shared-namespace';
    build.onResolve({ filter: /^(vscode|node:[a-z_/]+)$/ }, (args) => {
      if (args.namespace === NAMESPACE || args.kind !== 'import-statement') return { path: args.path, external: true };
      return { path: args.path, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: 'js' }));
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=DIR` writes what would go to dist/ under DIR instead: the benchmark measures the
// shipped bundles that way without touching dist/.
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

/** @type {esbuild.BuildOptions[]} */
const targets = [
  {
    // The VS Code extension: runs in the extension host (Node), `vscode` is provided there.
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [loadedOnFirstUse, oneNamespacePerModule],
    // When the bundle starts and ends running: activation time counts from the first to the
    // end of activate(), less the host's own wait between the two (see extension.ts).
    banner: { js: 'var __engagementKitLoadStart = performance.now();' },
    footer: { js: 'var __engagementKitLoadEnd = performance.now();' },
  },
  {
    // The extension's scan thread: reads and analyzes closed files off the host's thread
    // (src/extension/scan/scanWorker.ts). It shares the parser files with the extension.
    entryPoints: ['src/extension/scan/scanWorker.ts'],
    outfile: 'dist/scanWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [loadedOnFirstUse, oneNamespacePerModule],
  },
  // The parsers, the validator and the on-demand core for the extension, loaded on first use
  // (see loadedOnFirstUse). The on-demand core loads the parsers and the validator the same way.
  {
    entryPoints: ['src/extension/onDemandModules.ts'],
    outfile: 'dist/onDemand.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [loadedOnFirstUse, oneNamespacePerModule],
  },
  { entryPoints: ['src/core/schema/generated/validateEngagement.ts'], outfile: 'dist/validateEngagement.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: [createRequire(import.meta.url).resolve('yaml')], outfile: 'dist/yaml.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: [alias['js-yaml']], outfile: 'dist/js-yaml.js', platform: 'node', format: 'cjs', target: 'node20' },
  {
    // Runs inside the preview webview: a browser, no Node, no vscode module.
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'dist/webview/preview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entryPoints: ['bench/analyze.bench.ts'],
    outfile: 'dist/bench/analyze.bench.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The peer is measured as installed, not bundled.
    packages: 'external',
  },
  {
    entryPoints: ['tools/generate-docs.ts'],
    outfile: 'dist/tools/generate-docs.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];

for (const options of targets) {
  const config = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', alias, ...options };
  if (outdir) config.outfile = path.join(outdir, path.relative('dist', options.outfile));
  if (watch) {
    const context = await esbuild.context(config);
    await context.watch();
  } else {
    await esbuild.build(config);
  }
}
