import { z } from 'zod';
import { MAX_NOTE_BYTES } from '../../../memory/limits.js';
import { defineTool } from '../../tool.js';
import { memoryStore, noteTypeField, statusField } from './shared.js';

export const memoryWrite = defineTool({
  name: 'memory_write',
  title: 'Write a memory note',
  description: `Creates or updates a markdown note in the project's .ai/memory: project.md (the project's AWS configuration: accounts, regions, naming, tagging), cost strategies (e.g. notes/cost-savings-plans.md), security configurations (e.g. notes/security-baseline.md), or edits to ADRs and patterns. Front matter is YAML (type, title, tags, created, updated; status for decisions); unknown fields are kept. Content without front matter keeps the note's current front matter. Updating an existing note needs expectedVersion (the version memory_read or memory_list gave); if the note changed since, nothing is written and the error shows the current version and text to merge with. Writes are atomic; a note is at most ${MAX_NOTE_BYTES / 1024} KB. For new ADRs use record_decision, for patterns save_pattern.`,
  input: z.object({
    path: z.string().describe('Path inside the memory folder ending in .md, e.g. "project.md" or "notes/cost-savings-plans.md". Letters, digits, dots, dashes, underscores and / only.'),
    content: z.string().describe('The markdown to store, optionally starting with YAML front matter between --- lines.'),
    title: z.string().min(1).optional().describe('Sets the title field (default: the front matter title, else the first # heading).'),
    type: noteTypeField.optional().describe('Sets the type (default: from the folder: decisions/ decision, patterns/ pattern, project.md project, else note).'),
    tags: z.array(z.string()).optional().describe('Sets the tags.'),
    status: statusField.optional().describe('Sets a decision status: proposed, accepted, superseded or deprecated (decisions only).'),
    expectedVersion: z.string().optional().describe('Version of the note you read; required to update an existing note, omit to create one.'),
  }),
  output: z.object({
    path: z.string(),
    uri: z.string().describe('memory:// URI of the note.'),
    version: z.string().describe('The new version; pass it as expectedVersion for the next update.'),
    created: z.boolean().describe('True when the note did not exist before.'),
    previousVersion: z.string().optional().describe('The version that was replaced.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const { path, content, expectedVersion, ...set } = args;
    const r = await store.write({ path, content, set, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
    ctx.resourcesChanged();
    return {
      structured: { path: r.note.path, uri: r.note.uri, version: r.note.version, created: r.created, ...(r.previousVersion ? { previousVersion: r.previousVersion } : {}) },
      text: `${r.created ? 'Created' : 'Updated'} ${r.note.uri} (version ${r.note.version}).${r.note.overridesLibrary ? ' It overrides the library note of the same path for this project.' : ''}`,
    };
  },
});
