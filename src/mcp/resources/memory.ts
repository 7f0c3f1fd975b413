import type { ServerConfig } from '../../config/types.js';
import { pathFromUri } from '../../memory/paths.js';
import type { ResourceDefinition } from '../resource.js';
import { memoryStore } from '../tools/memory/shared.js';

/** Most paths offered by completion at once. */
const COMPLETION_MAX = 100;

/**
 * Every memory note as `memory://<path>`: the project's .ai/memory and the built-in library (a project note of the
 * same path wins). Tools that write notes send resources/list_changed.
 */
export function memoryResources(_config: ServerConfig): ResourceDefinition[] {
  return [
    {
      kind: 'template',
      name: 'memory-note',
      uriTemplate: 'memory://{+path}',
      title: 'Memory notes',
      description:
        "Notes of the project's .ai/memory (patterns, architecture decision records, project.md, other notes) and the server's read-only library of reference AWS patterns, ADR template and Well-Architected checklist.",
      mimeType: 'text/markdown',
      async list(ctx) {
        const store = await memoryStore(ctx);
        return (await store.all()).map((n) => ({
          uri: n.uri,
          name: n.path,
          title: n.title,
          description: [
            n.type,
            n.status ? `status ${n.status}` : undefined,
            n.tags.length ? `tags ${n.tags.join(', ')}` : undefined,
            n.source === 'library' ? 'built-in library (read-only)' : undefined,
            n.problem ? `problem: ${n.problem}` : undefined,
          ]
            .filter(Boolean)
            .join('; '),
          mimeType: 'text/markdown',
        }));
      },
      complete: {
        async path(value, ctx) {
          const store = await memoryStore(ctx);
          return (await store.paths()).filter((p) => p.startsWith(value)).slice(0, COMPLETION_MAX);
        },
      },
      async read(uri, vars, ctx) {
        const store = await memoryStore(ctx);
        const note = await store.read(pathFromUri(vars.path ?? '', 'uri'), 'uri');
        return [{ uri: uri.href, mimeType: 'text/markdown', text: note.content }];
      },
    },
  ];
}
