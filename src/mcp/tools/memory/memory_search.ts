import { z } from 'zod';
import { SEARCH_LIMIT_MAX } from '../../../memory/limits.js';
import { defineTool } from '../../tool.js';
import { memoryStore, NoteSummaryOut, noteTypeField, statusField } from './shared.js';

export const memorySearch = defineTool({
  name: 'memory_search',
  title: 'Search memory notes',
  description:
    "Ranked full-text search over the project's .ai/memory and the built-in pattern library: titles and tags weigh more than body text, the last word also matches as a prefix, long words tolerate a typo. Use it before designing to find earlier AWS implementations, accepted decisions and known pitfalls (e.g. \"websocket connection limits\", \"dynamodb single table\"). Filters by type, tag and decision status. Returns the best matches with a snippet around the matched words; read a whole note with memory_read.",
  input: z.object({
    query: z.string().min(1).describe('Words to look for, e.g. "fargate autoscaling cost".'),
    type: noteTypeField.optional().describe('Only notes of this type: pattern, decision, project or note.'),
    tag: z.string().optional().describe('Only notes carrying this tag (case-insensitive).'),
    status: statusField.optional().describe('Only decisions with this status, e.g. accepted.'),
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).optional().describe(`Results to return, 1 to ${SEARCH_LIMIT_MAX}. Default 10.`),
  }),
  output: z.object({
    query: z.string(),
    total: z.number().int().describe('Notes that matched, before the limit.'),
    mode: z
      .enum(['all', 'any', 'fuzzy'])
      .describe('all: the results contain every word; any: too few did, so notes with some of the words follow; fuzzy: words a typo or two away were matched too.'),
    results: z.array(NoteSummaryOut.extend({ score: z.number().describe('Relevance (BM25); higher is better.'), snippet: z.string().describe('Text around the matched words.') })).describe('Best matches first.'),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const r = await store.search(args);
    const widened = r.mode === 'all' ? '' : r.mode === 'any' ? ' (fewer notes have every word; notes with some of them follow)' : ' (including words a typo or two away)';
    const lines = r.results.map((h, i) => `${i + 1}. ${h.path}: ${h.title} (${[h.type, h.status, h.source === 'library' ? 'library' : undefined].filter(Boolean).join(', ')})\n   ${h.snippet}`);
    return {
      structured: { query: args.query, ...r },
      text: r.total === 0 ? `No note matches "${args.query}".` : `${r.total} note(s) match "${args.query}"${widened}${r.total > r.results.length ? `, best ${r.results.length}` : ''}:\n${lines.join('\n')}`,
    };
  },
});
