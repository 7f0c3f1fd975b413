import type { ToolEntry } from '../../tool.js';

/** Tools of the .ai/memory store, one file each in this folder, loaded on first use. */
export const memoryTools: ToolEntry[] = [
  { load: async () => (await import('./memory_list.js')).memoryList },
  { load: async () => (await import('./memory_read.js')).memoryRead },
  { load: async () => (await import('./memory_write.js')).memoryWrite },
  { load: async () => (await import('./memory_search.js')).memorySearch },
  { load: async () => (await import('./record_decision.js')).recordDecisionTool },
  { load: async () => (await import('./save_pattern.js')).savePatternTool },
];
