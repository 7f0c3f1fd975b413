import type { Network } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { SubnetTier } from '../values.js';

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

/** `ecr.dkr` -> `EcrDkr`, `execute-api` -> `ExecuteApi`. */
export function pascalService(svc: string): string {
  return svc.split(/[^a-z0-9]+/).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
}

/**
 * The VPC: public, private and isolated subnets in each AZ, an internet gateway for the public tier, NAT gateways
 * (none, one, or one per AZ) for the private tier, gateway and interface endpoints, and flow logs. Plain
 * resources in both targets: the CDK's `ec2.Vpc` cannot place subnets in three AZs of an environment-agnostic stack
 * without a context lookup, and it chooses its own route-table and NAT layout.
 */
export function emitNetwork(ctx: Target): void {
  const n = ctx.a.network;
  if (!n) return;
  const P = 'platform' as const;
  const tiers = subnetTiers(n);
  const bits = subnetMaskBits(n);
  const total = Math.max(1, tiers.length * n.azCount);
  ctx.comment('Network: subnets in every AZ, one route table per subnet, NAT per the design, endpoints and flow logs.');
  const vpc = ctx.resource(P, 'Vpc', 'AWS::EC2::VPC', { CidrBlock: n.cidr, EnableDnsHostnames: true, EnableDnsSupport: true });
  ctx.ack(vpc, 'No resource uses the default security group: every component gets its own group with only the rules the design implies; removing the default group\'s rules needs a custom resource', 'HIPAA.Security-VPCDefaultSecurityGroupClosed', 'PCI.DSS.321-VPCDefaultSecurityGroupClosed');

  if (n.publicSubnets) {
    ctx.resource(P, 'VpcInternetGateway', 'AWS::EC2::InternetGateway', {});
    ctx.resource(P, 'VpcGatewayAttachment', 'AWS::EC2::VPCGatewayAttachment', { VpcId: ctx.ref('Vpc'), InternetGatewayId: ctx.ref('VpcInternetGateway') });
  }

  const cidrs = ctx.cidr(ctx.att('Vpc', 'CidrBlock'), total, bits);
  tiers.forEach((tier, t) => {
    for (let i = 0; i < n.azCount; i++) {
      ctx.resource(P, `Vpc${LABEL[tier]}Subnet${i + 1}`, 'AWS::EC2::Subnet', {
        VpcId: ctx.ref('Vpc'),
        AvailabilityZone: ctx.select(i, ctx.azs()),
        CidrBlock: ctx.select(t * n.azCount + i, cidrs),
        MapPublicIpOnLaunch: false,
      });
    }
  });

  // Route tables: one per subnet, so each AZ keeps its own path out (per-AZ NAT) and tiers stay separate.
  const routeTable = (tier: SubnetTier, i: number): string => {
    const subnet = `Vpc${LABEL[tier]}Subnet${i + 1}`;
    const rt = ctx.resource(P, `${subnet}RouteTable`, 'AWS::EC2::RouteTable', { VpcId: ctx.ref('Vpc') });
    ctx.resource(P, `${subnet}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ctx.ref(subnet), RouteTableId: ctx.ref(rt) });
    return rt;
  };
  const natIds: string[] = [];
  if (n.publicSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable('public', i);
      const route = ctx.resource(P, `VpcPublicSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ctx.ref(rt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ctx.ref('VpcInternetGateway') }, { dependsOn: ['VpcGatewayAttachment'] });
      ctx.ack(route, 'Public subnets hold only internet-facing load balancers and NAT gateways; nothing else is placed there', 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW');
    }
    const nats = n.natGateways === 'none' ? 0 : n.natGateways === 'single' ? 1 : n.azCount;
    for (let i = 0; i < nats; i++) {
      ctx.resource(P, `VpcNatEip${i + 1}`, 'AWS::EC2::EIP', { Domain: 'vpc' }, { dependsOn: ['VpcGatewayAttachment'] });
      natIds.push(ctx.resource(P, `VpcNatGateway${i + 1}`, 'AWS::EC2::NatGateway', { AllocationId: ctx.att(`VpcNatEip${i + 1}`, 'AllocationId'), SubnetId: ctx.ref(`VpcPublicSubnet${i + 1}`) }));
    }
  }
  const privateTables: string[] = [];
  if (n.privateSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable('private', i);
      privateTables.push(rt);
      const nat = natIds[Math.min(i, natIds.length - 1)];
      if (nat) ctx.resource(P, `VpcPrivateSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ctx.ref(rt), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ctx.ref(nat) });
    }
  }
  const isolatedTables: string[] = [];
  if (n.isolatedSubnets) for (let i = 0; i < n.azCount; i++) isolatedTables.push(routeTable('isolated', i));

  const gatewayTables = [...privateTables, ...isolatedTables];
  const interfaceSubnetTier = ctx.firstTier(['private', 'isolated', 'public']);
  let endpointSg: string | undefined;
  for (const svc of [...new Set(n.vpcEndpoints)]) {
    const name = pascalService(svc);
    if (GATEWAY_ENDPOINTS.has(svc)) {
      if (gatewayTables.length === 0) continue;
      ctx.resource(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', {
        VpcId: ctx.ref('Vpc'),
        ServiceName: ctx.sub(`com.amazonaws.\${AWS::Region}.${svc}`),
        VpcEndpointType: 'Gateway',
        RouteTableIds: gatewayTables.map((t) => ctx.ref(t)),
      });
    } else {
      endpointSg ??= ctx.resource(P, 'VpcEndpointSecurityGroup', 'AWS::EC2::SecurityGroup', {
        GroupDescription: 'Interface endpoints: HTTPS from inside the VPC only',
        VpcId: ctx.ref('Vpc'),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: n.cidr, Description: 'HTTPS from the VPC' }],
      });
      ctx.resource(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', {
        VpcId: ctx.ref('Vpc'),
        ServiceName: ctx.sub(`com.amazonaws.\${AWS::Region}.${svc}`),
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: ctx.subnets(interfaceSubnetTier),
        SecurityGroupIds: [ctx.ref(endpointSg)],
      });
    }
  }

  if (n.flowLogs) {
    const lg = ctx.logGroup(P, 'VpcFlowLogGroup');
    const { role } = ctx.role(P, 'VpcFlowLogRole', {
      services: ['vpc-flow-logs.amazonaws.com'],
      description: 'Lets VPC Flow Logs write to its log group',
      assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } },
      statements: [{ Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: ctx.att(lg, 'Arn') }],
    });
    ctx.resource(P, 'VpcFlowLog', 'AWS::EC2::FlowLog', {
      ResourceId: ctx.ref('Vpc'),
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: ctx.ref(lg),
      DeliverLogsPermissionArn: ctx.att(role, 'Arn'),
    });
  } else {
    ctx.ack(vpc, 'Flow logs are turned off in the design (network.flowLogs: false)', 'AwsSolutions-VPC7', 'HIPAA.Security-VPCFlowLogsEnabled', 'PCI.DSS.321-VPCFlowLogsEnabled');
  }
  ctx.output('VpcId', ctx.ref('Vpc'), 'VPC id');
}
