import { z } from 'zod';
import { LIST_LIMIT_MAX } from '../../../memory/limits.js';
import { defineTool } from '../../tool.js';
import { memoryStore, noteLine, NoteSummaryOut, noteTypeField, statusField } from './shared.js';

export const memoryList = defineTool({
  name: 'memory_list',
  title: 'List memory notes',
  description:
    "Lists the notes in the project's .ai/memory (patterns/aws-*.md, decisions/infrastructure-*.md ADRs, project.md, other notes) together with the server's read-only library of reference AWS patterns, an ADR template and a Well-Architected checklist (a project note of the same path wins). Filter by type, tag, decision status, folder or source; paginated by cursor. Returns metadata and each note's version (needed to update it), plus any notes whose front matter is broken. Read a note with memory_read; search text with memory_search.",
  input: z.object({
    type: noteTypeField.optional().describe('Only notes of this type: pattern, decision, project or note.'),
    tag: z.string().optional().describe('Only notes carrying this tag (case-insensitive), e.g. "serverless".'),
    status: statusField.optional().describe('Only decisions with this status: proposed, accepted, superseded or deprecated.'),
    folder: z.string().optional().describe('Only notes under this folder, e.g. "decisions" or "patterns".'),
    source: z.enum(['project', 'library']).optional().describe("Only the project's own notes (project) or only the built-in library (library)."),
    cursor: z.string().optional().describe('nextCursor from the previous page; omit for the first page.'),
    limit: z.number().int().min(1).max(LIST_LIMIT_MAX).optional().describe(`Notes per page, 1 to ${LIST_LIMIT_MAX}. Default 50.`),
  }),
  output: z.object({
    root: z.string().describe('The project memory folder.'),
    notes: z.array(NoteSummaryOut).describe('This page of notes, sorted by path.'),
    total: z.number().int().describe('Notes matching the filters, over all pages.'),
    nextCursor: z.string().optional().describe('Pass as cursor to get the next page; absent on the last page.'),
    problems: z
      .array(z.object({ path: z.string(), source: z.enum(['project', 'library']), problem: z.string() }))
      .describe('Notes whose front matter cannot be used (whatever the filters); fix them with memory_write.'),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const r = await store.list(args);
    const head = r.total === 0 ? 'No notes match.' : `${r.total} note(s)${r.nextCursor ? `, showing ${r.notes.length}; more with cursor ${r.nextCursor}` : ''}:`;
    const problems = r.problems.length ? `\n\n${r.problems.length} note(s) with broken front matter:\n${r.problems.map((p) => `- ${p.path}: ${p.problem}`).join('\n')}` : '';
    return {
      structured: { root: store.root, ...r },
      text: `${head}\n${r.notes.map(noteLine).join('\n')}${problems}`.trim(),
    };
  },
});
