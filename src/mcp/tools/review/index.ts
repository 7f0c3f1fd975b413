import type { ToolEntry } from '../../tool.js';

/** Tools of review, one file each in this folder, loaded on first use. */
export const reviewTools: ToolEntry[] = [
  { load: async () => (await import('./review_architecture.js')).reviewArchitectureTool },
];
