import type { ToolEntry } from '../../tool.js';

/** Tools of cost, one file each in this folder, loaded on first use. */
export const costTools: ToolEntry[] = [
  { load: async () => (await import('./estimate_cost.js')).estimateCost },
  { load: async () => (await import('./get_pricing.js')).getPricing },
  { load: async () => (await import('./compare_regions.js')).compareRegions },
];
