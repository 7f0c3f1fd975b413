import { describe, expect, it } from 'vitest';
import { noteVersion, openNote, parseNote, serializeNote, setFields } from '../../../src/memory/note.js';

describe('note format', () => {
  it('reads the known front-matter fields and keeps unknown ones as data', () => {
    const n = parseNote(
      'decisions/infrastructure-0001-x.md',
      '---\ntitle: Use SQS\nstatus: accepted\ntags: [queue, 2024]\ndeciders: Ana, Ben\nchosen: [sqs]\nowner: {team: platform, slack: "#infra"}\n---\n\n# 1. Use SQS\n',
    );
    expect(n.problem).toBeUndefined();
    expect(n.meta).toMatchObject({ type: 'decision', title: 'Use SQS', status: 'accepted', tags: ['queue', '2024'], deciders: ['Ana', 'Ben'], chosen: ['sqs'] });
    expect(n.data.owner).toEqual({ team: 'platform', slack: '#infra' });
  });

  it('infers type from the folder and title from the first heading when front matter is absent', () => {
    expect(parseNote('patterns/aws-x.md', '# Queue worker\n\nBody').meta).toMatchObject({ type: 'pattern', title: 'Queue worker' });
    expect(parseNote('project.md', 'no heading').meta).toMatchObject({ type: 'project', title: 'project' });
    expect(parseNote('notes/cost-plan.md', '').meta).toMatchObject({ type: 'note', title: 'cost plan' });
  });

  it('reports broken YAML with its line in the note, and keeps the body', () => {
    const n = parseNote('notes/a.md', '---\ntitle: ok\ntags: [unclosed\n---\n\nBody text\n');
    expect(n.problem).toMatch(/front matter is not valid YAML \(line \d+ of the note\)/);
    expect(n.body).toContain('Body text');
    expect(n.meta.type).toBe('note');
  });

  it('reports schema problems naming the field', () => {
    expect(parseNote('a.md', '---\ntype: decison\n---\n').problem).toBe("front matter: type: 'decison' is not one of pattern, decision, project, note (did you mean 'decision'?)");
    expect(parseNote('a.md', '---\nstatus: done\n---\n').problem).toContain('status');
    expect(parseNote('a.md', '---\n- a\n- b\n---\n').problem).toContain('mapping');
    expect(parseNote('a.md', '---\ntitle: a\ntitle: b\n---\n').problem).toMatch(/not valid YAML/);
  });

  it('never evaluates JavaScript front matter (gray-matter would, by default)', () => {
    const g = globalThis as { pwned?: boolean };
    for (const lang of ['js', 'javascript', 'json', 'coffee']) {
      const n = parseNote('a.md', `---${lang}\n(function(){ globalThis.pwned = true; return {title: 'x'} })()\n---\nbody`);
      expect(n.problem).toContain('must be YAML');
    }
    expect(g.pwned).toBeUndefined();
  });

  it('edits keep comments, order and unknown fields; a no-op edit round-trips byte for byte', () => {
    const text = '---\n# who owns this\ntitle: Hello\nextra:\n  nested: [1, 2] # keep\n  when: 2024-01-01\ntags: [a, b]\n---\n\n# Body\n';
    expect(serializeNote(openNote(text))).toBe(text);
    const e = openNote(text);
    setFields(e.doc, { status: 'superseded', tags: ['c'], extra: undefined });
    const out = serializeNote(e);
    expect(out).toContain('# who owns this\ntitle: Hello\nextra:\n  nested: [1, 2] # keep\n  when: 2024-01-01\ntags: [c]\nstatus: superseded\n');
    expect(parseNote('a.md', out).data.extra).toEqual({ nested: [1, 2], when: '2024-01-01' });
  });

  it('versions are short content hashes', () => {
    expect(noteVersion('a')).toMatch(/^[0-9a-f]{16}$/);
    expect(noteVersion('a')).toBe(noteVersion(Buffer.from('a')));
    expect(noteVersion('a')).not.toBe(noteVersion('b'));
  });
});
