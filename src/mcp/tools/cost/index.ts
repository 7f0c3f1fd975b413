import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';

/** Tools of the cost area, one file each in this folder. */
export function costTools(_config: ServerConfig): AnyTool[] {
  return [];
}
