// Bundles each program into one file: the extension, the CLI (and, later, the webview)
// ship without node_modules. Types are checked by `tsc`, which esbuild does not do.
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

// js-yaml's CommonJS build, not its ES module: bundled into CommonJS, the ES module build
// parses about three times slower (measured on 1,000 engagement files: 500 ms vs 150 ms).
const alias = { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') };

/**
 * In the extension, `yaml` is a file of its own, `dist/yaml.js`, required the first time
 * it is needed (src/core/yaml/yamlLibrary.ts): most sessions never load it, and activation
 * never does. The command line bundles it in as usual.
 */
const yamlAsSeparateFile = {
  name: 'yaml-as-separate-file',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'require-call' ? { path: './yaml.js', external: true } : undefined));
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
    plugins: [yamlAsSeparateFile],
    // When the bundle starts loading: activation time is measured from here.
    banner: { js: 'var __engagementKitLoadStart = performance.now();' },
  },
  {
    // The `yaml` library for the extension, loaded lazily (see yamlAsSeparateFile).
    entryPoints: [createRequire(import.meta.url).resolve('yaml')],
    outfile: 'dist/yaml.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
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
  if (watch) {
    const context = await esbuild.context(config);
    await context.watch();
  } else {
    await esbuild.build(config);
  }
}
