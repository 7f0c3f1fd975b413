import type { Network } from '../../../model/index.js';
import { code } from '../code.js';
import type { CdkContext, SubnetTier } from '../context.js';

const GATEWAY_ENDPOINTS = new Set(['s3', 'dynamodb']);
const LABEL: Record<SubnetTier, string> = { public: 'Public', private: 'Private', isolated: 'Isolated' };

function tiers(n: Network): SubnetTier[] {
  return (['public', 'private', 'isolated'] as const).filter((t) => (t === 'public' ? n.publicSubnets : t === 'private' ? n.privateSubnets : n.isolatedSubnets));
}

function pascalService(svc: string): string {
  return svc.split(/[^a-z0-9]+/).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
}

/**
 * The VPC as L1 constructs: the L2 `ec2.Vpc` cannot place subnets in three AZs of an environment-agnostic stack
 * without a context lookup, and it chooses its own route-table and NAT layout; these mirror the CloudFormation
 * output exactly (public, private and isolated subnets per AZ, NAT none/single/per-AZ, endpoints, flow logs).
 */
export function emitNetwork(ctx: CdkContext): void {
  const n = ctx.a.network;
  if (!n) return;
  const P = 'platform' as const;
  const ts = tiers(n);
  const count = Math.max(1, ts.length * n.azCount);
  const bits = 32 - (Number(n.cidr.split('/')[1]) + Math.ceil(Math.log2(count)));
  ctx.comment('Network: subnets in every AZ, one route table per subnet, NAT per the design, endpoints and flow logs.');
  ctx.l1(P, 'Vpc', 'AWS::EC2::VPC', { CidrBlock: n.cidr, EnableDnsHostnames: true, EnableDnsSupport: true });
  ctx.ack('Vpc', 'No resource uses the default security group: every component gets its own group with only the rules the design implies; removing the default group\'s rules needs a custom resource', 'HIPAA.Security-VPCDefaultSecurityGroupClosed', 'PCI.DSS.321-VPCDefaultSecurityGroupClosed');
  if (n.publicSubnets) {
    ctx.l1(P, 'VpcInternetGateway', 'AWS::EC2::InternetGateway', {});
    ctx.l1(P, 'VpcGatewayAttachment', 'AWS::EC2::VPCGatewayAttachment', { VpcId: ctx.ref('Vpc'), InternetGatewayId: ctx.ref('VpcInternetGateway') });
  }
  const cidrs = code(`cdk.Fn.cidr(${ctx.att('Vpc', 'CidrBlock').code}, ${count}, '${bits}')`, '', [ctx.v('Vpc')]);
  ts.forEach((tier, t) => {
    for (let i = 0; i < n.azCount; i++) {
      ctx.l1(P, `Vpc${LABEL[tier]}Subnet${i + 1}`, 'AWS::EC2::Subnet', {
        VpcId: ctx.ref('Vpc'),
        AvailabilityZone: code(`cdk.Fn.select(${i}, cdk.Fn.getAzs())`),
        CidrBlock: code(`cdk.Fn.select(${t * n.azCount + i}, ${cidrs.code})`, '', cidrs.deps),
        MapPublicIpOnLaunch: false,
      });
    }
  });
  const routeTable = (tier: SubnetTier, i: number): string => {
    const subnet = `Vpc${LABEL[tier]}Subnet${i + 1}`;
    ctx.l1(P, `${subnet}RouteTable`, 'AWS::EC2::RouteTable', { VpcId: ctx.ref('Vpc') });
    ctx.l1(P, `${subnet}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ctx.ref(subnet), RouteTableId: ctx.ref(`${subnet}RouteTable`) });
    return `${subnet}RouteTable`;
  };
  const nats: string[] = [];
  if (n.publicSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable('public', i);
      ctx.l1(P, `VpcPublicSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ctx.ref(rt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ctx.ref('VpcInternetGateway') }, { dependsOn: ['VpcGatewayAttachment'] });
      ctx.ack(`VpcPublicSubnet${i + 1}DefaultRoute`, 'Public subnets hold only internet-facing load balancers and NAT gateways; nothing else is placed there', 'HIPAA.Security-VPCNoUnrestrictedRouteToIGW', 'PCI.DSS.321-VPCNoUnrestrictedRouteToIGW');
    }
    const count = n.natGateways === 'none' ? 0 : n.natGateways === 'single' ? 1 : n.azCount;
    for (let i = 0; i < count; i++) {
      ctx.l1(P, `VpcNatEip${i + 1}`, 'AWS::EC2::EIP', { Domain: 'vpc' }, { dependsOn: ['VpcGatewayAttachment'] });
      ctx.l1(P, `VpcNatGateway${i + 1}`, 'AWS::EC2::NatGateway', { AllocationId: ctx.att(`VpcNatEip${i + 1}`, 'AllocationId'), SubnetId: ctx.ref(`VpcPublicSubnet${i + 1}`) });
      nats.push(`VpcNatGateway${i + 1}`);
    }
  }
  const tables: string[] = [];
  if (n.privateSubnets) {
    for (let i = 0; i < n.azCount; i++) {
      const rt = routeTable('private', i);
      tables.push(rt);
      const nat = nats[Math.min(i, nats.length - 1)];
      if (nat) ctx.l1(P, `VpcPrivateSubnet${i + 1}DefaultRoute`, 'AWS::EC2::Route', { RouteTableId: ctx.ref(rt), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ctx.ref(nat) });
    }
  }
  if (n.isolatedSubnets) for (let i = 0; i < n.azCount; i++) tables.push(routeTable('isolated', i));
  const ifaceTier = ctx.firstTier(['private', 'isolated', 'public']);
  let endpointSg: string | undefined;
  for (const svc of [...new Set(n.vpcEndpoints)]) {
    const name = pascalService(svc);
    if (GATEWAY_ENDPOINTS.has(svc)) {
      if (!tables.length) continue;
      ctx.l1(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', { VpcId: ctx.ref('Vpc'), ServiceName: ctx.sub(`com.amazonaws.\${AWS::Region}.${svc}`), VpcEndpointType: 'Gateway', RouteTableIds: tables.map((t) => ctx.ref(t)) });
    } else {
      if (!endpointSg) {
        endpointSg = 'VpcEndpointSecurityGroup';
        ctx.l1(P, endpointSg, 'AWS::EC2::SecurityGroup', {
          GroupDescription: 'Interface endpoints: HTTPS from inside the VPC only',
          VpcId: ctx.ref('Vpc'),
          SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: n.cidr, Description: 'HTTPS from the VPC' }],
        });
      }
      ctx.l1(P, `Vpc${name}Endpoint`, 'AWS::EC2::VPCEndpoint', {
        VpcId: ctx.ref('Vpc'),
        ServiceName: ctx.sub(`com.amazonaws.\${AWS::Region}.${svc}`),
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: ctx.subnets(ifaceTier),
        SecurityGroupIds: [ctx.ref(endpointSg)],
      });
    }
  }
  if (n.flowLogs) {
    ctx.logGroup(P, 'VpcFlowLogGroup');
    ctx.role(P, 'VpcFlowLogRole', {
      services: ['vpc-flow-logs.amazonaws.com'],
      description: 'Lets VPC Flow Logs write to its log group',
      assumeCondition: { StringEquals: { 'aws:SourceAccount': code('cdk.Aws.ACCOUNT_ID') } },
      statements: [{ Sid: 'WriteFlowLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: ctx.att('VpcFlowLogGroup', 'Arn') }],
    });
    ctx.l1(P, 'VpcFlowLog', 'AWS::EC2::FlowLog', {
      ResourceId: ctx.ref('Vpc'),
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: ctx.ref('VpcFlowLogGroup'),
      DeliverLogsPermissionArn: ctx.att('VpcFlowLogRole', 'Arn'),
    });
  } else {
    ctx.ack('Vpc', 'Flow logs are turned off in the design (network.flowLogs: false)', 'AwsSolutions-VPC7', 'HIPAA.Security-VPCFlowLogsEnabled', 'PCI.DSS.321-VPCFlowLogsEnabled');
  }
  ctx.output('VpcId', ctx.ref('Vpc'), 'VPC id');
}
