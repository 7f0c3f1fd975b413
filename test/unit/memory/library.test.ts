import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/memory/index.js';
import { libraryRoot } from '../../../src/memory/decisions.js';
import { COMPONENT_SERVICES } from '../../../src/model/index.js';
import { makeStore } from './helpers.js';

/** Ids a pattern may name besides component kinds: platform services every design has. */
const PLATFORM = new Set(['vpc', 'kms', 'cloudwatch', 'cloudtrail', 'backup', 'guardduty', 'config']);

describe('the built-in library (memory/)', () => {
  const store = new MemoryStore({ root: makeStore().root, libraryRoot: libraryRoot() });

  it('has at least six patterns, the ADR and project templates and the Well-Architected checklist, all sound', async () => {
    const r = await store.list({ limit: 200 });
    expect(r.problems).toEqual([]);
    const patterns = r.notes.filter((n) => n.type === 'pattern');
    expect(patterns.length).toBeGreaterThanOrEqual(6);
    for (const p of patterns) expect(p.path).toMatch(/^patterns\/aws-[a-z0-9-]+\.md$/);
    expect(r.notes.map((n) => n.path)).toEqual(expect.arrayContaining(['patterns/aws-serverless-api.md', 'patterns/aws-realtime-chat.md', 'templates/adr.md', 'templates/project.md', 'checklists/well-architected.md']));
    expect(r.notes.every((n) => n.source === 'library' && n.tags.length > 0 && n.created && n.updated)).toBe(true);
  });

  it('every pattern is substantial, follows the common sections and names known service ids', async () => {
    const known = new Set<string>([...COMPONENT_SERVICES, ...PLATFORM]);
    for (const summary of (await store.list({ type: 'pattern' })).notes) {
      const note = await store.read(summary.path);
      expect(note.body.split(/\s+/).length, summary.path).toBeGreaterThan(500);
      for (const heading of ['## When to use', '## Architecture', '## Security', '## Pitfalls']) expect(note.body, `${summary.path} ${heading}`).toContain(heading);
      const services = note.frontMatter.services as string[];
      expect(services.length, summary.path).toBeGreaterThan(2);
      for (const s of services) expect(known.has(s), `${summary.path}: unknown service id ${s}`).toBe(true);
    }
  });

  it('is found by search', async () => {
    expect((await store.search({ query: 'websocket idle timeout' })).results[0]?.path).toBe('patterns/aws-realtime-chat.md');
    expect((await store.search({ query: 'business associate addendum' })).results[0]?.path).toBe('patterns/aws-hipaa-workload.md');
    expect((await store.search({ query: 'origin access control', type: 'pattern' })).results[0]?.path).toBe('patterns/aws-static-site.md');
  });

  it('ships no decisions, so it never steers a project’s service selection', async () => {
    expect(await store.acceptedDecisions()).toEqual([]);
  });
});
