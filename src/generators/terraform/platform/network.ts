import type { Network } from '../../../model/architecture.js';
import { UserError } from '../../../shared/errors.js';
import { cidrIngress, logGroup, policyDocument, sameAccount } from '../common.js';
import type { TfContext } from '../context.js';
import { Block, blk, obj, raw, tpl } from '../hcl.js';
import type { Value } from '../hcl.js';

const FILE = 'network.tf';
const GATEWAY_ENDPOINTS = new Set(['s3', 'dynamodb']);

type Tier = 'public' | 'private' | 'isolated';

/** Address bits each subnet takes from the VPC range so that every tier gets one subnet per AZ. */
export function subnetBits(n: Network): { tiers: Tier[]; newbits: number } {
  const tiers = (['public', 'private', 'isolated'] as const).filter((t) => (t === 'public' ? n.publicSubnets : t === 'private' ? n.privateSubnets : n.isolatedSubnets));
  const prefix = Number(n.cidr.split('/')[1]);
  const newbits = Math.max(1, Math.ceil(Math.log2(Math.max(2, tiers.length * n.azCount))));
  if (prefix + newbits > 28) {
    throw new UserError(
      'architecture.network.cidr',
      `${n.cidr} is too small for ${tiers.length * n.azCount} subnets (${tiers.length} tiers in ${n.azCount} AZs); AWS subnets are /28 at the smallest`,
      `Use a /${28 - newbits} or larger range, fewer Availability Zones, or fewer subnet tiers.`,
    );
  }
  return { tiers: [...tiers], newbits };
}

/**
 * network.tf: VPC, subnets per tier and AZ, internet and NAT gateways, route tables, gateway and interface VPC
 * endpoints, flow logs, and a default security group stripped of its rules.
 */
export function network(ctx: TfContext): void {
  const n = ctx.a.network;
  if (!n) return;
  const { tiers, newbits } = subnetBits(n);
  const tags = (extra: Record<string, Value> = {}) => obj({ Component: 'network', ...extra });
  const hasEks = ctx.ofService('eks').length > 0;

  ctx.variable({
    name: 'vpc_cidr',
    type: 'string',
    description: `VPC IPv4 range; subnets take ${newbits} more bits each.`,
    default: n.cidr,
    validations: [{ condition: 'can(cidrhost(var.vpc_cidr, 0))', message: 'vpc_cidr must be an IPv4 CIDR block such as 10.0.0.0/16.' }],
  });
  ctx.resource(FILE, 'aws_vpc', 'main', {
    cidr_block: raw('var.vpc_cidr'),
    enable_dns_support: true,
    enable_dns_hostnames: true,
    tags: tags({ Name: ctx.awsName([], { max: 255 }) }),
  });
  ctx.resource(FILE, 'aws_default_security_group', 'main', { vpc_id: raw('aws_vpc.main.id'), tags: tags() }, ['Strip the default security group of its rules so nothing uses it by accident.']);
  ctx.data(FILE, 'aws_availability_zones', 'available', {
    state: 'available',
    filter: blk('filter', { name: 'opt-in-status', values: ['opt-in-not-required'] }),
  });
  ctx.add(FILE, new Block('locals', [], { azs: raw(`slice(data.aws_availability_zones.available.names, 0, ${n.azCount})`) }));

  tiers.forEach((tier, i) => {
    const k8s = hasEks && tier !== 'isolated' ? { [tier === 'public' ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb']: '1' } : {};
    ctx.resource(FILE, 'aws_subnet', tier, {
      count: n.azCount,
      vpc_id: raw('aws_vpc.main.id'),
      cidr_block: raw(`cidrsubnet(aws_vpc.main.cidr_block, ${newbits}, ${i * n.azCount} + count.index)`),
      availability_zone: raw('local.azs[count.index]'),
      map_public_ip_on_launch: false,
      tags: tags({ Name: tpl`${ctx.awsName([tier], { max: 200 })}-${raw('local.azs[count.index]')}`, Tier: tier, ...k8s }),
    });
  });

  if (n.publicSubnets) {
    ctx.resource(FILE, 'aws_internet_gateway', 'main', { vpc_id: raw('aws_vpc.main.id'), tags: tags() });
    ctx.resource(FILE, 'aws_route_table', 'public', { vpc_id: raw('aws_vpc.main.id'), tags: tags({ Tier: 'public' }) });
    ctx.resource(FILE, 'aws_route', 'public_internet', {
      route_table_id: raw('aws_route_table.public.id'),
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: raw('aws_internet_gateway.main.id'),
    });
    ctx.resource(FILE, 'aws_route_table_association', 'public', {
      count: n.azCount,
      subnet_id: raw('aws_subnet.public[count.index].id'),
      route_table_id: raw('aws_route_table.public.id'),
    });
  }

  const nats = n.natGateways === 'none' || !n.publicSubnets ? 0 : n.natGateways === 'single' ? 1 : n.azCount;
  if (nats > 0) {
    ctx.resource(FILE, 'aws_eip', 'nat', { count: nats, domain: 'vpc', tags: tags() });
    ctx.resource(
      FILE,
      'aws_nat_gateway',
      'main',
      {
        count: nats,
        allocation_id: raw('aws_eip.nat[count.index].id'),
        subnet_id: raw('aws_subnet.public[count.index].id'),
        tags: tags(),
        depends_on: [raw('aws_internet_gateway.main')],
      },
      [n.natGateways === 'single' ? 'One NAT gateway: cheaper, but private subnets lose egress if its AZ fails.' : 'One NAT gateway per AZ, so egress survives the loss of an AZ.'],
    );
  }

  if (n.privateSubnets) {
    ctx.resource(FILE, 'aws_route_table', 'private', { count: n.azCount, vpc_id: raw('aws_vpc.main.id'), tags: tags({ Tier: 'private' }) });
    if (nats > 0) {
      ctx.resource(FILE, 'aws_route', 'private_nat', {
        count: n.azCount,
        route_table_id: raw('aws_route_table.private[count.index].id'),
        destination_cidr_block: '0.0.0.0/0',
        nat_gateway_id: raw(nats === 1 ? 'aws_nat_gateway.main[0].id' : 'aws_nat_gateway.main[count.index].id'),
      });
    }
    ctx.resource(FILE, 'aws_route_table_association', 'private', {
      count: n.azCount,
      subnet_id: raw('aws_subnet.private[count.index].id'),
      route_table_id: raw('aws_route_table.private[count.index].id'),
    });
  }
  if (n.isolatedSubnets) {
    ctx.resource(FILE, 'aws_route_table', 'isolated', { vpc_id: raw('aws_vpc.main.id'), tags: tags({ Tier: 'isolated' }) }, ['No route to the internet: data stores only.']);
    ctx.resource(FILE, 'aws_route_table_association', 'isolated', {
      count: n.azCount,
      subnet_id: raw('aws_subnet.isolated[count.index].id'),
      route_table_id: raw('aws_route_table.isolated.id'),
    });
  }

  const routeTables: string[] = [];
  if (n.privateSubnets) routeTables.push('aws_route_table.private[*].id');
  if (n.isolatedSubnets) routeTables.push('[aws_route_table.isolated.id]');
  if (!routeTables.length && n.publicSubnets) routeTables.push('[aws_route_table.public.id]');
  const interfaces = n.vpcEndpoints.filter((s) => !GATEWAY_ENDPOINTS.has(s));
  for (const svc of n.vpcEndpoints.filter((s) => GATEWAY_ENDPOINTS.has(s))) {
    ctx.resource(FILE, 'aws_vpc_endpoint', svc, {
      vpc_id: raw('aws_vpc.main.id'),
      service_name: tpl`com.amazonaws.${raw('var.region')}.${svc}`,
      vpc_endpoint_type: 'Gateway',
      route_table_ids: raw(routeTables.length === 1 ? routeTables[0]! : `concat(${routeTables.join(', ')})`),
      tags: tags({ Name: ctx.awsName([svc], { max: 200 }) }),
    });
  }
  if (interfaces.length) {
    ctx.resource(FILE, 'aws_security_group', 'endpoints', {
      name: ctx.awsName(['endpoints'], { max: 255 }),
      description: 'Interface VPC endpoints, reachable over HTTPS from inside the VPC',
      vpc_id: raw('aws_vpc.main.id'),
      tags: tags(),
    });
    cidrIngress(ctx, FILE, 'aws_security_group.endpoints', 'endpoints_https', 'HTTPS from the VPC', 443, raw('aws_vpc.main.cidr_block'));
    const subnets = ctx.subnets('compute');
    for (const svc of interfaces) {
      ctx.resource(FILE, 'aws_vpc_endpoint', ctx.n('endpoint', svc), {
        vpc_id: raw('aws_vpc.main.id'),
        service_name: tpl`com.amazonaws.${raw('var.region')}.${svc}`,
        vpc_endpoint_type: 'Interface',
        private_dns_enabled: true,
        subnet_ids: subnets,
        security_group_ids: [raw('aws_security_group.endpoints.id')],
        tags: tags({ Name: ctx.awsName([svc], { max: 200 }) }),
      });
    }
  }

  if (n.flowLogs) {
    const lg = logGroup(ctx, FILE, 'vpc-flow', tpl`/aws/vpc/${ctx.awsName([], { max: 200 })}/flow-logs`, tags());
    const assume = policyDocument(ctx, FILE, 'flow_logs_assume', [
      { actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: ['vpc-flow-logs.amazonaws.com'] }, conditions: [sameAccount()] },
    ]);
    ctx.resource(FILE, 'aws_iam_role', 'flow_logs', {
      name: ctx.awsName(['flow-logs'], { max: 64 }),
      description: 'Lets VPC Flow Logs write to its log group',
      assume_role_policy: assume,
      tags: tags(),
    });
    const doc = policyDocument(ctx, FILE, 'flow_logs', [
      { sid: 'WriteFlowLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [tpl`${raw(`${lg}.arn`)}:*`] },
      { sid: 'DescribeLogGroups', actions: ['logs:DescribeLogGroups'], resources: ['*'] },
    ]);
    ctx.resource(FILE, 'aws_iam_role_policy', 'flow_logs', { name: 'flow-logs', role: raw('aws_iam_role.flow_logs.id'), policy: doc });
    ctx.resource(FILE, 'aws_flow_log', 'main', {
      vpc_id: raw('aws_vpc.main.id'),
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: raw(`${lg}.arn`),
      iam_role_arn: raw('aws_iam_role.flow_logs.arn'),
      max_aggregation_interval: 60,
      tags: tags(),
    });
  }

  ctx.output({ platform: true, name: 'vpc_id', value: raw('aws_vpc.main.id'), description: 'VPC id.' });
  for (const tier of tiers) ctx.output({ platform: true, name: `${tier}_subnet_ids`, value: raw(`aws_subnet.${tier}[*].id`), description: `Subnet ids of the ${tier} tier, one per AZ.` });
}
