import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';

/** Tools of the memory area, one file each in this folder. */
export function memoryTools(_config: ServerConfig): AnyTool[] {
  return [];
}
