import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spawn.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'aba-pack-'));
  const app = join(work, 'app');
  let files: string[] = [];
  let tarball = '';

  beforeAll(() => {
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const info = JSON.parse(out.slice(out.indexOf('[')))[0] as { filename: string; files: Array<{ path: string }> };
    files = info.files.map((f) => f.path);
    tarball = join(work, info.filename);
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-app', version: '1.0.0', private: true }));
    // Dependencies come from the npm cache that `npm ci` just filled; the registry is the fallback.
    execFileSync(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: app, stdio: 'pipe', timeout: 300_000 });
  }, 320_000);

  it('contains the bundle, the prompts, the built-in memory library and the data files, and no sources or tests', () => {
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/prompts.json');
    expect(files.filter((f) => /^prompts\/[a-z-]+\.md$/.test(f)).length).toBe(7);
    expect(files).toContain('prompts/templates/plan.md');
    expect(files.filter((f) => f.startsWith('memory/patterns/')).length).toBeGreaterThanOrEqual(6);
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/') && f.endsWith('.ts'))).toBe(false);
  });

  it('starts with npx aws-backend-architect serve in an empty project and answers a client', async () => {
    expect(existsSync(join(app, 'node_modules', '.bin', 'aws-backend-architect'))).toBe(true);
    const transport = new StdioClientTransport({ command: npm, args: ['exec', '--no', '--', 'aws-backend-architect', 'serve'], cwd: app, stderr: 'pipe' });
    const client = new Client({ name: 'pack-test', version: '0' });
    await client.connect(transport);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('design-backend');
    const plan = await client.readResource({ uri: 'aws-architect://templates/plan' });
    expect((plan.contents[0] as { text: string }).text).toContain('# AWS Backend Architecture Plan');
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    await client.close();
    expect(readdirSync(app)).toContain('node_modules');
  }, 60_000);
});
