import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { analyzeRequirementsTool } from './analyze_requirements.js';
import { compareOptionsTool } from './compare_options.js';
import { describeService } from './describe_service.js';
import { listServices } from './list_services.js';
import { selectServicesTool } from './select_services.js';

/** Tools of the analysis area, one file each in this folder. */
export function analysisTools(_config: ServerConfig): AnyTool[] {
  return [analyzeRequirementsTool, selectServicesTool, compareOptionsTool, listServices, describeService] as unknown as AnyTool[];
}
