import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { rawArchitectureFixture } from '../helpers/fixtures.js';

async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (c, _e, cb) => ((out += c), cb()) });
  const stderr = new Writable({ write: (c, _e, cb) => ((err += c), cb()) });
  const code = await main(args, { stdout, stderr, env: { AWS_ARCHITECT_CACHE_DIR: join(cwd, '.cache'), AWS_EC2_METADATA_DISABLED: 'true' }, cwd });
  return { code, out, err };
}

describe('aws-backend-architect cost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aba-cost-cli-'));
  writeFileSync(join(dir, 'chat.json'), JSON.stringify(rawArchitectureFixture('realtime-chat')));

  it('prints markdown by default, with the 10x and 100x scenarios asked for', async () => {
    const r = await run(['cost', 'chat.json', '--factors', '10,100'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Cost estimate: chat-backend');
    expect(r.out).toMatch(/\| 100x \| \$/);
  });

  it('prints CSV and JSON, with free tier off and another region', async () => {
    const csv = await run(['cost', 'chat.json', '--format', 'csv', '--no-free-tier'], dir);
    expect(csv.out.split('\n')[0]).toBe('component,service,dimension,quantity,unit,unit_price_usd,monthly_usd,free_tier_quantity,source,sku,price_date,unpriced,note');
    const json = await run(['cost', 'chat.json', '--format', 'json', '--region', 'eu-west-1'], dir);
    const report = JSON.parse(json.out);
    expect(report.region).toBe('eu-west-1');
    expect(report.freeTier).toBe(true);
  });

  it('explains bad input', async () => {
    const r = await run(['cost', 'chat.json', '--region', 'eu-west-9'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/region: 'eu-west-9' is not a commercial AWS region \(did you mean/);
    expect((await run(['cost', 'chat.json', '--format', 'pdf'], dir)).code).toBe(2);
    expect((await run(['cost', 'no-such-design'], dir)).err).toMatch(/no saved design 'no-such-design'/);
  });
});

describe('aws-backend-architect prices refresh', () => {
  it('refuses an unknown service or region before touching the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aba-refresh-'));
    const r = await run(['prices', 'refresh', '--services', 'lambada'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no Price List recipe for lambada/);
    const bad = await run(['prices', 'refresh', '--regions', 'us-east-9', '--source', 'bulk'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/did you mean/);
  });
});
