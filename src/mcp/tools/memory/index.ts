import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { memoryList } from './memory_list.js';
import { memoryRead } from './memory_read.js';
import { memorySearch } from './memory_search.js';
import { memoryWrite } from './memory_write.js';
import { recordDecisionTool } from './record_decision.js';
import { savePatternTool } from './save_pattern.js';

/** Tools of the memory area, one file each in this folder. */
export function memoryTools(_config: ServerConfig): AnyTool[] {
  return [memoryList, memoryRead, memoryWrite, memorySearch, recordDecisionTool, savePatternTool] as AnyTool[];
}
