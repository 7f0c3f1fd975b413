import type { Architecture, ComponentOfService, ComponentService, ComponentUsage } from '../../model/index.js';
import { regionInfo } from '../../model/index.js';
import type { Charge } from '../engine.js';

/** What a cost builder sees: the design, the region priced, and the resolved usage of every component. */
export interface BuildContext {
  arch: Architecture;
  region: string;
  usage(id: string): ComponentUsage;
}

/** A cost builder: one component's config and usage into the charges it incurs. */
export type Builder<S extends ComponentService> = (c: ComponentOfService<S>, u: ComponentUsage, ctx: BuildContext) => Charge[];

type Base = { id: string; service: string };

export function dim(c: Base, catalog: string, key: string, dimension: string, quantity: number, note?: string, region?: string): Charge {
  return { component: c.id, service: c.service, dimension, quantity, price: 'dimension', catalog, key, ...(note ? { note } : {}), ...(region ? { region } : {}) };
}

export function inst(c: Base, catalog: string, table: string, type: string, dimension: string, hours: number, note?: string, region?: string): Charge {
  return { component: c.id, service: c.service, dimension, quantity: hours, price: 'instance', catalog, table, type, ...(note ? { note } : {}), ...(region ? { region } : {}) };
}

export function none(c: Base, dimension: string, unit: string, quantity: number, reason: string, note?: string): Charge {
  return { component: c.id, service: c.service, dimension, quantity, price: 'unpriced', unit, reason, ...(note ? { note } : {}) };
}

export function n(x: number): string {
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000);
}

/**
 * CloudFront bills by the edge location that serves the viewer. Viewers are assumed to be near the design's
 * region; the price class limits which edges may serve them (the cheaper classes send distant viewers to North
 * American and European edges, billed at those rates).
 */
export function edgeGroupFor(region: string, priceClass: 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All'): string {
  const info = regionInfo(region);
  let group = 'United States';
  if (info) {
    if (region.startsWith('ca-')) group = 'Canada';
    else if (info.continent === 'North America') group = 'United States';
    else if (info.continent === 'Europe') group = 'EU';
    else if (info.continent === 'South America') group = 'South America';
    else if (info.continent === 'Middle East') group = region === 'il-central-1' ? 'EU' : 'Middle East';
    else if (info.continent === 'Africa') group = 'South Africa';
    else if (region === 'ap-northeast-1' || region === 'ap-northeast-3') group = 'Japan';
    else if (region.startsWith('ap-south-')) group = 'India';
    else if (region === 'ap-southeast-2' || region === 'ap-southeast-4' || region === 'ap-southeast-6') group = 'Australia';
    else group = 'Asia Pacific';
  }
  const allowed: Record<string, string[]> = {
    PriceClass_100: ['United States', 'Canada', 'EU'],
    PriceClass_200: ['United States', 'Canada', 'EU', 'Japan', 'Asia Pacific', 'India', 'Middle East', 'South Africa'],
    PriceClass_All: ['United States', 'Canada', 'EU', 'Japan', 'Asia Pacific', 'India', 'Middle East', 'South Africa', 'South America', 'Australia'],
  };
  if (allowed[priceClass]!.includes(group)) return group;
  return info?.continent === 'Europe' || info?.continent === 'Africa' || info?.continent === 'Middle East' ? 'EU' : 'United States';
}
