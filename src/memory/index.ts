/**
 * The `.ai/memory` store: markdown notes with YAML front matter (patterns, architecture decision records, the
 * project's configuration, free notes), a read-only built-in library listed alongside, full-text search, and
 * safe concurrent writes. Other modules read accepted decisions through {@link acceptedDecisions}.
 */
import { libraryRoot } from './decisions.js';
import { memoryRoot } from './root.js';
import { MemoryStore } from './store.js';

export { memoryRoot } from './root.js';

export { acceptedDecisions, libraryRoot, recordDecision, type DecisionInput, type DecisionOption, type RecordedDecision } from './decisions.js';
export { savePattern, type PatternInput } from './patterns.js';
export {
  MemoryStore,
  type ListOptions,
  type ListResult,
  type MemoryStoreOptions,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
  type Transaction,
  type WriteInput,
  type WriteResult,
} from './store.js';
export type { AcceptedDecision, DecisionStatus, Note, NoteSource, NoteSummary, NoteType } from './types.js';
export { DECISION_STATUSES, MEMORY_SCHEME, NOTE_TYPES } from './types.js';
export { MAX_NOTE_BYTES, MAX_WRITE_BYTES } from './limits.js';

/**
 * A store over a project's memory with the built-in library alongside. Inside the MCP server prefer the shared
 * instance (`memoryStore(ctx)` in src/mcp/tools/memory/shared.ts), which keeps one cached view per folder.
 */
export function openMemoryStore(projectRoot: string, memoryDir?: string): MemoryStore {
  return new MemoryStore({ root: memoryRoot(projectRoot, memoryDir), libraryRoot: libraryRoot() });
}
