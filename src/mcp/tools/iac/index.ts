import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { generateIacTool } from './generate_iac.js';
import { validateTemplateTool } from './validate_template.js';

/** Tools of the iac area, one file each in this folder. */
export function iacTools(_config: ServerConfig): AnyTool[] {
  return [generateIacTool, validateTemplateTool] as AnyTool[];
}
