import type { Network } from '../../../model/index.js';
import type { CfnContext, SubnetTier } from '../context.js';
import { cidr, getAZs, getAtt, ref, select, sub } from '../fn.js';
import type { Value } from '../fn.js';

const GATEWAY_ENDPOINTS = new Set(['s3', 'dynamodb']);

/** Subnet tiers in CIDR allocation order. */
export function subnetTiers(n: Network): SubnetTier[] {
  return (['public', 'private', 'isolated'] as const).filter((t) => (t === 'public' ? n.publicSubnets : t === 'private' ? n.privateSubnets : n.isolatedSubnets));
}

/** Mask bits each subnet gets: enough addresses for every tier in every AZ (model validation keeps it <= /28). */
export function subnetMaskBits(n: Network): number {
  const count = Math.max(1, subnetTiers(n).length * n.azCount);
  const prefix = Number(n.cidr.split('/')[1]);
  return 32 - (prefix + Math.ceil(Math.log2(count)));
}

const LABEL: Record<SubnetTier, string> = { public: 'Public', private: 'Private', isolated: 'Isolated' };

/**
 * The VPC: public, private and isolated subnets in each AZ, an internet gateway for the public tier, NAT gateways
 * (none, one, or one per AZ) for the private tier, gateway and interface endpoints, and flow logs.
 */
export function emitNetwork(ctx: CfnContext): void {
  const n = ctx.a.network;
  if (!n) return;
  const P = 'platform' as const;
  const tiers = subnetTiers(n);
  const bits = subnetMaskBits(n);
  const total = tiers.length * n.azCount;
  const vpc = ctx.add(P, 'Vpc', 'AWS::EC2::VPC', { CidrBlock: n.cidr, EnableDnsHostnames: true, EnableDnsSupport: true });
  ctx.ack(vpc, 'No resource uses the default security group: every component gets its own group with only the rules the design implies; removing the default group\'s rules needs a custom resource', 'HIPAA.Security-VPCDefaultSecurityGroupClosed', 'PCI.DSS.321-VPCDefaultSecurityGroupClosed');

  if (n.publicSubnets) {
    ctx.add(P, 'VpcInternetGateway', 'AWS::EC2::InternetGateway', {});
    ctx.add(P, 'VpcGatewayAttachment', 'AWS::EC2::VPCGatewayAttachment', { VpcId: ref('Vpc'), InternetGatewayId: ref('VpcInternetGateway') });
  }

  tiers.forEach((tier, t) => {
    for (let i = 0; i < n.azCount; i++) {
      const id = `Vpc${LABEL[tier]}Subnet${i + 1}`;
      ctx.add(P, id, 'AWS::EC2::Subnet', {
        VpcId: ref('Vpc'),
        AvailabilityZone: select(i, getAZs()),
        CidrBlock: select(t * n.azCount + i, cidr(getAtt('Vpc', 'CidrBlock'), total, bits)),
        MapPublicIpOnLaunch: false,
      });
    }
  });

  // Route tables: one per subnet, so each AZ keeps its own path out (per-AZ NAT) and tiers stay separate.
  const natIds: string[] = [];
  if (n.publicSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable(ctx, 'public', i);
      const route = ctx.add(P, `VpcPublicSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ref(rt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('VpcInternetGateway') }, { DependsOn: ['VpcGatewayAttachment'] });
      const why = 'Public subnets hold only internet-facing load balancers and NAT gateways; nothing else is placed there';
      ctx.suppress(route, 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', why);
      ctx.suppress(route, 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW', why);
    }
    const nats = n.natGateways === 'none' ? 0 : n.natGateways === 'single' ? 1 : n.azCount;
    for (let i = 0; i < nats; i++) {
      ctx.add(P, `VpcNatEip${i + 1}`, 'AWS::EC2::EIP', { Domain: 'vpc' }, { DependsOn: ['VpcGatewayAttachment'] });
      natIds.push(ctx.add(P, `VpcNatGateway${i + 1}`, 'AWS::EC2::NatGateway', { AllocationId: getAtt(`VpcNatEip${i + 1}`, 'AllocationId'), SubnetId: ref(`VpcPublicSubnet${i + 1}`) }));
    }
  }
  const privateTables: string[] = [];
  if (n.privateSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable(ctx, 'private', i);
      privateTables.push(rt);
      const nat = natIds[Math.min(i, natIds.length - 1)];
      if (nat) ctx.add(P, `VpcPrivateSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ref(rt), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(nat) });
    }
  }
  const isolatedTables: string[] = [];
  if (n.isolatedSubnets) for (let i = 0; i < n.azCount; i++) isolatedTables.push(routeTable(ctx, 'isolated', i));

  const endpoints = [...new Set(n.vpcEndpoints)];
  const gatewayTables = [...privateTables, ...isolatedTables];
  const interfaceSubnetTier = ctx.firstTier(['private', 'isolated', 'public']);
  let endpointSg: string | undefined;
  for (const svc of endpoints) {
    const name = pascalService(svc);
    if (GATEWAY_ENDPOINTS.has(svc)) {
      if (gatewayTables.length === 0) continue;
      ctx.add(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', {
        VpcId: ref('Vpc'),
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${svc}`),
        VpcEndpointType: 'Gateway',
        RouteTableIds: gatewayTables.map((t) => ref(t)),
      });
    } else {
      endpointSg ??= ctx.add(P, 'VpcEndpointSecurityGroup', 'AWS::EC2::SecurityGroup', {
        GroupDescription: 'Interface endpoints: HTTPS from inside the VPC only',
        VpcId: ref('Vpc'),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: n.cidr, Description: 'HTTPS from the VPC' }],
      });
      ctx.add(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', {
        VpcId: ref('Vpc'),
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${svc}`),
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: ctx.subnets(interfaceSubnetTier),
        SecurityGroupIds: [ref(endpointSg)],
      });
    }
  }

  if (n.flowLogs) {
    const lg = ctx.logGroup(P, 'VpcFlowLogGroup');
    const { role } = ctx.role(P, 'VpcFlowLogRole', {
      services: ['vpc-flow-logs.amazonaws.com'],
      description: 'Lets VPC Flow Logs write to its log group',
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
      statements: [
        { Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: getAtt(lg, 'Arn') },
      ],
    });
    ctx.add(P, 'VpcFlowLog', 'AWS::EC2::FlowLog', {
      ResourceId: ref('Vpc'),
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: ref(lg),
      DeliverLogsPermissionArn: getAtt(role, 'Arn'),
    });
  } else {
    const why = 'Flow logs are turned off in the design (network.flowLogs: false)';
    ctx.suppress('Vpc', 'AwsSolutions-VPC7', why);
    ctx.suppress('Vpc', 'HIPAA.Security-VPCFlowLogsEnabled', why);
    ctx.suppress('Vpc', 'PCI.DSS.321-VPCFlowLogsEnabled', why);
  }
  ctx.output('VpcId', ref('Vpc'), 'VPC id');
}

function routeTable(ctx: CfnContext, tier: SubnetTier, i: number): string {
  const subnet = `Vpc${LABEL[tier]}Subnet${i + 1}`;
  const rt = ctx.add('platform', `${subnet}RouteTable`, 'AWS::EC2::RouteTable', { VpcId: ref('Vpc') });
  ctx.add('platform', `${subnet}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref(subnet), RouteTableId: ref(rt) });
  return rt;
}

/** `ecr.dkr` -> `EcrDkr`, `execute-api` -> `ExecuteApi`. */
export function pascalService(svc: string): string {
  return svc.split(/[^a-z0-9]+/).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
}

export type { Value };
