import { z } from 'zod';
import { CostLineItem, CostRecommendation } from '../../../model/cost.js';
import { UserError } from '../../../shared/errors.js';
import { stableStringify } from '../../../shared/json.js';
import { type ExtraContent, defineTool } from '../../tool.js';
import { designInputShape, resolveArchitecture } from '../shared/design-input.js';
import { catalogServicesOf, freeTierField, liveField, priceCatalog, regionField, requirementsField, usageField, withLivePrices } from './shared.js';

export const estimateCost = defineTool({
  name: 'estimate_cost',
  title: 'Estimate monthly cost',
  description:
    'Prices a design from real AWS list prices (bundled catalog of 34 regions, or live Price List API): one line item per billed dimension with quantity, unit, unit price, SKU, source and price date; monthly and annual totals; the same design re-priced at higher loads (10x by default) with tiers and free tiers applied, so fixed costs and volume discounts show; top cost drivers; recommendations with estimated dollar savings (Graviton, Savings Plans, right-sizing, S3 lifecycle, DynamoDB capacity mode, VPC endpoints vs NAT). Missing usage is derived from the requirements or defaulted, and every assumption is listed. Prices that do not exist (service not offered in the region, unknown instance type) come back as unpriced line items, never as zero. For a saved design it writes cost.json, cost.md and cost.csv to the workspace and links them; for an inline design the markdown and CSV are in the result.',
  input: z.object({
    ...designInputShape,
    usage: usageField,
    requirements: requirementsField,
    region: regionField,
    factors: z.array(z.number().positive().max(10_000)).max(10).default([10]).describe('Load multiples to re-price at, e.g. [10] or [2, 10, 100]. Default [10].'),
    freeTier: freeTierField,
    live: liveField,
  }),
  output: z.object({
    design: z.string().optional().describe('Saved design the estimate belongs to.'),
    region: z.string(),
    currency: z.literal('USD'),
    asOf: z.string().describe('Oldest price date used (YYYY-MM-DD).'),
    freeTier: z.boolean(),
    totals: z.object({ monthly: z.number(), annual: z.number(), unpricedItems: z.number().int() }).describe('USD, full precision; unpricedItems > 0 means the total is incomplete.'),
    scenarios: z.array(z.object({ factor: z.number(), monthly: z.number(), annual: z.number() })).describe('The design re-priced at each load multiple.'),
    drivers: z.array(z.object({ component: z.string(), monthly: z.number(), share: z.number() })).describe('Top cost drivers, largest first.'),
    recommendations: z.array(CostRecommendation),
    lineItems: z.array(CostLineItem),
    assumptions: z.array(z.string()),
    usage: z.record(z.string(), z.unknown()).describe('The complete usage profile priced (explicit, derived and defaulted).'),
    priceSource: z.string().describe('Bundled catalog, or the live Price List note.'),
    markdown: z.string().optional().describe('The report as markdown (inline designs only; saved designs get cost.md).'),
    csv: z.string().optional().describe('Line items as CSV (inline designs only; saved designs get cost.csv).'),
    files: z.array(z.string()).optional().describe('design:// URIs of the files written.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { architecture, design, workspace } = await resolveArchitecture(args, ctx);
    const [{ estimateCost: estimate }, { renderCsv, renderMarkdown, renderSummary }, { Requirements }] = await Promise.all([
      import('../../../cost/estimate.js'),
      import('../../../cost/render.js'),
      import('../../../model/requirements.js'),
    ]);
    let requirements;
    if (args.requirements) {
      const parsed = Requirements.safeParse(args.requirements);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UserError(`requirements.${issue.path.join('.')}`, issue.message);
      }
      requirements = parsed.data;
    } else if (design && workspace) requirements = await workspace.loadRequirements(design);

    let catalog = await priceCatalog(ctx);
    const region = args.region ?? architecture.region;
    let priceSource = `bundled catalog built ${catalog.index.builtAt}${catalog.refreshed.size ? ` with refreshed ${[...catalog.refreshed].join(', ')}` : ''}`;
    if (args.live ?? ctx.config.aws.livePricing) {
      const live = await withLivePrices(ctx, catalog, catalogServicesOf(architecture.components.map((c) => c.service)), region);
      catalog = live.catalog;
      priceSource = live.note;
    }
    const report = estimate(architecture, catalog, {
      region,
      factors: args.factors,
      freeTier: args.freeTier,
      ...(requirements ? { requirements } : {}),
      ...(args.usage ? { usage: args.usage as never } : {}),
      scenarioLineItems: Boolean(design),
    });
    const title = `Cost estimate: ${architecture.name}`;
    const markdown = renderMarkdown(report, title);
    const csv = renderCsv(report);
    const { scenarios, ...rest } = report;
    const structured = {
      ...rest,
      currency: 'USD' as const,
      scenarios: scenarios.map(({ factor, monthly, annual }) => ({ factor, monthly, annual })),
      usage: report.usage as unknown as Record<string, unknown>,
      priceSource,
    };
    const extra: ExtraContent[] = [];
    if (design && workspace) {
      const files = [
        await workspace.writeFile(design, 'cost.json', stableStringify({ ...report, priceSource }) + '\n'),
        await workspace.writeFile(design, 'cost.md', markdown),
        await workspace.writeFile(design, 'cost.csv', csv),
      ];
      ctx.resourcesChanged();
      extra.push(
        { type: 'resource_link', uri: files[0]!, name: 'cost.json', mimeType: 'application/json', description: 'Full cost report with scenario line items' },
        { type: 'resource_link', uri: files[1]!, name: 'cost.md', mimeType: 'text/markdown', description: 'Cost report' },
        { type: 'resource_link', uri: files[2]!, name: 'cost.csv', mimeType: 'text/csv', description: 'Line items' },
      );
      return { structured: { ...structured, design, files }, text: renderSummary(report), extra };
    }
    return { structured: { ...structured, markdown, csv }, text: renderSummary(report) };
  },
});
