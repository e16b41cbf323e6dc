// Bundles each program into one file: the extension, the CLI (and, later, the webview)
// ship without node_modules. Types are checked by `tsc`, which esbuild does not do.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

// js-yaml's CommonJS build, not its ES module: bundled into CommonJS, the ES module build
// parses about three times slower (measured on 1,000 engagement files: 500 ms vs 150 ms).
const alias = { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') };

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
    // The extension in a Node extension host (VS Code, code-server): the views, the commands
    // and the preview, loaded at activation. `vscode` is provided there. No analyzer code,
    // and not the language client library either: that is the next bundle, required after
    // activation returns (src/extension/extension.ts).
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', './languageClient.js', './printPdf.js'],
    plugins: [oneNamespacePerModule],
  },
  {
    // The language client for the Node extension host: starts dist/server.js over IPC.
    entryPoints: ['src/extension/languageClient.ts'],
    outfile: 'dist/languageClient.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [oneNamespacePerModule],
  },
  {
    // The language server as a Node process: started by the extension over IPC, and by
    // `engagement lsp --stdio` for other editors.
    entryPoints: ['src/server/node/main.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [oneNamespacePerModule],
  },
  {
    // The extension in a browser (vscode.dev, github.dev): the `browser` entry of package.json.
    entryPoints: ['src/extension/extensionWeb.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  {
    // The language server in the browser's Web Worker: no Node APIs.
    entryPoints: ['src/server/browser/main.ts'],
    outfile: 'dist/web/server.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
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
    // Runs inside the portfolio webview, as the preview's script does.
    entryPoints: ['src/webview/portfolio.ts'],
    outfile: 'dist/webview/portfolio.js',
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
    // `engagement lsp` runs the server's own bundle, beside this one; a PDF is printed through
    // playwright-core as installed (a dependency), loaded only when one is asked for.
    external: ['./server.js', 'playwright-core'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Printing a PDF in the desktop extension, required when one is asked for: playwright-core
    // does not bundle (it reads its own files), so the .vsix ships a copy of it beside this
    // bundle (dist/vendor/playwright-core, made below) and this bundle requires that copy.
    entryPoints: ['src/print/index.ts'],
    outfile: 'dist/printPdf.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [{ name: 'vendored-playwright', setup: (build) => build.onResolve({ filter: /^playwright-core$/ }, () => ({ path: './vendor/playwright-core/index.js', external: true })) }],
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

/**
 * The copy of playwright-core the .vsix ships: its code and notices, not its types, command
 * line or trace viewer (lib/vite), which printing never loads.
 */
function vendorPlaywright(dist) {
  const from = path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const to = path.join(dist, 'vendor', 'playwright-core');
  fs.rmSync(to, { recursive: true, force: true });
  for (const name of ['package.json', 'index.js', 'browsers.json', 'LICENSE', 'NOTICE', 'ThirdPartyNotices.txt']) fs.cpSync(path.join(from, name), path.join(to, name));
  fs.cpSync(path.join(from, 'lib'), path.join(to, 'lib'), { recursive: true, filter: (source) => path.relative(path.join(from, 'lib'), source) !== 'vite' });
}

vendorPlaywright(outdir ?? 'dist');

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
