import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { memoryStore, NoteSummaryOut } from './shared.js';

export const memoryRead = defineTool({
  name: 'memory_read',
  title: 'Read a memory note',
  description:
    "Reads one note from the project's .ai/memory, or from the built-in library when the project has none at that path: e.g. project.md (the project's AWS configuration), decisions/infrastructure-0003-....md, patterns/aws-serverless-api.md, templates/adr.md, checklists/well-architected.md. Returns the full markdown, the front matter as data and the version to pass as expectedVersion when updating it with memory_write.",
  input: z.object({
    path: z.string().describe('Path inside the memory folder (e.g. "patterns/aws-realtime-chat.md") or its memory:// URI.'),
  }),
  output: NoteSummaryOut.extend({
    frontMatter: z.record(z.string(), z.unknown()).describe('The front matter as data, unknown fields included.'),
    content: z.string().describe('The whole note as stored: front matter and markdown body.'),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const note = await store.read(args.path);
    const { body: _body, ...structured } = note;
    const origin = note.source === 'library' ? 'built-in library, read-only: memory_write to this path creates a project copy' : 'project';
    const warn = note.problem ? `\nProblem: ${note.problem}` : '';
    return {
      structured,
      text: `${note.path} (version ${note.version}, ${origin})${warn}\n\n${note.content}`,
    };
  },
});
