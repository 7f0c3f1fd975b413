import { z } from 'zod';
import { memoryRoot } from '../../../memory/root.js';
import type { MemoryStore } from '../../../memory/store.js';
import { DECISION_STATUSES, NOTE_TYPES, type NoteSummary } from '../../../memory/types.js';
import type { ToolContext } from '../../tool.js';

/**
 * The memory store of the current project, one per memory folder per server (shared by sessions). The store and
 * its libraries (YAML, search, locks) load on first use, not at server start.
 */
export async function memoryStore(ctx: Pick<ToolContext, 'projectRoot' | 'config' | 'memo'>): Promise<MemoryStore> {
  const projectRoot = await ctx.projectRoot();
  return ctx.memo(`memory-store:${memoryRoot(projectRoot, ctx.config.memoryDir)}`, async () => {
    const { openMemoryStore } = await import('../../../memory/index.js');
    return openMemoryStore(projectRoot, ctx.config.memoryDir);
  });
}

export const noteTypeField = z.enum(NOTE_TYPES);
export const statusField = z.enum(DECISION_STATUSES);

/** A listed note, as tools return it. */
export const NoteSummaryOut = z.object({
  path: z.string().describe('Path inside the memory folder, e.g. patterns/aws-serverless-api.md.'),
  uri: z.string().describe('memory:// resource URI of the note.'),
  source: z.enum(['project', 'library']).describe("project: the project's .ai/memory; library: built into the server, read-only."),
  type: noteTypeField.describe('pattern, decision, project or note.'),
  title: z.string(),
  tags: z.array(z.string()),
  status: statusField.optional().describe('Decision status (decisions only).'),
  created: z.string().optional(),
  updated: z.string().optional(),
  version: z.string().describe('Content hash; pass it as expectedVersion to update the note.'),
  problem: z.string().optional().describe('Why the front matter could not be used; the note is still readable.'),
  overridesLibrary: z.boolean().optional().describe('This project note hides the library note of the same path.'),
});

/** One line per note for text renderings. */
export function noteLine(n: NoteSummary): string {
  const bits = [n.type, n.status, n.source === 'library' ? 'library' : undefined].filter(Boolean).join(', ');
  return `- ${n.path}: ${n.title} (${bits})${n.problem ? ` [problem: ${n.problem}]` : ''}`;
}
