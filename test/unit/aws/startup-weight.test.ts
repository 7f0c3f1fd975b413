import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Start-up weight: the aws tool modules are loaded when the server starts, so nothing they import statically may
 * pull in the AWS SDK or the live CloudFormation code. esbuild resolves the real import graph (type-only imports
 * erased, as at run time); only static edges are followed, since dynamic imports run inside handlers.
 */
describe('aws tool modules at start-up', () => {
  it('reach neither @aws-sdk nor src/aws through static imports', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/mcp/tools/aws/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const inputs = result.metafile.inputs;
    const seen = new Set<string>();
    const externals = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of inputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement') continue;
        if (imp.external) externals.add(imp.path);
        else walk(imp.path);
      }
    };
    walk('src/mcp/tools/aws/index.ts');
    expect([...seen].filter((f) => f.startsWith('src/aws/'))).toEqual([]);
    expect([...externals].filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'))).toEqual([]);
    // The live code is still there, behind a dynamic import.
    expect(Object.keys(inputs).some((f) => f.startsWith('src/aws/cfn/'))).toBe(true);
  });
});
