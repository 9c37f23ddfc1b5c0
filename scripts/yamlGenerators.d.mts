/** Types of yamlGenerators.mjs (a build script in plain JavaScript, used by esbuild.mjs and the tests). */
export function flattenGenerators(source: string, file: 'lexer' | 'parser'): string;
