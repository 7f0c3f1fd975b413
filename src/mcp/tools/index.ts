import type { ServerConfig } from '../../config/types.js';
import type { AnyTool } from '../tool.js';
import { analysisTools } from './analysis/index.js';
import { awsTools } from './aws/index.js';
import { costTools } from './cost/index.js';
import { iacTools } from './iac/index.js';
import { memoryTools } from './memory/index.js';
import { reviewTools } from './review/index.js';
import { workflowTools } from './workflow/index.js';

/**
 * The one list of tools. Each area folder owns its tools (one file per tool); nothing else keeps a list of names.
 * Tool modules must stay light: heavy libraries (CDK, schemas, price data) are imported inside handlers.
 */
export function allTools(config: ServerConfig): AnyTool[] {
  return [
    ...analysisTools(config),
    ...iacTools(config),
    ...costTools(config),
    ...reviewTools(config),
    ...workflowTools(config),
    ...memoryTools(config),
    ...awsTools(config),
  ];
}
