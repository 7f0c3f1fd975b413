import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';

/** Tools of the analysis area, one file each in this folder. */
export function analysisTools(_config: ServerConfig): AnyTool[] {
  return [];
}
