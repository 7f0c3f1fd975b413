import type { Architecture, CostLineItem, UsageProfile } from '../model/index.js';
import { componentCharges, platformCharges } from './builders/index.js';
import type { PriceCatalog } from './catalog/load.js';
import { priceCharges } from './engine.js';

/** Prices one usage profile: component charges plus platform charges, through the engine. */
export function priceDesign(arch: Architecture, profile: UsageProfile, catalog: PriceCatalog, region: string, freeTier: boolean): { lineItems: CostLineItem[]; assumptions: string[] } {
  const ctx = { arch, region, usage: (id: string) => profile.components[id] ?? {} };
  const charges = arch.components.flatMap((c) => componentCharges(c, ctx));
  const platform = platformCharges(arch, profile);
  const lineItems = priceCharges([...charges, ...platform.charges], { catalog, region, freeTier });
  return { lineItems, assumptions: platform.assumptions };
}

