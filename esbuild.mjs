// Bundles the extension client, the language server and the CLI into dist/.
// Type-checking is tsc's job (npm run typecheck); esbuild only emits.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'linked',
};

// The Kubernetes client library (live cluster source, issue #10) is its own bundle, dist/kubeClient.js,
// required only when a live source is used: the server and the CLI neither parse nor hold it otherwise.
const kubeClient = '@kubernetes/client-node/dist/config.js';
/** @type {import('esbuild').Plugin} */
const splitKubeClient = {
  name: 'split-kube-client',
  setup(build) {
    // A CommonJS shim, so the bundle loads it with require() (not a native import()) on first use.
    build.onResolve({ filter: /^@kubernetes\/client-node\/dist\/config\.js$/ }, () => ({ path: 'kubeClient', namespace: 'kube-client-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'kube-client-shim' }, () => ({ contents: "module.exports = require('./kubeClient.js');", loader: 'js' }));
    build.onResolve({ filter: /^\.\/kubeClient\.js$/ }, () => ({ path: './kubeClient.js', external: true }));
  },
};

// yaml's parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (debug output) once per
// token and per document; `process.env` is an interceptor into the C environment, so those reads
// took about a fifth of the parse of a large file (issue #9). Bundles compile them to `false`.
// A yaml upgrade that renames them fails the build here rather than silently keeping the cost.
const yamlDebugFlags = [
  { file: /node_modules[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/, flag: 'node_process.env.LOG_TOKENS' },
  { file: /node_modules[\\/]yaml[\\/]dist[\\/]compose[\\/]composer\.js$/, flag: 'node_process.env.LOG_STREAM' },
];
/** @type {import('esbuild').Plugin} */
const yamlWithoutDebugFlags = {
  name: 'yaml-without-debug-flags',
  setup(build) {
    const filter = new RegExp(yamlDebugFlags.map(({ file }) => file.source).join('|'));
    build.onLoad({ filter }, async (args) => {
      const { flag } = yamlDebugFlags.find(({ file }) => file.test(args.path));
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(flag)) return { errors: [{ text: `${args.path} no longer reads ${flag}: update yamlDebugFlags in esbuild.mjs` }] };
      return { contents: source.replaceAll(flag, 'false'), loader: 'js' };
    });
  },
};

const builds = [
  // Loaded on activation, so kept small: protocol.ts's message constants get the method-name
  // stand-ins of client/src/messageTypes.ts instead of the protocol library.
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
    alias: { 'vscode-languageserver-protocol': './client/src/messageTypes.ts' },
  },
  // vscode-languageclient, loaded by the client after activation returns (client/src/connection.ts).
  { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [splitKubeClient, yamlWithoutDebugFlags] },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [splitKubeClient, yamlWithoutDebugFlags],
  },
  { ...common, entryPoints: { kubeClient }, outdir: 'dist' },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
