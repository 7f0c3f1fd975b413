import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { reviewArchitectureTool } from './review_architecture.js';

/** Tools of the review area, one file each in this folder. */
export function reviewTools(_config: ServerConfig): AnyTool[] {
  return [reviewArchitectureTool as unknown as AnyTool];
}
