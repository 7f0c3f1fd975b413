import { regionInfo, regionsIn, VPC_BOUND, VPC_ENDPOINT_SERVICES } from '../../model/index.js';
import type { ComponentService, Decision, DrStrategy } from '../../model/index.js';
import { fmt } from '../text.js';
import type { Ctx } from './context.js';
import type { DesignDraft } from './design.js';

/** Where DR copies go by default: the nearest Region in the same jurisdiction. */
const DR_PAIRS: Record<string, string> = {
  'us-east-1': 'us-west-2',
  'us-east-2': 'us-west-2',
  'us-west-1': 'us-west-2',
  'us-west-2': 'us-east-1',
  'ca-central-1': 'ca-west-1',
  'ca-west-1': 'ca-central-1',
  'eu-west-1': 'eu-central-1',
  'eu-central-1': 'eu-west-1',
  'eu-west-3': 'eu-central-1',
  'eu-north-1': 'eu-west-1',
  'eu-south-1': 'eu-central-1',
  'eu-south-2': 'eu-west-3',
  'ap-northeast-1': 'ap-northeast-3',
  'ap-northeast-3': 'ap-northeast-1',
  'ap-south-1': 'ap-south-2',
  'ap-south-2': 'ap-south-1',
  'ap-southeast-2': 'ap-southeast-4',
  'ap-southeast-4': 'ap-southeast-2',
};

export interface DrPlan {
  strategy: DrStrategy;
  secondary?: string | undefined;
  rationale: string;
  basedOn: string[];
}

/**
 * The DR strategy that meets the stated RPO/RTO at the least cost (AWS's four strategies, cheapest first), and the
 * Region it fails over to. Without RPO/RTO the design restores from in-Region backups; nothing goes multi-Region
 * unless the objectives or an explicit DR Region ask for it.
 */
export function planDr(ctx: Ctx, rebuildableOnly: boolean): DrPlan {
  const { rpoMinutes: rpo, rtoMinutes: rto } = ctx.req.availability;
  const explicit = ctx.req.regions.secondary;
  const basedOn = ['availability.rpoMinutes', 'availability.rtoMinutes', 'availability.targetPercent'];
  if (rpo === undefined && rto === undefined && !explicit) {
    if (rebuildableOnly) return { strategy: 'none', rationale: 'Nothing stateful that cannot be rebuilt from the repository: redeploy to recover.', basedOn };
    return { strategy: 'backup-restore', rationale: 'No RPO/RTO was stated: point-in-time recovery and AWS Backup in the Region cover data loss; regional recovery would be a restore into another Region (hours).', basedOn };
  }
  const r = rto ?? Number.POSITIVE_INFINITY;
  const p = rpo ?? Number.POSITIVE_INFINITY;
  let strategy: DrStrategy;
  let why: string;
  if (r <= 5 || (ctx.availability >= 99.99 && r <= 15)) {
    strategy = 'active-active';
    why = `an RTO of ${fmt(r)} minutes leaves no time to start anything: both Regions serve traffic`;
  } else if (r <= 30) {
    strategy = 'warm-standby';
    why = `an RTO of ${fmt(r)} minutes needs a scaled-down copy already running in the DR Region`;
  } else if (r <= 480 || p <= 60) {
    strategy = 'pilot-light';
    why = `${rpo !== undefined ? `an RPO of ${fmt(p)} minutes needs continuously replicated data` : 'the RTO needs replicated data'}${rto !== undefined ? ` and an RTO of ${fmt(r)} minutes allows starting compute from templates` : ''}; warm standby would idle capacity the objectives do not need`;
  } else {
    strategy = 'backup-restore';
    why = `RPO ${rpo !== undefined ? `${fmt(p)} min` : 'unstated'} and RTO ${rto !== undefined ? `${fmt(r)} min` : 'unstated'} allow restoring copied backups`;
  }
  const needsRegion = strategy !== 'backup-restore' || explicit !== undefined;
  let secondary: string | undefined = explicit;
  // A stated DR Region outside the residency rule (or equal to the primary) is replaced; analysis reports the conflict.
  const residency = ctx.req.regions.residency;
  if (secondary && (secondary === ctx.region || (residency && regionsIn(residency).length && !regionsIn(residency).includes(secondary as never)))) secondary = undefined;
  // Regulated data keeps its DR copies in the primary's jurisdiction unless the brief explicitly allows otherwise.
  const home = regionInfo(ctx.region)?.jurisdiction;
  if (secondary && ctx.req.compliance.length && regionInfo(secondary)?.jurisdiction !== home) {
    ctx.conflicts.push({
      id: 'c-dr-jurisdiction',
      description: `The DR Region ${secondary} is in ${regionInfo(secondary)?.jurisdiction ?? 'another jurisdiction'}, but ${ctx.req.compliance.join(', ')} data in ${ctx.region} (${home}) would be replicated there.`,
      fields: ['regions.secondary', 'compliance'],
      options: [`Use a DR Region in ${home} (chosen here when one exists).`, 'Confirm that cross-border replication is allowed and set regions.residency accordingly.'],
    });
    secondary = undefined;
  }
  if (needsRegion && !secondary) secondary = pickSecondary(ctx);
  if (needsRegion && !secondary) {
    ctx.conflicts.push({
      id: 'c-dr-region',
      description: `The recovery objectives need a second Region, but there is no other Region in ${ctx.req.regions.residency ?? regionInfo(ctx.region)?.jurisdiction ?? 'the jurisdiction'} where data must stay.`,
      fields: ['availability.rpoMinutes', 'availability.rtoMinutes', 'regions.residency'],
      options: ['Accept recovery from in-Region backups after a regional outage (hours).', 'Allow DR copies in a Region outside the jurisdiction.'],
    });
    return { strategy: 'backup-restore', rationale: `Wanted ${strategy} (${why}), but no DR Region is allowed; backups stay in the Region. See conflict c-dr-region.`, basedOn };
  }
  const where = secondary ? ` to ${secondary} (${regionInfo(secondary)?.name ?? secondary})` : '';
  return { strategy, secondary, rationale: `${strategyName(strategy)}${where}: ${why}.`, basedOn: explicit ? [...basedOn, 'regions.secondary'] : basedOn };
}

function pickSecondary(ctx: Ctx): string | undefined {
  const primary = ctx.region;
  // DR stays with the primary: if the primary sits outside a residency rule, analysis already reports that conflict.
  const jurisdiction = regionInfo(primary)?.jurisdiction;
  const inside = (jurisdiction ? regionsIn(jurisdiction) : []).filter((r) => r !== primary) as string[];
  const pair = DR_PAIRS[primary];
  if (pair && inside.includes(pair)) return pair;
  if (inside.length) return inside[0];
  // Outside the jurisdiction only when nothing (residency or regulation) keeps data in it.
  if (ctx.req.regions.residency || ctx.req.compliance.length) return undefined;
  return pair ?? (primary === 'us-east-1' ? 'us-west-2' : 'us-east-1');
}

function strategyName(s: DrStrategy): string {
  return { none: 'No DR', 'backup-restore': 'Backup and restore', 'pilot-light': 'Pilot light', 'warm-standby': 'Warm standby', 'active-active': 'Active-active' }[s];
}

/** VPC endpoint service names for AWS services that VPC-bound compute calls. */
const ENDPOINT_FOR: Partial<Record<ComponentService, (typeof VPC_ENDPOINT_SERVICES)[number]>> = {
  s3: 's3',
  dynamodb: 'dynamodb',
  sqs: 'sqs',
  sns: 'sns',
  'secrets-manager': 'secretsmanager',
  'apigateway-websocket': 'execute-api',
  'apigateway-rest': 'execute-api',
  'apigateway-http': 'execute-api',
};
const DATABASES: ReadonlySet<ComponentService> = new Set(['aurora', 'rds', 'documentdb', 'redshift']);

export interface NetworkPlan {
  network?: Record<string, unknown>;
  decision?: Decision;
}

/**
 * A VPC only when something must live in one; subnets, NAT and endpoints from what the VPC-bound compute actually
 * calls: AWS services with endpoints go through them (gateway endpoints are free), anything else needs NAT.
 */
export function planNetwork(ctx: Ctx, design: DesignDraft): NetworkPlan {
  const inVpc = design.components.filter((c) => VPC_BOUND.has(c.service) || (c.service === 'lambda' && c.config.inVpc === true));
  if (inVpc.length === 0) return {};
  const compute = inVpc.filter((c) => c.service === 'lambda' || c.service === 'ecs-fargate' || c.service === 'eks' || c.service === 'ec2-asg');
  const endpoints = new Set<(typeof VPC_ENDPOINT_SERVICES)[number]>(['s3', 'dynamodb']);
  const natReasons: string[] = [];
  for (const c of compute) {
    if (c.service !== 'lambda') {
      endpoints.add('ecr.api');
      endpoints.add('ecr.dkr');
      endpoints.add('logs');
    }
    if (c.service === 'eks' || c.service === 'ec2-asg') natReasons.push(`${c.id} nodes download packages and updates`);
    for (const conn of design.outgoing(c.id)) {
      const target = design.get(conn.to);
      if (!target || VPC_BOUND.has(target.service)) {
        if (target && DATABASES.has(target.service) && target.service !== 'redshift') endpoints.add('secretsmanager');
        continue;
      }
      const ep = ENDPOINT_FOR[target.service];
      if (ep) endpoints.add(ep);
      else natReasons.push(`${c.id} calls ${target.service} (${conn.kind === 'authenticate' ? 'to fetch signing keys' : 'no VPC endpoint in this design'})`);
    }
  }
  if (compute.length && (ctx.feature('payments-via-provider') || ctx.feature('third-party-apis'))) natReasons.push('the application calls third-party APIs on the internet');
  if (ctx.regulated && compute.length) for (const e of ['kms', 'logs', 'sts', 'secretsmanager'] as const) endpoints.add(e);
  const nat = natReasons.length ? (ctx.availability >= 99.95 || ctx.regulated ? 'per-az' : 'single') : 'none';
  const threeAz = ctx.availability >= 99.95 || design.components.some((c) => c.service === 'redshift');
  const publicLb = design.components.some((c) => (c.service === 'alb' || c.service === 'nlb') && c.config.scheme !== 'internal');
  const network = {
    azCount: threeAz ? 3 : 2,
    publicSubnets: nat !== 'none' || publicLb,
    privateSubnets: true,
    isolatedSubnets: inVpc.some((c) => DATABASES.has(c.service) || c.service === 'elasticache' || c.service === 'opensearch'),
    natGateways: nat,
    vpcEndpoints: VPC_ENDPOINT_SERVICES.filter((e) => endpoints.has(e)),
    flowLogs: true,
  };
  const interfaceCount = network.vpcEndpoints.filter((e) => e !== 's3' && e !== 'dynamodb').length;
  const rationale = [
    `A VPC for ${inVpc.map((c) => c.id).join(', ')} across ${network.azCount} Availability Zones${threeAz && design.components.some((c) => c.service === 'redshift') ? ' (Redshift Serverless needs three)' : ''}; data stores in isolated subnets, never public.`,
    nat === 'none'
      ? `No NAT gateway: everything the VPC compute calls is reachable through VPC endpoints (${network.vpcEndpoints.join(', ')}), gateway endpoints for S3 and DynamoDB are free${interfaceCount ? ` and ${interfaceCount} interface endpoint${interfaceCount > 1 ? 's' : ''} cost less than NAT` : ''}.`
      : `NAT (${nat === 'per-az' ? 'one per AZ, so egress survives an AZ loss' : 'a single gateway to save cost; egress pauses if its AZ fails'}) because ${natReasons.slice(0, 3).join('; ')}; AWS traffic still uses endpoints (${network.vpcEndpoints.join(', ')}).`,
  ].join(' ');
  const decision: Decision = {
    id: 'd-network-egress',
    layer: 'network',
    need: 'private networking and egress',
    chosen: nat === 'none' ? 'vpc-endpoints' : 'nat-gateway',
    components: [],
    score: 90,
    rationale,
    alternatives:
      nat === 'none'
        ? [{ service: 'nat-gateway', score: 40, whyNot: 'Nothing in the VPC needs the internet; NAT would add an hourly charge per AZ and a per-GB fee.' }]
        : [{ service: 'vpc-endpoints', score: 60, whyNot: `Endpoints alone cannot reach ${natReasons[0]?.split(' calls ')[1] ?? 'the internet'}; they are kept for AWS traffic.` }],
    basedOn: ['availability.targetPercent', 'compliance'],
  };
  return { network, decision };
}

/** Observability defaults: log retention by regime, alarm recipient when the brief names one. */
export function planObservability(ctx: Ctx): Record<string, unknown> {
  const audit = ctx.req.compliance.some((c) => c !== 'gdpr') || ctx.regulated;
  const retention = audit ? 365 : ctx.has('internal-tool') || onlyStatic(ctx) ? 14 : 30;
  const email = ctx.featureValue('alerts-to');
  return {
    logRetentionDays: retention,
    tracing: true,
    dashboard: !onlyStatic(ctx),
    ...(email && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email) ? { alarmEmail: email } : {}),
  };
}

export function onlyStatic(ctx: Ctx): boolean {
  return ctx.req.workload.patterns.length > 0 && ctx.req.workload.patterns.every((p) => p === 'static-site');
}
