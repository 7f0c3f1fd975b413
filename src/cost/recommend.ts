import type { Architecture, Component, CostRecommendation, CostReport, UsageProfile } from '../model/index.js';
import type { PriceCatalog } from './catalog/load.js';
import { priceDesign } from './price.js';
import { SECONDS_PER_MONTH } from './usage.js';

interface Ctx {
  region: string;
  freeTier: boolean;
  profile: UsageProfile;
}

/**
 * Savings Plan and Reserved Instance discounts are not in the price data, so these recommendations use stated,
 * conservative rates below what AWS quotes ("up to 66 %" for Compute Savings Plans, "up to 17 %" for Lambda,
 * https://aws.amazon.com/savingsplans/compute-pricing/) and say so.
 */
const SP_RATE = { compute: 0.2, lambda: 0.12, database: 0.25 };

/** Intel/AMD families with a Graviton counterpart of the same shape. */
const GRAVITON: Record<string, string> = {
  m5: 'm7g', m6i: 'm7g', m7i: 'm7g', m6a: 'm7g', m7a: 'm7g', c5: 'c7g', c6i: 'c7g', c7i: 'c7g', c6a: 'c7g', c7a: 'c7g',
  r5: 'r7g', r6i: 'r7g', r7i: 'r7g', r6a: 'r7g', r7a: 'r7g', t3: 't4g', t3a: 't4g', t2: 't4g',
};

function gravitonOf(type: string, prefix = ''): string | undefined {
  const rest = type.slice(prefix.length);
  const [family, ...size] = rest.split('.');
  const g = family && GRAVITON[family];
  return g ? `${prefix}${g}.${size.join('.')}` : undefined;
}

function withComponent(arch: Architecture, id: string, patch: (c: Component) => Component): Architecture {
  return { ...arch, components: arch.components.map((c) => (c.id === id ? patch(structuredClone(c)) : c)) };
}

function money(n: number): string {
  return `$${n.toFixed(2)}`;
}

/** Recommendations with savings computed by re-pricing the changed design with the same usage, largest first. */
export function recommend(arch: Architecture, report: CostReport, catalog: PriceCatalog, ctx: Ctx): CostRecommendation[] {
  const base = report.totals.monthly;
  const monthlyOf = (variant: Architecture, profile = ctx.profile) => {
    const items = priceDesign(variant, profile, catalog, ctx.region, ctx.freeTier).lineItems;
    // A variant that loses a price (type not offered) cannot be compared.
    if (items.filter((i) => i.unpriced).length > report.totals.unpricedItems) return undefined;
    return items.reduce((s, i) => s + i.monthly, 0);
  };
  const componentCost = (id: string, filter?: (dimension: string) => boolean) =>
    report.lineItems.filter((i) => i.component === id && (!filter || filter(i.dimension))).reduce((s, i) => s + i.monthly, 0);
  const out: CostRecommendation[] = [];
  const add = (r: CostRecommendation) => {
    if (r.monthlySavings >= 0.01) out.push(r);
  };
  const variant = (id: string, v: Architecture, title: string, how: string, rid: string) => {
    const m = monthlyOf(v);
    if (m !== undefined) add({ id: rid, title, component: id, monthlySavings: base - m, how });
  };

  for (const c of arch.components) {
    switch (c.service) {
      case 'lambda':
        if (c.config.architecture === 'x86_64') {
          variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, architecture: 'arm64' } }) as Component), `Run ${c.id} on Graviton (arm64)`, 'Set architecture to arm64: duration is about 20 % cheaper. Check native dependencies build for arm64.', `graviton-${c.id}`);
        }
        break;
      case 'ecs-fargate':
        if (c.config.architecture === 'x86_64') {
          variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, architecture: 'arm64' } }) as Component), `Run ${c.id} tasks on Graviton (arm64)`, 'Build a multi-arch (or arm64) image and set the task runtime platform to ARM64.', `graviton-${c.id}`);
        }
        break;
      case 'ec2-asg':
      case 'eks': {
        const type = c.service === 'ec2-asg' ? c.config.instanceType : c.config.nodeInstanceType;
        const g = gravitonOf(type);
        if (g) {
          variant(
            c.id,
            withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, ...(c.service === 'ec2-asg' ? { instanceType: g } : { nodeInstanceType: g }) } }) as Component),
            `Move ${c.id} from ${type} to Graviton ${g}`,
            'Same vCPU and memory on AWS Graviton; rebuild images for arm64.',
            `graviton-${c.id}`,
          );
        }
        break;
      }
      case 'rds':
      case 'aurora': {
        if (c.service === 'aurora' && c.config.capacity !== 'provisioned') break;
        const g = gravitonOf(c.config.instanceClass, 'db.');
        if (g) variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, instanceClass: g } }) as Component), `Move ${c.id} to Graviton ${g}`, 'A modify-instance change with a short failover; engines and extensions are the same.', `graviton-${c.id}`);
        if (arch.environment !== 'prod') {
          if (c.service === 'rds' && c.config.multiAz) variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, multiAz: false } }) as Component), `Single-AZ ${c.id} outside production`, `A ${arch.environment} database rarely needs a standby; keep Multi-AZ in production.`, `single-az-${c.id}`);
          if (c.service === 'aurora' && c.config.readers > 0) variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, readers: 0 } }) as Component), `Drop the Aurora readers of ${c.id} outside production`, `A ${arch.environment} cluster can run on its writer alone.`, `no-readers-${c.id}`);
        }
        const db = componentCost(c.id, (d) => d.includes('instance'));
        if (db >= 50) add({ id: `reserved-${c.id}`, title: `Reserve the ${c.id} instances (1 year, no upfront)`, component: c.id, monthlySavings: db * SP_RATE.database, how: `Estimated at ${SP_RATE.database * 100} % off ${money(db)}/month of instance hours (reserved rates are not in the price data; check the RDS pricing page). Commit only to the steady baseline.` });
        break;
      }
      case 'elasticache':
        if (c.config.mode === 'node-based') {
          const g = gravitonOf(c.config.nodeType, 'cache.');
          if (g) variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, nodeType: g } }) as Component), `Move ${c.id} to Graviton ${g}`, 'Modify the node type in place; Valkey and Redis OSS run the same on Graviton.', `graviton-${c.id}`);
          if (c.config.engine === 'redis') variant(c.id, withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, engine: 'valkey' } }) as Component), `Switch ${c.id} from Redis OSS to Valkey`, 'Valkey is wire-compatible with Redis OSS and listed about 20 % lower; upgrade in place.', `valkey-${c.id}`);
        }
        break;
      case 'dynamodb': {
        const u = ctx.profile.components[c.id] ?? {};
        const flipped = withComponent(arch, c.id, (x) => ({
          ...x,
          config: { ...(x as typeof c).config, billingMode: c.config.billingMode === 'PAY_PER_REQUEST' ? 'PROVISIONED' : 'PAY_PER_REQUEST', readCapacity: 1, writeCapacity: 1 },
        }) as Component);
        const m = monthlyOf(flipped);
        const od = catalog.dimension('dynamodb', 'ondemand-reads', ctx.region);
        const pr = catalog.dimension('dynamodb', 'provisioned-rcu', ctx.region);
        const breakEven = od.ok && pr.ok ? pr.tiers[0]!.usd / (od.tiers[0]!.usd * 3600) : undefined;
        const util = ((u.readsPerMonth ?? 0) / SECONDS_PER_MONTH) / Math.max(1, c.config.readCapacity);
        if (m !== undefined) {
          const toProvisioned = c.config.billingMode === 'PAY_PER_REQUEST';
          add({
            id: `dynamodb-capacity-${c.id}`,
            title: toProvisioned ? `Switch ${c.id} to provisioned capacity with auto scaling` : `Switch ${c.id} to on-demand capacity`,
            component: c.id,
            monthlySavings: base - m,
            how: toProvisioned
              ? `Steady traffic is cheaper provisioned: capacity sized at the average rate at 70 % utilisation${breakEven ? `; provisioned wins once average utilisation of provisioned capacity is above ${(breakEven * 100).toFixed(1)} %` : ''}. Keep on-demand for spiky or unknown traffic.`
              : `At ${(util * 100).toFixed(0)} % average utilisation of the provisioned reads, on-demand costs less${breakEven ? ` (break-even is ${(breakEven * 100).toFixed(1)} %)` : ''}.`,
          });
        }
        break;
      }
      case 's3': {
        const std = report.lineItems.filter((i) => i.component === c.id && i.dimension === 'Standard storage').reduce((s, i) => s + i.quantity + i.freeTierApplied, 0);
        if (c.config.lifecycle.length === 0 && std >= 100) {
          variant(
            c.id,
            withComponent(arch, c.id, (x) => ({ ...x, config: { ...(x as typeof c).config, lifecycle: [{ prefix: '', transitions: [{ days: 30, storageClass: 'STANDARD_IA' }] }] } }) as Component),
            `Add an S3 lifecycle rule to ${c.id}: Standard-IA after 30 days`,
            'Assumes objects older than 30 days are rarely read (Standard-IA charges $0.01/GB retrieved and bills 30 days minimum). Intelligent-Tiering is the safe choice when access is unknown.',
            `s3-lifecycle-${c.id}`,
          );
        }
        break;
      }
      default:
        break;
    }
  }

  // Compute Savings Plans across Fargate, EC2 and Lambda.
  const computeOnDemand = report.lineItems.filter((i) => ['ecs-fargate', 'ec2-asg', 'eks'].includes(i.service) && /vCPU|memory|instances|nodes/.test(i.dimension)).reduce((s, i) => s + i.monthly, 0);
  const lambdaDuration = report.lineItems.filter((i) => i.service === 'lambda' && i.dimension.startsWith('duration')).reduce((s, i) => s + i.monthly, 0);
  if (computeOnDemand + lambdaDuration >= 50) {
    add({
      id: 'compute-savings-plan',
      title: 'Cover steady compute with a Compute Savings Plan (1 year, no upfront)',
      monthlySavings: computeOnDemand * SP_RATE.compute + lambdaDuration * SP_RATE.lambda,
      how: `Estimated at ${SP_RATE.compute * 100} % off ${money(computeOnDemand)}/month of Fargate/EC2 and ${SP_RATE.lambda * 100} % off ${money(lambdaDuration)}/month of Lambda duration (plan rates are not in the price data). Commit to the baseline you run every hour, not the peak.`,
    });
  }

  // NAT data charges that gateway endpoints would avoid.
  const net = arch.network;
  if (net && net.natGateways !== 'none' && ctx.profile.natProcessedGb > 0) {
    const missing = (['s3', 'dynamodb'] as const).filter((svc) => arch.components.some((c) => c.service === svc) && !net.vpcEndpoints.includes(svc));
    const nat = catalog.dimension('natgateway', 'data-processed', ctx.region);
    if (missing.length && nat.ok) {
      add({
        id: 'gateway-endpoints',
        title: `Add free gateway VPC endpoints for ${missing.join(' and ')}`,
        monthlySavings: ctx.profile.natProcessedGb * 0.5 * nat.tiers[0]!.usd,
        how: `Traffic to ${missing.join(' and ')} through NAT costs ${money(nat.tiers[0]!.usd)}/GB; gateway endpoints are free. Estimated for half of the ${ctx.profile.natProcessedGb} GB NAT traffic going there.`,
      });
    }
    if (net.natGateways === 'per-az' && arch.environment !== 'prod') {
      variant('platform', { ...arch, network: { ...net, natGateways: 'single' } }, 'Use a single NAT gateway outside production', `A ${arch.environment} VPC can share one NAT gateway; an AZ outage then cuts egress for the other AZs.`, 'single-nat');
    }
    const iface = net.vpcEndpoints.filter((e) => e !== 's3' && e !== 'dynamodb');
    const ep = catalog.dimension('vpc', 'endpoint-hours', ctx.region);
    if (iface.length && ep.ok && nat.ok) {
      const endpointCost = iface.length * net.azCount * 730 * ep.tiers[0]!.usd;
      const natSaved = ctx.profile.natProcessedGb * nat.tiers[0]!.usd;
      if (endpointCost > natSaved * 2 && arch.environment !== 'prod') {
        add({ id: 'interface-endpoints', title: 'Drop interface endpoints that cost more than the NAT traffic they save', component: 'platform', monthlySavings: endpointCost - natSaved, how: `${iface.length} interface endpoint(s) x ${net.azCount} AZs cost ${money(endpointCost)}/month against ${money(natSaved)} of NAT data; keep them where compliance requires private access.` });
      }
    }
  }
  return out.sort((a, b) => b.monthlySavings - a.monthlySavings);
}
