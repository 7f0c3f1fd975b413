import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';

/** Tools of the aws area, one file each in this folder. */
export function awsTools(_config: ServerConfig): AnyTool[] {
  return [];
}
