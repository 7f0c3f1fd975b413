import { z } from 'zod';
import { UserError } from '../../../shared/errors.js';
import { defineTool } from '../../tool.js';
import { designInputShape, resolveArchitecture } from '../shared/design-input.js';
import { freeTierField, priceCatalog, requirementsField, usageField } from './shared.js';

export const compareRegions = defineTool({
  name: 'compare_regions',
  title: 'Compare regions by cost',
  description:
    'Prices the same design and usage in several AWS regions (all 34 commercial regions by default) and ranks them: monthly and annual totals, difference from the design\'s own region, and for each region what is not offered or has no price there (never priced from another region, and such a region is never called cheapest). Use it to weigh residency and latency against cost; the full line items of one region come from estimate_cost with region set.',
  input: z.object({
    ...designInputShape,
    regions: z.array(z.string()).min(1).max(34).optional().describe('Region codes to compare, e.g. ["us-east-1", "eu-west-1"]; default all 34 commercial regions.'),
    usage: usageField,
    requirements: requirementsField,
    freeTier: freeTierField,
  }),
  output: z.object({
    baseRegion: z.string(),
    freeTier: z.boolean(),
    cheapestComplete: z.string().optional().describe('Cheapest region where every item has a price.'),
    regions: z.array(
      z.object({
        region: z.string(),
        monthly: z.number(),
        annual: z.number(),
        unpricedItems: z.number().int(),
        unavailable: z.array(z.string()).describe('component: dimension: why it has no price there.'),
        deltaFromBase: z.number().describe('USD per month versus the design region (positive: dearer).'),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { architecture, design, workspace } = await resolveArchitecture(args, ctx);
    const [{ compareRegions: compare }, { Requirements }, { formatUsd }] = await Promise.all([import('../../../cost/compare.js'), import('../../../model/requirements.js'), import('../../../cost/render.js')]);
    let requirements;
    if (args.requirements) {
      const parsed = Requirements.safeParse(args.requirements);
      if (!parsed.success) throw new UserError(`requirements.${parsed.error.issues[0]!.path.join('.')}`, parsed.error.issues[0]!.message);
      requirements = parsed.data;
    } else if (design && workspace) requirements = await workspace.loadRequirements(design);
    const catalog = await priceCatalog(ctx);
    const r = compare(architecture, catalog, args.regions, { freeTier: args.freeTier, ...(requirements ? { requirements } : {}), ...(args.usage ? { usage: args.usage as never } : {}) });
    const top = r.regions.slice(0, 5).map((x) => `- ${x.region}: ${formatUsd(x.monthly)}/month (${x.deltaFromBase >= 0 ? '+' : ''}${formatUsd(x.deltaFromBase)} vs ${r.baseRegion})${x.unpricedItems ? `, ${x.unpricedItems} unpriced` : ''}`);
    const head = r.cheapestComplete ? `Cheapest complete estimate: ${r.cheapestComplete}.` : 'No region prices every item; see unavailable per region.';
    return { structured: r, text: `${head}\n${top.join('\n')}${r.regions.length > 5 ? `\n... ${r.regions.length - 5} more regions in the structured result` : ''}` };
  },
});
