import type { ServerConfig } from '../../config/types.js';
import type { ResourceDefinition } from '../resource.js';

/** Resources of the analysis area. */
export function analysisResources(_config: ServerConfig): ResourceDefinition[] {
  return [];
}
