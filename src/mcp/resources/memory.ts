import type { ServerConfig } from '../../config/types.js';
import type { ResourceDefinition } from '../resource.js';

/** Resources of the memory area. */
export function memoryResources(_config: ServerConfig): ResourceDefinition[] {
  return [];
}
