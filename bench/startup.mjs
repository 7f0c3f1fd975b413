#!/usr/bin/env node
// Cold start: spawn -> initialize response, median over N runs, round-robin across targets so that machine load
// affects all of them alike. Usage: node bench/startup.mjs [runs=20]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 20);
const init = JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '0' } } }) + '\n';

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(1);
}

const targets = [
  { name: 'bare node -e ""', cmd: process.execPath, args: ['-e', ''], exit: true },
  { name: '@modelcontextprotocol/server-memory', cmd: process.execPath, args: [join(root, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js')], env: { MEMORY_FILE_PATH: join(root, '.bench-memory.json') } },
  { name: 'aws-backend-architect (dist/cli.js)', cmd: process.execPath, args: [join(root, 'dist/cli.js')] },
];

function once(t) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(t.cmd, t.args, { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...t.env } });
    const done = () => resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    if (t.exit) {
      p.on('exit', done);
      p.stdin.end();
      return;
    }
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      if (out.includes('"id":0')) {
        done();
        p.kill();
      }
    });
    p.on('error', reject);
    p.stdin.write(init);
  });
}

const samples = new Map(targets.map((t) => [t.name, []]));
for (const t of targets) await once(t); // warm the file cache
for (let i = 0; i < runs; i++) for (const t of targets) samples.get(t.name).push(await once(t));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const rows = targets.map((t) => { const xs = samples.get(t.name); return { target: t.name, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }; });
console.log(`startup: spawn -> initialize response, ${runs} runs each (node ${process.version})`);
for (const r of rows) console.log(`  ${r.target.padEnd(40)} median ${r.median.toFixed(1)} ms   (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`);
const [bare, mem, ours] = rows.map((r) => r.median);
console.log(`  ours / server-memory = ${(ours / mem).toFixed(2)} (target <= 0.70)`);
console.log(`  ours / bare node     = ${(ours / bare).toFixed(2)} (target <= 2.00)`);
