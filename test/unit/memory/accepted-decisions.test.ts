import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedDecisions } from '../../../src/memory/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aba-mem-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(dir, '.ai', 'memory', rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

const adr = (fm: string, decision = 'We use DynamoDB on-demand for message history.') =>
  `---\n${fm}\n---\n\n# Title\n\n## Context\n\nChat needs history.\n\n## Decision\n\n${decision}\n\n## Consequences\n\nNone.\n`;

describe('acceptedDecisions', () => {
  it('returns accepted decisions with chosen and rejected services and the Decision section as summary', async () => {
    const dir = project({
      'decisions/infrastructure-0001-history-store.md': adr('type: decision\ntitle: History store\nstatus: accepted\nchosen: [dynamodb]\nrejected: [aurora]\nlayer: data\ntags: [chat]'),
      'decisions/infrastructure-0002-maybe.md': adr('type: decision\ntitle: Maybe\nstatus: proposed\nchosen: [sqs]'),
    });
    const got = await acceptedDecisions(dir);
    expect(got).toEqual([
      {
        uri: 'memory://decisions/infrastructure-0001-history-store.md',
        path: 'decisions/infrastructure-0001-history-store.md',
        title: 'History store',
        status: 'accepted',
        chosen: ['dynamodb'],
        rejected: ['aurora'],
        layer: 'data',
        tags: ['chat'],
        summary: 'We use DynamoDB on-demand for message history.',
      },
    ]);
  });

  it('leaves out superseded decisions, also when only the successor says so', async () => {
    const dir = project({
      'decisions/infrastructure-0001-a.md': adr('type: decision\ntitle: A\nstatus: accepted\nchosen: [rds]'),
      'decisions/infrastructure-0002-b.md': adr('type: decision\ntitle: B\nstatus: accepted\nchosen: [aurora]\nsupersedes: decisions/infrastructure-0001-a.md'),
      'decisions/infrastructure-0003-c.md': adr('type: decision\ntitle: C\nstatus: superseded\nsuperseded_by: decisions/infrastructure-0004-d.md'),
      'decisions/infrastructure-0004-d.md': adr('type: decision\ntitle: D\nstatus: accepted\nsupersedes: 3'),
    });
    expect((await acceptedDecisions(dir)).map((d) => d.title)).toEqual(['B', 'D']);
  });

  it('skips a decision with broken front matter and keeps the others', async () => {
    const dir = project({
      'decisions/infrastructure-0001-bad.md': '---\ntitle: [unclosed\nstatus: accepted\n---\n# Bad\n',
      'decisions/infrastructure-0002-good.md': adr('type: decision\ntitle: Good\nstatus: accepted'),
    });
    expect((await acceptedDecisions(dir)).map((d) => d.title)).toEqual(['Good']);
  });

  it('honours an explicit memory folder and clips long summaries near 300 characters', async () => {
    const dir = project({});
    const mem = join(dir, 'elsewhere');
    mkdirSync(join(mem, 'decisions'), { recursive: true });
    writeFileSync(join(mem, 'decisions', 'infrastructure-0001-x.md'), adr('title: Long\nstatus: accepted', 'word '.repeat(200)));
    const [d] = await acceptedDecisions(dir, mem);
    expect(d?.title).toBe('Long');
    expect(d!.summary.length).toBeLessThanOrEqual(301);
    expect(d!.summary.endsWith('…')).toBe(true);
  });

  it('returns nothing for a project without memory', async () => {
    expect(await acceptedDecisions(project({}))).toEqual([]);
  });
});
