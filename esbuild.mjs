// Bundles the extension client, the language server and the CLI into dist/.
// Type-checking is tsc's job (npm run typecheck); esbuild only emits.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { flattenGenerators } from './scripts/yamlGenerators.mjs';

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

// Build-time patches of the `yaml` package (issue #9), each a text replacement in one file of
// yaml/dist; a yaml upgrade that changes a replaced text fails the build here rather than
// silently keeping the cost. test/unit/server/yamlBundle.test.ts checks the bundles.
const yamlFile = (path) => new RegExp(`node_modules[\\\\/]yaml[\\\\/]dist[\\\\/]${path.replace('/', '[\\\\/]')}\\.js$`);
// A node's type on its class's prototype (yaml.node.type, a symbol), not defined on each node.
const nodeTypeOnPrototype = (file, cls, type) => ({
  file: yamlFile(`nodes/${file}`),
  from: `exports.${cls} = ${cls};`,
  to: `Object.defineProperty(${cls}.prototype, identity.NODE_TYPE, { value: identity.${type} });\nexports.${cls} = ${cls};`,
});
const yamlPatches = [
  // The parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` (debug output) once per
  // token and per document; `process.env` is an interceptor into the C environment, so those reads
  // took about a fifth of the parse of a large file. Compiled to `false`.
  { file: yamlFile('parse/parser'), from: 'node_process.env.LOG_TOKENS', to: 'false', all: true },
  { file: yamlFile('compose/composer'), from: 'node_process.env.LOG_STREAM', to: 'false', all: true },
  // Every node was given its type with `Object.defineProperty(this, NODE_TYPE, ...)` in its
  // constructor, a runtime call per node (4% of opening the 500-document file, profiled). The
  // type is read as `node[NODE_TYPE]` only (nodes/identity.js), which finds it on the prototype
  // just as well; clone() keeps the prototype. A node whose prototype has no type (none in yaml)
  // still gets its own.
  {
    file: yamlFile('nodes/Node'),
    from: 'Object.defineProperty(this, identity.NODE_TYPE, { value: type });',
    to: 'if (this[identity.NODE_TYPE] !== type) Object.defineProperty(this, identity.NODE_TYPE, { value: type });',
  },
  nodeTypeOnPrototype('Scalar', 'Scalar', 'SCALAR'),
  nodeTypeOnPrototype('Alias', 'Alias', 'ALIAS'),
  nodeTypeOnPrototype('YAMLMap', 'YAMLMap', 'MAP'),
  nodeTypeOnPrototype('YAMLSeq', 'YAMLSeq', 'SEQ'),
  { file: yamlFile('nodes/Pair'), from: 'Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });', to: '' },
  nodeTypeOnPrototype('Pair', 'Pair', 'PAIR'),
  // A flow scalar is unfolded line by line with a fresh sticky /(.*?)\r?\n/sy, whose lazy scan
  // runs to the end of a one-line scalar before failing (1.4% of the open, profiled). Without a
  // line feed it cannot match, and the function then returns the scalar as it is: say so first.
  {
    file: yamlFile('compose/resolve-flow-scalar'),
    from: 'function unfoldLines(source) {\n    const line = /(.*?)\\r?\\n/sy;',
    to: "function unfoldLines(source) {\n    if (!source.includes('\\n'))\n        return source;\n    const line = /(.*?)\\r?\\n/sy;",
  },
];
// The lexer's and the parser's generator methods made plain, but for their entry points
// (scripts/yamlGenerators.mjs: why, and the checks that fail the build if yaml changes them).
const flattened = [
  { file: yamlFile('parse/lexer'), name: 'lexer' },
  { file: yamlFile('parse/parser'), name: 'parser' },
];
/** @type {import('esbuild').Plugin} */
const yamlPatched = {
  name: 'yaml-patched',
  setup(build) {
    const filter = new RegExp([...new Set([...yamlPatches, ...flattened].map(({ file }) => file.source))].join('|'));
    build.onLoad({ filter }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const { from, to, all } of yamlPatches.filter(({ file }) => file.test(args.path))) {
        if (!source.includes(from)) return { errors: [{ text: `${args.path} no longer contains ${JSON.stringify(from)}: update yamlPatches in esbuild.mjs` }] };
        source = all ? source.replaceAll(from, to) : source.replace(from, to);
      }
      for (const { name } of flattened.filter(({ file }) => file.test(args.path))) {
        try {
          source = flattenGenerators(source, name);
        } catch (error) {
          return { errors: [{ text: `${error.message}: update scripts/yamlGenerators.mjs` }] };
        }
      }
      return { contents: source, loader: 'js' };
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
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [splitKubeClient, yamlPatched] },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [splitKubeClient, yamlPatched],
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
