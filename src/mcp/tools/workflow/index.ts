import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';

/** Tools of the workflow area, one file each in this folder. */
export function workflowTools(_config: ServerConfig): AnyTool[] {
  return [];
}
