import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { createPlan } from './create_plan.js';
import { generateDiagram } from './generate_diagram.js';

/** Tools of the workflow area: diagrams, the plan, the end-to-end run. */
export function workflowTools(_config: ServerConfig): AnyTool[] {
  return [generateDiagram, createPlan];
}
