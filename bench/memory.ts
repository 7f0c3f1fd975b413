// Memory store benchmark over 10,000 generated notes: cold load and index build, search (median and p95 over 200
// queries, filters included), and memory_write (core and through the MCP client). Targets: search median <= 10 ms,
// build <= 3 s. Usage: node bench/run.mjs memory [notes=10000]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../src/config/index.js';
import { createServer } from '../src/mcp/server.js';
import { MemoryStore } from '../src/memory/index.js';
import { libraryRoot } from '../src/memory/decisions.js';
import { silentLogger } from '../src/shared/log.js';

const NOTES = Number(process.argv[2] ?? 10_000);

// Deterministic pseudo-random numbers (mulberry32), so every run indexes the same corpus.
let seed = 42;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const AWS = 'lambda dynamodb aurora postgresql fargate ecs eks cloudfront route53 s3 glacier athena glue redshift kinesis firehose sqs sns eventbridge stepfunctions cognito waf shield kms secrets iam vpc subnet nat endpoint alb nlb apigateway websocket appsync elasticache valkey opensearch msk iot timestream sagemaker bedrock cloudwatch xray cloudtrail guardduty config backup'.split(' ');
const WORDS = 'latency throughput partition replica failover region availability zone cost budget savings reserved spot autoscaling cold start concurrency timeout retry idempotent queue backlog consumer producer schema migration index query cache invalidation ttl encryption rotation audit compliance hipaa pci gdpr tenant isolation quota limit throttling burst shard stream batch window snapshot restore rpo rto pilot warm standby blue green canary rollback pipeline artifact deploy observability alarm dashboard trace metric log retention lifecycle tiering compression parquet iceberg catalog lineage'.split(' ');
const GLUE = 'the a we use for with on to and of because when so that this our it in by over under after before'.split(' ');
// A long tail of project-specific words (service names, team jargon), as real notes have: pronounceable nonsense.
const SYLLABLES = 'ka ro ne ti mo sa lu ver den ax pol qui tor zen mar fi do bri cal sen'.split(' ');
const TAIL = Array.from({ length: 6000 }, (_, i) => `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${SYLLABLES[Math.floor(i / 400) % 20]}`);
// Word frequencies in text follow Zipf's law: a few words are everywhere, most are rare.
const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * Math.pow(rand(), 2.5)))]!;
const TAGS = [...AWS.slice(0, 25), 'data', 'security', 'cost', 'networking', 'compute', 'integration', 'edge', 'observability', 'dr', 'compliance'];
const FOLDERS = ['decisions', 'patterns', ...Array.from({ length: 20 }, (_, i) => `notes/topic-${i}`)];

/**
 * Notes are about something: each draws most of its words from its own topic (a few services, a few concepts, some
 * project jargon), the rest from the whole vocabulary and from function words. Without topics every service name
 * would appear in nearly every note, which no real memory looks like.
 */
interface Topic {
  words: string[];
}
const TOPICS: Topic[] = Array.from({ length: 300 }, () => ({
  words: [...Array.from({ length: 3 }, () => zipf(AWS)), ...Array.from({ length: 8 }, () => zipf(WORDS)), ...Array.from({ length: 15 }, () => pick(TAIL))],
}));

function sentence(topic: Topic): string {
  const n = 8 + Math.floor(rand() * 14);
  const w: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    w.push(r < 0.45 ? pick(topic.words) : r < 0.75 ? pick(GLUE) : r < 0.85 ? zipf(WORDS) : r < 0.9 ? zipf(AWS) : zipf(TAIL));
  }
  const s = w.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function note(i: number): { rel: string; text: string } {
  const topic = TOPICS[i % TOPICS.length]!;
  const folder = i % 5 === 0 ? 'decisions' : i % 7 === 0 ? 'patterns' : pick(FOLDERS.slice(2));
  const title = `${pick(topic.words)} ${pick(topic.words)} ${pick(WORDS)} ${pick(topic.words)} ${i}`;
  const tags = Array.from(new Set([pick(TAGS), pick(TAGS), pick(TAGS)].slice(0, 1 + Math.floor(rand() * 3))));
  const type = folder === 'decisions' ? 'decision' : folder === 'patterns' ? 'pattern' : 'note';
  const status = type === 'decision' ? `\nstatus: ${pick(['proposed', 'accepted', 'accepted', 'superseded', 'deprecated'])}` : '';
  const body: string[] = [`# ${title}`, ''];
  for (const h of ['Context', 'Details', 'Consequences']) {
    body.push(`## ${h}`, '');
    const paras = 1 + Math.floor(rand() * 2);
    for (let p = 0; p < paras; p++) body.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(topic)).join(' '), '');
  }
  const name = folder === 'decisions' ? `infrastructure-${String(i).padStart(5, '0')}-n.md` : folder === 'patterns' ? `aws-note-${i}.md` : `note-${i}.md`;
  return {
    rel: `${folder}/${name}`,
    text: `---\ntype: ${type}\ntitle: ${title}\ntags: [${tags.join(', ')}]${status}\ncreated: 2026-01-01T00:00:00Z\nupdated: 2026-01-01T00:00:00Z\nowner: team-${i % 13}\n---\n\n${body.join('\n')}`,
  };
}

function stats(xs: number[]): { median: number; p95: number; line: string } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), line: `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms (n=${s.length})` };
}

const base = mkdtempSync(join(tmpdir(), 'aba-bench-memory-'));
const root = join(base, '.ai', 'memory');
let bytes = 0;
const t0 = performance.now();
for (let i = 0; i < NOTES; i++) {
  const { rel, text } = note(i);
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
  bytes += Buffer.byteLength(text);
}
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`corpus: ${NOTES} notes, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${FOLDERS.length} folders, written in ${((performance.now() - t0) / 1000).toFixed(1)} s (node ${process.version})`);

// Cold load and index build, three times with a fresh store each (the OS file cache is warm after the first).
const scans: number[] = [];
const builds: number[] = [];
const totals: number[] = [];
const cpuTotals: number[] = [];
let store!: MemoryStore;
for (let run = 0; run < 3; run++) {
  store = new MemoryStore({ root, libraryRoot: libraryRoot() });
  const cpuStart = process.cpuUsage();
  const a = performance.now();
  await store.refresh();
  const b = performance.now();
  await store.search({ query: 'warm up the index' });
  const c = performance.now();
  scans.push(b - a);
  builds.push(c - b);
  totals.push(c - a);
  const used = process.cpuUsage(cpuStart);
  cpuTotals.push((used.user + used.system) / 1000);
}
console.log(`cold load (scan + read + parse ${NOTES} notes): ${scans.map((x) => x.toFixed(0)).join(' / ')} ms`);
console.log(`index build (MiniSearch over title, tags, body): ${builds.map((x) => x.toFixed(0)).join(' / ')} ms`);
console.log(`build total (first search on a cold store): ${totals.map((x) => x.toFixed(0)).join(' / ')} ms   target <= 3000 ms`);
console.log(`  build CPU time: ${cpuTotals.map((x) => x.toFixed(0)).join(' / ')} ms (wall time above includes waiting for the CPU on a busy machine)`);

// 200 queries of one to three words, a quarter with a type, tag or status filter. Half recall a note: consecutive
// words from a random note's text, as someone remembering what they wrote would type; half are words picked at
// random from the vocabulary, which rarely occur together and so exercise the widening steps (any word, typos).
// Each search also checks the disk for changes made by other processes, as in the server.
const corpusNotes = Array.from({ length: NOTES }, (_, i) => i);
const STOP = new Set(GLUE);
const queries = Array.from({ length: 200 }, (_, i) => {
  const length = 1 + (i % 3);
  let words: string[];
  if (i % 2 === 0) {
    const text = note(pick(corpusNotes)).text.split('\n## Context')[1] ?? '';
    const all = text.split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w));
    const at = Math.floor(rand() * Math.max(1, all.length - length));
    words = all.slice(at, at + length);
  } else {
    words = Array.from({ length }, () => {
      const r = rand();
      return r < 0.35 ? pick(AWS) : r < 0.7 ? pick(WORDS) : pick(TAIL);
    });
  }
  const filter = i % 4 === 1 ? [{ type: 'decision' as const }, { tag: pick(TAGS) }, { status: 'accepted' as const }][i % 3] : {};
  return { query: words.join(' '), ...filter };
});
for (const q of queries.slice(0, 20)) await store.search(q);
const searchTimes: number[] = [];
const modes: Record<string, number> = {};
let hits = 0;
const cpu0 = process.cpuUsage();
for (const q of queries) {
  const t = performance.now();
  const r = await store.search(q);
  searchTimes.push(performance.now() - t);
  hits += r.total;
  modes[r.mode] = (modes[r.mode] ?? 0) + 1;
}
const cpu1 = process.cpuUsage(cpu0);
const search = stats(searchTimes);
console.log(`search (200 queries, ${Math.round(hits / queries.length)} matches on average, top 10 with snippets; steps ${JSON.stringify(modes)}): ${search.line}   target median <= 10 ms`);
console.log(`  search CPU time: ${((cpu1.user + cpu1.system) / 1000 / queries.length).toFixed(2)} ms per query on average`);
// The worst case for a ranked search without early termination: words every note contains (its section headings).
const worst: number[] = [];
let worstTotal = 0;
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  worstTotal = (await store.search({ query: 'context details' })).total;
  worst.push(performance.now() - t);
}
console.log(`  worst case, a query every note matches ("context details", ${worstTotal} notes): ${stats(worst).line}`);

// memory_write in the core: new notes, then updates with the version read, the index kept current.
const creates: number[] = [];
const versions: string[] = [];
for (let i = 0; i < 200; i++) {
  const { text } = note(NOTES + i);
  const t = performance.now();
  versions.push((await store.write({ path: `bench/new-${i}.md`, content: text })).note.version);
  creates.push(performance.now() - t);
}
const updates: number[] = [];
for (let i = 0; i < 100; i++) {
  const t = performance.now();
  await store.write({ path: `bench/new-${i}.md`, content: `# Updated ${i}\n\n${sentence(TOPICS[i]!)}\n`, expectedVersion: versions[i]! });
  updates.push(performance.now() - t);
}
console.log(`write, create (atomic, fsync, lock, index update): ${stats(creates).line}`);
console.log(`write, update with expectedVersion: ${stats(updates).line}`);
const after: number[] = [];
for (const q of queries.slice(0, 100)) {
  const t = performance.now();
  await store.search(q);
  after.push(performance.now() - t);
}
console.log(`search after 300 writes (incremental index): ${stats(after).line}`);

// memory_write through the real MCP client (in-memory transport): what a tool call costs end to end.
const config = { ...resolveConfig({ 'project-dir': base }, {}, base), logger: silentLogger };
const { mcp } = createServer(config);
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
await mcp.connect(serverSide);
const client = new Client({ name: 'bench', version: '0' });
await client.connect(clientSide);
const mcpWrites: number[] = [];
for (let i = 0; i < 100; i++) {
  const t = performance.now();
  const r = await client.callTool({ name: 'memory_write', arguments: { path: `bench/mcp-${i}.md`, content: note(NOTES + 1000 + i).text } });
  mcpWrites.push(performance.now() - t);
  if (r.isError) throw new Error(JSON.stringify(r.content));
}
console.log(`memory_write tool call through the MCP client: ${stats(mcpWrites).line}`);
await client.close();
await mcp.close();

rmSync(base, { recursive: true, force: true });
