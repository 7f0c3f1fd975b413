import { join } from 'node:path';
import { z } from 'zod';
import type { PriceCatalog } from '../../../cost/catalog/load.js';
import type { ServerConfig } from '../../../config/types.js';
import type { ToolContext } from '../../tool.js';

/** Where `prices refresh` writes refreshed service files; laid over the bundled catalog when present. */
export function overlayDir(config: Pick<ServerConfig, 'cacheDir'>): string {
  return join(config.cacheDir, 'prices', 'catalog');
}

/** The price catalog, read from disk on first use and shared by every connection of the server. */
export async function priceCatalog(ctx: Pick<ToolContext, 'memo' | 'config'>): Promise<PriceCatalog> {
  return ctx.memo('cost:price-catalog', async () => {
    const { loadPriceCatalog } = await import('../../../cost/catalog/load.js');
    return loadPriceCatalog({ overlayDir: overlayDir(ctx.config) });
  });
}

/**
 * Prices fetched live from the AWS Pricing API for the given catalog services and region, laid over the catalog.
 * Without credentials (or on any API failure) the bundled catalog is returned with a note saying so.
 */
export async function withLivePrices(ctx: Pick<ToolContext, 'memo' | 'config'>, catalog: PriceCatalog, services: string[], region: string): Promise<{ catalog: PriceCatalog; note: string }> {
  const { refreshPrices, withOverlay, refreshableServices } = await import('../../../cost/refresh.js');
  const { LivePricing } = await import('../../../aws/pricing.js');
  const wanted = services.filter((s) => refreshableServices().includes(s));
  if (!wanted.length) return { catalog, note: `no live Price List recipe for ${services.join(', ')}; bundled catalog used` };
  const live = new LivePricing({ ...(ctx.config.aws.profile ? { profile: ctx.config.aws.profile } : {}), cacheDir: ctx.config.cacheDir, ttlHours: ctx.config.aws.priceCacheTtlHours });
  try {
    const r = await refreshPrices(catalog, live.source(), [region], wanted);
    return { catalog: withOverlay(catalog, r.services), note: `live AWS Price List prices for ${wanted.join(', ')} in ${region} (cached ${ctx.config.aws.priceCacheTtlHours} h)` };
  } catch (e) {
    return { catalog, note: `live pricing unavailable (${(e as Error).message.split('\n')[0]}); bundled catalog used` };
  }
}

/** Usage override, typed loosely here (see the usage section of aws-architect://schema/architecture). */
export const usageField = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'Usage that overrides the design\'s own: { components: { <id>: { requestsPerMonth, avgDurationMs, readsPerMonth, writesPerMonth, messagesPerMonth, connectionMinutesPerMonth, monthlyActiveUsers, storageGb, dataOutGb, dataProcessedGb, scannedTb, avgInstances, hoursPerMonth, avgCapacityUnits } }, dataOutGb, natProcessedGb, logsIngestedGb, crossAzGb }. Monthly figures, unit in the name.',
  );

export const requirementsField = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('Requirements (as from analyze_requirements) to derive missing usage from: traffic (DAU, avg/peak rps, payload), data (stored GB, growth). Defaults to the saved design\'s requirements.json.');

export const regionField = z.string().optional().describe("Region to price in, e.g. eu-west-1; defaults to the design's region.");
export const freeTierField = z.boolean().default(true).describe('Apply always-free allowances (Lambda 1M requests, CloudFront 1 TB, ...) once per account. Default true.');
export const liveField = z.boolean().optional().describe('Look prices up live in the AWS Pricing API (needs AWS credentials); falls back to the bundled catalog, saying so. Default: the server\'s --live-pricing setting.');

/** Catalog price files the design's components and platform use (for live lookups). */
export function catalogServicesOf(kinds: string[]): string[] {
  const map: Record<string, string[]> = {
    lambda: ['lambda'], 'ecs-fargate': ['fargate'], 'ec2-asg': ['ec2', 'ebs'], eks: ['ec2', 'ebs'], 'apigateway-rest': ['apigateway'], 'apigateway-http': ['apigateway'], 'apigateway-websocket': ['apigateway'],
    dynamodb: ['dynamodb'], s3: ['s3'], sqs: ['sqs'], sns: ['sns'], alb: ['elb'], 'secrets-manager': ['secretsmanager'],
  };
  return [...new Set([...kinds.flatMap((k) => map[k] ?? []), 'natgateway', 'datatransfer', 'cloudwatch', 'kms'])];
}
