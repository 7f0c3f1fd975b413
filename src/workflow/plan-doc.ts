import type { Architecture, Component, CostReport, Finding, Requirements } from '../model/index.js';
import { deriveGrants, deriveNetworkRules, STATEFUL } from '../model/index.js';
import { byLayer, describeConfig, displayName } from './describe.js';

/** What the plan document is assembled from: the design plus whatever the other phases produced. */
export interface PlanInputs {
  architecture: Architecture;
  requirements?: Requirements;
  cost?: CostReport;
  review?: {
    findings: Finding[];
    frameworks: Array<{ framework: string; passed: boolean; findings: number }>;
  };
  iac?: { format: 'cloudformation' | 'terraform' | 'cdk'; dir: string; files: string[]; errors: number; warnings: number };
  diagram?: { mermaid: string; files: string[] };
  /** Memory URIs of decisions recorded as ADRs. */
  adrs?: string[];
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const LAYER_TITLES: Record<string, string> = {
  edge: 'Edge Layer',
  compute: 'Compute Layer',
  data: 'Data Layer',
  integration: 'Integration Layer',
  security: 'Security Services',
  observability: 'Observability',
  network: 'Network',
};

function list(items: string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

function table(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function flows(a: Architecture): string[] {
  const byId = new Map(a.components.map((c) => [c.id, c]));
  return a.connections.map((c) => `${displayName(byId.get(c.from)!)} → ${displayName(byId.get(c.to)!)} (${c.kind}${c.description ? `: ${c.description}` : ''})`);
}

function executiveSummary(p: PlanInputs): string {
  const a = p.architecture;
  const r = p.requirements;
  const lines: string[] = [a.description || `${a.name}: a backend on AWS.`];
  const facts: string[] = [`${a.components.length} components in ${a.region}${a.resilience.secondaryRegion ? ` with disaster recovery in ${a.resilience.secondaryRegion}` : ''}`];
  if (r?.traffic.dailyActiveUsers) facts.push(`${r.traffic.dailyActiveUsers.toLocaleString('en-US')} daily active users`);
  if (r?.traffic.peakRps) facts.push(`${r.traffic.peakRps.toLocaleString('en-US')} requests/s at peak`);
  facts.push(`availability target ${a.resilience.availabilityTarget} %${a.resilience.multiAz ? ', multi-AZ' : ''}`);
  if (p.cost) {
    const ten = p.cost.scenarios.find((s) => s.factor === 10);
    facts.push(`estimated ${usd(p.cost.totals.monthly)} per month${ten ? ` today and ${usd(ten.monthly)} at 10x load` : ''} (prices as of ${p.cost.asOf})`);
  }
  if (a.compliance.length) facts.push(`compliance: ${a.compliance.join(', ').toUpperCase()}`);
  if (p.review) {
    const failed = p.review.frameworks.filter((f) => !f.passed).map((f) => f.framework);
    facts.push(failed.length ? `review: ${failed.join(', ')} not yet passing` : `review: ${p.review.frameworks.map((f) => f.framework).join(', ')} passing`);
  }
  return `${lines.join('\n')}\n\n${list(facts)}`;
}

function overview(p: PlanInputs): string {
  const parts: string[] = [];
  if (p.diagram) parts.push('```mermaid\n' + p.diagram.mermaid.trimEnd() + '\n```');
  if (p.diagram?.files.length) parts.push(`Other formats: ${p.diagram.files.join(', ')}.`);
  parts.push('Main flows:\n\n' + list(flows(p.architecture)));
  return parts.join('\n\n');
}

function components(p: PlanInputs): string {
  const a = p.architecture;
  const out: string[] = [];
  for (const [layer, comps] of byLayer(a)) {
    if (comps.length === 0) continue;
    out.push(`### ${LAYER_TITLES[layer]}`);
    for (const c of comps) {
      out.push(`- **${displayName(c)}** (${c.service}): ${describeConfig(c)}.${c.description ? ` ${c.description}` : ''}`);
      const d = a.decisions.find((x) => x.components.includes(c.id) || x.chosen === c.service);
      if (d) {
        out.push(`  - Why: ${d.rationale} (score ${d.score})`);
        for (const alt of d.alternatives) out.push(`  - Rejected ${alt.service} (${alt.score}): ${alt.whyNot}`);
      }
    }
  }
  return out.join('\n');
}

function security(p: PlanInputs): string {
  const a = p.architecture;
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const grants = deriveGrants(a);
  const principals = [...new Set(grants.filter((g) => g.type === 'identity').map((g) => (g as { principal: string }).principal))];
  const iam = principals.map((id) => {
    const gs = grants.filter((g) => g.type === 'identity' && g.principal === id);
    return `${displayName(byId.get(id)!)}: ${gs.map((g) => `${g.target} (${g.actions.join(', ')})`).join('; ')}`;
  });
  const resourcePolicies = grants.filter((g) => g.type === 'resource').map((g) => `${g.target} accepts ${g.actions.join(', ')} from ${g.servicePrincipal} only for ${g.source}`);
  const rules = deriveNetworkRules(a).map((r) => `${r.from} → ${r.to} on TCP ${r.port}`);
  const wafs = a.components.filter((c) => c.service === 'waf');
  const net: string[] = [];
  if (a.network) {
    const n = a.network;
    net.push(`VPC ${n.cidr} across ${n.azCount} Availability Zones with ${[n.publicSubnets && 'public', n.privateSubnets && 'private', n.isolatedSubnets && 'isolated'].filter(Boolean).join(', ')} subnets`);
    net.push(n.natGateways === 'none' ? 'No NAT gateway: private workloads reach AWS services through VPC endpoints only' : `${n.natGateways === 'per-az' ? 'One NAT gateway per AZ' : 'One NAT gateway'} for outbound internet access`);
    if (n.vpcEndpoints.length) net.push(`VPC endpoints: ${n.vpcEndpoints.join(', ')}`);
    if (n.flowLogs) net.push('VPC flow logs to CloudWatch Logs');
    if (rules.length) net.push(`Security groups allow only: ${rules.join('; ')}`);
  } else {
    net.push('No VPC: every component is a managed regional or global service reached over TLS with IAM authorisation');
  }
  for (const w of wafs) net.push(`WAF (${w.config.scope.toLowerCase()}) in front of ${w.config.protects.join(', ')}: ${w.config.managedRuleGroups.join(', ')}${w.config.rateLimitPer5Min ? `, rate limit ${w.config.rateLimitPer5Min} requests per 5 minutes per IP` : ''}`);
  const stores = a.components.filter((c) => STATEFUL.has(c.service)).map(displayName);
  const data = [
    `Data classification: ${a.dataClassification}${a.compliance.length ? `; compliance: ${a.compliance.join(', ')}` : ''}`,
    `Encryption at rest for ${stores.length ? stores.join(', ') : 'every store'} with ${a.security.encryptionKeys === 'customer-managed' ? 'customer-managed KMS keys (automatic rotation)' : 'AWS-managed KMS keys'}`,
    `TLS ${a.security.tlsMinimum} or later in transit; S3 buckets refuse non-TLS requests and block public access`,
    'Database credentials and application secrets in Secrets Manager, never in code or templates',
    a.security.auditTrail ? 'CloudTrail records every management API call to an encrypted, access-restricted bucket' : 'No CloudTrail trail in this design (enable security.auditTrail for audit logging)',
  ];
  if (a.security.threatDetection) data.push('GuardDuty watches for threats across the account');
  return [
    '- **IAM strategy:** one role per workload; permissions are derived from the design\'s connections, with no wildcard actions.',
    iam.length ? list(iam).replace(/^/gm, '  ') : '  - No workload roles needed.',
    resourcePolicies.length ? `  - Resource policies: ${resourcePolicies.join('; ')}.` : '',
    '- **Network security:**',
    list(net).replace(/^/gm, '  '),
    '- **Data protection:**',
    list(data).replace(/^/gm, '  '),
  ].filter(Boolean).join('\n');
}

function scaling(p: PlanInputs): string {
  const a = p.architecture;
  const auto: string[] = [];
  for (const c of a.components) {
    if (c.service === 'lambda') auto.push(`${displayName(c)}: scales per request${c.config.reservedConcurrency !== undefined ? ` up to ${c.config.reservedConcurrency} concurrent` : ' within the account concurrency quota'}`);
    if (c.service === 'ecs-fargate') auto.push(`${displayName(c)}: ${c.config.minCount} to ${c.config.maxCount} tasks, target ${c.config.targetCpuPercent} % CPU${c.config.mode === 'worker' ? ' and queue depth' : ''}`);
    if (c.service === 'ec2-asg') auto.push(`${displayName(c)}: ${c.config.minSize} to ${c.config.maxSize} instances, target ${c.config.targetCpuPercent} % CPU`);
    if (c.service === 'eks') auto.push(`${displayName(c)}: node group ${c.config.minNodes} to ${c.config.maxNodes} nodes`);
    if (c.service === 'dynamodb') auto.push(`${displayName(c)}: ${c.config.billingMode === 'PAY_PER_REQUEST' ? 'on-demand capacity follows traffic' : 'provisioned capacity with target-tracking auto scaling'}`);
    if (c.service === 'aurora') auto.push(`${displayName(c)}: ${c.config.capacity === 'serverless-v2' ? `${c.config.minAcu}-${c.config.maxAcu} ACU serverless scaling` : `writer plus ${c.config.readers} reader(s) across AZs; add readers for read scaling`}`);
    if (c.service === 'kinesis-streams') auto.push(`${displayName(c)}: ${c.config.mode === 'ON_DEMAND' ? 'on-demand shards scale with throughput' : `${c.config.shards} shards; reshard before 80 % of 1 MB/s per shard`}`);
  }
  const caches = a.components.filter((c) => c.service === 'elasticache' || c.service === 'cloudfront' || (c.service === 'apigateway-rest' && c.config.cacheSizeGb !== '0') || (c.service === 'appsync' && c.config.caching));
  const cache = caches.length ? caches.map((c) => `${displayName(c)} (${c.service}): ${describeConfig(c)}`) : ['No cache layer: at this load the data stores serve reads directly; add one when read latency or cost says so.'];
  const targets: string[] = [];
  const r = p.requirements;
  if (r?.latency.p99Ms) targets.push(`p99 latency under ${r.latency.p99Ms} ms`);
  if (r?.traffic.peakRps) targets.push(`${r.traffic.peakRps.toLocaleString('en-US')} requests/s at peak, with headroom to ${(r.traffic.peakRps * 10).toLocaleString('en-US')} (10x)`);
  if (r?.traffic.peakConcurrent) targets.push(`${r.traffic.peakConcurrent.toLocaleString('en-US')} concurrent users or connections at peak`);
  targets.push(`availability ${a.resilience.availabilityTarget} %`);
  if (p.cost) {
    const ten = p.cost.scenarios.find((s) => s.factor === 10);
    if (ten) targets.push(`at 10x load the estimate goes from ${usd(p.cost.totals.monthly)} to ${usd(ten.monthly)} per month (${(ten.monthly / Math.max(p.cost.totals.monthly, 0.01)).toFixed(1)}x, because fixed costs and tiers do not scale linearly)`);
  }
  return ['- **Auto-scaling configuration:**', list(auto.length ? auto : ['Every component is a managed service that scales without configuration.']).replace(/^/gm, '  '), '- **Caching strategy:**', list(cache).replace(/^/gm, '  '), '- **Performance targets:**', list(targets).replace(/^/gm, '  ')].join('\n');
}

function cost(p: PlanInputs): string {
  if (!p.cost) return 'No estimate was produced for this plan. Run estimate_cost on the design for the monthly breakdown at today\'s load and at 10x.';
  const c = p.cost;
  const perComponent = new Map<string, number>();
  for (const li of c.lineItems) perComponent.set(li.component, (perComponent.get(li.component) ?? 0) + li.monthly);
  const ten = c.scenarios.find((s) => s.factor === 10);
  const tenPer = new Map<string, number>();
  for (const li of ten?.lineItems ?? []) tenPer.set(li.component, (tenPer.get(li.component) ?? 0) + li.monthly);
  const rows = [...perComponent.entries()].sort((x, y) => y[1] - x[1]).map(([comp, m]) => [comp, usd(m), ten?.lineItems ? usd(tenPer.get(comp) ?? 0) : '']);
  rows.push(['**Total**', `**${usd(c.totals.monthly)}**`, ten ? `**${usd(ten.monthly)}**` : '']);
  const out = [
    `Region ${c.region}, prices as of ${c.asOf}, free tier ${c.freeTier ? 'applied' : 'not applied'}.${c.totals.unpricedItems ? ` ${c.totals.unpricedItems} item(s) have no price and are listed as unpriced.` : ''}`,
    '',
    '- **Monthly cost breakdown:**',
    '',
    table(['component', 'monthly (1x)', ten ? 'monthly (10x)' : ''], rows),
    '',
    `Annual: ${usd(c.totals.annual)}${ten ? `; at 10x ${usd(ten.annual)}` : ''}. Other scenarios: ${c.scenarios.map((s) => `${s.factor}x ${usd(s.monthly)}`).join(', ') || 'none'}.`,
    '',
    '- **Optimization recommendations:**',
    list(c.recommendations.length ? c.recommendations.map((r) => `${r.title}: about ${usd(r.monthlySavings)} per month. ${r.how}`) : ['No savings found above a few dollars at this load.']).replace(/^/gm, '  '),
  ];
  if (c.assumptions.length) out.push('', '- **Usage assumptions:**', list(c.assumptions).replace(/^/gm, '  '));
  return out.join('\n');
}

function rollbackFor(format: string | undefined): string {
  switch (format) {
    case 'terraform':
      return 'review the saved `terraform plan` before apply; roll back by reverting the commit and applying the previous configuration (state is versioned in the remote backend)';
    case 'cdk':
      return 'review `cdk diff`; CloudFormation rolls the stack back automatically when a deployment fails, and reverting the commit redeploys the previous version';
    default:
      return 'each deploy is a reviewed change set; CloudFormation rolls back automatically on failure, and reverting the commit redeploys the previous template';
  }
}

function roadmap(p: PlanInputs): string {
  const a = p.architecture;
  const stages = a.delivery.stages;
  const stageText = `deployed through ${stages.join(' → ')}${stages.length > 1 ? `, with a manual approval before ${stages[stages.length - 1]}` : ''}`;
  const rollback = rollbackFor(p.iac?.format);
  const names = (cs: Component[]) => cs.map(displayName).join(', ');
  const foundation = [
    a.network ? `VPC ${a.network.cidr} with subnets, routing${a.network.natGateways !== 'none' ? ', NAT' : ''} and endpoints` : 'no VPC needed',
    a.security.encryptionKeys === 'customer-managed' ? 'customer-managed KMS keys' : 'AWS-managed encryption',
    a.security.auditTrail ? 'CloudTrail' : undefined,
    'log groups, the alarm topic and the CI/CD pipeline with OIDC deploy roles',
  ].filter(Boolean).join(', ');
  const layers = byLayer(a);
  const core = [...(layers.get('compute') ?? []), ...(layers.get('data') ?? []), ...(layers.get('security') ?? []).filter((c) => c.service === 'cognito' || c.service === 'secrets-manager')];
  const integration = [...(layers.get('integration') ?? []), ...(layers.get('edge') ?? []), ...(layers.get('security') ?? []).filter((c) => c.service === 'waf' || c.service === 'acm')];
  const optimizations = p.cost?.recommendations.slice(0, 3).map((r) => r.title) ?? [];
  return [
    `1. Phase 1: Foundation. ${foundation}. Verify: the pipeline deploys an empty stack to ${stages[0]} and alarms reach ${a.observability.alarmEmail ?? 'the on-call address'}. Rollback: ${rollback}.`,
    `2. Phase 2: Core Services. ${names(core) || 'none'}. Verify: smoke tests and the dashboards in ${stages[0]}, then ${stageText}. Rollback: ${rollback}; data stores keep deletion protection and point-in-time recovery, so a rollback never drops data.`,
    `3. Phase 3: Integration. ${names(integration) || 'none'}. Verify: end-to-end tests through the public entry points, dead-letter queues empty, WAF in count mode first and then block. Rollback: ${rollback}; switch traffic back at DNS or the CDN if an entry point misbehaves.`,
    `4. Phase 4: Optimization. ${optimizations.length ? optimizations.join('; ') : 'tune auto-scaling targets and caching from production metrics'}; load test at 10x. Verify: the cost report and latency targets. Rollback: each change is a small, separately deployed commit.`,
  ].join('\n');
}

function iac(p: PlanInputs): string {
  if (!p.iac) return 'Generate the code with generate_iac (format cloudformation, terraform or cdk); it is validated as it is written and lands in .ai/architecture/<design>/iac/.';
  const cmds: Record<string, string> = {
    cloudformation: `aws cloudformation deploy --template-file ${p.iac.dir}/template.yaml --stack-name ${p.architecture.name} --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM`,
    terraform: `cd ${p.iac.dir} && terraform init && terraform plan -out plan.tfplan && terraform apply plan.tfplan`,
    cdk: `cd ${p.iac.dir} && npm install && npx cdk diff && npx cdk deploy`,
  };
  return [
    `${p.iac.format} code in \`${p.iac.dir}/\` (${p.iac.files.length} files), validated with ${p.iac.errors} error(s) and ${p.iac.warnings} warning(s).`,
    '',
    list(p.iac.files.map((f) => `\`${f}\``)),
    '',
    `Deploy through the generated GitHub Actions workflow (pull requests preview the change; ${p.architecture.delivery.stages.join(' → ')} with approval before production), or by hand:`,
    '',
    '```sh\n' + cmds[p.iac.format] + '\n```',
  ].join('\n');
}

const ALARMS: Partial<Record<Component['service'], string>> = {
  lambda: 'errors and throttles above zero, duration near the timeout',
  'ecs-fargate': 'CPU and memory above 80 %, running tasks below the minimum, unhealthy targets',
  'ec2-asg': 'CPU above 80 %, unhealthy instances',
  eks: 'node CPU and memory, failed pods',
  'apigateway-rest': '5XX errors and p99 latency',
  'apigateway-http': '5XX errors and p99 latency',
  'apigateway-websocket': 'integration errors and connection failures',
  appsync: '5XX errors and latency',
  alb: '5XX responses, unhealthy hosts, target response time',
  nlb: 'unhealthy hosts',
  dynamodb: 'throttled requests and system errors',
  aurora: 'CPU, freeable memory, replica lag',
  rds: 'CPU, free storage, freeable memory',
  elasticache: 'CPU, memory, evictions',
  documentdb: 'CPU and freeable memory',
  opensearch: 'cluster status red/yellow, free storage, JVM pressure',
  sqs: 'age of the oldest message and messages in the dead-letter queue',
  'step-functions': 'failed and timed-out executions',
  'kinesis-streams': 'iterator age and write throughput exceeded',
  'kinesis-firehose': 'delivery failures and data freshness',
  'glue-job': 'failed job runs',
  cloudfront: '5XX error rate',
  waf: 'blocked request spikes',
  'sagemaker-endpoint': 'invocation errors and model latency',
  redshift: 'failed queries and capacity',
};

function monitoring(p: PlanInputs): string {
  const a = p.architecture;
  const alarmLines = a.components.filter((c) => ALARMS[c.service]).map((c) => `${displayName(c)}: ${ALARMS[c.service]}`);
  return [
    '- **CloudWatch configuration:**',
    `  - Logs from every function, task and API kept ${a.observability.logRetentionDays} days${a.observability.tracing ? '; X-Ray tracing on Lambda, API Gateway and AppSync' : ''}.`,
    `  - ${a.observability.dashboard ? 'A dashboard with the key metrics of every component.' : 'No dashboard in this design (observability.dashboard is off).'}`,
    '- **Alerting strategy:** alarms notify an SNS topic' + (a.observability.alarmEmail ? ` subscribed by ${a.observability.alarmEmail}` : '') + ':',
    list(alarmLines.length ? alarmLines : ['Service health notifications only: nothing in this design has metrics that need paging.']).replace(/^/gm, '  '),
    '- **Operational procedures:**',
    '  - Errors or throttles: check the dashboard and recent deploys; roll back the last change set or raise the concurrency or capacity limit named in the alarm.',
    '  - Messages piling up in a dead-letter queue: inspect a sample, fix the consumer, then redrive the queue.',
    '  - Database pressure: scale up the instance class or add readers; check slow queries first.',
    '  - Restore: AWS Backup or point-in-time recovery into a new resource, verify, then switch the application over.',
    '  - Secrets: rotate in Secrets Manager; applications read the current version at start-up or on cache expiry.',
  ].join('\n');
}

function disasterRecovery(p: PlanInputs): string {
  const r = p.architecture.resilience;
  const stores = p.architecture.components.filter((c) => STATEFUL.has(c.service));
  const strategy: Record<string, string> = {
    none: 'No disaster recovery beyond the service\'s own durability: acceptable only because nothing here is stateful or critical.',
    'backup-restore': 'Backup and restore: backups are taken automatically and restored into a new stack when needed.',
    'pilot-light': `Pilot light: data is continuously replicated to ${r.secondaryRegion}; the compute and edge tiers are deployed there from the same code when a failover is declared.`,
    'warm-standby': `Warm standby: a scaled-down copy runs in ${r.secondaryRegion} with replicated data and is scaled up on failover.`,
    'active-active': `Active-active: both ${p.architecture.region} and ${r.secondaryRegion} serve traffic; DNS routing shifts load away from an unhealthy region.`,
  };
  return [
    `- Strategy: ${strategy[r.drStrategy]}`,
    `- Targets: RPO ${r.rpoMinutes !== undefined ? `${r.rpoMinutes} minutes` : 'not stated'}, RTO ${r.rtoMinutes !== undefined ? `${r.rtoMinutes} minutes` : 'not stated'}; availability ${r.availabilityTarget} %${r.multiAz ? ' with every tier across Availability Zones' : ''}.`,
    `- Backups: AWS Backup keeps ${r.backupRetentionDays} days of ${stores.length ? stores.map(displayName).join(', ') : 'nothing (no stateful components)'}${r.crossRegionBackupCopy && r.secondaryRegion ? `, copied to ${r.secondaryRegion}` : ''}.`,
    '- Testing: restore a backup into a scratch account every quarter and run a failover game day twice a year, timing both against the RTO.',
  ].join('\n');
}

/** The architecture plan in the seed's output format, every section filled from the design. */
export function renderPlan(p: PlanInputs): string {
  const a = p.architecture;
  const sections: Array<[string, string]> = [
    ['Executive Summary', executiveSummary(p)],
    ['Architecture Overview', overview(p)],
    ['Service Components', components(p)],
    ['Security Design', security(p)],
    ['Scalability & Performance', scaling(p)],
    ['Cost Estimation', cost(p)],
    ['Implementation Roadmap', roadmap(p)],
    ['Infrastructure as Code', iac(p)],
    ['Monitoring & Operations', monitoring(p)],
    ['Disaster Recovery', disasterRecovery(p)],
  ];
  if (p.review) {
    const open = p.review.findings.filter((f) => !f.acknowledged).sort((x, y) => rank(y.severity) - rank(x.severity));
    sections.splice(4, 0, [
      'Security & Compliance Review',
      [table(['framework', 'result', 'findings'], p.review.frameworks.map((f) => [f.framework, f.passed ? 'pass' : 'fail', String(f.findings)])), '', list(open.slice(0, 10).map((f) => `**${f.severity}** ${f.rule}${f.component ? ` (${f.component})` : ''}: ${f.title}. Fix: ${f.fix}`)) || 'No open findings.'].join('\n'),
    ]);
  }
  if (p.adrs?.length) sections.push(['Decision Records', list(p.adrs)]);
  return `# AWS Backend Architecture Plan: ${a.name}\n\n${sections.map(([h, body]) => `## ${h}\n\n${body.trim()}\n`).join('\n')}`;
}

function rank(s: string): number {
  return ['info', 'low', 'medium', 'high', 'critical'].indexOf(s);
}
