#!/usr/bin/env node
// Bundles the CLI/server into dist/ so `node dist/cli.js` starts fast: the SDK, zod and the light modules are in
// one file; heavy libraries stay external and load only when a tool imports them (code splitting keeps those
// dynamic imports in separate chunks).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Loaded on demand from node_modules: large, native or WASM, or with data files of their own.
const external = [
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
  'cdk-nag',
  '@aws-cdk/aws-service-spec',
  '@cdktf/hcl2json',
  '@viz-js/viz',
  '@resvg/resvg-js',
  '@aws-sdk/*',
  '@smithy/*',
  'esbuild',
  'typescript',
  // CommonJS packages that rely on __filename or process-level state: Node loads them as they are.
  'write-file-atomic',
  'proper-lockfile',
];

// zod re-exports every locale (260 KB) from its namespace object; only English is used. Resolving the locale
// index to English alone halves the code Node must compile at start-up.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales-en', namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(join(root, 'node_modules/zod/v4/locales/en.js'))};`,
      resolveDir: root,
    }));
  },
};

// The SDK builds an Ajv instance in every Server constructor, but only uses it to check elicitation answers and
// client-side tool outputs. Loading the same SDK class from node_modules on first use keeps Ajv (about 130 KB of
// code) off the start-up path without changing what validates what.
const lazyAjv = {
  name: 'lazy-ajv',
  setup(b) {
    b.onResolve({ filter: /ajv-provider\.js$/ }, (args) =>
      args.importer.includes('@modelcontextprotocol/sdk') ? { path: 'lazy-ajv', namespace: 'lazy-ajv' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-ajv' }, () => ({
      contents: `import { createRequire } from 'node:module';
export class AjvJsonSchemaValidator {
  constructor(ajv) { this._ajv = ajv; }
  getValidator(schema) {
    if (!this._real) {
      const { AjvJsonSchemaValidator: Real } = createRequire(import.meta.url)('@modelcontextprotocol/sdk/validation/ajv');
      this._real = new Real(this._ajv);
    }
    return this._real.getValidator(schema);
  }
}`,
      resolveDir: root,
    }));
  },
};

// The SDK converts zod 3 schemas with zod/v3 and zod-to-json-schema; ours are zod 4, so those paths never run.
// Load them from node_modules on first use instead of at start-up (the SDK uses exactly these two functions).
const lazyZod3 = {
  name: 'lazy-zod3',
  setup(b) {
    b.onResolve({ filter: /^(zod\/v3|zod-to-json-schema)$/ }, (args) =>
      args.importer.includes('@modelcontextprotocol/sdk') ? { path: args.path, namespace: 'lazy-zod3' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-zod3' }, (args) => ({
      contents:
        args.path === 'zod/v3'
          ? `import { createRequire } from 'node:module';\nexport function object(shape) { return createRequire(import.meta.url)('zod/v3').object(shape); }`
          : `import { createRequire } from 'node:module';\nexport function zodToJsonSchema(...a) { return createRequire(import.meta.url)('zod-to-json-schema').zodToJsonSchema(...a); }`,
      resolveDir: root,
    }));
  },
};

const result = await build({
  plugins: [zodEnglishOnly, lazyAjv, lazyZod3],
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  external,
  legalComments: 'none',
  minify: true,
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them a real one.
  banner: { js: "import { createRequire as __abaCreateRequire } from 'node:module'; const require = __abaCreateRequire(import.meta.url);" },
});
chmodSync(join(root, 'dist/cli.js'), 0o755);

// Prompts are parsed with gray-matter here, once, and validated again when the server loads them.
const matter = createRequire(import.meta.url)('gray-matter');
const promptDir = join(root, 'prompts');
const prompts = readdirSync(promptDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const { data, content } = matter(readFileSync(join(promptDir, file), 'utf8'));
    return { file, data, content };
  });
writeFileSync(join(root, 'dist/prompts.json'), JSON.stringify(prompts));

// The tool listing, computed once here from the tool modules themselves, so the server answers tools/list
// without loading any of them; each module loads on its first call.
const cache = join(root, 'node_modules', '.cache', 'build');
mkdirSync(cache, { recursive: true });
writeFileSync(
  join(cache, 'manifest-entry.ts'),
  `import { resolveConfig } from ${JSON.stringify(join(root, 'src/config/index.ts'))};
import { documentationConfig } from ${JSON.stringify(join(root, 'src/mcp/docs.ts'))};
import { listDefinition } from ${JSON.stringify(join(root, 'src/mcp/listing.ts'))};
import { enabledEntries } from ${JSON.stringify(join(root, 'src/mcp/tools/index.ts'))};
export async function manifest() {
  const config = documentationConfig(resolveConfig({}, {}, ${JSON.stringify(root)}));
  return Promise.all(enabledEntries(config).map(async ({ index, entry }) => ({ index, tool: listDefinition(await entry.load()) })));
}`,
);
await build({ absWorkingDir: root, entryPoints: [join(cache, 'manifest-entry.ts')], outfile: join(cache, 'manifest.mjs'), bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
const { manifest } = await import(pathToFileURL(join(cache, 'manifest.mjs')).href + `?t=${Date.now()}`);
const rows = await manifest();
writeFileSync(join(root, 'dist/tool-manifest.json'), JSON.stringify(rows));
const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const main = outputs.find(([f]) => f === 'dist/cli.js');
process.stderr.write(`build: ${outputs.length} files, dist/cli.js ${(main[1].bytes / 1024).toFixed(0)} KB, ${rows.length} tools in the manifest, ${Date.now() - started} ms\n`);
