// Bundles the extension client, the language server and the CLI into dist/.
// Type-checking is tsc's job (npm run typecheck); esbuild only emits.
import * as esbuild from 'esbuild';

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
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [splitKubeClient] },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [splitKubeClient],
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
