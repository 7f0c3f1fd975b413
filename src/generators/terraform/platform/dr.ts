import type { TfContext } from '../context.js';
import { blk, obj, raw } from '../hcl.js';
import type { Raw } from '../hcl.js';

const FILE = 'dr.tf';

export interface DrNetwork {
  vpcId: Raw;
  cidr: Raw;
  dbSubnetGroup: Raw;
}

/**
 * dr.tf: a small isolated VPC in the DR region for the standby copies of the data stores (Aurora global database
 * secondaries). No internet route: the standby is reached from compute started in that region during recovery.
 */
export function drNetwork(ctx: TfContext, region: string): DrNetwork {
  const local = ctx.n('dr', region);
  const out = {
    vpcId: raw(`aws_vpc.${local}.id`),
    cidr: raw(`aws_vpc.${local}.cidr_block`),
    dbSubnetGroup: raw(`aws_db_subnet_group.${local}.name`),
  };
  if (ctx.shared.has(`dr-network:${region}`)) return out;
  ctx.shared.add(`dr-network:${region}`);
  const primary = ctx.a.network?.cidr ?? '10.0.0.0/16';
  const cidr = primary.startsWith('10.254.') ? '10.253.0.0/16' : '10.254.0.0/16';
  const azs = Math.min(3, Math.max(2, ctx.a.network?.azCount ?? 2));
  const tags = obj({ Component: 'dr' });
  const variable = ctx.variable({
    name: `${local}_vpc_cidr`,
    type: 'string',
    description: `IPv4 range of the standby VPC in ${region}; keep it apart from the primary VPC so the two can be peered.`,
    default: cidr,
    validations: [{ condition: `can(cidrhost(var.${local}_vpc_cidr, 0))`, message: 'must be an IPv4 CIDR block such as 10.254.0.0/16.' }],
  });
  ctx.resource(FILE, 'aws_vpc', local, { region, cidr_block: variable, enable_dns_support: true, enable_dns_hostnames: true, tags }, [`Standby network in ${region} for disaster recovery.`]);
  ctx.resource(FILE, 'aws_default_security_group', local, { region, vpc_id: raw(`aws_vpc.${local}.id`), tags });
  ctx.data(FILE, 'aws_availability_zones', local, { region, state: 'available', filter: blk('filter', { name: 'opt-in-status', values: ['opt-in-not-required'] }) });
  ctx.resource(FILE, 'aws_subnet', local, {
    region,
    count: azs,
    vpc_id: raw(`aws_vpc.${local}.id`),
    cidr_block: raw(`cidrsubnet(aws_vpc.${local}.cidr_block, 4, count.index)`),
    availability_zone: raw(`data.aws_availability_zones.${local}.names[count.index]`),
    map_public_ip_on_launch: false,
    tags: obj({ Component: 'dr', Tier: 'isolated' }),
  });
  ctx.resource(FILE, 'aws_db_subnet_group', local, { region, name: ctx.awsName(['dr'], { max: 255 }), subnet_ids: raw(`aws_subnet.${local}[*].id`), tags });
  return out;
}
