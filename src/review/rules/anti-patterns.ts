import type { Architecture, Component, ComponentService } from '../../model/index.js';
import type { ModelRule, RuleHit } from '../types.js';
import { designHit, hit, isProd, list, ofService, privateCompute, quote, rule, wafProtected } from './helpers.js';

/**
 * Kinds whose generated IaC carries CloudWatch alarms (errors, throttles, saturation, failed deliveries), all notifying
 * the design's alarm topic. Buckets, DNS, certificates, web ACLs, user pools, Athena and EKS get none.
 */
const ALARMED: ReadonlySet<ComponentService> = new Set<ComponentService>([
  'apigateway-rest', 'apigateway-http', 'apigateway-websocket', 'appsync', 'alb', 'nlb',
  'lambda', 'ecs-fargate', 'ec2-asg', 'glue-job', 'sagemaker-endpoint',
  'dynamodb', 'aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift',
  'sqs', 'sns', 'eventbridge', 'step-functions', 'kinesis-streams', 'kinesis-firehose', 'iot-core', 'ses', 'transfer-family',
]);

/** Components the design's alarms watch. CloudFront publishes its metrics only in us-east-1, so only there can it alarm. */
function alarmedComponents(a: Architecture): Component[] {
  return a.components.filter(
    (c) => ALARMED.has(c.service) || (c.service === 'cloudfront' && a.region === 'us-east-1') || (c.service === 'secrets-manager' && c.config.rotationDays > 0),
  );
}

/**
 * The seed agent's six anti-patterns, each as concrete checks: single points of failure (AP-SPOF), missing
 * monitoring or alerting (AP-MON), manual configuration steps (AP-MANUAL), insufficient security (AP-SEC), ignored
 * cost (AP-COST) and over-engineering for current needs (AP-OVER).
 */
export const ANTI_PATTERN_RULES: ModelRule[] = [
  rule({
    id: 'AP-SPOF-1',
    framework: 'anti-patterns',
    control: 'REL10-BP01',
    pillar: 'reliability',
    severity: 'high',
    title: 'Single-instance data store',
    checks: 'Relational databases, document databases, search clusters and replicated caches keep a standby or replica in a second Availability Zone.',
    why: 'One instance in one AZ is a single point of failure: an instance fault or AZ outage takes the data tier down until a replacement is built.',
    fix: 'RDS: multiAz true. Aurora: readers 1 or more. DocumentDB: instances 2 or more. OpenSearch: instanceCount 2 or more (3 for zone awareness). ElastiCache node-based: replicasPerShard 1 or more.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const target = a.resilience.availabilityTarget;
      const sev = isProd(a) || target >= 99.9 ? 'high' : 'medium';
      const under = target >= 99.95 ? ` The availability target of ${target} % cannot be met with a single instance.` : '';
      const out: RuleHit[] = [];
      const add = (c: Component, what: string, fix: string) => out.push(hit(s, c, `${what}.${under}`, { severity: sev, fix }));
      for (const c of a.components) {
        if (c.service === 'rds' && !c.config.multiAz) add(c, `rds '${c.id}' is a Single-AZ instance (multiAz false)`, `Set multiAz to true on '${c.id}'.`);
        if (c.service === 'aurora' && c.config.readers === 0) add(c, `aurora '${c.id}' has no reader, so a failure means recreating the writer instead of a failover in about 30 seconds`, `Set readers to 1 or more on '${c.id}'.`);
        if (c.service === 'documentdb' && c.config.instances < 2) add(c, `documentdb '${c.id}' has one instance`, `Set instances to 2 or more on '${c.id}'.`);
        if (c.service === 'opensearch' && c.config.instanceCount < 2) add(c, `opensearch '${c.id}' has one data node`, `Set instanceCount to 3 on '${c.id}' (zone awareness across AZs).`);
        if (c.service === 'elasticache' && c.config.mode === 'node-based' && c.config.engine !== 'memcached' && c.config.replicasPerShard === 0) {
          add(c, `elasticache '${c.id}' has no replica`, `Set replicasPerShard to 1 or more on '${c.id}' (automatic failover across AZs).`);
        }
      }
      return out;
    },
  }),
  rule({
    id: 'AP-SPOF-2',
    framework: 'anti-patterns',
    control: 'REL10-BP01',
    pillar: 'reliability',
    severity: 'high',
    title: 'Service runs on a single task, instance or node',
    checks: 'Long-running services, instance fleets, node groups and real-time endpoints keep at least two copies.',
    why: 'With one copy every deployment, crash or AZ outage is downtime.',
    fix: 'Keep at least two copies spread across AZs: ECS minCount/desiredCount 2, ASG minSize 2, EKS minNodes 2, SageMaker instanceCount 2.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const sev = isProd(a) ? 'high' : 'low';
      const out: RuleHit[] = [];
      for (const c of a.components) {
        if (c.service === 'ecs-fargate' && c.config.mode === 'service' && Math.min(c.config.minCount, c.config.desiredCount) < 2) {
          out.push(hit(s, c, `ecs-fargate service '${c.id}' runs ${Math.min(c.config.minCount, c.config.desiredCount)} task(s) at minimum.`, { severity: sev }));
        }
        if (c.service === 'ec2-asg' && c.config.minSize < 2) out.push(hit(s, c, `ec2-asg '${c.id}' has minSize ${c.config.minSize}.`, { severity: sev }));
        if (c.service === 'eks' && c.config.minNodes < 2) out.push(hit(s, c, `eks '${c.id}' node group has minNodes ${c.config.minNodes}.`, { severity: sev }));
        if (c.service === 'sagemaker-endpoint' && c.config.mode === 'real-time' && c.config.instanceCount < 2) {
          out.push(hit(s, c, `sagemaker-endpoint '${c.id}' runs one instance.`, { severity: isProd(a) ? 'medium' : 'low' }));
        }
      }
      return out;
    },
  }),
  rule({
    id: 'AP-SPOF-3',
    framework: 'anti-patterns',
    control: 'REL10-BP01',
    pillar: 'reliability',
    severity: 'high',
    title: 'Everything in one Availability Zone',
    checks: 'The VPC spans two or more AZs and multi-AZ is on for production designs.',
    why: 'AZs fail independently; a design confined to one shares its fate.',
    fix: 'Set network.azCount to 2 or 3 and resilience.multiAz to true.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      if (a.network && a.network.azCount < 2) out.push(designHit(`network.azCount is ${a.network.azCount}.`, s.resourceOf.get('network') ? { resource: s.resourceOf.get('network')! } : {}));
      if (s.source === 'design' && !a.resilience.multiAz && isProd(a)) out.push(designHit('resilience.multiAz is false in a production design.'));
      return out;
    },
  }),
  rule({
    id: 'AP-SPOF-4',
    framework: 'anti-patterns',
    control: 'REL 2',
    pillar: 'reliability',
    severity: 'medium',
    title: 'One NAT gateway serves every Availability Zone',
    checks: 'Production VPCs with private compute in several AZs run one NAT gateway per AZ.',
    why: 'If the AZ holding the single NAT gateway fails, private workloads in the healthy AZs lose their way out too.',
    fix: 'Set network.natGateways to per-az, or add VPC endpoints so private compute does not need NAT for AWS APIs.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const n = a.network;
      if (!n || n.natGateways !== 'single' || n.azCount < 2 || !isProd(a)) return [];
      const compute = privateCompute(a);
      if (!compute.length) return [];
      return [designHit(`network.natGateways is single with ${n.azCount} AZs; private compute ${list(compute.map((c) => quote(c.id)))} depends on it.`)];
    },
  }),
  rule({
    id: 'AP-SPOF-5',
    framework: 'anti-patterns',
    control: 'REL10-BP01',
    pillar: 'reliability',
    severity: 'high',
    title: 'A single Region for a 99.99 % target',
    checks: 'Availability targets of 99.99 % or more come with warm-standby or active-active multi-Region recovery.',
    why: 'Several regional services in series already land below 99.99 %, and a Region-wide event takes everything down; only a second Region with automated failover protects that target.',
    fix: 'Use drStrategy warm-standby or active-active with a secondaryRegion and health-checked DNS failover, or lower the target to what one Region delivers (99.9-99.95 %).',
    scope: 'design',
    check(s) {
      const r = s.architecture.resilience;
      if (r.availabilityTarget < 99.99 || r.drStrategy === 'warm-standby' || r.drStrategy === 'active-active') return [];
      return [designHit(`availabilityTarget is ${r.availabilityTarget} % with drStrategy ${r.drStrategy}.`)];
    },
  }),
  rule({
    id: 'AP-MON-1',
    framework: 'anti-patterns',
    control: 'REL 6',
    pillar: 'operational-excellence',
    severity: 'high',
    title: 'No one is alerted when something breaks',
    checks: 'Designs route alarms to someone (observability.alarmEmail or an SNS email subscription), which is high when nothing in the design is alarmed and medium when only the recipient is missing; templates define CloudWatch alarms.',
    why: 'Without alerting, failures are discovered by customers.',
    fix: 'Set observability.alarmEmail (the generators then create the alarms and an SNS topic), or add CloudWatch alarms with an SNS action to the template.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      if (s.source !== 'design') {
        // Buckets and topics alone rarely page anyone; running code and databases do.
        const watched = a.components.filter((c) => c.layer === 'compute' || (c.layer === 'data' && c.service !== 's3' && c.service !== 'athena'));
        return s.facts.alarms === 0 && watched.length ? [designHit(`the template runs ${watched.map((c) => quote(c.id)).join(', ')} and defines no CloudWatch alarm.`, { severity: 'medium' })] : [];
      }
      const emails = ofService(a, 'sns').some((t) => t.config.emailSubscriptions.length > 0);
      if (a.observability.alarmEmail || emails) return [];
      const alarmed = alarmedComponents(a);
      if (!alarmed.length) return [designHit('observability.alarmEmail is not set, no SNS topic has an email subscription, and no component of the design is watched by an alarm.')];
      // The generators already create the alarms and their topic: the recipient is an input only the user can give.
      const named = alarmed.slice(0, 4).map((c) => quote(c.id));
      const more = alarmed.length > 4 ? `${named.join(', ')} and ${alarmed.length - 4} more` : list(named);
      return [
        designHit(`observability.alarmEmail is not set: the alarms on ${more} notify the alarm topic, which has no subscriber yet.`, {
          severity: 'medium',
          fix: 'Set observability.alarmEmail (or subscribe the alarm topic).',
        }),
      ];
    },
  }),
  rule({
    id: 'AP-MON-2',
    framework: 'anti-patterns',
    control: 'OPS 4',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Tracing switched off',
    checks: 'X-Ray tracing is on for the design and for each function and GraphQL API.',
    why: 'Without traces a slow or failing request cannot be followed across API, functions and data stores.',
    fix: 'Set observability.tracing and the component\'s tracing (Lambda) or xrayEnabled (AppSync) to true.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      if (s.source === 'design' && !a.observability.tracing && a.components.some((c) => c.service === 'lambda' || c.service.startsWith('apigateway') || c.service === 'appsync')) {
        out.push(designHit('observability.tracing is false.'));
      }
      for (const c of a.components) {
        if (c.service === 'lambda' && !c.config.tracing) out.push(hit(s, c, `lambda '${c.id}' has tracing false.`));
        if (c.service === 'appsync' && !c.config.xrayEnabled) out.push(hit(s, c, `appsync '${c.id}' has xrayEnabled false.`));
      }
      return out;
    },
  }),
  rule({
    id: 'AP-MON-3',
    framework: 'anti-patterns',
    control: 'OPS 8',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'No operational dashboard',
    checks: 'Designs with more than three components have a CloudWatch dashboard.',
    why: 'During an incident the on-call engineer needs the key metrics on one screen, not twenty console tabs.',
    fix: 'Set observability.dashboard to true.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      return !a.observability.dashboard && a.components.length > 3 ? [designHit(`observability.dashboard is false for ${a.components.length} components.`)] : [];
    },
  }),
  rule({
    id: 'AP-MANUAL-1',
    framework: 'anti-patterns',
    control: 'OPS 5',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'Deployed by hand',
    checks: 'Production designs have a deployment pipeline.',
    why: 'Manual deployments drift, skip tests and cannot be rolled back reliably.',
    fix: 'Set delivery.pipeline to github-actions or codepipeline.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      return a.delivery.pipeline === 'none' && isProd(a) ? [designHit('delivery.pipeline is none in a production design.')] : [];
    },
  }),
  rule({
    id: 'AP-MANUAL-2',
    framework: 'anti-patterns',
    control: 'OPS 5',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'Changes reach production without a pre-production stage',
    checks: 'Production pipelines deploy to at least one stage before production.',
    why: 'A single stage means every change is first tested by customers.',
    fix: 'List a staging stage before production in delivery.stages.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      return isProd(a) && a.delivery.pipeline !== 'none' && a.delivery.stages.length < 2 ? [designHit(`delivery.stages is [${a.delivery.stages.join(', ')}].`)] : [];
    },
  }),
  rule({
    id: 'AP-MANUAL-3',
    framework: 'anti-patterns',
    control: 'OPS 5',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'Step that needs a person',
    checks: 'Certificates validate by DNS and IoT devices are provisioned by fleet provisioning.',
    why: 'Email-validated certificates need someone to click a link at every renewal (a missed email is an expired certificate); hand-provisioned devices do not scale and leak credentials.',
    fix: 'Use validation dns (automatic with a route53 component) and provisioning fleet.',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of s.architecture.components) {
        if (c.service === 'acm' && c.config.validation === 'email') out.push(hit(s, c, `acm '${c.id}' validates by email.`, { fix: `Set validation to dns on '${c.id}'.` }));
        if (c.service === 'iot-core' && c.config.provisioning === 'manual') out.push(hit(s, c, `iot-core '${c.id}' provisions devices manually.`, { fix: `Set provisioning to fleet on '${c.id}'.` }));
      }
      return out;
    },
  }),
  rule({
    id: 'AP-SEC-1',
    framework: 'anti-patterns',
    control: 'SEC 7',
    pillar: 'security',
    severity: 'high',
    title: 'Regulated data without the matching compliance regime',
    checks: 'Designs classified phi declare hipaa, and designs classified pci declare pci-dss.',
    why: 'The compliance list drives customer-managed keys, service eligibility and audit checks; leaving it out silently skips all of them.',
    fix: 'Add hipaa (for phi) or pci-dss (for pci) to compliance, or correct dataClassification.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (a.dataClassification === 'phi' && !a.compliance.includes('hipaa')) return [designHit('dataClassification is phi but compliance does not include hipaa.')];
      if (a.dataClassification === 'pci' && !a.compliance.includes('pci-dss')) return [designHit('dataClassification is pci but compliance does not include pci-dss.')];
      return [];
    },
  }),
  rule({
    id: 'AP-COST-1',
    framework: 'anti-patterns',
    control: 'COST 1',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'No usage figures, so no cost estimate',
    checks: 'The design has a usage profile for its components.',
    why: 'Without usage the monthly cost is unknown until the first bill; the expensive line items are usually the ones nobody estimated.',
    fix: 'Fill usage.components (requests, storage, data out) or run analyze_requirements with traffic figures, then estimate_cost.',
    scope: 'design',
    check(s) {
      return Object.keys(s.architecture.usage.components).length === 0 ? [designHit('usage.components is empty.')] : [];
    },
  }),
  rule({
    id: 'AP-COST-2',
    framework: 'anti-patterns',
    control: 'COST 3',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'No cost-allocation tags',
    checks: 'Design tags name a project, application, owner or cost centre.',
    why: 'Untagged spend cannot be attributed, so nobody owns the bill.',
    fix: 'Add tags such as project, owner and cost-center; the generators put them on every resource.',
    scope: 'design',
    check(s) {
      const keys = Object.keys(s.architecture.tags).map((k) => k.toLowerCase().replace(/[^a-z]/g, ''));
      return keys.some((k) => ['project', 'application', 'app', 'owner', 'costcenter', 'costcentre', 'team'].includes(k)) ? [] : [designHit('tags has no project, application, owner or cost-center key.')];
    },
  }),
  rule({
    id: 'AP-COST-3',
    framework: 'anti-patterns',
    control: 'COST 6',
    pillar: 'cost-optimization',
    severity: 'medium',
    title: 'NAT gateway that nothing needs',
    checks: 'NAT gateways exist only when private compute needs internet egress.',
    why: 'Each NAT gateway bills by the hour plus per GB processed, whether or not anything uses it.',
    fix: 'Set network.natGateways to none, or move the compute that needs it into private subnets.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const n = a.network;
      if (!n || n.natGateways === 'none' || privateCompute(a).length) return [];
      return [designHit(`network.natGateways is ${n.natGateways} but no component runs in private subnets.`, s.resourceOf.get('network') ? { resource: s.resourceOf.get('network')! } : {})];
    },
  }),
  rule({
    id: 'AP-COST-4',
    framework: 'anti-patterns',
    control: 'COST 7',
    pillar: 'cost-optimization',
    severity: 'medium',
    title: 'Always-on spend outside production',
    checks: 'Development and staging designs avoid per-AZ NAT, provisioned concurrency and always-on instances where on-demand options exist.',
    why: 'Non-production runs a few hours a day but these bill around the clock.',
    fix: 'In dev/staging: natGateways single or none, provisionedConcurrency 0, Aurora serverless-v2 with a low minAcu, SageMaker serverless.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (isProd(a)) return [];
      const out: RuleHit[] = [];
      if (a.network?.natGateways === 'per-az') out.push(designHit(`network.natGateways is per-az in a ${a.environment} design.`));
      for (const c of a.components) {
        if (c.service === 'lambda' && c.config.provisionedConcurrency > 0) out.push(hit(s, c, `lambda '${c.id}' keeps ${c.config.provisionedConcurrency} provisioned instances in ${a.environment}.`));
        if (c.service === 'aurora' && c.config.capacity === 'provisioned') out.push(hit(s, c, `aurora '${c.id}' runs provisioned ${c.config.instanceClass} instances in ${a.environment}.`, { severity: 'low' }));
        if (c.service === 'sagemaker-endpoint' && c.config.mode === 'real-time') out.push(hit(s, c, `sagemaker-endpoint '${c.id}' keeps ${c.config.instanceCount} real-time instances in ${a.environment}.`));
      }
      return out;
    },
  }),
  rule({
    id: 'AP-COST-5',
    framework: 'anti-patterns',
    control: 'COST 6',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'REST API where an HTTP API would do',
    checks: 'REST APIs use a feature HTTP APIs lack (WAF, stage cache, private endpoint, edge endpoint).',
    why: 'HTTP APIs cost about 70 % less per request than REST APIs and add less latency.',
    fix: 'Use apigateway-http unless you need WAF, caching, request validation or usage plans (then acknowledge this finding).',
    scope: 'resource',
    check(s) {
      const guarded = wafProtected(s.architecture);
      return ofService(s.architecture, 'apigateway-rest')
        .filter((c) => !guarded.has(c.id) && c.config.cacheSizeGb === '0' && c.config.endpointType === 'REGIONAL')
        .map((c) => hit(s, c, `apigateway-rest '${c.id}' uses no WAF, cache or private/edge endpoint.`));
    },
  }),
  rule({
    id: 'AP-OVER-1',
    framework: 'anti-patterns',
    control: 'REL13-BP02',
    pillar: 'cost-optimization',
    severity: 'medium',
    title: 'Disaster recovery beyond the stated objectives',
    checks: 'Warm-standby and active-active DR come with an availability target or RTO that needs them.',
    why: 'A second Region running warm or hot roughly doubles the bill and the operational work; backup-restore or pilot light meets objectives measured in hours.',
    fix: 'State the RTO/RPO the business needs; if recovery within hours is acceptable, use pilot-light or backup-restore with crossRegionBackupCopy.',
    scope: 'design',
    check(s) {
      const r = s.architecture.resilience;
      if (r.drStrategy !== 'warm-standby' && r.drStrategy !== 'active-active') return [];
      if (r.availabilityTarget > 99.9 || (r.rtoMinutes !== undefined && r.rtoMinutes < 240)) return [];
      return [designHit(`drStrategy is ${r.drStrategy} with availabilityTarget ${r.availabilityTarget} % and ${r.rtoMinutes === undefined ? 'no stated RTO' : `an RTO of ${r.rtoMinutes} minutes`}.`)];
    },
  }),
  rule({
    id: 'AP-OVER-2',
    framework: 'anti-patterns',
    control: 'PERF 1',
    pillar: 'cost-optimization',
    severity: 'medium',
    title: 'Kubernetes for a small system',
    checks: 'EKS is used when there are several services to schedule, not one or two.',
    why: 'An EKS cluster brings a control-plane fee, node patching, upgrades every few months and a skill set; ECS Fargate or Lambda run one or two services with none of that.',
    fix: 'Use ecs-fargate (or lambda) for a couple of services; keep EKS for many services or when the team already runs Kubernetes (then acknowledge).',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const compute = a.components.filter((c) => c.layer === 'compute');
      return ofService(a, 'eks')
        .filter(() => compute.length <= 2)
        .map((c) => hit(s, c, `eks '${c.id}' is one of ${compute.length} compute component(s) in the design.`));
    },
  }),
  rule({
    id: 'AP-OVER-3',
    framework: 'anti-patterns',
    control: 'REL13-BP01',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Cross-Region replication without a DR objective that needs it',
    checks: 'Global tables, Aurora Global Database and S3 replication appear with a multi-Region DR strategy or a tight RPO.',
    why: 'Replication doubles storage and write costs; with backup-restore DR the replicas are never used for recovery.',
    fix: 'Remove the replication or state the RPO and a DR strategy (pilot-light or warmer) that uses it.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const r = a.resilience;
      if ((r.drStrategy !== 'none' && r.drStrategy !== 'backup-restore') || (r.rpoMinutes !== undefined && r.rpoMinutes < 60)) return [];
      const out: RuleHit[] = [];
      for (const c of a.components) {
        if (c.service === 'dynamodb' && c.config.replicaRegions.length) out.push(hit(s, c, `dynamodb '${c.id}' replicates to ${list(c.config.replicaRegions)} with drStrategy ${r.drStrategy}.`));
        if (c.service === 'aurora' && c.config.globalSecondaryRegion) out.push(hit(s, c, `aurora '${c.id}' is a global database (${c.config.globalSecondaryRegion}) with drStrategy ${r.drStrategy}.`));
        if (c.service === 's3' && c.config.replicationRegion) out.push(hit(s, c, `s3 '${c.id}' replicates to ${c.config.replicationRegion} with drStrategy ${r.drStrategy}.`));
      }
      return out;
    },
  }),
  rule({
    id: 'AP-OVER-4',
    framework: 'anti-patterns',
    control: 'COST 2',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Production-grade redundancy in a development design',
    checks: 'Development designs do not pay for standby databases, three AZs or extra replicas.',
    why: 'A dev environment does not need to survive an AZ outage; redundancy there doubles cost for nothing.',
    fix: 'In dev: rds multiAz false, aurora readers 0, network.azCount 2, elasticache replicasPerShard 0.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (a.environment !== 'dev') return [];
      const out: RuleHit[] = [];
      if ((a.network?.azCount ?? 0) >= 3) out.push(designHit(`network.azCount is ${a.network!.azCount} in a dev design.`));
      for (const c of a.components) {
        if (c.service === 'rds' && c.config.multiAz) out.push(hit(s, c, `rds '${c.id}' runs a Multi-AZ standby in dev.`));
        if (c.service === 'aurora' && c.config.readers > 0) out.push(hit(s, c, `aurora '${c.id}' runs ${c.config.readers} reader(s) in dev.`));
      }
      return out;
    },
  }),
  rule({
    id: 'AP-OVER-5',
    framework: 'anti-patterns',
    control: 'PERF 3',
    pillar: 'cost-optimization',
    severity: 'low',
    title: 'Cluster sized for far more data than it holds',
    checks: 'Redshift and OpenSearch hold enough data (per the usage profile) to justify a dedicated cluster.',
    why: 'A warehouse or search cluster for a few GB costs hundreds of dollars a month; Athena over S3, PostgreSQL full-text search or DynamoDB do the job for a fraction.',
    fix: 'Use athena over S3 (analytics) or the existing database\'s search features until the data grows; acknowledge if growth is imminent.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      for (const c of a.components.filter((x) => x.service === 'redshift' || x.service === 'opensearch')) {
        const gb = a.usage.components[c.id]?.storageGb;
        if (gb !== undefined && gb < 5) out.push(hit(s, c, `${c.service} '${c.id}' holds ${gb} GB per the usage profile.`));
      }
      return out;
    },
  }),
];

