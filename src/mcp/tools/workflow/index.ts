import type { ToolEntry } from '../../tool.js';

/** Tools of diagrams and the plan, one file each in this folder, loaded on first use. */
export const workflowTools: ToolEntry[] = [
  { load: async () => (await import('./generate_diagram.js')).generateDiagram },
  { load: async () => (await import('./create_plan.js')).createPlan },
];
