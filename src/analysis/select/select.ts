import { parseArchitecture, Requirements, VPC_BOUND } from '../../model/index.js';
import type { Architecture, Conflict, Decision, ModelIssue } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import { describeZodIssues } from '../../shared/zod.js';
import { safeName } from '../derive.js';
import { fmt } from '../text.js';
import { buildContext } from './context.js';
import type { Ctx, PriorDecision } from './context.js';
import { DesignDraft } from './design.js';
import type { DraftComponent } from './design.js';
import {
  alertsNeed,
  analyticsNeed,
  apiFrontNeed,
  archiveNeed,
  batchComputeNeed,
  cacheNeed,
  computeApiNeed,
  deviceIngestNeed,
  emailNeed,
  eventBusNeed,
  fileTransferNeed,
  hotStoreNeed,
  inferenceNeed,
  mediaCdnNeed,
  objectStoreNeed,
  orchestrationNeed,
  primaryStoreNeed,
  queueNeed,
  realtimeNeed,
  searchNeed,
  streamNeed,
  webHostingNeed,
} from './needs.js';
import { onlyStatic, planDr, planNetwork, planObservability } from './platform.js';
import type { DrPlan } from './platform.js';
import { decide } from './score.js';
import type { NeedSpec } from './score.js';
import { acceptTradeOff, TRADE_OFF_RULES } from './trade-offs.js';
import type { DesignAcknowledgement } from './trade-offs.js';

export type { PriorDecision } from './context.js';

export interface SelectOptions {
  /** Accepted decisions from `.ai/memory`; chosen services get a strong bonus, rejected ones are excluded. */
  priorDecisions?: PriorDecision[];
  /** Design name; the requirements' name otherwise. */
  name?: string;
}

export interface SelectResult {
  architecture: Architecture;
  /** The same as `architecture.decisions`. */
  decisions: Decision[];
  /** Conflicts from the requirements plus those met while selecting. */
  conflicts: Conflict[];
  /** Non-fatal model warnings (normally none). */
  warnings: ModelIssue[];
}

/**
 * Picks AWS services for each need in the requirements and assembles the Architecture: components with configs
 * sized from the load, connections that say what flows (IAM and security groups derive from them), the network,
 * security, resilience and observability sections, and one decision per need with its score, rationale and rejected
 * alternatives. Pure and deterministic; throws UserError only for requirements that do not parse.
 */
/** Lake lifecycle from the retention: Standard-IA after 30 days and Glacier Instant Retrieval after 180 when kept long enough, expiring at the retention; Intelligent-Tiering when no retention is stated. */
function lakeLifecycle(retentionDays: number | undefined) {
  if (retentionDays === undefined) return [{ prefix: '', transitions: [{ days: 30, storageClass: 'INTELLIGENT_TIERING' as const }] }];
  const keep = Math.max(1, retentionDays);
  return [{ prefix: '', transitions: [...(keep > 60 ? [{ days: 30, storageClass: 'STANDARD_IA' as const }] : []), ...(keep > 270 ? [{ days: 180, storageClass: 'GLACIER_IR' as const }] : [])], expirationDays: keep }];
}

export function selectServices(input: Requirements | Record<string, unknown>, options: SelectOptions = {}): SelectResult {
  const parsed = Requirements.safeParse(input);
  if (!parsed.success) {
    const first = describeZodIssues(parsed.error, input)[0]!;
    throw new UserError(`requirements.${first.field}`, first.message, 'Pass the requirements returned by analyze_requirements, or fix this field (schema: aws-architect://schema/requirements).');
  }
  const req = parsed.data;
  const ctx = buildContext(req, options.priorDecisions ?? []);
  const design = new DesignDraft();
  const b = new Builder(ctx, design);
  b.build();

  const name = safeName(options.name ?? req.name);
  const dr = b.dr;
  const network = planNetwork(ctx, design);
  if (network.decision) design.decision(network.decision);
  const backupRetention = backupDays(ctx);
  b.securityDecision();
  b.resilienceDecision(backupRetention);

  const architecture = {
    schemaVersion: 1,
    name,
    description: req.summary,
    region: ctx.region,
    environment: 'prod',
    dataClassification: req.data.classification,
    compliance: req.compliance,
    components: design.components,
    connections: design.connections,
    ...(network.network ? { network: network.network } : {}),
    security: {
      encryptionKeys: sensitive(ctx) ? 'customer-managed' : 'aws-managed',
      auditTrail: true,
      threatDetection: sensitive(ctx),
      tlsMinimum: '1.2',
    },
    resilience: {
      availabilityTarget: ctx.availability,
      ...(req.availability.rpoMinutes !== undefined ? { rpoMinutes: req.availability.rpoMinutes } : {}),
      ...(req.availability.rtoMinutes !== undefined ? { rtoMinutes: req.availability.rtoMinutes } : {}),
      multiAz: ctx.multiAz,
      drStrategy: dr.strategy,
      ...(dr.secondary ? { secondaryRegion: dr.secondary } : {}),
      backupRetentionDays: Math.min(3650, Math.max(1, backupRetention)),
      crossRegionBackupCopy: Boolean(dr.secondary) && dr.strategy !== 'none',
    },
    observability: planObservability(ctx),
    usage: { assumptions: loadSummary(ctx) },
    decisions: design.decisions,
    acknowledgements: b.acknowledgements,
    tags: { project: name },
  };
  const result = parseArchitecture(architecture);
  if (!result.ok) {
    // Selection must always produce a valid model; anything else is a bug in the rules.
    throw new Error(`selection produced an invalid architecture: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return {
    architecture: result.value,
    decisions: result.value.decisions,
    conflicts: [...req.conflicts, ...ctx.conflicts],
    warnings: result.issues,
  };
}

/** Backup retention in days: what the brief says, 35 for regulated data, a week for internal tools, else two weeks. */
function backupDays(ctx: Ctx): number {
  return Math.max(1, Number(ctx.featureValue('backup-retention-days') ?? (ctx.regulated ? 35 : ctx.has('internal-tool') ? 7 : 14)) || 14);
}

function loadSummary(ctx: Ctx): string[] {
  const t = ctx.req.traffic;
  const out: string[] = [];
  if (ctx.req.workload.patterns.length === 0) out.push('No workload pattern was given; designed as a request/response API');
  if (t.dailyActiveUsers !== undefined) out.push(`${fmt(t.dailyActiveUsers)} daily active users${t.monthlyActiveUsers !== undefined ? `, ${fmt(t.monthlyActiveUsers)} monthly` : ''}`);
  if (t.peakRps !== undefined) out.push(`${fmt(t.peakRps)} requests/s at peak${t.avgRps !== undefined ? `, ${fmt(t.avgRps)} on average` : ''}`);
  if (t.peakMessagesPerSecond !== undefined) out.push(`${fmt(t.peakMessagesPerSecond)} messages or events per second at peak`);
  if (t.peakConcurrent !== undefined) out.push(`${fmt(t.peakConcurrent)} concurrent connections at peak`);
  if (ctx.req.data.storedGb !== undefined) out.push(`${fmt(ctx.req.data.storedGb)} GB stored${ctx.req.data.growthGbPerMonth !== undefined ? `, growing ${fmt(ctx.req.data.growthGbPerMonth)} GB a month` : ''}`);
  out.push(`Limits and scaling ceilings checked against ${ctx.headroom}x the stated load`);
  return out;
}

const SQL_STORES = new Set(['aurora', 'rds', 'documentdb', 'elasticache', 'opensearch']);

/** Builds the components need by need; kept as a class so each section reads the choices made before it. */
class Builder {
  dr!: DrPlan;
  /** Review findings the design accepts on purpose, each with the reason (shown as acknowledged, never hidden). */
  readonly acknowledgements: DesignAcknowledgement[] = [];
  private compute: string | undefined;
  private computeDecision: Decision | undefined;
  private computeId: string | undefined;
  private frontId: string | undefined;
  private authId: string | undefined;
  private storeId: string | undefined;
  private store: string | undefined;
  private workerFor = new Map<string, string>();

  constructor(
    private readonly ctx: Ctx,
    private readonly d: DesignDraft,
  ) {}

  private pick(spec: NeedSpec): { chosen?: string; decision?: Decision } {
    const out = decide(this.ctx, spec);
    return { ...(out.chosen ? { chosen: out.chosen } : {}), ...(out.decision ? { decision: this.d.decision(out.decision) } : {}) };
  }

  build(): void {
    const { ctx } = this;
    const stateful = ctx.has('rest-api') || ctx.has('graphql-api') || ctx.has('realtime') || ctx.has('iot-ingest') || ctx.has('streaming-analytics') || ctx.has('batch-etl') || ctx.has('file-transfer') || ctx.feature('media-uploads') || ctx.feature('document-downloads');
    this.dr = planDr(ctx, !stateful);

    if (ctx.has('static-site') || ctx.feature('web-frontend')) this.webHosting();
    const contactOnly = onlyStatic(ctx) && (ctx.feature('contact-form') || ctx.feature('email'));
    if (ctx.has('rest-api') || ctx.has('graphql-api') || ctx.has('realtime') || contactOnly) this.api(contactOnly);
    if (ctx.req.identity.endUserAuth && !contactOnly) this.identity();
    if (ctx.has('realtime')) this.realtime();
    // A pure inference API keeps no data of its own: partners send an input and get a prediction back.
    const appPatterns = ['realtime', 'graphql-api', 'ecommerce', 'saas-multitenant', 'internal-tool', 'event-driven'] as const;
    const inferenceOnly = ctx.has('ml-inference') && !appPatterns.some((p) => ctx.has(p)) && !ctx.feature('media-uploads');
    // A search API fed by a nightly pipeline serves from the index; the curated files are its source of truth.
    const searchOnly = ctx.has('search') && (ctx.has('batch-etl') || ctx.has('file-transfer')) && !appPatterns.some((p) => ctx.has(p));
    if (!contactOnly && !inferenceOnly && !searchOnly && (ctx.has('rest-api') || ctx.has('graphql-api') || ctx.has('realtime'))) this.primaryStore();
    this.cache();
    if (ctx.has('search') || ctx.feature('full-text-search')) this.search();
    this.objects();
    if (ctx.has('ml-inference')) this.inference();
    if (ctx.has('ecommerce')) this.asyncWork('orders', 'order processing');
    if (ctx.has('event-driven') || ctx.has('saas-multitenant')) this.events();
    if (ctx.feature('notifications') && !ctx.has('iot-ingest')) this.asyncWork('notifications', 'notifications');
    if (ctx.feature('email')) this.email();
    if (ctx.has('iot-ingest')) this.iot();
    else if (ctx.has('streaming-analytics')) this.clickstream();
    if (ctx.has('batch-etl') || ctx.has('file-transfer') || (ctx.has('data-warehouse') && !ctx.has('iot-ingest'))) this.pipeline();
    else if (ctx.feature('scheduled-jobs') && this.storeId) this.scheduledJob();
    this.secrets();
    this.waf();
    this.dnsAndCertificates();
    this.placeFunctions();
    this.applyDr();
    this.quietSite();
  }

  /**
   * A static site of files, DNS and certificates runs nothing an alarm could watch, and CloudFront publishes its
   * metrics only in us-east-1: outside it the design has no alarms at all. That is right for public pages, so it is
   * accepted on the hosting decision rather than padded with alarms on nothing.
   */
  private quietSite(): void {
    const { ctx, d } = this;
    const quiet = new Set(['s3', 'cloudfront', 'route53', 'acm', 'waf', 'cognito']);
    if (!onlyStatic(ctx) || ctx.region === 'us-east-1' || planObservability(ctx).alarmEmail || !d.components.every((c) => quiet.has(c.service))) return;
    const cdn = d.byService('cloudfront')[0];
    const decision = d.decisions.find((x) => cdn && x.components.includes(cdn.id));
    acceptTradeOff(this.acknowledgements, decision, `No CloudWatch alarms: the site runs no code, queue or database to watch, and CloudFront reports its metrics only in us-east-1, not ${ctx.region}; add a Route 53 health check or a synthetic canary if you want to be told when the site is down.`, [
      { rule: TRADE_OFF_RULES.noAlerting, reason: `Static files behind CloudFront with no code, queue or database to alarm on; CloudFront metrics are only published in us-east-1, so nothing in ${ctx.region} can watch the distribution.` },
    ]);
  }

  // --- edge and API ---------------------------------------------------------------------------------------------

  private webHosting(): void {
    const { chosen, decision } = this.pick(webHostingNeed(this.ctx));
    const spa = this.ctx.feature('web-frontend');
    if (chosen === 'alb') {
      // CloudFront ruled out: a small container service serves the built files behind the load balancer.
      const lb = this.d.add({ id: 'web-lb', service: 'alb', name: 'Site load balancer', config: { scheme: 'internet-facing', https: true } }, decision);
      const server = this.d.add({ id: 'web', service: 'ecs-fargate', name: spa ? 'Web app server' : 'Site server', description: 'Serves the built front-end files from a web server container', config: { cpu: '256', memoryMb: 512, desiredCount: 2, minCount: 2, maxCount: 4, containerPort: 8080 } }, decision);
      this.d.connect(lb, server, 'route', spa ? 'web app' : 'static pages');
      return;
    }
    if (chosen !== 'cloudfront') return;
    const web = this.d.add({ id: 'web', service: 's3', name: spa ? 'Web app files' : 'Site files', description: 'Built front-end files, private, served only through CloudFront', config: { purpose: 'static-site', versioning: true } }, decision);
    const cdn = this.d.add({ id: 'cdn', service: 'cloudfront', name: spa ? 'Web app CDN' : 'Site CDN', config: { defaultRootObject: 'index.html', spaFallback: spa } }, decision);
    this.d.connect(cdn, web, 'route', spa ? 'web app' : 'static pages');
  }

  private api(contactOnly: boolean): void {
    const { ctx, d } = this;
    const spec = computeApiNeed(ctx);
    if (contactOnly) spec.need = 'contact form handler';
    const compute = this.pick(spec);
    this.compute = compute.chosen;
    this.computeDecision = compute.decision;
    if (!this.compute) return;
    // On EKS the AWS Load Balancer Controller creates load balancers from Ingress objects inside the cluster.
    const needsFront = (ctx.has('rest-api') || ctx.has('graphql-api') || contactOnly) && this.compute !== 'eks';
    if (this.compute === 'eks' && compute.decision) {
      compute.decision.rationale += ' Traffic enters through an ALB that the AWS Load Balancer Controller creates from Kubernetes Ingress objects; the WAF web ACL attaches through the ingress annotation.';
    }
    const waf = wafReason(ctx);
    const front = needsFront ? this.pick(apiFrontNeed(ctx, this.compute, waf)) : {};
    const fnConfig = () => ({
      runtime: ctx.runtime,
      memoryMb: ctx.p99 !== undefined && ctx.p99 <= 200 ? 1024 : contactOnly ? 256 : 512,
      timeoutSeconds: contactOnly ? 10 : 25,
      ...(ctx.p99 !== undefined && ctx.p99 <= 100 && ctx.load !== 'tiny' ? { provisionedConcurrency: Math.min(50, Math.max(1, Math.ceil(ctx.avgRps * 0.1))) } : {}),
    });
    switch (this.compute) {
      case 'lambda':
        // Without an HTTP API the real-time handlers are the compute (linked to this decision there).
        if (needsFront || !ctx.has('realtime')) this.computeId = d.add({ id: contactOnly ? 'form-fn' : 'api-fn', service: 'lambda', name: contactOnly ? 'Contact form handler' : 'API handler', config: fnConfig() }, compute.decision);
        break;
      case 'ecs-fargate':
        this.computeId = d.add({ id: 'api', service: 'ecs-fargate', name: 'API service', config: fargateService(ctx) }, compute.decision);
        break;
      case 'eks':
        this.computeId = d.add({ id: 'cluster', service: 'eks', name: 'Kubernetes cluster', config: { minNodes: ctx.multiAz ? 2 : 1, desiredNodes: ctx.multiAz ? 3 : 1, maxNodes: Math.max(6, Math.ceil((ctx.peakRps * 2) / 500)) } }, compute.decision);
        break;
      case 'ec2-asg':
        this.computeId = d.add({ id: 'fleet', service: 'ec2-asg', name: 'Application servers', config: { minSize: ctx.multiAz ? 2 : 1, desiredCapacity: ctx.multiAz ? 2 : 1, maxSize: Math.max(4, Math.ceil((ctx.peakRps * 2) / 400)) } }, compute.decision);
        break;
    }
    if (!front.chosen) return;
    const throttle = Math.min(10_000, Math.max(contactOnly ? 5 : 50, Math.ceil(ctx.peakRps * 2)));
    const burst = Math.min(5000, throttle * 2);
    // Partners that hold API keys (not AWS credentials) are checked by a Lambda authorizer; AWS callers sign with IAM.
    const partnerKeys = ctx.feature('partner-api-keys') && !ctx.feature('iam-auth') && !ctx.req.identity.endUserAuth;
    const authorizer = ctx.req.identity.endUserAuth ? 'cognito' : partnerKeys ? 'lambda' : ctx.req.workload.clients.includes('partner') || ctx.has('internal-tool') ? 'iam' : 'none';
    switch (front.chosen) {
      case 'apigateway-http':
        this.frontId = d.add({ id: contactOnly ? 'form-api' : 'api', service: 'apigateway-http', name: contactOnly ? 'Contact form API' : 'HTTP API', config: { authorizer, throttleRateLimit: throttle, throttleBurstLimit: burst, ...(contactOnly ? { routes: ['POST /contact'] } : {}) } }, front.decision);
        if (contactOnly) {
          acceptTradeOff(this.acknowledgements, front.decision, `The form is public on purpose: visitors post without signing in, so the route has no authorizer, is throttled to ${throttle} requests/s and can only send an email.`, [
            { rule: TRADE_OFF_RULES.publicApi, component: this.frontId, reason: `A public contact form must accept anonymous posts; the route is throttled to ${throttle} requests/s and only sends an email.` },
          ]);
        }
        break;
      case 'apigateway-rest':
        this.frontId = d.add({ id: 'api', service: 'apigateway-rest', name: 'REST API', config: { authorizer, throttleRateLimit: throttle, throttleBurstLimit: burst } }, front.decision);
        break;
      case 'appsync':
        this.frontId = d.add({ id: 'graphql', service: 'appsync', name: 'GraphQL API', config: { authorizer: authorizer === 'none' ? 'iam' : authorizer } }, front.decision);
        break;
      case 'alb':
        this.frontId = d.add({ id: 'lb', service: 'alb', name: 'Load balancer', config: { scheme: ctx.has('internal-tool') ? 'internal' : 'internet-facing', https: true, idleTimeoutSeconds: ctx.has('realtime') ? 3600 : 60 } }, front.decision);
        break;
      case 'nlb':
        this.frontId = d.add({ id: 'nlb', service: 'nlb', name: 'Network load balancer', config: { https: true } }, front.decision);
        break;
    }
    if (!this.computeId) return;
    const service = d.get(this.frontId)?.service;
    if (authorizer === 'lambda' && (service === 'apigateway-rest' || service === 'apigateway-http')) {
      const fn = d.add({ id: 'partner-authorizer', service: 'lambda', name: 'Partner key authorizer', description: 'Checks the partner API key and returns the partner id for usage plans', config: { runtime: ctx.runtime, memoryMb: 256, timeoutSeconds: 5 } }, front.decision);
      d.connect(this.frontId, fn, 'invoke', 'partner key check', 'authorizer');
      if (front.decision) front.decision.rationale += ' A Lambda authorizer checks partner API keys; usage plans throttle each partner.';
    }
    if (service === 'alb' || service === 'nlb') d.connect(this.frontId, this.computeId, this.compute === 'lambda' ? 'invoke' : 'route', 'HTTPS requests');
    else if (service === 'appsync') d.connect(this.frontId, this.computeId, 'invoke', 'GraphQL resolvers');
    else if (this.compute === 'lambda') d.connect(this.frontId, this.computeId, 'invoke', contactOnly ? 'form posts' : 'API requests');
    else d.connect(this.frontId, d.byService('alb')[0]?.id ?? this.computeId, 'invoke', 'requests over a VPC link');
  }

  private identity(): void {
    const { ctx, d } = this;
    const spec: NeedSpec = {
      id: 'identity',
      layer: 'security',
      need: 'end-user sign-in',
      candidates: ['cognito'],
      basedOn: ['identity.endUserAuth', 'identity.providers'],
      fit: () => ({
        fit: 90,
        pros: ['managed sign-up and sign-in with MFA', ctx.req.identity.providers.filter((p) => p !== 'email').length ? `federation with ${ctx.req.identity.providers.filter((p) => p !== 'email').join(', ')}` : 'email and password out of the box', 'API Gateway and AppSync verify its JWTs without code'],
        cons: ['user pools cannot move between Regions; plan DR with re-federation or user export'],
      }),
    };
    const { chosen, decision } = this.pick(spec);
    if (chosen !== 'cognito') return;
    const idps = ctx.req.identity.providers.filter((p): p is 'google' | 'apple' | 'facebook' | 'amazon' | 'saml' | 'oidc' => ['google', 'apple', 'facebook', 'amazon', 'saml', 'oidc'].includes(p));
    this.authId = d.add({
      id: 'auth',
      service: 'cognito',
      name: 'User pool',
      config: {
        identityProviders: idps,
        mfa: ctx.regulated ? 'ON' : 'OPTIONAL',
        passwordMinLength: ctx.regulated ? 14 : 12,
        featurePlan: ctx.regulated ? 'PLUS' : 'ESSENTIALS',
      },
    }, decision);
    if (decision && ctx.regulated) decision.rationale += ' MFA is required and the Plus plan adds threat protection for regulated data.';
    const front = d.get(this.frontId);
    if (front && (front.service === 'apigateway-http' || front.service === 'apigateway-rest' || front.service === 'appsync')) d.connect(front.id, this.authId, 'authenticate', 'verifies user tokens');
    else if (this.computeId && this.compute !== 'lambda') d.connect(this.computeId, this.authId, 'authenticate', 'verifies Cognito JWTs');
  }

  private realtime(): void {
    const { ctx, d } = this;
    const { chosen, decision } = this.pick(realtimeNeed(ctx, this.compute ?? 'lambda', d.get(this.frontId)?.service));
    if (chosen !== 'apigateway-websocket') {
      this.d.link(decision, chosen === 'appsync' ? d.byService('appsync')[0]?.id : this.frontId);
      return;
    }
    const routes = ['sendMessage', ...(ctx.feature('presence') ? ['typing'] : [])];
    const throttle = Math.max(500, Math.ceil(ctx.peakMsgs * 2));
    const ws = d.add({ id: 'ws-api', service: 'apigateway-websocket', name: 'WebSocket API', config: { routes, authorizer: this.authId ? 'lambda' : 'none', throttleRateLimit: throttle, throttleBurstLimit: throttle * 2 } }, decision);
    const handler = d.add({ id: 'ws-handler', service: 'lambda', name: 'Message handler', config: { runtime: ctx.runtime, memoryMb: 512, timeoutSeconds: 10 } }, decision);
    if (this.authId) {
      const authorizer = d.add({ id: 'ws-authorizer', service: 'lambda', name: 'Connection authorizer', config: { runtime: ctx.runtime, memoryMb: 256, timeoutSeconds: 5 } }, decision);
      d.connect(ws, authorizer, 'invoke', '$connect token check');
      d.connect(authorizer, this.authId, 'authenticate', 'verifies Cognito JWTs');
    }
    if (this.compute === 'lambda') d.link(this.computeDecision, handler);
    d.connect(ws, handler, 'invoke', 'messages from clients');
    d.connect(handler, ws, 'invoke', 'pushes messages to connections');
    this.workerFor.set('realtime', handler);
  }

  // --- data -----------------------------------------------------------------------------------------------------

  private primaryStore(): void {
    const { ctx, d } = this;
    const { chosen, decision } = this.pick(primaryStoreNeed(ctx, this.compute ?? 'lambda', this.dr.strategy));
    if (!chosen) return;
    this.store = chosen;
    const retention = ctx.req.data.retentionDays;
    const chat = ctx.has('realtime') && !ctx.has('graphql-api');
    switch (chosen) {
      case 'dynamodb':
        this.storeId = d.add({
          id: chat ? 'messages' : 'app-data',
          service: 'dynamodb',
          name: chat ? 'Message history' : 'Application data',
          config: {
            partitionKey: { name: chat ? 'conversationId' : ctx.has('saas-multitenant') ? 'tenantId' : 'pk' },
            sortKey: chat ? { name: 'sentAt', type: 'N' } : { name: 'sk' },
            // Chat history always expires eventually; TTL costs nothing and items without the attribute stay.
            ...(retention !== undefined || chat ? { ttlAttribute: 'expiresAt' } : {}),
          },
        }, decision);
        if (decision && chat && retention === undefined) decision.rationale += ' TTL is enabled on expiresAt so messages expire once a retention period is chosen.';
        if (decision && ctx.has('saas-multitenant')) decision.rationale += ' Items are keyed by tenant, and IAM leading-key conditions keep tenants apart.';
        break;
      case 'aurora': {
        const large = ctx.load === 'large' && ctx.steady;
        const readHeavy = (ctx.req.traffic.readWriteRatio ?? 1) >= 4 && (ctx.load === 'large' || ctx.load === 'medium');
        const maxAcu = { tiny: 4, small: 8, medium: 16, large: 64 }[ctx.load];
        this.storeId = d.add({
          id: 'db',
          service: 'aurora',
          name: 'Relational database',
          config: {
            engine: ctx.featureValue('engine') === 'mysql' ? 'mysql' : 'postgresql',
            capacity: large ? 'provisioned' : 'serverless-v2',
            ...(large ? { instanceClass: ctx.peakRps >= 10_000 ? 'db.r7g.xlarge' : 'db.r7g.large' } : { minAcu: 0.5, maxAcu }),
            readers: ctx.multiAz ? (readHeavy ? 2 : 1) : 0,
          },
        }, decision);
        break;
      }
      case 'rds': {
        const cls = { tiny: 'db.t4g.micro', small: 'db.t4g.small', medium: 'db.m7g.large', large: 'db.r7g.xlarge' }[ctx.load];
        const gb = Math.max(20, Math.ceil(ctx.req.data.storedGb ?? 20));
        this.storeId = d.add({
          id: 'db',
          service: 'rds',
          name: 'Relational database',
          config: { engine: ctx.featureValue('engine') === 'mysql' ? 'mysql' : 'postgresql', instanceClass: cls, multiAz: ctx.multiAz, allocatedStorageGb: Math.min(65536, gb), maxAllocatedStorageGb: Math.min(65536, Math.max(gb * 4, 100)) },
        }, decision);
        break;
      }
      case 'documentdb':
        this.storeId = d.add({ id: 'docdb', service: 'documentdb', name: 'Document database', config: { instances: ctx.multiAz ? 2 : 1 } }, decision);
        break;
    }
    const users = [this.computeId, this.workerFor.get('realtime')].filter((x): x is string => Boolean(x));
    for (const u of users) d.connect(u, this.storeId, 'read-write', chat ? 'messages' : 'application data');
  }

  private cache(): void {
    const { ctx, d } = this;
    const ap = ctx.req.data.accessPatterns;
    let why: string | undefined;
    if (ctx.has('realtime') && d.get('ws-api')) why = 'presence and connection state';
    else if (ctx.feature('sessions') || ctx.feature('presence')) why = 'sessions';
    else if (ap.includes('cache') && ctx.load !== 'tiny') why = ctx.has('ecommerce') ? 'catalogue pages and carts' : 'hot reads';
    else if (ctx.p99 !== undefined && ctx.p99 <= 100 && (ctx.load === 'medium' || ctx.load === 'large') && (ctx.req.traffic.readWriteRatio ?? 1) >= 4) why = `hot reads under the ${ctx.p99} ms p99`;
    if (!why || !(this.computeId || this.workerFor.get('realtime'))) return;
    const { chosen, decision } = this.pick(cacheNeed(ctx, why));
    if (chosen !== 'elasticache') return;
    const nodes = ctx.load === 'large' && ctx.steady;
    const id = d.add({
      id: d.get('ws-api') ? 'presence' : 'cache',
      service: 'elasticache',
      name: d.get('ws-api') ? 'Presence and sessions' : 'Cache',
      config: {
        engine: ctx.pci ? 'redis' : 'valkey',
        mode: nodes ? 'node-based' : 'serverless',
        ...(nodes ? { nodeType: 'cache.r7g.large', replicasPerShard: ctx.availability >= 99.95 ? 2 : ctx.multiAz ? 1 : 0 } : { maxDataGb: ctx.load === 'large' ? 25 : 5 }),
      },
    }, decision);
    if (decision && ctx.pci) decision.rationale += ' Redis OSS engine: the PCI DSS listing covered ElastiCache for Redis only.';
    const ws = this.workerFor.get('realtime');
    for (const u of [ws, this.compute !== 'lambda' || !ws ? this.computeId : undefined]) {
      d.connect(u, id, 'read-write', ws && u === ws ? 'online users, connection ids' : why);
    }
  }

  private search(): void {
    const { ctx, d } = this;
    const { chosen, decision } = this.pick(searchNeed(ctx, this.store));
    if (chosen !== 'opensearch') {
      d.link(decision, this.storeId);
      return;
    }
    const big = ctx.load === 'large' || ctx.load === 'medium';
    const id = d.add({
      id: 'search',
      service: 'opensearch',
      name: 'Search',
      config: { instanceType: big ? 'r7g.large.search' : 'm7g.large.search', instanceCount: ctx.multiAz ? (ctx.availability >= 99.95 ? 3 : 2) : 1, volumeGb: Math.max(20, Math.ceil((ctx.req.data.storedGb ?? 10) * 2)) },
    }, decision);
    d.connect(this.computeId, id, 'read-write', 'queries and index updates');
  }

  private objects(): void {
    const { ctx, d } = this;
    const uploader = this.computeId ?? this.workerFor.get('realtime');
    if (ctx.feature('media-uploads')) {
      const { chosen, decision } = this.pick(objectStoreNeed('media uploads'));
      if (chosen === 's3') {
        const media = d.add({ id: 'media', service: 's3', name: 'Media uploads', config: { purpose: 'media', lifecycle: [{ prefix: '', transitions: [{ days: 30, storageClass: 'INTELLIGENT_TIERING' }] }] } }, decision);
        d.connect(uploader, media, 'write', 'presigned uploads');
        const readers = ctx.req.traffic.dailyActiveUsers ?? ctx.req.traffic.users ?? 0;
        if (readers >= 1000 || ctx.has('realtime')) {
          const cdn = this.pick(mediaCdnNeed(ctx));
          if (cdn.chosen === 'cloudfront') {
            const id = d.add({ id: 'media-cdn', service: 'cloudfront', name: 'Media CDN', config: {} }, cdn.decision);
            d.connect(id, media, 'route', 'images and videos');
          }
        }
      }
    }
    if (ctx.feature('document-downloads') || ctx.feature('document-uploads')) {
      const { chosen, decision } = this.pick(objectStoreNeed('documents'));
      if (chosen === 's3') {
        const docs = d.add({ id: 'documents', service: 's3', name: 'Documents', description: 'Private documents, downloaded through presigned URLs', config: { purpose: 'general' } }, decision);
        d.connect(uploader, docs, 'read-write', 'documents');
      }
    }
  }

  private inference(): void {
    const { ctx, d } = this;
    const { chosen, decision } = this.pick(inferenceNeed(ctx));
    if (chosen === 'sagemaker-endpoint') {
      const realtime = ctx.feature('gpu') || ctx.steady || ctx.load === 'medium' || ctx.load === 'large';
      const model = d.add({ id: 'model', service: 'sagemaker-endpoint', name: 'Model endpoint', config: realtime ? { mode: 'real-time', instanceType: ctx.feature('gpu') ? 'ml.g5.xlarge' : 'ml.c7g.xlarge', instanceCount: ctx.multiAz ? 2 : 1 } : { mode: 'serverless' } }, decision);
      const artifacts = d.add({ id: 'models', service: 's3', name: 'Model artifacts', config: { purpose: 'artifacts' } }, decision);
      d.connect(this.computeId, model, 'invoke', 'inference requests');
      d.connect(model, artifacts, 'read', 'model artifacts');
    } else if (chosen) {
      d.link(decision, this.computeId);
    }
  }

  // --- integration ----------------------------------------------------------------------------------------------

  private worker(id: string, name: string, decisionTarget?: Decision): string {
    const { ctx, d } = this;
    if (this.compute === 'ecs-fargate') {
      return d.add({ id, service: 'ecs-fargate', name, config: { mode: 'worker', cpu: '512', memoryMb: 1024, desiredCount: ctx.multiAz ? 2 : 1, minCount: ctx.multiAz ? 2 : 1, maxCount: 10 } }, decisionTarget);
    }
    return d.add({ id, service: 'lambda', name, config: { runtime: ctx.runtime, memoryMb: 512, timeoutSeconds: 60 } }, decisionTarget);
  }

  private asyncWork(what: string, label: string): void {
    const { ctx, d } = this;
    const producer = this.computeId ?? this.workerFor.get('realtime');
    if (!producer || this.workerFor.has(what)) return;
    const { chosen, decision } = this.pick(queueNeed(ctx, label));
    if (chosen !== 'sqs') return;
    // Six times the worker's 60 s timeout, so a message is never handed out twice while it is being processed.
    const queue = d.add({ id: what, service: 'sqs', name: `${capitalise(label)} queue`, config: { fifo: ctx.feature('ordering'), visibilityTimeoutSeconds: 360 } }, decision);
    const worker = this.worker(what === 'orders' ? 'order-worker' : 'notify-fn', what === 'orders' ? 'Order processor' : 'Notification sender', decision);
    d.connect(producer, queue, 'publish', what === 'orders' ? 'checkout events' : 'notifications to send');
    d.connect(queue, worker, 'trigger', what === 'orders' ? 'orders to fulfil' : 'notifications');
    if (what === 'orders') d.connect(worker, this.storeId, 'read-write', 'order status');
    this.workerFor.set(what, worker);
    if (what === 'notifications' && ctx.feature('push-notifications')) {
      const push = this.alerts('push notifications', 'push');
      d.connect(worker, push, 'publish', 'mobile push through platform endpoints');
    }
  }

  /** A recurring job that is not a data pipeline (settlement, clean-up, reports): a scheduled function or task. */
  private scheduledJob(): void {
    const { ctx, d } = this;
    const spec = batchComputeNeed(ctx);
    spec.id = 'scheduled-job';
    spec.need = 'scheduled job';
    spec.candidates = ['lambda', 'ecs-fargate', 'aws-batch'];
    const { chosen, decision } = this.pick(spec);
    const schedule = 'cron(0 2 * * ? *)';
    let job: string | undefined;
    if (chosen === 'lambda') job = d.add({ id: 'nightly-job', service: 'lambda', name: 'Nightly job', config: { runtime: ctx.runtime, memoryMb: 1024, timeoutSeconds: 900, schedule } }, decision);
    else if (chosen === 'ecs-fargate') job = d.add({ id: 'nightly-job', service: 'ecs-fargate', name: 'Nightly job', config: { mode: 'scheduled-task', cpu: '1024', memoryMb: 2048, desiredCount: 0, minCount: 0, maxCount: 1, schedule } }, decision);
    d.connect(job, this.storeId, 'read-write', 'records to process');
    if (decision) decision.rationale += ' Runs at 02:00 UTC; adjust to the business day.';
  }

  private events(): void {
    const { ctx, d } = this;
    const producer = this.computeId ?? this.workerFor.get('realtime');
    if (!producer) return;
    const { chosen, decision } = this.pick(eventBusNeed(ctx));
    if (chosen === 'eventbridge') {
      const bus = d.add({ id: 'bus', service: 'eventbridge', name: 'Event bus', config: { archiveRetentionDays: 30 } }, decision);
      d.connect(producer, bus, 'publish', 'domain events');
      const queue = d.add({ id: 'events', service: 'sqs', name: 'Event consumer queue', config: { visibilityTimeoutSeconds: 360 } }, decision);
      const consumer = this.worker('event-worker', 'Event consumer', decision);
      d.connect(bus, queue, 'trigger', 'events for the consumer');
      d.connect(queue, consumer, 'trigger', 'events');
      d.connect(consumer, this.storeId, 'read-write', 'projections');
    } else if (chosen === 'sns') {
      const topic = d.add({ id: 'events', service: 'sns', name: 'Event topic', config: {} }, decision);
      d.connect(producer, topic, 'publish', 'domain events');
      const queue = d.add({ id: 'event-queue', service: 'sqs', name: 'Event consumer queue', config: { visibilityTimeoutSeconds: 360 } }, decision);
      const consumer = this.worker('event-worker', 'Event consumer', decision);
      d.connect(topic, queue, 'subscribe', 'events');
      d.connect(queue, consumer, 'trigger', 'events');
    } else if (chosen === 'kinesis-streams') {
      const stream = d.add({ id: 'events', service: 'kinesis-streams', name: 'Event stream', config: {} }, decision);
      d.connect(producer, stream, 'publish', 'domain events');
      const consumer = this.worker('event-worker', 'Event consumer', decision);
      if (d.get(consumer)?.service === 'lambda') d.connect(stream, consumer, 'trigger', 'event batches');
      else d.connect(consumer, stream, 'read', 'event batches');
    }
    if (ctx.feature('workflow')) {
      const flow = this.pick(orchestrationNeed('business'));
      if (flow.chosen === 'step-functions') {
        const sm = d.add({ id: 'workflow', service: 'step-functions', name: 'Business workflow', config: { type: 'STANDARD', steps: ['workflow-step'] } }, flow.decision);
        const bus = d.get('bus');
        if (bus) d.connect(bus.id, sm, 'trigger', 'starts workflows');
        else d.connect(producer, sm, 'invoke', 'starts workflows');
        const step = this.worker('workflow-step', 'Workflow step', flow.decision);
        d.connect(sm, step, 'invoke', 'workflow steps');
        d.connect(step, this.storeId, 'read-write', 'workflow state');
      }
    }
  }

  private email(): void {
    const { ctx, d } = this;
    const { chosen, decision } = this.pick(emailNeed());
    if (chosen !== 'ses') return;
    const domain = ctx.featureValue('domain') ?? 'example.com';
    const mail = d.add({ id: 'mail', service: 'ses', name: 'Email sending', config: { domain } }, decision);
    const sender = this.workerFor.get('notifications') ?? this.computeId;
    d.connect(sender, mail, 'invoke', onlyStatic(ctx) ? 'email to sales' : 'emails');
  }

  private alerts(what: string, id = 'alerts'): string | undefined {
    const { ctx, d } = this;
    const existing = d.get(id);
    if (existing) return existing.id;
    const { chosen, decision } = this.pick(alertsNeed(what));
    if (chosen !== 'sns') return undefined;
    const email = ctx.featureValue('alerts-to');
    return d.add({ id, service: 'sns', name: capitalise(what), config: { emailSubscriptions: email ? [email] : [] } }, decision);
  }

  // --- streams and pipelines ------------------------------------------------------------------------------------

  private iot(): void {
    const { ctx, d } = this;
    const ingest = this.pick(deviceIngestNeed(ctx));
    const stream = this.pick(streamNeed(ctx, ['hot store', ctx.feature('anomaly-alerts') && 'alerting', 'archive'].filter(Boolean).join(', ')));
    const sensors = /\bsensor/.test(ctx.req.summary.toLowerCase());
    const devices = ingest.chosen === 'iot-core' ? d.add({ id: 'devices', service: 'iot-core', name: 'Device gateway', config: { topicFilter: sensors ? 'sensors/+/telemetry' : 'devices/+/telemetry' } }, ingest.decision) : undefined;
    const telemetry = stream.chosen === 'kinesis-streams' ? d.add({ id: 'telemetry', service: 'kinesis-streams', name: 'Telemetry stream', config: { mode: 'ON_DEMAND', retentionHours: 24 } }, stream.decision) : undefined;
    if (!devices || !telemetry) return;
    d.connect(devices, telemetry, 'publish', `${fmt(ctx.payloadKb)} KB readings`);
    const hours = Number(ctx.featureValue('hot-window-hours') ?? 24);
    if (ctx.feature('dashboards') || ctx.featureValue('hot-window-hours')) {
      const hot = this.pick(hotStoreNeed(ctx, hours));
      if (hot.chosen === 'dynamodb') {
        const table = d.add({ id: 'hot-store', service: 'dynamodb', name: `Last ${fmt(hours)} hours`, config: { partitionKey: { name: 'deviceId' }, sortKey: { name: 'ts', type: 'N' }, ttlAttribute: 'expiresAt' } }, hot.decision);
        const writer = d.add({ id: 'hot-writer', service: 'lambda', name: 'Hot store writer', config: { runtime: ctx.runtime, memoryMb: 1024, timeoutSeconds: 60 } }, hot.decision);
        d.connect(telemetry, writer, 'trigger', 'reading batches');
        d.connect(writer, table, 'write', 'latest readings');
        const apiSpec = apiFrontNeed(ctx, 'lambda', undefined, { peakRps: 5, load: 'small' });
        apiSpec.need = 'dashboard query API';
        apiSpec.id = 'dashboard-api';
        const api = this.pick(apiSpec);
        if (api.chosen === 'apigateway-http' || api.chosen === 'apigateway-rest') {
          const front = d.add({ id: 'dash-api', service: api.chosen, name: 'Dashboard API', config: { authorizer: this.authId ? 'cognito' : 'iam' } }, api.decision);
          const fn = d.add({ id: 'dash-fn', service: 'lambda', name: 'Dashboard queries', config: { runtime: ctx.runtime, memoryMb: 512, timeoutSeconds: 10 } }, api.decision);
          d.connect(front, fn, 'invoke', 'dashboard queries');
          d.connect(fn, table, 'read', `last ${fmt(hours)} hours`);
          if (this.authId) d.connect(front, this.authId, 'authenticate', 'verifies user tokens');
        }
      }
    }
    if (ctx.feature('anomaly-alerts') || ctx.has('streaming-analytics')) {
      const fn = d.add({ id: 'anomaly-fn', service: 'lambda', name: 'Anomaly detector', config: { runtime: ctx.runtime, memoryMb: 1024, timeoutSeconds: 30 } }, stream.decision);
      d.connect(telemetry, fn, 'trigger', 'reading batches');
      const alerts = this.alerts('anomaly alerts');
      d.connect(fn, alerts, 'publish', 'anomalies');
    }
    this.lake(telemetry, 'Telemetry data lake');
  }

  private clickstream(): void {
    const { ctx, d } = this;
    const stream = this.pick(streamNeed(ctx, ctx.feature('dashboards') ? 'live aggregation, archive' : 'archive'));
    const producer = this.eventProducer();
    if (stream.chosen === 'kinesis-streams') {
      const events = d.add({ id: 'events-stream', service: 'kinesis-streams', name: 'Event stream', config: { mode: 'ON_DEMAND', retentionHours: 24 } }, stream.decision);
      d.connect(producer, events, 'publish', 'events');
      if (ctx.feature('dashboards')) {
        const table = d.add({ id: 'metrics', service: 'dynamodb', name: 'Live metrics', config: { partitionKey: { name: 'metric' }, sortKey: { name: 'window', type: 'N' }, ttlAttribute: 'expiresAt' } }, stream.decision);
        const fn = d.add({ id: 'aggregator', service: 'lambda', name: 'Real-time aggregator', config: { runtime: ctx.runtime, memoryMb: 1024, timeoutSeconds: 60 } }, stream.decision);
        d.connect(events, fn, 'trigger', 'event batches');
        d.connect(fn, table, 'write', 'per-minute aggregates');
      }
      this.lake(events, 'Event data lake');
    } else if (stream.chosen === 'kinesis-firehose') {
      // Buffered delivery straight to the lake: no per-record consumer, which the decision's cons already say.
      const delivery = d.add({ id: 'archive', service: 'kinesis-firehose', name: 'Event delivery', config: { format: 'parquet', bufferSeconds: 300 } }, stream.decision);
      d.connect(producer, delivery, 'publish', 'events');
      this.lakeBucket(delivery, 'Event data lake', stream.decision);
    } else if (stream.chosen === 'sqs') {
      const queue = d.add({ id: 'events-queue', service: 'sqs', name: 'Event queue', config: { visibilityTimeoutSeconds: 360 } }, stream.decision);
      const fn = d.add({ id: 'event-writer', service: 'lambda', name: 'Event writer', config: { runtime: ctx.runtime, memoryMb: 512, timeoutSeconds: 60 } }, stream.decision);
      d.connect(producer, queue, 'publish', 'events');
      d.connect(queue, fn, 'trigger', 'event batches');
      this.lakeBucket(fn, 'Event data lake', stream.decision);
    } else if (producer) {
      this.lakeBucket(producer, 'Event data lake', stream.decision);
    }
  }

  /** Who sends the events: the API's compute when there is one, else a public collector endpoint and function. */
  private eventProducer(): string | undefined {
    const { ctx, d } = this;
    let producer = this.computeId;
    if (producer) return producer;
    // Clients batch events (25 per request is typical for analytics SDKs), so the collector sees far fewer requests.
    const rps = Math.max(ctx.peakMsgs / 25, ctx.peakRps);
    const spec = apiFrontNeed(ctx, 'lambda', undefined, { peakRps: rps, load: rps >= 2000 ? 'large' : rps >= 100 ? 'medium' : 'small' });
    spec.id = 'collector';
    spec.need = 'event collection endpoint';
    const api = this.pick(spec);
    if (api.decision) api.decision.rationale += ` Clients send events in batches of about 25, so ${fmt(ctx.peakMsgs)} events/s arrive as about ${fmt(rps)} requests/s.`;
    if (api.chosen === 'apigateway-http' || api.chosen === 'apigateway-rest') {
      const rate = Math.min(10_000, Math.max(100, Math.ceil(rps * 2)));
      const front = d.add({ id: 'collector', service: api.chosen, name: 'Event collector', config: { authorizer: 'none', throttleRateLimit: rate, throttleBurstLimit: Math.min(5000, rate * 2) } }, api.decision);
      acceptTradeOff(this.acknowledgements, api.decision, `The collector is public on purpose: browsers and apps send events anonymously, so it has no authorizer, is throttled to ${fmt(rate)} requests/s and can only append to the stream.`, [
        { rule: TRADE_OFF_RULES.publicApi, component: front, reason: 'Anonymous page-view and click events from public pages and apps; the collector validates and throttles them and can only append to the stream.' },
      ]);
      producer = d.add({ id: 'collector-fn', service: 'lambda', name: 'Event collector', config: { runtime: ctx.runtime, memoryMb: 256, timeoutSeconds: 10 } }, api.decision);
      d.connect(front, producer, 'invoke', 'client events');
    }
    return producer;
  }

  /** Archive a stream to S3 with lifecycle rules from the retention, and query it. */
  private lake(stream: string, name: string): void {
    const { ctx, d } = this;
    const archive = this.pick(archiveNeed());
    if (archive.chosen !== 'kinesis-firehose') return;
    const delivery = d.add({ id: 'archive', service: 'kinesis-firehose', name: 'Archive delivery', config: { format: 'parquet', bufferSeconds: 300 } }, archive.decision);
    const lake = d.add({ id: 'lake', service: 's3', name, config: { purpose: 'data-lake', lifecycle: lakeLifecycle(ctx.req.data.retentionDays) } }, archive.decision);
    d.connect(stream, delivery, 'trigger', 'raw events');
    d.connect(delivery, lake, 'write', 'Parquet files');
    this.analytics(lake);
  }

  /** Query the lake when the brief asks for analytics or dashboards. */
  private analytics(lake: string): void {
    const { ctx, d } = this;
    if (!(ctx.req.data.accessPatterns.includes('analytics') || ctx.feature('dashboards'))) return;
    const analytics = this.pick(analyticsNeed(ctx));
    if (analytics.chosen === 'athena') {
      const q = d.add({ id: 'analytics', service: 'athena', name: 'Analytics workgroup', config: { database: safeName(ctx.req.name).replace(/-/g, '_'), bytesScannedCutoffGb: 200 } }, analytics.decision);
      d.connect(q, lake, 'read', 'history queries');
    } else if (analytics.chosen === 'redshift') {
      const wh = d.add({ id: 'warehouse', service: 'redshift', name: 'Warehouse', config: { mode: 'serverless', baseRpu: 8 } }, analytics.decision);
      d.connect(wh, lake, 'read', 'COPY and Spectrum queries');
    }
  }

  /** A lake bucket written directly by `writer` (Firehose or a function), with retention lifecycle and analytics. */
  private lakeBucket(writer: string | undefined, name: string, decision: Decision | undefined): void {
    if (!writer) return;
    const { ctx, d } = this;
    const lake = d.add({ id: 'lake', service: 's3', name, config: { purpose: 'data-lake', lifecycle: lakeLifecycle(ctx.req.data.retentionDays) } }, decision);
    d.connect(writer, lake, 'write', 'event files');
    this.analytics(lake);
  }

  private pipeline(): void {
    const { ctx, d } = this;
    const dailyGb = (ctx.req.data.growthGbPerMonth ?? 0) / 30;
    const landing = d.add({ id: 'landing', service: 's3', name: 'Landing zone', config: { purpose: 'landing', lifecycle: [{ prefix: '', transitions: [], expirationDays: Math.max(7, Math.min(ctx.req.data.retentionDays ?? 30, 90)) }] } });
    if (ctx.has('file-transfer')) {
      const ft = this.pick(fileTransferNeed());
      if (ft.chosen === 'transfer-family') {
        const sftp = d.add({ id: 'sftp', service: 'transfer-family', name: 'Partner SFTP', config: { protocols: ['SFTP'] } }, ft.decision);
        d.connect(sftp, landing, 'write', 'partner files');
      } else d.link(ft.decision, landing);
    }
    const batch = this.pick(batchComputeNeed(ctx));
    const orchestration = this.pick(orchestrationNeed());
    d.link(batch.decision, landing);
    const curated = d.add({ id: 'curated', service: 's3', name: 'Curated data', config: { purpose: 'data-lake', lifecycle: [{ prefix: '', transitions: [{ days: 90, storageClass: 'STANDARD_IA' }] }] } }, batch.decision);
    let transform: string | undefined;
    const longest = ctx.longestJob ?? 60;
    if (batch.chosen === 'glue-job') {
      transform = d.add({ id: 'transform', service: 'glue-job', name: 'Transform and join', config: { workerType: dailyGb >= 500 ? 'G.2X' : 'G.1X', numberOfWorkers: Math.max(2, Math.min(50, Math.ceil(dailyGb / 100) || 2)), timeoutMinutes: Math.min(10_080, Math.max(60, Math.ceil(longest * 2))), maxRetries: ctx.feature('retries') ? 1 : 0 } }, batch.decision);
    } else if (batch.chosen === 'ecs-fargate') {
      transform = d.add({ id: 'transform', service: 'ecs-fargate', name: 'Transform task', config: { mode: 'scheduled-task', cpu: '4096', memoryMb: 16384, desiredCount: 0, minCount: 0, maxCount: 4 } }, batch.decision);
    } else if (batch.chosen === 'lambda') {
      transform = d.add({ id: 'transform-fn', service: 'lambda', name: 'Transform', config: { runtime: ctx.runtime, memoryMb: 3008, timeoutSeconds: 900 } }, batch.decision);
    }
    d.connect(transform, landing, 'read', 'incoming files');
    d.connect(transform, curated, 'write', 'cleaned, joined data');
    const search = d.byService('opensearch')[0];
    if (search) d.connect(transform, search.id, 'write', 'index rebuild');

    let validate: string | undefined;
    if (ctx.feature('file-validation')) {
      validate = d.add({ id: 'validate-fn', service: 'lambda', name: 'File validation', config: { runtime: ctx.runtime === 'nodejs22.x' ? 'python3.13' : ctx.runtime, memoryMb: 2048, timeoutSeconds: 900 } }, batch.decision);
      d.connect(validate, landing, 'read', 'incoming files');
    }
    let loader: string | undefined;
    if (ctx.has('data-warehouse')) {
      const wh = this.pick(analyticsNeed(ctx));
      if (wh.chosen === 'redshift') {
        const warehouse = d.add({ id: 'warehouse', service: 'redshift', name: 'BI warehouse', config: { mode: 'serverless', baseRpu: dailyGb >= 1000 ? 16 : 8 } }, wh.decision);
        loader = d.add({ id: 'load-fn', service: 'lambda', name: 'Warehouse load', config: { runtime: ctx.runtime === 'nodejs22.x' ? 'python3.13' : ctx.runtime, memoryMb: 512, timeoutSeconds: 900 } }, wh.decision);
        d.connect(loader, warehouse, 'read-write', 'COPY commands through the Data API');
        d.connect(warehouse, curated, 'read', 'COPY from S3');
      } else if (wh.chosen === 'athena') {
        const q = d.add({ id: 'analytics', service: 'athena', name: 'Analytics workgroup', config: {} }, wh.decision);
        d.connect(q, curated, 'read', 'report queries');
      }
    }
    if (orchestration.chosen === 'step-functions') {
      const steps = [validate, transform, loader].filter((x): x is string => Boolean(x));
      const scheduled = ctx.feature('scheduled-jobs');
      const pipeline = d.add({ id: 'pipeline', service: 'step-functions', name: 'Pipeline', config: { type: 'STANDARD', maxAttempts: ctx.feature('retries') ? 3 : 2, ...(scheduled ? { schedule: 'cron(0 1 * * ? *)' } : {}), steps } }, orchestration.decision);
      for (const s of steps) d.connect(pipeline, s, 'invoke', s === transform ? `transformation (up to ${fmt(longest)} minutes)` : s === validate ? 'validate files' : 'load the warehouse');
      if (!scheduled) d.connect(landing, pipeline, 'trigger', 'new files');
      if (ctx.feature('oncall-alerts') || ctx.feature('retries') || scheduled) {
        const oncall = this.alerts('on-call alerts', 'oncall');
        d.connect(pipeline, oncall, 'publish', 'failures');
      }
      if (orchestration.decision && scheduled) orchestration.decision.rationale += ' Scheduled at 01:00 UTC to finish before the morning; adjust to the team\'s time zone.';
    }
  }

  // --- cross-cutting --------------------------------------------------------------------------------------------

  private secrets(): void {
    const { ctx, d } = this;
    if (!ctx.feature('payments-via-provider') && !ctx.feature('third-party-apis')) return;
    const users = [this.computeId, this.workerFor.get('orders')].filter((x): x is string => Boolean(x));
    if (!users.length) return;
    const provider = /\b(stripe|braintree|adyen|paypal|square)\b/i.exec(ctx.req.summary)?.[1];
    const spec: NeedSpec = {
      id: 'secrets',
      layer: 'security',
      need: 'third-party API credentials',
      candidates: ['secrets-manager'],
      basedOn: ['workload.features'],
      fit: () => ({ fit: 90, pros: ['encrypted, access-controlled and audited; never in code or environment variables', 'rotation when the provider supports it'] }),
    };
    const { chosen, decision } = this.pick(spec);
    if (chosen !== 'secrets-manager') return;
    const id = d.add({ id: provider ? `${provider.toLowerCase()}-key` : 'api-key', service: 'secrets-manager', name: provider ? `${capitalise(provider.toLowerCase())} API key` : 'Third-party API key', config: { description: provider ? `${capitalise(provider.toLowerCase())} secret API key` : 'Third-party API key', rotationDays: 0 } }, decision);
    for (const u of users) d.connect(u, id, 'read');
  }

  /**
   * AWS WAF in front of the public entry points when the workload calls for it (regulation, a store, tenants,
   * partners) or personal data passes through them, which the review rates high when unprotected. Distributions that
   * only hand out stored files go without one where that is right for the requirements (a public static site, a
   * tight budget), recorded as an accepted trade-off.
   */
  private waf(): void {
    const { ctx, d } = this;
    const reason = wafReason(ctx);
    const personal = PERSONAL.has(ctx.req.data.classification);
    const need = reason ?? (personal ? 'personal data passes through the public entry points' : undefined);
    const regional = need ? d.components.filter((c) => (c.service === 'alb' && c.config.scheme !== 'internal') || c.service === 'apigateway-rest' || c.service === 'appsync').map((c) => c.id) : [];
    const edge: string[] = [];
    for (const cdn of d.byService('cloudfront')) {
      if (ctx.regulated || ctx.has('ecommerce')) edge.push(cdn.id);
      else if (!this.waiveEdgeWaf(cdn, personal) && personal) edge.push(cdn.id);
    }
    const ingress = this.compute === 'eks' && need !== undefined;
    if (!need || (!regional.length && !edge.length && !ingress)) return;
    const spec: NeedSpec = {
      id: 'edge-protection',
      layer: 'security',
      need: 'web application firewall',
      candidates: ['waf'],
      basedOn: ['compliance', 'workload.patterns', 'traffic.peakRps', ...(reason ? [] : ['data.classification'])],
      fit: () => ({ fit: 90, pros: [`needed because ${need}`, 'managed rules block common exploits and known bad inputs; a rate rule slows abusive clients'] }),
    };
    const { chosen, decision } = this.pick(spec);
    if (chosen !== 'waf') return;
    const sqlRules = d.components.some((c) => c.service === 'aurora' || c.service === 'rds') ? ['AWSManagedRulesSQLiRuleSet'] : [];
    const groups = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList', ...sqlRules];
    if (regional.length || ingress) {
      const id = d.add({ id: 'api-waf', service: 'waf', name: 'Regional web ACL', ...(ingress && !regional.length ? { description: 'Attached to the Kubernetes ingress ALB by annotation' } : {}), config: { scope: 'REGIONAL', protects: regional, managedRuleGroups: groups } }, decision);
      for (const t of regional) d.connect(id, t, 'protect');
    }
    if (edge.length) {
      // Media views come in bursts and many mobile users share a carrier's IP address: the default 2,000 requests per
      // 5 minutes per IP would block real users of a media distribution.
      const media = edge.some((t) => d.outgoing(t).some((c) => c.kind === 'route' && d.get(c.to)?.config.purpose === 'media'));
      const id = d.add({ id: 'edge-waf', service: 'waf', name: 'Edge web ACL', config: { scope: 'CLOUDFRONT', protects: edge, managedRuleGroups: groups.filter((g) => g !== 'AWSManagedRulesSQLiRuleSet'), ...(media ? { rateLimitPer5Min: 10_000 } : {}) } }, decision);
      for (const t of edge) d.connect(id, t, 'protect');
      if (media && decision) decision.rationale += ' The edge rate rule allows 10,000 requests per 5 minutes per IP address, because media views come in bursts and mobile users share carrier addresses.';
    }
    const http = d.components.filter((c) => c.service === 'apigateway-http');
    if (reason && http.length) {
      ctx.conflicts.push({
        id: 'c-waf-http-api',
        description: `AWS WAF is needed (${reason}), but ${http.map((c) => c.id).join(', ')} ${http.length > 1 ? 'are HTTP APIs, which' : 'is an HTTP API, which'} cannot be associated with a web ACL.`,
        fields: ['compliance', 'workload.patterns'],
        options: ['Use a REST API (apigateway-rest) behind the web ACL.', 'Put CloudFront with a web ACL in front of the HTTP API.', 'Accept the risk and acknowledge the review finding.'],
      });
    }
  }

  /**
   * A distribution that only hands out files from private buckets has no application code behind it for WAF rules
   * to protect. It goes without a web ACL when the site is public pages only, or when personal data and a tight
   * budget meet (the web ACL bills per request on every file view): the trade-off is acknowledged with its reason
   * and explained in the decision that placed the distribution. Returns whether it was waived.
   */
  private waiveEdgeWaf(cdn: DraftComponent, personal: boolean): boolean {
    const { ctx, d } = this;
    const origins = d.outgoing(cdn.id).filter((c) => c.kind === 'route').map((c) => d.get(c.to));
    if (!origins.length || !origins.every((o) => o?.service === 's3')) return false;
    const decision = d.decisions.find((x) => x.components.includes(cdn.id));
    const purposes = new Set(origins.map((o) => String(o!.config.purpose ?? 'general')));
    if (onlyStatic(ctx) && purposes.size === 1 && purposes.has('static-site')) {
      acceptTradeOff(this.acknowledgements, decision, 'No AWS WAF: public static content behind a CDN, and a web ACL would cost more than the site itself.', [
        { rule: TRADE_OFF_RULES.noWebAcl, component: cdn.id, reason: 'Public marketing pages with no data behind them; CloudFront absorbs floods and a web ACL would cost more than the whole site.' },
      ]);
      return true;
    }
    if (!personal || !ctx.tight) return false;
    const what = purposes.size === 1 && purposes.has('media') ? 'uploaded images and videos' : purposes.size === 1 && purposes.has('static-site') ? 'the built web app files' : 'stored files';
    acceptTradeOff(
      this.acknowledgements,
      decision,
      `No AWS WAF on ${cdn.id}: it only hands out ${what} from a private bucket, with no application code behind it for managed rules to protect, and with a tight budget a web ACL billed on every view is not worth its cost; add one if scraping or request floods show up.`,
      [{ rule: TRADE_OFF_RULES.noWebAcl, component: cdn.id, reason: `Serves only ${what} from a private S3 bucket through origin access control: no application code behind it for WAF rules to protect, AWS Shield Standard on CloudFront absorbs network-layer floods, and the budget is tight (a web ACL bills per request on every view).` }],
    );
    return true;
  }

  private dnsAndCertificates(): void {
    const { ctx, d } = this;
    const albs = d.components.filter((c) => c.service === 'alb' && c.config.https !== false);
    const cdns = d.components.filter((c) => c.service === 'cloudfront' && c.id === 'cdn');
    const failover = this.dr.strategy === 'warm-standby' || this.dr.strategy === 'active-active';
    const wanted = ctx.feature('custom-domain') || albs.length > 0 || failover || ctx.featureValue('domain') !== undefined;
    if (!wanted) return;
    const domain = ctx.featureValue('domain') ?? 'example.com';
    const spec: NeedSpec = {
      id: 'dns',
      layer: 'edge',
      need: 'domain name and TLS certificates',
      candidates: ['route53', 'acm'],
      basedOn: ['workload.features'],
      fit: (s) => (s === 'route53' ? { fit: 90, pros: ['alias records to CloudFront and load balancers', failover ? 'health-checked failover to the DR Region' : 'validates the ACM certificate automatically'] } : { fit: 80, pros: ['free certificates that renew themselves'] }),
    };
    const { decision } = this.pick(spec);
    const dns = d.add({ id: 'dns', service: 'route53', name: 'DNS', config: { domainName: domain, routing: this.dr.strategy === 'active-active' ? 'latency' : failover ? 'failover' : 'simple', healthChecks: failover } }, decision);
    const cert = d.add({ id: 'cert', service: 'acm', name: 'Certificate', config: { domainName: domain, subjectAlternativeNames: [`*.${domain}`] } }, decision);
    if (decision) {
      decision.rationale = `Route 53 and ACM: ${decision.rationale.split(': ').slice(1).join(': ')}`;
      decision.chosen = 'route53';
      decision.components = [dns, cert];
      // Both are used together; neither is an alternative to the other.
      decision.alternatives = [];
      if (cdns.length && ctx.region !== 'us-east-1') decision.rationale += ' The certificate used by CloudFront must be issued in us-east-1.';
      if (!ctx.featureValue('domain')) decision.rationale += ` The domain is a placeholder (${domain}); set the real one.`;
    }
    for (const c of cdns) {
      c.config.aliases = [domain, `www.${domain}`];
      d.connect(dns, c.id, 'route', domain);
    }
    for (const a of albs) d.connect(dns, a.id, 'route', `api.${domain}`);
    const apiFront = d.components.find((c) => c.service === 'apigateway-rest' || c.service === 'apigateway-http' || c.service === 'appsync');
    // API Gateway and AppSync are reached through their custom domain names, which the records point at.
    if (decision && apiFront && !albs.length) decision.rationale += ` Map api.${domain} to a custom domain name on ${apiFront.id}${failover ? ' in each Region, with failover records' : ''}.`;
  }

  /**
   * Lambda functions that talk to VPC-only data stores run in the VPC; under PCI DSS so does every function that
   * touches a data store, so cardholder data is processed inside the segmented network.
   */
  private placeFunctions(): void {
    const { ctx, d } = this;
    const DATA = new Set(['dynamodb', 's3', 'aurora', 'rds', 'documentdb', 'elasticache', 'opensearch', 'secrets-manager', 'sqs', 'kinesis-streams', 'kinesis-firehose']);
    for (const fn of d.byService('lambda')) {
      const reaches = d.outgoing(fn.id).some((c) => {
        const t = d.get(c.to);
        return t && SQL_STORES.has(t.service) && VPC_BOUND.has(t.service);
      });
      const cardData = ctx.pci && d.outgoing(fn.id).some((c) => DATA.has(d.get(c.to)?.service ?? ''));
      if (reaches || cardData) fn.config.inVpc = true;
    }
    // Database backups keep the design's retention (the service maximum is 35 days; AWS Backup keeps longer).
    const days = Math.min(35, backupDays(ctx));
    for (const db of d.components.filter((c) => c.service === 'aurora' || c.service === 'rds' || c.service === 'documentdb')) db.config.backupRetentionDays = days;
    // A queue must hide a message for longer than its consumer may take.
    for (const q of d.byService('sqs')) {
      const consumers = d.outgoing(q.id).filter((c) => c.kind === 'trigger').map((c) => d.get(c.to)).filter((c): c is DraftComponent => c?.service === 'lambda');
      const longest = Math.max(0, ...consumers.map((c) => Number(c.config.timeoutSeconds ?? 30)));
      if (longest) q.config.visibilityTimeoutSeconds = Math.min(43_200, Math.max(Number(q.config.visibilityTimeoutSeconds ?? 60), longest * 6));
    }
  }

  /** Replication to the DR Region for the data that cannot be rebuilt, per the DR strategy. */
  private applyDr(): void {
    const { d } = this;
    const { strategy, secondary } = this.dr;
    if (!secondary) return;
    const replicate = strategy === 'pilot-light' || strategy === 'warm-standby' || strategy === 'active-active';
    for (const c of d.components) {
      if (c.service === 'aurora' && replicate) c.config.globalSecondaryRegion = secondary;
      if (c.service === 'dynamodb' && (strategy === 'warm-standby' || strategy === 'active-active' || (strategy === 'pilot-light' && c.id !== 'hot-store'))) c.config.replicaRegions = [secondary];
      if (c.service === 's3' && replicate && ['media', 'general', 'data-lake'].includes(String(c.config.purpose ?? 'general'))) c.config.replicationRegion = secondary;
    }
  }

  securityDecision(): void {
    const { ctx, d } = this;
    const what = ctx.req.compliance.filter((c) => c !== 'iso27001').map(label).join(', ') || CLASS_LABELS[ctx.req.data.classification];
    d.decision({
      id: 'd-security-encryption',
      layer: 'security',
      need: 'encryption keys and audit',
      chosen: 'kms',
      components: [],
      score: 90,
      rationale: sensitive(ctx)
        ? `Customer-managed KMS keys with rotation for every data store and log group: ${what} needs key policies that decide who can decrypt, and an audit trail of every use. CloudTrail records every API call to an encrypted bucket, and GuardDuty watches for compromise.`
        : `AWS-managed keys encrypt every data store at rest at no extra cost: ${CLASS_LABELS[ctx.req.data.classification]} does not need key policies of its own. CloudTrail records every API call.`,
      alternatives: [],
      basedOn: ['compliance', 'data.classification'],
    });
  }

  resilienceDecision(backupDays: number): void {
    const { ctx, d } = this;
    const stateful = d.components.filter((c) => ['dynamodb', 'aurora', 'rds', 'documentdb', 's3', 'opensearch', 'redshift', 'elasticache'].includes(c.service));
    if (this.dr.strategy === 'none' && stateful.every((c) => c.service === 's3' && c.config.purpose === 'static-site')) {
      d.decision({ id: 'd-data-recovery', layer: 'data', need: 'backup and disaster recovery', chosen: 'aws-backup', components: [], score: 80, rationale: `${this.dr.rationale} Multi-AZ managed services cover an AZ failure.`, alternatives: [], basedOn: this.dr.basedOn });
      return;
    }
    const az = ctx.multiAz
      ? `Multi-AZ because the target is ${ctx.availability} %: every tier spans Availability Zones.`
      : `Single-AZ database tiers: ${ctx.availability} % allows the minutes a restore or restart takes, and saves the standby cost.`;
    const decision = d.decision({
      id: 'd-data-recovery',
      layer: 'data',
      need: 'backup and disaster recovery',
      chosen: 'aws-backup',
      components: stateful.map((c) => c.id),
      score: 85,
      rationale: `${this.dr.rationale} ${az} AWS Backup keeps ${backupDays}-day backups${this.dr.secondary ? ` and copies them to ${this.dr.secondary}` : ''}.`,
      alternatives: [],
      basedOn: this.dr.basedOn,
    });
    if (!ctx.multiAz) {
      const reason = `The availability target is ${ctx.availability} % (below 99.9 %): a restart or point-in-time restore fits the downtime it allows, so a standby in a second AZ is not worth its cost.`;
      const single = d.components.filter((x) => ['aurora', 'rds', 'documentdb', 'opensearch', 'elasticache'].includes(x.service));
      acceptTradeOff(this.acknowledgements, decision, `Accepted at this target: no standby in a second Availability Zone${single.length ? ` for ${single.map((c) => c.id).join(', ')}` : ''}.`, [
        { rule: TRADE_OFF_RULES.singleAz, reason },
        ...single.map((c) => ({ rule: TRADE_OFF_RULES.singleInstanceStore, component: c.id, reason })),
      ]);
    }
  }
}

/** Why a public front door needs AWS WAF, or undefined when it does not. */
function wafReason(ctx: Ctx): string | undefined {
  if (ctx.has('internal-tool') && !ctx.has('ecommerce')) return undefined;
  if (ctx.regulated) return `${ctx.req.compliance.filter((c) => c !== 'gdpr').map(label).join(' and ') || ctx.req.data.classification.toUpperCase()} data is served publicly`;
  if (ctx.has('ecommerce')) return 'a public store attracts bots, scraping and credential stuffing';
  if (ctx.has('saas-multitenant')) return 'a multi-tenant API exposes every tenant to abusive clients';
  if (ctx.req.workload.clients.includes('partner') && ctx.load !== 'tiny') return 'partner traffic needs rate limits per client';
  if (ctx.req.data.classification === 'pii' && ctx.load === 'large') return `personal data is served at ${fmt(ctx.peakRps)} rps`;
  return undefined;
}

function fargateService(ctx: Ctx): Record<string, unknown> {
  const perTask = 250;
  const min = ctx.multiAz ? (ctx.availability >= 99.95 ? 3 : 2) : 1;
  const desired = Math.max(min, Math.ceil(ctx.avgRps / perTask));
  const max = Math.max(desired + 1, Math.ceil((ctx.peakRps * 2) / perTask), 4);
  return { mode: 'service', cpu: '1024', memoryMb: 2048, desiredCount: desired, minCount: min, maxCount: max, targetCpuPercent: ctx.p99 !== undefined && ctx.p99 <= 200 ? 55 : 60 };
}

/** Classifications for which the review rates an unprotected public entry point high. */
const PERSONAL: ReadonlySet<string> = new Set(['pii', 'phi', 'pci']);

const CLASS_LABELS: Record<string, string> = { public: 'public content', internal: 'internal data', confidential: 'confidential business data', pii: 'personal data', phi: 'health data (PHI)', pci: 'cardholder data' };

/** Data that deserves customer-managed keys and threat detection: anything beyond internal or public. */
function sensitive(ctx: Ctx): boolean {
  return ctx.regulated || ctx.req.compliance.length > 0 || ['confidential', 'pii', 'phi', 'pci'].includes(ctx.req.data.classification);
}

const LABELS: Record<string, string> = { hipaa: 'HIPAA', 'pci-dss': 'PCI DSS', soc2: 'SOC 2', gdpr: 'GDPR', fedramp: 'FedRAMP', iso27001: 'ISO 27001' };
function label(framework: string): string {
  return LABELS[framework] ?? framework;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
