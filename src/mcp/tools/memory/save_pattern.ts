import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { memoryStore } from './shared.js';

export const savePatternTool = defineTool({
  name: 'save_pattern',
  title: 'Save a reusable AWS pattern',
  description:
    'Saves an AWS implementation that worked as a reusable pattern in .ai/memory/patterns/aws-<slug>.md, with the same sections as the built-in library patterns: summary, when to use, architecture, services, considerations (limits, pitfalls, trade-offs), security and cost. Later designs find it with memory_search. Replacing an existing pattern of the same name needs its version (expectedVersion); a library pattern of the same name is overridden for this project only.',
  input: z.object({
    title: z.string().min(1).describe('Pattern name, e.g. "WebSocket chat with DynamoDB fan-out".'),
    summary: z.string().min(1).describe('One paragraph: what the pattern is and the problem it solves.'),
    whenToUse: z.string().optional().describe('Markdown: when it fits and when it does not.'),
    architecture: z.string().min(1).describe('Markdown: components, connections, data flow and the key settings that made it work.'),
    services: z.array(z.string()).optional().describe('Catalog service ids used, lower case, e.g. ["apigateway-websocket", "lambda", "dynamodb"].'),
    considerations: z.string().optional().describe('Markdown: limits hit, pitfalls, trade-offs, what to watch.'),
    security: z.string().optional().describe('Markdown: the security configuration (IAM scoping, encryption, network).'),
    cost: z.string().optional().describe('Markdown: cost drivers and the strategies that kept it cheap.'),
    tags: z.array(z.string()).optional().describe('Tags for filtering and search.'),
    slug: z.string().optional().describe('File name part after "aws-" (lower-case letters, digits, dashes); made from the title when absent.'),
    expectedVersion: z.string().optional().describe('Version of the existing pattern to replace; omit to create a new one.'),
  }),
  output: z.object({
    path: z.string(),
    uri: z.string().describe('memory:// URI of the pattern.'),
    version: z.string().describe('Version of the saved pattern.'),
    created: z.boolean().describe('True when no project pattern of that name existed before.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const { savePattern } = await import('../../../memory/patterns.js');
    const r = await savePattern(store, args);
    ctx.resourcesChanged();
    return {
      structured: { path: r.note.path, uri: r.note.uri, version: r.note.version, created: r.created },
      text: `${r.created ? 'Saved' : 'Updated'} pattern ${r.note.uri} (version ${r.note.version}).${r.note.overridesLibrary ? ' It overrides the library pattern of the same name for this project.' : ''}`,
    };
  },
});
