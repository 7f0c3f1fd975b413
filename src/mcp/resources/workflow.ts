import type { ServerConfig } from '../../config/types.js';
import type { ResourceDefinition } from '../resource.js';

/** Resources of the workflow area. */
export function workflowResources(_config: ServerConfig): ResourceDefinition[] {
  return [];
}
