#!/usr/bin/env node
// Regenerates the README's tool and prompt tables from the registry (src/mcp/docs.ts), so docs cannot drift;
// test/integration/registry.test.ts fails when the committed README differs from this output.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'node_modules', '.cache', 'docs');
mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'entry.ts');
writeFileSync(
  entry,
  `import { renderReadme } from ${JSON.stringify(join(root, 'src/mcp/docs.ts'))};
import { resolveConfig } from ${JSON.stringify(join(root, 'src/config/index.ts'))};
export function run(text: string): Promise<string> { return renderReadme(text, resolveConfig({}, {}, ${JSON.stringify(root)})); }`,
);
const outfile = join(outdir, 'docs.mjs');
await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
const { run } = await import(pathToFileURL(outfile).href);
const readmePath = join(root, 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = await run(before);
writeFileSync(readmePath, after);
process.stderr.write(before === after ? 'README tables already up to date\n' : 'README tables updated\n');
