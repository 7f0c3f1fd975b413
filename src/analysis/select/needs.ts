import { fmt } from '../text.js';
import type { Ctx, LoadClass } from './context.js';
import type { Fit, NeedSpec } from './score.js';

/**
 * The rules a senior architect applies per need, as fit functions over the requirements: each candidate gets a
 * 0-100 fit with the reasons for and against, tied to the requirement that drives them. Generic criteria
 * (operations, cost shape, compliance, preferences, memory) are applied by `decide`.
 */

const compact = (xs: Array<string | false | undefined>) => xs.filter((x): x is string => Boolean(x));

function tenX(ctx: Ctx): number {
  return Math.max(ctx.peakRps, ctx.peakMsgs) * ctx.headroom;
}

export function webHostingNeed(ctx: Ctx): NeedSpec {
  return {
    id: 'web-hosting',
    layer: 'edge',
    need: 'web front-end hosting',
    candidates: ['cloudfront', 'alb', 'lightsail'],
    basedOn: ['workload.patterns', 'workload.features'],
    fit: (s): Fit => {
      switch (s) {
        case 'cloudfront':
          return { fit: 95, pros: ['static files from a private S3 bucket through edge caches: no servers and nothing always-on', 'TLS and the custom domain at the edge', `absorbs ${ctx.headroom}x traffic without capacity planning`] };
        case 'alb':
          return { fit: 30, cons: ['serving static files from containers keeps tasks and a load balancer running for content a CDN caches'] };
        default:
          return { fit: 30, cons: ['a server to patch and no edge caching for files a CDN serves better'] };
      }
    },
  };
}

export function computeApiNeed(ctx: Ctx): NeedSpec {
  const peak = ctx.peakRps;
  const small = ctx.load === 'tiny' || ctx.load === 'small';
  const concurrency10x = Math.ceil(tenX(ctx) * 0.1);
  return {
    id: 'api',
    layer: 'compute',
    need: 'compute for the API',
    candidates: ['lambda', 'ecs-fargate', 'eks', 'ec2-asg', 'app-runner'],
    basedOn: ['traffic.peakRps', 'preferences.compute', 'preferences.opsMaturity'],
    fit: (s): Fit => {
      const pref = ctx.compute;
      switch (s) {
        case 'lambda': {
          let fit = 80;
          const pros: string[] = [];
          const cons: string[] = [];
          if (pref === 'serverless') (fit += 18), pros.push('the team prefers serverless');
          if (pref === 'containers') (fit -= 15), cons.push('the team prefers containers');
          if (ctx.has('graphql-api')) (fit += 6), pros.push('AppSync resolvers call functions directly');
          if (ctx.feature('iam-auth')) (fit += 6), pros.push('API Gateway verifies IAM (SigV4) callers in front of functions');
          if (pref === 'kubernetes' || pref === 'vms') fit -= 20;
          if (ctx.ops === 'low') (fit += 5), pros.push('no servers or clusters for a small team to run');
          if (small) (fit += 8), pros.push(peak > 0 ? `scales to zero and bills per request at ${fmt(peak)} rps peak` : 'scales to zero: nothing runs or bills while idle');
          // The cost shape is scored separately; a stated serverless preference accepts it.
          if (ctx.load === 'large' && ctx.steady) (fit -= pref === 'serverless' ? 0 : 12), cons.push(`sustained ${fmt(ctx.avgRps)} rps keeps functions busy all day, where per-request pricing costs more than containers`);
          else if (ctx.load === 'large') (fit -= 8), cons.push(`${fmt(peak)} rps peaks need a high concurrency quota`);
          if (ctx.p99 !== undefined && ctx.p99 <= 100) (fit -= 4), cons.push(`cold starts threaten the ${ctx.p99} ms p99 unless provisioned concurrency stays warm`);
          if (concurrency10x > 1000) cons.push(`${ctx.headroom}x peak needs about ${fmt(concurrency10x)} concurrent executions: raise the 1,000 default quota`);
          if (ctx.payloadKb > 6000) return { fit, cons, exclude: `requests of ${fmt(ctx.payloadKb / 1000)} MB exceed Lambda's 6 MB synchronous payload`, basedOn: ['traffic.payloadKb'] };
          if (ctx.payloadKb * 1.34 > 6000) (fit -= 6), cons.push(`binary bodies reach Lambda base64-encoded: ${fmt(ctx.payloadKb / 1000)} MB becomes about ${fmt((ctx.payloadKb * 1.34) / 1000)} MB, over the 6 MB limit, so large files go through S3 presigned uploads`);
          if (!pros.length) pros.push(peak > 0 ? `no servers to manage and billing per request at ${fmt(peak)} rps peak` : 'no servers to manage and billing per request');
          return { fit, pros, cons };
        }
        case 'ecs-fargate': {
          let fit = 72;
          const pros = ['no servers to patch; containers run any runtime'];
          const cons: string[] = [];
          if (pref === 'containers') (fit += 18), pros.unshift('the team knows containers');
          if (pref === 'serverless') (fit -= 10), cons.push('the team prefers serverless functions');
          if (ctx.has('graphql-api')) (fit -= 6), cons.push('AppSync reaches containers only through HTTP resolvers');
          if (ctx.load === 'tiny') (fit -= 20), cons.push(`two tasks and a load balancer run around the clock for ${fmt(peak)} rps`);
          else if (ctx.load === 'small') (fit -= 8), cons.push('always-on tasks for modest traffic');
          if (ctx.load === 'large') (fit += 12), pros.push(`${fmt(ctx.avgRps)} rps on average with ${fmt(peak)} rps peaks is cheapest on always-on tasks that auto scale`);
          else if (ctx.load === 'medium' && ctx.steady) (fit += 6), pros.push(`steady ${fmt(ctx.avgRps)} rps keeps tasks busy, where always-on capacity is cheaper than per-request billing`);
          if (ctx.p99 !== undefined && ctx.p99 <= 200) (fit += 4), pros.push(`warm tasks keep the ${ctx.p99} ms p99 without cold starts`);
          return { fit, pros, cons };
        }
        case 'eks': {
          let fit = 45;
          const cons = ['cluster upgrades, add-ons and node groups to run'];
          const pros: string[] = [];
          if (pref === 'kubernetes') (fit += 55), pros.push('the team already runs Kubernetes: its tooling, manifests and skills carry over');
          if (ctx.ops === 'high') fit += 10;
          if (ctx.ops === 'low') fit -= 15;
          if (small) (fit -= pref === 'kubernetes' ? 5 : 15), cons.push('control plane and nodes bill continuously at low load');
          return { fit, pros, cons };
        }
        case 'ec2-asg': {
          let fit = 35;
          const pros: string[] = [];
          if (pref === 'vms') (fit += 40), pros.push('the team prefers virtual machines');
          if (ctx.feature('gpu')) (fit += 10), pros.push('any instance family, including GPUs');
          return { fit, pros, cons: ['operating system patching and an AMI pipeline'] };
        }
        default:
          return { fit: 58, pros: ['the simplest way to run one containerised web service'], cons: ['no workers, queues or scheduled tasks', 'fewer network controls'] };
      }
    },
  };
}

/**
 * @param traffic the load on this front door when it is not the system's main API (a dashboard or collector
 *   endpoint beside a telemetry stream); defaults to the stated API load.
 */
export function apiFrontNeed(ctx: Ctx, compute: string, wafReason: string | undefined, traffic?: { peakRps: number; load: LoadClass }): NeedSpec {
  const lambda = compute === 'lambda';
  const partners = ctx.feature('partner-api-keys') || ctx.req.workload.clients.includes('partner');
  const peakRps = traffic?.peakRps ?? ctx.peakRps;
  const large = (traffic?.load ?? ctx.load) === 'large';
  const over = peakRps * ctx.headroom > 10_000;
  const quota = over ? `${ctx.headroom}x peak (${fmt(peakRps * ctx.headroom)} rps) exceeds the 10,000 rps default account throttle: request an increase` : undefined;
  const graphql = ctx.has('graphql-api');
  return {
    id: 'api-front',
    layer: 'edge',
    need: graphql ? 'GraphQL API front door' : 'API front door',
    candidates: lambda || graphql ? ['apigateway-http', 'apigateway-rest', 'appsync', 'alb'] : ['alb', 'apigateway-http', 'apigateway-rest', 'nlb'],
    basedOn: ['workload.patterns', 'traffic.peakRps', ...(wafReason ? ['compliance'] : [])],
    ...(traffic ? { load: traffic.load } : {}),
    fit: (s): Fit => {
      switch (s) {
        case 'apigateway-http': {
          if (graphql) return { fit: 40, cons: ['REST-shaped; GraphQL would need a server library in the function'] };
          if (!lambda) return { fit: 50, cons: ['adds a VPC link and a per-request fee in front of the load balancer'] };
          let fit = 85;
          const cons = compact([wafReason && `cannot be associated with AWS WAF, which this design needs (${wafReason})`, partners && 'no API keys or usage plans for partners', quota]);
          if (wafReason) fit -= 35;
          if (partners) fit -= 20;
          return { fit, pros: compact(['the cheapest API Gateway option per request', ctx.req.identity.endUserAuth && 'JWT authorizer validates Cognito tokens without code', 'lowest added latency']), cons };
        }
        case 'apigateway-rest': {
          if (graphql) return { fit: 40, cons: ['REST-shaped; GraphQL clients need a schema endpoint'] };
          if (!lambda && ctx.feature('iam-auth')) return { fit: 80, pros: ['verifies IAM (SigV4) callers, which a load balancer cannot', 'a VPC link reaches the containers'], cons: ['a per-request fee in front of containers'] };
          if (!lambda) return { fit: 40, cons: ['needs a VPC link to an NLB and charges per request in front of containers'] };
          let fit = 76;
          const pros = ['supports AWS WAF, usage plans, API keys and request validation'];
          if (wafReason) (fit += 12), pros.unshift(`can sit behind AWS WAF (${wafReason})`);
          if (partners) (fit += 10), pros.push('API keys and usage plans per partner');
          return { fit, pros, cons: compact(['about 3.5x the per-request price of an HTTP API', quota]) };
        }
        case 'appsync':
          return graphql
            ? { fit: 95, pros: ['managed GraphQL with resolvers straight to DynamoDB or Lambda', 'real-time subscriptions included', 'Cognito and Lambda authorization per field'] }
            : { fit: 35, cons: ['GraphQL only; the clients expect a REST-style API'] };
        case 'alb': {
          if (!lambda && !graphql && ctx.feature('iam-auth')) return { fit: 50, cons: ['cannot verify IAM (SigV4) signatures; callers authenticate with IAM'] };
          if (!lambda && !graphql) return { fit: 90, pros: ['the native front door for containers: health checks, path routing, AWS WAF', 'no per-request fee at sustained load', 'long requests and WebSockets'] };
          let fit = 45;
          const pros: string[] = [];
          if (large && ctx.steady && !traffic) (fit += 25), pros.push(`no per-request fee at a sustained ${fmt(ctx.avgRps)} rps`);
          return { fit, pros, cons: ['an hourly charge even when idle', 'authentication in application code', '1 MB body limit with Lambda targets'] };
        }
        default:
          return { fit: 30, cons: ['layer 4 only: no path routing, no AWS WAF'] };
      }
    },
  };
}

export function realtimeNeed(ctx: Ctx, compute: string, front?: string): NeedSpec {
  const lambda = compute === 'lambda';
  const graphqlFront = front === 'appsync';
  const reconnect10x = (ctx.peakConcurrent * ctx.headroom) / 60;
  return {
    id: 'realtime',
    layer: 'edge',
    need: 'real-time connections to clients',
    candidates: ['apigateway-websocket', 'appsync', 'iot-core', 'alb'],
    basedOn: ['workload.patterns', 'traffic.peakConcurrent', 'traffic.peakMessagesPerSecond'],
    fit: (s): Fit => {
      switch (s) {
        case 'apigateway-websocket':
          return {
            fit: lambda ? 90 : 70,
            pros: ['managed WebSocket connections with a Lambda per message: no socket servers', `pay per message and connection minute${ctx.peakConcurrent > 0 ? ` (${fmt(ctx.peakConcurrent)} connections at peak)` : ''}`, 'scales with connection count'],
            cons: compact(['connections last at most 2 hours, so clients reconnect', reconnect10x > 500 && `reconnect storms at ${ctx.headroom}x need the 500 new connections/s quota raised`]),
          };
        case 'appsync':
          return graphqlFront
            ? { fit: 99, pros: ['the GraphQL API already chosen pushes changes to subscribed clients over WebSockets: no second endpoint'] }
            : ctx.has('graphql-api')
            ? { fit: 92, pros: ['GraphQL subscriptions push changes over WebSockets'] }
            : { fit: 62, cons: ['subscriptions fit GraphQL clients; chat frames would become mutations and subscriptions'] };
        case 'iot-core':
          return { fit: 50, cons: ['MQTT with device-style identities (certificates or identity pools) is awkward for app users'] };
        default:
          return lambda
            ? { fit: 40, cons: ['always-on socket servers plus Redis pub/sub for fan-out between them'] }
            : { fit: 82, pros: ['WebSockets on the same containers and load balancer as the API'] };
      }
    },
  };
}

export function primaryStoreNeed(ctx: Ctx, compute: string, dr: string): NeedSpec {
  const ap = ctx.req.data.accessPatterns;
  const relational = ap.includes('relational');
  const keyValue = ap.includes('key-value') || ap.includes('time-series');
  const engine = ctx.featureValue('engine');
  const crossRegion = dr === 'pilot-light' || dr === 'warm-standby' || dr === 'active-active';
  const small = ctx.load === 'tiny' || ctx.load === 'small';
  return {
    id: 'primary-store',
    layer: 'data',
    need: 'primary data store',
    candidates: ['dynamodb', 'aurora', 'rds', 'documentdb'],
    basedOn: ['data.accessPatterns', 'traffic.peakRps', 'availability.targetPercent'],
    fit: (s): Fit => {
      switch (s) {
        case 'dynamodb': {
          let fit = 70;
          const pros: string[] = ['single-digit ms reads and writes at any scale, billed per request'];
          const cons: string[] = [];
          if (keyValue) (fit += 20), pros.unshift('access is by key (per user, conversation or device)');
          if (compute === 'lambda') (fit += 8), pros.push('no connection pool to manage from Lambda');
          if (ctx.req.data.retentionDays !== undefined) pros.push(`TTL expires items after ${ctx.req.data.retentionDays} days at no cost`);
          if (crossRegion) (fit += dr === 'active-active' ? 15 : 6), pros.push('global tables replicate to the DR Region in about a second');
          if (relational) (fit -= 35), cons.push('joins, ad-hoc queries and reports need SQL');
          if (engine === 'postgresql' || engine === 'mysql') (fit -= 20), cons.push(`the team knows ${engine === 'postgresql' ? 'PostgreSQL' : 'MySQL'}`);
          if (ctx.payloadKb > 400) (fit -= 10), cons.push('items over 400 KB go to S3');
          if (!keyValue && !relational) cons.push('access patterns must be designed up front');
          return { fit, pros, cons };
        }
        case 'aurora': {
          let fit = 62;
          const pros: string[] = [];
          const cons: string[] = [];
          if (relational) (fit += 28), pros.push('relational data with transactions, joins and ad-hoc SQL');
          if (engine === 'postgresql' || engine === 'mysql') (fit += 8), pros.push(`${engine === 'postgresql' ? 'PostgreSQL' : 'MySQL'}-compatible, which the team knows`);
          if (crossRegion) (fit += 10), pros.push('Global Database replicates to the DR Region with about a second of lag');
          if (ctx.availability >= 99.95) (fit += 6), pros.push('failover to a reader typically under 30 s');
          if ((ctx.req.traffic.readWriteRatio ?? 1) >= 4 && !small) pros.push('readers absorb the read-heavy load');
          if (keyValue && !relational) (fit -= 20), cons.push('a relational engine for key lookups adds connection management and a VPC');
          if (compute === 'lambda') (fit -= 6), cons.push('Lambda connections need RDS Proxy or the Data API');
          if (ctx.load === 'tiny' && ctx.tight) (fit -= 12), cons.push('dearer than a small RDS instance at this load');
          return { fit, pros, cons };
        }
        case 'rds': {
          let fit = 55;
          const pros: string[] = [];
          const cons: string[] = [];
          if (relational) (fit += 22), pros.push('managed PostgreSQL or MySQL for relational data');
          if (engine === 'postgresql' || engine === 'mysql') fit += 8;
          if (small && (ctx.tight || ctx.availability < 99.9)) (fit += 15), pros.push('a burstable db.t4g instance is the cheapest managed SQL at this load');
          if (crossRegion) (fit -= 15), cons.push('cross-Region DR needs hand-managed read replicas (no Global Database)');
          if (ctx.availability >= 99.95) (fit -= 8), cons.push('Multi-AZ failover takes 60-120 s');
          if (!relational) fit -= 15;
          return { fit, pros, cons };
        }
        default: {
          let fit = 30;
          const pros: string[] = [];
          if (engine === 'mongodb' || ap.includes('document')) (fit += 50), pros.push('MongoDB-compatible document store');
          return { fit, pros, cons: ['instance-based: bills around the clock', 'check MongoDB feature compatibility'] };
        }
      }
    },
  };
}

export function cacheNeed(ctx: Ctx, why: string): NeedSpec {
  return {
    id: 'cache',
    layer: 'data',
    need: `in-memory cache (${why})`,
    candidates: ['elasticache', 'memorydb'],
    basedOn: ['data.accessPatterns', 'latency.p99Ms'],
    fit: (s): Fit =>
      s === 'elasticache'
        ? { fit: 88, pros: [`sub-millisecond reads for ${why}`, ctx.load === 'large' ? 'node-based shards with replicas for steady high throughput' : 'serverless: capacity follows the load'] }
        : { fit: 55, cons: ['durability a cache does not need, at a higher price per GB'] },
  };
}

export function searchNeed(ctx: Ctx, store: string | undefined): NeedSpec {
  const sqlStore = store === 'aurora' || store === 'rds';
  const small = ctx.load === 'tiny' || ctx.load === 'small';
  return {
    id: 'search',
    layer: 'data',
    need: 'full-text search',
    candidates: sqlStore ? ['opensearch', store] : ['opensearch'],
    basedOn: ['workload.patterns', 'workload.features'],
    fit: (s): Fit => {
      if (s === 'opensearch') {
        return {
          fit: small && ctx.tight ? 60 : 86,
          pros: ['relevance ranking, facets, filters and typo tolerance', 'scales reads with replicas across AZs'],
          cons: compact(['a cluster to size and upgrade', small && 'three data nodes run around the clock']),
        };
      }
      return {
        fit: small ? 78 : 50,
        pros: ['PostgreSQL full-text search in the existing database: no second cluster'],
        cons: compact([!small && 'no relevance tuning, facets or typo tolerance at catalogue scale', 'search load competes with transactions']),
      };
    },
  };
}

export function objectStoreNeed(what: string): NeedSpec {
  return {
    id: `objects-${what.replace(/[^a-z]+/g, '-')}`,
    layer: 'data',
    need: `object storage for ${what}`,
    candidates: ['s3', 'efs'],
    basedOn: ['workload.features', 'data.objectStorage'],
    fit: (s): Fit =>
      s === 's3'
        ? { fit: 95, pros: ['presigned URLs let clients upload and download directly, bypassing API size limits', 'lifecycle rules move old objects to cheaper classes', 'eleven nines of durability'] }
        : { fit: 30, cons: ['file-system semantics the workload does not need; no presigned URLs or CDN origin'] },
  };
}

export function mediaCdnNeed(ctx: Ctx): NeedSpec {
  return {
    id: 'media-cdn',
    layer: 'edge',
    need: 'media delivery',
    candidates: ['cloudfront', 's3'],
    basedOn: ['workload.features', 'traffic.dailyActiveUsers'],
    fit: (s): Fit =>
      s === 'cloudfront'
        ? { fit: 88, pros: ['caches images and videos near users', 'data transfer through CloudFront is cheaper than straight from S3 and the first 1 TB a month is free'] }
        : { fit: 55, cons: [`every view of a file leaves S3 at full transfer price, far from ${fmt(ctx.req.traffic.dailyActiveUsers ?? 0)} daily users`] },
  };
}

export function queueNeed(ctx: Ctx, what: string): NeedSpec {
  const ordered = ctx.feature('ordering');
  return {
    id: `queue-${what.replace(/[^a-z]+/g, '-')}`,
    layer: 'integration',
    need: `buffer for ${what}`,
    candidates: ['sqs', 'eventbridge', 'kinesis-streams', 'sns'],
    basedOn: ['workload.patterns'],
    fit: (s): Fit => {
      switch (s) {
        case 'sqs':
          return { fit: 90, pros: [`decouples ${what} from the request path`, 'retries with a dead-letter queue', ordered ? 'FIFO keeps per-key order' : 'scales without capacity settings'] };
        case 'eventbridge':
          return { fit: 55, cons: ['routes events but does not buffer work for a slow consumer'] };
        case 'kinesis-streams':
          return { fit: 45, cons: ['an ordered, replayable stream: shards and iterator age to watch for a simple work queue'] };
        default:
          return { fit: 40, cons: ['fan-out without buffering or retries of its own'] };
      }
    },
  };
}

export function eventBusNeed(ctx: Ctx): NeedSpec {
  const rate = ctx.peakMsgs;
  const kafka = ctx.req.preferences.preferredServices.includes('msk');
  return {
    id: 'event-bus',
    layer: 'integration',
    need: 'event routing between services',
    candidates: ['eventbridge', 'sns', 'kinesis-streams', 'msk'],
    basedOn: ['workload.patterns', 'traffic.peakMessagesPerSecond'],
    fit: (s): Fit => {
      switch (s) {
        case 'eventbridge':
          return rate > 5000
            ? { fit: 60, cons: [`${fmt(rate)} events/s is near the PutEvents quota (10,000/s in us-east-1, lower elsewhere)`] }
            : { fit: 88, pros: ['content-based rules route each event type to its consumers', 'archive and replay for new consumers', 'schema registry for event contracts'] };
        case 'sns':
          return { fit: 62, pros: ['fast fan-out'], cons: ['no content routing beyond filter policies, no archive or replay'] };
        case 'kinesis-streams':
          return rate > 5000 ? { fit: 86, pros: [`${fmt(rate)} events/s with ordering and replay`] } : { fit: 50, cons: ['shards and consumers to manage for modest event rates'] };
        default:
          return kafka ? { fit: 85, pros: ['the team uses Kafka'] } : { fit: 35, cons: ['brokers, partitions and upgrades to run'] };
      }
    },
  };
}

export function emailNeed(): NeedSpec {
  return {
    id: 'email',
    layer: 'integration',
    need: 'sending email',
    candidates: ['ses', 'sns'],
    basedOn: ['workload.features'],
    fit: (s): Fit =>
      s === 'ses'
        ? { fit: 92, pros: ['transactional email from a verified domain with DKIM', 'pennies per thousand messages'], cons: ['production access must be requested (the sandbox sends 200 a day to verified addresses)'] }
        : { fit: 35, cons: ['SNS email is plain-text alerts to confirmed subscribers, not formatted mail to customers'] },
  };
}

export function alertsNeed(what: string): NeedSpec {
  return {
    id: 'alerts',
    layer: 'integration',
    need: `notifications (${what})`,
    candidates: ['sns', 'ses'],
    basedOn: ['workload.features'],
    fit: (s): Fit =>
      s === 'sns'
        ? { fit: 90, pros: [`fans ${what} out to email, SMS, chat or a pager endpoint`, 'CloudWatch alarms publish to it directly'] }
        : { fit: 45, cons: ['formatted email needs code; alarms cannot target it directly'] },
  };
}

export function deviceIngestNeed(ctx: Ctx): NeedSpec {
  const rate10x = ctx.peakMsgs * ctx.headroom;
  return {
    id: 'device-ingest',
    layer: 'integration',
    need: 'device connectivity and ingestion',
    candidates: ['iot-core', 'apigateway-http', 'kinesis-streams'],
    basedOn: ['workload.patterns', 'traffic.peakMessagesPerSecond', 'traffic.payloadKb'],
    fit: (s): Fit => {
      switch (s) {
        case 'iot-core':
          return {
            fit: 92,
            pros: ['MQTT with a certificate per device and fleet provisioning', 'rules route readings to Kinesis without code', `${fmt(ctx.peakMsgs)} messages/s of ${fmt(ctx.payloadKb)} KB fit the 128 KB message limit`],
            cons: compact([rate10x > 20_000 && `${ctx.headroom}x (${fmt(rate10x)} messages/s) needs the account publish quota (20,000/s by default) raised`]),
          };
        case 'apigateway-http':
          return { fit: 45, cons: [`one HTTPS request per reading costs more at ${fmt(ctx.peakMsgs)} messages/s`, 'device authentication is yours to build'] };
        default:
          return { fit: 40, cons: ['devices would need AWS credentials to call PutRecord'] };
      }
    },
  };
}

export function streamNeed(ctx: Ctx, consumers = 'aggregation and archive'): NeedSpec {
  const mbps = (Math.max(ctx.peakMsgs, ctx.peakRps) * ctx.payloadKb) / 1000;
  const kafka = ctx.req.preferences.preferredServices.includes('msk');
  return {
    id: 'stream',
    layer: 'integration',
    need: 'durable event stream',
    candidates: ['kinesis-streams', 'sqs', 'msk', 'kinesis-firehose'],
    basedOn: ['traffic.peakMessagesPerSecond', 'traffic.payloadKb'],
    fit: (s): Fit => {
      switch (s) {
        case 'kinesis-streams':
          return {
            fit: 88,
            pros: [`several consumers (${consumers}) read the same stream independently`, 'ordered per key with replay', `on-demand capacity: ${fmt(mbps)} MB/s now, ${fmt(mbps * ctx.headroom)} MB/s at ${ctx.headroom}x within the 200 MB/s default`],
            cons: compact([mbps * ctx.headroom > 200 && `${ctx.headroom}x (${fmt(mbps * ctx.headroom)} MB/s) exceeds the on-demand default of 200 MB/s: request more or use provisioned shards`]),
          };
        case 'sqs':
          return { fit: 48, cons: ['each message goes to one consumer; alerting and archiving would need separate copies'] };
        case 'msk':
          return kafka ? { fit: 85, pros: ['the team uses Kafka'] } : { fit: 42, cons: ['brokers and partitions to run for a stream Kinesis handles without servers'] };
        default:
          return { fit: 50, cons: ['delivers in buffered batches: no per-record consumer for real-time alerting'] };
      }
    },
  };
}

export function hotStoreNeed(ctx: Ctx, hours: number): NeedSpec {
  const gb = (ctx.peakMsgs * ctx.payloadKb * hours * 3600) / 1e6;
  return {
    id: 'hot-store',
    layer: 'data',
    need: `last ${fmt(hours)} hours of readings for dashboards`,
    candidates: ['dynamodb', 'timestream', 'elasticache'],
    basedOn: ['workload.features', 'traffic.peakMessagesPerSecond'],
    fit: (s): Fit => {
      switch (s) {
        case 'dynamodb':
          return { fit: 86, pros: [`readings by device and time in single-digit ms; TTL deletes them after ${fmt(hours)} h`, `about ${fmt(gb)} GB live at a time`], cons: ['on-demand writes are priced per request; switch to provisioned capacity with auto scaling once the steady rate is known'] };
        case 'timestream':
          return { fit: 45, cons: ['Timestream for LiveAnalytics is closed to new customers (since 2025-06-20); Timestream for InfluxDB means instances to size'] };
        default:
          return { fit: 45, cons: [`${fmt(gb)} GB in memory is expensive and a cache is not durable`] };
      }
    },
  };
}

export function archiveNeed(): NeedSpec {
  return {
    id: 'archive',
    layer: 'integration',
    need: 'archiving the stream to the data lake',
    candidates: ['kinesis-firehose', 'lambda'],
    basedOn: ['data.retentionDays'],
    fit: (s): Fit =>
      s === 'kinesis-firehose'
        ? { fit: 92, pros: ['buffers, converts to Parquet and writes partitioned files to S3 without code'] }
        : { fit: 40, cons: ['custom code to batch, convert and retry writes'] },
  };
}

export function analyticsNeed(ctx: Ctx): NeedSpec {
  const warehouse = ctx.has('data-warehouse');
  return {
    id: warehouse ? 'warehouse' : 'analytics',
    layer: 'data',
    need: warehouse ? 'warehouse for BI dashboards' : 'ad-hoc analytics over history',
    candidates: warehouse ? ['redshift', 'athena', 'emr'] : ['athena', 'redshift', 'emr'],
    basedOn: ['workload.patterns'],
    fit: (s): Fit => {
      switch (s) {
        case 'athena':
          return warehouse
            ? { fit: 60, cons: ['per-TB scans for dashboards refreshed all day cost more and run slower than a warehouse'] }
            : { fit: 90, pros: ['SQL straight over Parquet in S3, billed per TB scanned: nothing runs between queries', 'data scientists query history without a warehouse to load'] };
        case 'redshift':
          return warehouse
            ? { fit: 90, pros: ['columnar warehouse for BI dashboards with many concurrent queries', 'Serverless bills RPU-hours only while queries run', 'COPY loads the nightly files from S3'] }
            : { fit: 55, cons: ['a warehouse to load and keep for occasional queries'] };
        default:
          return { fit: 40, cons: ['clusters and Spark tuning for what managed SQL covers'] };
      }
    },
  };
}

export function batchComputeNeed(ctx: Ctx): NeedSpec {
  const longest = ctx.longestJob;
  const dailyGb = (ctx.req.data.growthGbPerMonth ?? 0) / 30;
  const big = dailyGb >= 50 || ctx.has('data-warehouse');
  return {
    id: 'batch-compute',
    layer: 'compute',
    need: longest !== undefined ? `transformation jobs of up to ${fmt(longest)} minutes` : 'transformation jobs',
    candidates: ['glue-job', 'ecs-fargate', 'lambda', 'aws-batch', 'emr'],
    basedOn: ['workload.longestJobMinutes', 'data.growthGbPerMonth'],
    fit: (s): Fit => {
      switch (s) {
        case 'glue-job':
          return big
            ? { fit: 88, pros: [`serverless Spark spreads ${fmt(dailyGb)} GB a night over workers`, 'no time limit that matters for these jobs', 'billed per DPU-second while it runs'] }
            : { fit: 62, pros: ['serverless Spark'], cons: ['Spark start-up and a 1-minute minimum for small inputs'] };
        case 'ecs-fargate':
          return { fit: big ? 72 : 86, pros: ['any language in a container, no time limit'], cons: compact([big && 'one task is not distributed; terabytes need partitioning by hand']) };
        case 'lambda':
          if (longest !== undefined && longest > 15) return { fit: 60, exclude: `a ${fmt(longest)}-minute job is not a Lambda: invocations stop at 15 minutes`, basedOn: ['workload.longestJobMinutes'] };
          return { fit: 70, pros: ['cheapest for short steps'], cons: compact([longest === undefined && 'only while every job stays under 15 minutes']) };
        case 'aws-batch':
          return { fit: 60, cons: ['job queues and compute environments for a handful of nightly steps'] };
        default:
          return { fit: 45, cons: ['cluster lifecycle and Spark tuning that Glue manages'] };
      }
    },
  };
}

export function orchestrationNeed(kind: 'pipeline' | 'business' = 'pipeline'): NeedSpec {
  const business = kind === 'business';
  return {
    id: business ? 'workflow' : 'orchestration',
    layer: 'integration',
    need: business ? 'multi-step business workflow with compensation' : 'pipeline orchestration with retries',
    candidates: ['step-functions', 'eventbridge'],
    basedOn: ['workload.features'],
    fit: (s): Fit =>
      s === 'step-functions'
        ? business
          ? { fit: 92, pros: ['each order is a state machine: steps, timeouts, retries and compensating steps when one fails (saga)', 'the execution history shows where every order is'] }
          : { fit: 92, pros: ['runs each step in order, waits for long jobs, retries failures and alerts on-call', 'a failed run is re-run from the console or API', 'a schedule starts it'] }
        : business
          ? { fit: 55, cons: ['choreography through events alone leaves no single place that knows an order\'s state or runs compensation'] }
          : { fit: 50, cons: ['starts jobs on a schedule but has no retries across steps or view of a whole run'] },
  };
}

export function fileTransferNeed(): NeedSpec {
  return {
    id: 'file-transfer',
    layer: 'integration',
    need: 'partner file delivery over SFTP',
    candidates: ['transfer-family', 's3'],
    basedOn: ['workload.patterns'],
    fit: (s): Fit =>
      s === 'transfer-family'
        ? { fit: 92, pros: ['managed SFTP endpoint writing straight into S3', 'partners keep their SFTP clients and keys'], cons: ['billed per protocol-hour while the endpoint exists'] }
        : { fit: 40, cons: ['partners would have to change how they deliver (presigned HTTPS uploads)'] },
  };
}

export function inferenceNeed(ctx: Ctx): NeedSpec {
  const generative = /\b(llm|generative|gen ?ai|chat ?bot|summari[sz])/.test(ctx.req.summary.toLowerCase());
  const gpu = ctx.feature('gpu');
  const small = ctx.load === 'tiny' || ctx.load === 'small';
  return {
    id: 'inference',
    layer: 'compute',
    need: 'model inference',
    candidates: ['sagemaker-endpoint', 'lambda', 'bedrock', 'ecs-fargate'],
    basedOn: ['workload.patterns', 'traffic.peakRps', 'latency.p99Ms'],
    fit: (s): Fit => {
      switch (s) {
        case 'sagemaker-endpoint':
          return { fit: gpu || !small ? 88 : 70, pros: compact(['hosts the custom model with auto scaling across AZs', gpu && 'GPU instances for the model', ctx.p99 !== undefined && `warm instances meet the ${ctx.p99} ms p99`]) };
        case 'lambda':
          return gpu ? { fit: 30, exclude: 'no GPUs in Lambda' } : { fit: small ? 76 : 55, pros: ['container images up to 10 GB, billed per request'], cons: ['CPU only; cold starts load the model'] };
        case 'bedrock':
          return generative ? { fit: 94, pros: ['foundation models behind one API, nothing to host'] } : { fit: 35, cons: ['foundation models only; the workload serves a custom model'] };
        default:
          return { fit: gpu ? 25 : 60, cons: ['no GPUs on Fargate; model serving code is yours'] };
      }
    },
  };
}
