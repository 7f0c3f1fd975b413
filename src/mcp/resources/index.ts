import type { ServerConfig } from '../../config/types.js';
import type { ResourceDefinition } from '../resource.js';
import { analysisResources } from './analysis.js';
import { coreResources } from './core.js';
import { memoryResources } from './memory.js';
import { workflowResources } from './workflow.js';

/** The one list of resources, by area. */
export function allResources(config: ServerConfig): ResourceDefinition[] {
  return [...coreResources(config), ...analysisResources(config), ...memoryResources(config), ...workflowResources(config)];
}
