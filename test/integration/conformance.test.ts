import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startHttp, type RunningServer } from '../helpers/spawn.js';

// The scenarios of the official suite that apply to a real server (the others need fixture tools such as
// test_simple_text that only a conformance fixture server has).
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'prompts-list', 'resources-list', 'logging-set-level', 'dns-rebinding-protection'];
const CONFORMANCE = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
const SHIM = join(ROOT, 'test/conformance/register-node20.mjs');

function runScenario(url: string, scenario: string, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', SHIM, CONFORMANCE, 'server', '--url', url, '--scenario', scenario, '-o', out], { cwd: ROOT });
    let output = '';
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    p.on('exit', (code) => resolve({ code, output }));
  });
}

describe('official MCP conformance suite (@modelcontextprotocol/conformance) against the HTTP mode', () => {
  let s: RunningServer;
  const out = mkdtempSync(join(tmpdir(), 'aba-conformance-'));
  beforeAll(async () => {
    s = await startHttp();
  });
  afterAll(async () => s.stop());

  it.each(SCENARIOS)('%s passes', async (scenario) => {
    // dns-rebinding-protection must see a localhost URL, as a browser would.
    const url = s.url.replace('127.0.0.1', 'localhost');
    const r = await runScenario(url, scenario, out);
    expect(r.output, r.output).toMatch(/Passed: (\d+)\/\1, 0 failed/);
    expect(r.code).toBe(0);
  });
});
