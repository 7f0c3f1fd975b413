import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveConfig } from '../../config/index.js';
import { isUserError } from '../../shared/errors.js';
import { COMMON_HELP, COMMON_OPTIONS, type Command } from '../command.js';

function list(v: unknown): string[] | undefined {
  return typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

async function catalogFor(config: ReturnType<typeof resolveConfig>) {
  const [{ loadPriceCatalog }, { overlayDir }] = await Promise.all([import('../../cost/catalog/load.js'), import('../../mcp/tools/cost/shared.js')]);
  return loadPriceCatalog({ overlayDir: overlayDir(config) });
}

export const costCommand: Command = {
  name: 'cost',
  summary: 'Estimate the monthly cost of a design from real AWS prices (markdown, CSV or JSON).',
  usage: 'aws-backend-architect cost <architecture.json | design-name> [--region R] [--factors 10,100] [--no-free-tier] [--format md|csv|json]',
  options: {
    ...COMMON_OPTIONS,
    region: { type: 'string' },
    factors: { type: 'string' },
    'no-free-tier': { type: 'boolean' },
    format: { type: 'string' },
    usage: { type: 'string' },
  },
  help: {
    region: "Region to price in (default: the design's region).",
    factors: 'Load multiples to re-price at, comma-separated (default 10).',
    'no-free-tier': 'Do not apply always-free allowances.',
    format: 'md (default), csv or json.',
    usage: 'JSON file with a usage override ({ components: { id: { requestsPerMonth, ... } }, dataOutGb, ... }).',
    ...COMMON_HELP,
  },
  async run(values, positionals, io) {
    const target = positionals[0];
    if (!target) {
      io.stderr.write(`cost: give an architecture JSON file or a saved design name.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const format = (values.format as string | undefined) ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) {
      io.stderr.write(`cost: --format must be md, csv or json, got '${format}'\n`);
      return 2;
    }
    const factors = (list(values.factors) ?? ['10']).map(Number);
    if (factors.some((f) => !Number.isFinite(f) || f <= 0)) {
      io.stderr.write(`cost: --factors must be positive numbers, e.g. 10,100; got '${values.factors}'\n`);
      return 2;
    }
    const config = resolveConfig(values, io.env, io.cwd);
    try {
      const [{ parseArchitecture }, { DesignWorkspace }, { estimateCost }, render] = await Promise.all([
        import('../../model/index.js'),
        import('../../workflow/workspace.js'),
        import('../../cost/estimate.js'),
        import('../../cost/render.js'),
      ]);
      const path = resolve(io.cwd, target);
      let architecture;
      let requirements;
      if (target.endsWith('.json') || existsSync(path)) {
        const parsed = parseArchitecture(JSON.parse(await readFile(path, 'utf8')), target);
        if (!parsed.ok) {
          io.stderr.write(`cost: ${target} is not a valid architecture:\n${parsed.issues.filter((i) => i.severity === 'error').map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`);
          return 1;
        }
        architecture = parsed.value;
      } else {
        const ws = new DesignWorkspace(config.projectDir ?? config.cwd);
        architecture = (await ws.loadArchitecture(target)).architecture;
        requirements = await ws.loadRequirements(target);
      }
      const usage = typeof values.usage === 'string' ? JSON.parse(await readFile(resolve(io.cwd, values.usage), 'utf8')) : undefined;
      const catalog = await catalogFor(config);
      const report = estimateCost(architecture, catalog, {
        ...(values.region ? { region: values.region as string } : {}),
        factors,
        freeTier: !values['no-free-tier'],
        ...(requirements ? { requirements } : {}),
        ...(usage ? { usage } : {}),
      });
      const out = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'csv' ? render.renderCsv(report) : render.renderMarkdown(report, `Cost estimate: ${architecture.name}`);
      io.stdout.write(out);
      return 0;
    } catch (e) {
      if (isUserError(e)) {
        io.stderr.write(`cost: ${e.describe()}\n`);
        return 1;
      }
      throw e;
    }
  },
};

export const pricesRefreshCommand: Command = {
  name: 'prices refresh',
  summary: 'Refresh the price catalog from the AWS Pricing API (credentials) or the public bulk offer files.',
  usage: 'aws-backend-architect prices refresh [--source api|bulk] [--regions us-east-1,eu-west-1] [--services lambda,ec2] [--out DIR]',
  options: { ...COMMON_OPTIONS, source: { type: 'string' }, regions: { type: 'string' }, services: { type: 'string' }, out: { type: 'string' } },
  help: {
    source: 'api: GetProducts through @aws-sdk/client-pricing (needs credentials with pricing:GetProducts); bulk: the public per-region CSV offer files (no credentials, needs internet). Default api.',
    regions: 'Regions to refresh, comma-separated (default: all 34 commercial regions).',
    services: 'Catalog services to refresh, comma-separated (default: every service with a Price List recipe).',
    out: 'Folder for the refreshed catalog files (default: <cache>/prices/catalog, laid over the bundled catalog by the server and the cost command).',
    ...COMMON_HELP,
  },
  async run(values, _positionals, io) {
    const config = resolveConfig(values, io.env, io.cwd);
    const source = (values.source as string | undefined) ?? 'api';
    if (source !== 'api' && source !== 'bulk') {
      io.stderr.write(`prices refresh: --source must be api or bulk, got '${source}'\n`);
      return 2;
    }
    const [{ REGION_CODES }, { refreshPrices, refreshableServices, writeOverlay }, { overlayDir }, { checkRegion }] = await Promise.all([
      import('../../model/index.js'),
      import('../../cost/refresh.js'),
      import('../../mcp/tools/cost/shared.js'),
      import('../../cost/estimate.js'),
    ]);
    try {
      const regions = (list(values.regions) ?? [...REGION_CODES]).map((r, i) => checkRegion(r, `--regions[${i}]`));
      const known = refreshableServices();
      const services = list(values.services) ?? known;
      const bad = services.filter((s) => !known.includes(s));
      if (bad.length) {
        io.stderr.write(`prices refresh: no Price List recipe for ${bad.join(', ')}. Refreshable: ${known.join(', ')}.\n`);
        return 2;
      }
      const catalog = await catalogFor(config);
      let productSource;
      if (source === 'api') {
        const { LivePricing } = await import('../../aws/pricing.js');
        productSource = new LivePricing({ ...(config.aws.profile ? { profile: config.aws.profile } : {}), cacheDir: config.cacheDir, ttlHours: config.aws.priceCacheTtlHours }).source();
      } else {
        const { bulkOfferSource } = await import('../../aws/pricing-bulk.js');
        productSource = bulkOfferSource();
      }
      io.stderr.write(`Refreshing ${services.length} service(s) in ${regions.length} region(s) from the ${source === 'api' ? 'AWS Pricing API' : 'public bulk offer files'}...\n`);
      const result = await refreshPrices(catalog, productSource, regions, services);
      const out = typeof values.out === 'string' ? resolve(io.cwd, values.out) : overlayDir(config);
      const files = await writeOverlay(out, result.services, `aws-backend-architect prices refresh --source ${source}`);
      io.stdout.write(`${result.report.join('\n')}\nWrote ${files.length} service file(s) to ${out}.\n`);
      return 0;
    } catch (e) {
      if (isUserError(e)) {
        io.stderr.write(`prices refresh: ${e.describe()}${source === 'api' ? '\nWithout credentials, try --source bulk (public files, needs internet).' : ''}\n`);
        return 1;
      }
      throw e;
    }
  },
};

/** CLI commands of the cost area, one value each. */
export const costCommands: Command[] = [costCommand, pricesRefreshCommand];
