import type { ServerConfig } from '../../../config/types.js';
import type { AnyTool } from '../../tool.js';
import { compareRegions } from './compare_regions.js';
import { estimateCost } from './estimate_cost.js';
import { getPricing } from './get_pricing.js';

/** Tools of the cost area, one file each in this folder. */
export function costTools(_config: ServerConfig): AnyTool[] {
  return [estimateCost, getPricing, compareRegions] as unknown as AnyTool[];
}
