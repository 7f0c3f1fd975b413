import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { liveField, priceCatalog, withLivePrices } from './shared.js';

const TierOut = z.object({ upTo: z.number().nullable().describe('Upper bound of the step in the unit (null: unbounded).'), usd: z.number(), rateCode: z.string().optional().describe('SKU.offerTerm.rateCode') });

export const getPricing = defineTool({
  name: 'get_pricing',
  title: 'Look up AWS prices',
  description:
    'Looks up AWS on-demand list prices by service, region and attributes: per-unit dimensions with their tiers (e.g. lambda duration, s3 storage, cloudfront data-out by edge group) or hourly instance prices (ec2 m7g.large, rds db.r7g.large, elasticache cache.t4g.small). Each price carries its unit, tiers, rate code, source (bundled-catalog, price-list-api or curated) and date. Unknown services, regions or instance types get a did-you-mean. With live: true (and AWS credentials) prices come from the AWS Pricing API, cached on disk.',
  input: z.object({
    service: z.string().min(1).describe('Catalog service or component kind, e.g. lambda, ec2, rds, aurora, elasticache, s3, dynamodb, apigateway, cloudfront, natgateway, datatransfer, ecs-fargate.'),
    region: z.string().default('us-east-1').describe('Region code, e.g. eu-west-1 (CloudFront takes an edge group such as "United States" or "EU"; Route 53 is global).'),
    instanceType: z.string().optional().describe('Instance, class or node type for hourly prices, e.g. m7g.large, db.r7g.large, cache.t4g.small.'),
    dimension: z.string().optional().describe('Filter on a dimension or table id or description, e.g. "duration", "storage", "postgresql-multi-az".'),
    limit: z.number().int().min(1).max(500).default(50).describe('Most price rows returned (tables have hundreds of types). Default 50.'),
    live: liveField,
  }),
  output: z.object({
    service: z.string(),
    region: z.string(),
    rows: z.array(
      z.object({
        service: z.string(),
        kind: z.enum(['dimension', 'instance']),
        id: z.string().describe('Dimension or table id.'),
        type: z.string().optional(),
        region: z.string(),
        description: z.string(),
        unit: z.string(),
        tiers: z.array(TierOut),
        source: z.string(),
        asOf: z.string(),
        url: z.string().optional(),
      }),
    ),
    unavailable: z.array(z.object({ id: z.string(), reason: z.string() })).describe('Matching prices not offered in the region, with why.'),
    truncated: z.boolean(),
    priceSource: z.string(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { lookupPrices, resolveService } = await import('../../../cost/lookup.js');
    let catalog = await priceCatalog(ctx);
    let priceSource = `bundled catalog built ${catalog.index.builtAt}`;
    if (args.live ?? ctx.config.aws.livePricing) {
      const live = await withLivePrices(ctx, catalog, [resolveService(catalog, args.service)], args.region);
      catalog = live.catalog;
      priceSource = live.note;
    }
    const r = lookupPrices(catalog, { service: args.service, region: args.region, ...(args.instanceType ? { instanceType: args.instanceType } : {}), ...(args.dimension ? { dimension: args.dimension } : {}), limit: args.limit });
    const fmt = (t: { upTo: number | null; usd: number }) => `$${t.usd}${t.upTo === null ? '' : ` up to ${t.upTo.toLocaleString('en-US')}`}`;
    const lines = r.rows.slice(0, 12).map((x) => `- ${x.id}${x.type ? ` ${x.type}` : ''}: ${x.tiers.map(fmt).join(', ')} per ${x.unit} (${x.source}, ${x.asOf})`);
    const more = r.rows.length > 12 ? `\n... ${r.rows.length - 12} more in the structured result` : '';
    const missing = r.unavailable.length ? `\nNot available: ${r.unavailable.map((u) => `${u.id} (${u.reason})`).join('; ')}` : '';
    return { structured: { ...r, priceSource }, text: `${r.service} prices in ${r.region} (${priceSource}):\n${lines.join('\n')}${more}${missing}` };
  },
});
