import type { Architecture, Component, ComponentService, ConnectionKind } from '../model/index.js';

/**
 * A renderer-neutral picture of a design: nodes placed in nested groups (cloud, region, VPC, subnet tiers, layer
 * boxes) and labelled edges. Mermaid, DOT and draw.io are all written from this one graph, so the three diagrams
 * show the same thing.
 */

export type Category = 'compute' | 'data' | 'storage' | 'network' | 'integration' | 'security' | 'analytics' | 'ml' | 'management' | 'actor';

export interface DiagramNode {
  id: string;
  /** Line 1 of the label: the component's name. */
  label: string;
  /** Line 2: the AWS service. */
  service: string;
  /** Shape key in drawio-shapes.json (component service, platform id or actor). */
  shape: string;
  category: Category;
  group: string;
  /** Drawn as a cylinder / store. */
  store: boolean;
}

export interface DiagramGroup {
  id: string;
  label: string;
  kind: 'cloud' | 'region' | 'vpc' | 'public-subnet' | 'private-subnet' | 'isolated-subnet' | 'layer' | 'external';
  parent?: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
  style: 'solid' | 'dashed' | 'dotted';
}

export interface DiagramGraph {
  title: string;
  groups: DiagramGroup[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface GraphOptions {
  /** Draw platform services from the architecture's sections (NAT, endpoints, CloudWatch, CloudTrail, KMS, Backup). */
  platform?: boolean;
}

const SERVICE_NAMES: Record<ComponentService, string> = {
  cloudfront: 'CloudFront',
  route53: 'Route 53',
  acm: 'Certificate Manager',
  waf: 'AWS WAF',
  'apigateway-rest': 'API Gateway (REST)',
  'apigateway-http': 'API Gateway (HTTP)',
  'apigateway-websocket': 'API Gateway (WebSocket)',
  appsync: 'AppSync',
  alb: 'Application Load Balancer',
  nlb: 'Network Load Balancer',
  lambda: 'Lambda',
  'ecs-fargate': 'ECS on Fargate',
  eks: 'EKS',
  'ec2-asg': 'EC2 Auto Scaling',
  'glue-job': 'Glue',
  'sagemaker-endpoint': 'SageMaker endpoint',
  dynamodb: 'DynamoDB',
  aurora: 'Aurora',
  rds: 'RDS',
  elasticache: 'ElastiCache',
  documentdb: 'DocumentDB',
  s3: 'S3',
  opensearch: 'OpenSearch',
  redshift: 'Redshift',
  athena: 'Athena',
  sqs: 'SQS',
  sns: 'SNS',
  eventbridge: 'EventBridge',
  'step-functions': 'Step Functions',
  'kinesis-streams': 'Kinesis Data Streams',
  'kinesis-firehose': 'Data Firehose',
  'iot-core': 'IoT Core',
  ses: 'SES',
  'transfer-family': 'Transfer Family',
  cognito: 'Cognito',
  'secrets-manager': 'Secrets Manager',
};

const CATEGORY: Record<ComponentService, Category> = {
  cloudfront: 'network',
  route53: 'network',
  acm: 'security',
  waf: 'security',
  'apigateway-rest': 'integration',
  'apigateway-http': 'integration',
  'apigateway-websocket': 'integration',
  appsync: 'integration',
  alb: 'network',
  nlb: 'network',
  lambda: 'compute',
  'ecs-fargate': 'compute',
  eks: 'compute',
  'ec2-asg': 'compute',
  'glue-job': 'analytics',
  'sagemaker-endpoint': 'ml',
  dynamodb: 'data',
  aurora: 'data',
  rds: 'data',
  elasticache: 'data',
  documentdb: 'data',
  s3: 'storage',
  opensearch: 'analytics',
  redshift: 'analytics',
  athena: 'analytics',
  sqs: 'integration',
  sns: 'integration',
  eventbridge: 'integration',
  'step-functions': 'integration',
  'kinesis-streams': 'analytics',
  'kinesis-firehose': 'analytics',
  'iot-core': 'compute',
  ses: 'integration',
  'transfer-family': 'storage',
  cognito: 'security',
  'secrets-manager': 'security',
};

/** Colours read from AWS's icon set (category colours), shared by every renderer. */
export const CATEGORY_COLORS: Record<Category, string> = {
  compute: '#ED7100',
  data: '#C925D1',
  storage: '#7AA116',
  network: '#8C4FFF',
  integration: '#E7157B',
  security: '#DD344C',
  analytics: '#8C4FFF',
  ml: '#01A88D',
  management: '#E7157B',
  actor: '#232F3E',
};

const STORES: ReadonlySet<ComponentService> = new Set(['dynamodb', 'aurora', 'rds', 'elasticache', 'documentdb', 's3', 'opensearch', 'redshift']);
const ISOLATED: ReadonlySet<ComponentService> = new Set(['aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift']);
const PRIVATE: ReadonlySet<ComponentService> = new Set(['ecs-fargate', 'eks', 'ec2-asg']);
const GLOBAL_EDGE: ReadonlySet<ComponentService> = new Set(['cloudfront', 'route53']);

const LAYER_GROUPS = {
  edge: 'Edge and APIs',
  compute: 'Compute',
  data: 'Data',
  integration: 'Integration',
  security: 'Security and identity',
  observability: 'Observability',
  network: 'Network',
} as const;

const EDGE_LABEL: Record<ConnectionKind, string> = {
  invoke: 'invokes',
  read: 'reads',
  write: 'writes',
  'read-write': 'reads/writes',
  publish: 'publishes',
  subscribe: 'delivers',
  trigger: 'triggers',
  route: 'routes',
  protect: 'protects',
  authenticate: 'authenticates',
  replicate: 'replicates',
};

/** Where a component sits: a subnet tier of the VPC, the global edge, or a layer box in the region. */
function placement(c: Component, hasVpc: boolean): string {
  if (hasVpc) {
    if (ISOLATED.has(c.service)) return 'subnet-isolated';
    if (PRIVATE.has(c.service) || (c.service === 'lambda' && c.config.inVpc)) return 'subnet-private';
    if (c.service === 'alb' || c.service === 'nlb') return c.config.scheme === 'internal' ? 'subnet-private' : 'subnet-public';
  }
  if (GLOBAL_EDGE.has(c.service) || (c.service === 'waf' && c.config.scope === 'CLOUDFRONT')) return 'global-edge';
  return `layer-${c.layer}`;
}

/** Builds the diagram graph of a design. Pure and deterministic. */
export function buildGraph(a: Architecture, opts: GraphOptions = {}): DiagramGraph {
  const platform = opts.platform ?? true;
  const hasVpc = Boolean(a.network);
  const groups: DiagramGroup[] = [];
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const used = new Set<string>();
  const group = (g: DiagramGroup) => {
    if (!groups.some((x) => x.id === g.id)) groups.push(g);
  };

  group({ id: 'cloud', label: 'AWS Cloud', kind: 'cloud' });
  group({ id: 'region', label: `Region ${a.region}`, kind: 'region', parent: 'cloud' });
  if (hasVpc) {
    const n = a.network!;
    const azs = `${n.azCount} AZ${n.azCount > 1 ? 's' : ''}`;
    group({ id: 'vpc', label: `VPC ${n.cidr}`, kind: 'vpc', parent: 'region' });
    if (n.publicSubnets) group({ id: 'subnet-public', label: `Public subnets (${azs})`, kind: 'public-subnet', parent: 'vpc' });
    if (n.privateSubnets) group({ id: 'subnet-private', label: `Private subnets (${azs})`, kind: 'private-subnet', parent: 'vpc' });
    if (n.isolatedSubnets) group({ id: 'subnet-isolated', label: `Isolated subnets (${azs})`, kind: 'isolated-subnet', parent: 'vpc' });
  }

  const nodeId = (id: string) => id;
  for (const c of a.components) {
    let where = placement(c, hasVpc);
    // Fall back to the nearest tier that exists when a subnet tier was switched off.
    if (where === 'subnet-isolated' && !groups.some((g) => g.id === where)) where = 'subnet-private';
    if (where === 'subnet-private' && !groups.some((g) => g.id === where)) where = groups.some((g) => g.id === 'subnet-public') ? 'subnet-public' : 'vpc';
    if (where === 'global-edge') group({ id: 'global-edge', label: 'Global edge', kind: 'layer', parent: 'cloud' });
    else if (where.startsWith('layer-')) group({ id: where, label: LAYER_GROUPS[c.layer], kind: 'layer', parent: 'region' });
    nodes.push({
      id: nodeId(c.id),
      label: c.name ?? c.id,
      service: SERVICE_NAMES[c.service],
      shape: c.service,
      category: CATEGORY[c.service],
      group: where,
      store: STORES.has(c.service),
    });
    used.add(c.id);
  }

  const byId = new Map(a.components.map((c) => [c.id, c]));
  for (const conn of a.connections) {
    if (!byId.has(conn.from) || !byId.has(conn.to)) continue;
    edges.push({
      from: nodeId(conn.from),
      to: nodeId(conn.to),
      label: conn.description ?? EDGE_LABEL[conn.kind],
      style: conn.kind === 'protect' || conn.kind === 'authenticate' ? 'dashed' : conn.kind === 'replicate' ? 'dotted' : 'solid',
    });
  }

  // Actors: who reaches the entry points from outside.
  // An entry point is a public-facing service that nothing routes traffic to (a Lambda pushing to a WebSocket API
  // does not make the API internal).
  const routedTo = new Set(a.connections.filter((c) => c.kind === 'route' || (c.kind === 'invoke' && byId.get(c.from)?.layer === 'edge')).map((c) => c.to));
  const entries = a.components.filter(
    (c) =>
      !routedTo.has(c.id) &&
      (['cloudfront', 'route53', 'apigateway-rest', 'apigateway-http', 'apigateway-websocket', 'appsync'].includes(c.service) ||
        ((c.service === 'alb' || c.service === 'nlb') && c.config.scheme === 'internet-facing')),
  );
  const actor = (id: string, label: string, shape: string, targets: Component[], edgeLabel: string) => {
    if (targets.length === 0) return;
    group({ id: 'external', label: 'Outside AWS', kind: 'external' });
    nodes.push({ id, label, service: '', shape, category: 'actor', group: 'external', store: false });
    for (const t of targets) edges.push({ from: id, to: t.id, label: edgeLabel, style: 'solid' });
  };
  const userEntries = entries;
  actor('actor-users', 'Users', 'users', userEntries, 'HTTPS');
  actor('actor-devices', 'Devices', 'internet', a.components.filter((c) => c.service === 'iot-core'), 'MQTT over TLS');
  actor('actor-partners', 'Partners', 'corporate-data-center', a.components.filter((c) => c.service === 'transfer-family'), 'SFTP');

  if (platform) {
    if (hasVpc && a.network!.natGateways !== 'none' && groups.some((g) => g.id === 'subnet-public')) {
      const count = a.network!.natGateways === 'per-az' ? a.network!.azCount : 1;
      nodes.push({ id: 'platform-nat', label: count > 1 ? `NAT gateways x${count}` : 'NAT gateway', service: 'NAT Gateway', shape: 'nat-gateway', category: 'network', group: 'subnet-public', store: false });
    }
    if (hasVpc && a.network!.vpcEndpoints.length > 0) {
      nodes.push({ id: 'platform-endpoints', label: 'VPC endpoints', service: `${a.network!.vpcEndpoints.length} endpoint${a.network!.vpcEndpoints.length > 1 ? 's' : ''}`, shape: 'vpc-endpoints', category: 'network', group: 'vpc', store: false });
    }
    const ops: DiagramNode[] = [];
    ops.push({ id: 'platform-cloudwatch', label: 'Alarms and dashboard', service: 'CloudWatch', shape: 'cloudwatch', category: 'management', group: 'operations', store: false });
    if (a.security.auditTrail) ops.push({ id: 'platform-cloudtrail', label: 'Audit trail', service: 'CloudTrail', shape: 'cloudtrail', category: 'management', group: 'operations', store: false });
    if (a.security.encryptionKeys === 'customer-managed') ops.push({ id: 'platform-kms', label: 'Customer-managed keys', service: 'KMS', shape: 'kms', category: 'security', group: 'operations', store: false });
    if (a.security.threatDetection) ops.push({ id: 'platform-guardduty', label: 'Threat detection', service: 'GuardDuty', shape: 'guardduty', category: 'security', group: 'operations', store: false });
    if (a.components.some((c) => STORES.has(c.service)) && a.resilience.drStrategy !== 'none') {
      ops.push({ id: 'platform-backup', label: `Backups (${a.resilience.backupRetentionDays} days)`, service: 'AWS Backup', shape: 'backup', category: 'storage', group: 'operations', store: false });
    }
    group({ id: 'operations', label: 'Operations', kind: 'layer', parent: 'region' });
    nodes.push(...ops);
  }

  // Drop groups nothing ended up in (keeping ancestors of used groups).
  const occupied = new Set(nodes.map((n) => n.group));
  const keep = new Set<string>();
  for (const gid of occupied) {
    let g = groups.find((x) => x.id === gid);
    while (g) {
      keep.add(g.id);
      g = g.parent ? groups.find((x) => x.id === g!.parent) : undefined;
    }
  }
  return { title: a.name, groups: groups.filter((g) => keep.has(g.id)), nodes, edges };
}

/** Children of a group, in insertion order. */
export function childGroups(g: DiagramGraph, parent: string | undefined): DiagramGroup[] {
  return g.groups.filter((x) => x.parent === parent);
}
