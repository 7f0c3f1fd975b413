import type { Architecture, Connection } from './architecture.js';
import { VPC_BOUND } from './components.js';
import type { Component, ComponentService } from './components.js';

/**
 * Least-privilege access derived from the model's connections, in one place, so CloudFormation, Terraform and CDK
 * grant exactly the same permissions and the reviewer can check them. Generators render the abstract
 * {@link ResourceRef}s in their own syntax; nothing here knows about any template format.
 *
 * Two kinds of grant:
 * - `identity`: statements on the principal component's execution role (Lambda, ECS task, EC2 instance, Step
 *   Functions, Glue, SageMaker, AppSync, Firehose, Transfer Family, IoT rule role, ...).
 * - `resource`: a resource policy on the target that lets an AWS service principal call it, scoped by the source
 *   ARN (API Gateway invoking Lambda, S3 notifying Lambda, CloudFront reading S3 through OAC, SNS delivering to SQS).
 *
 * Network reachability for VPC data stores comes back as {@link NetworkRule}s (security-group ingress).
 */

/** Which ARN of a component a statement applies to. */
export type ArnPart =
  /** the resource itself: table, bucket, queue, topic, function, state machine, stream, secret, ... */
  | 'arn'
  /** every object in a bucket (`arn/*`) */
  | 'objects'
  /** every index of a DynamoDB table (`arn/index/*`) */
  | 'indexes'
  /** the DynamoDB stream of a table */
  | 'stream'
  /** the managed master-user secret of a database (Aurora, RDS, DocumentDB, Redshift) */
  | 'db-secret'
  /** the Glue Data Catalog (catalog, database and tables) of an Athena component */
  | 'glue-catalog'
  /** the execution role of a component (for iam:PassRole) */
  | 'role'
  /** an API's execute-api ARN for all stages, methods and routes (`arn/*`) */
  | 'execute-api'
  /** the IoT topic ARN pattern of an iot-core component */
  | 'iot-topic';

export interface ResourceRef {
  component: string;
  part: ArnPart;
}

export interface IdentityGrant {
  type: 'identity';
  /** Component whose role receives the statement. */
  principal: string;
  /** Component acted on. */
  target: string;
  /** Statement id: `Sid` in CloudFormation, `sid` in Terraform and CDK. Unique per principal. */
  sid: string;
  actions: string[];
  resources: ResourceRef[];
  /** The connection this grant comes from, for comments and review evidence. */
  reason: string;
}

export interface ResourceGrant {
  type: 'resource';
  /** Component whose resource policy receives the statement. */
  target: string;
  /** Component whose service calls the target; its ARN is the `aws:SourceArn` condition. */
  source: string;
  /** AWS service principal, e.g. `apigateway.amazonaws.com`. */
  servicePrincipal: string;
  sid: string;
  actions: string[];
  /** Which ARN of the target the statement covers. */
  resources: ResourceRef[];
  /** Which ARN of the source goes in the `aws:SourceArn` condition. */
  sourceArn: ResourceRef;
  reason: string;
}

export type Grant = IdentityGrant | ResourceGrant;

/** Security-group ingress from one component to a VPC data store or service. */
export interface NetworkRule {
  from: string;
  to: string;
  port: number;
  protocol: 'tcp';
  reason: string;
}

/** Components that run code under an IAM role of their own. */
export const HAS_ROLE: ReadonlySet<ComponentService> = new Set([
  'lambda',
  'ecs-fargate',
  'ec2-asg',
  'eks',
  'glue-job',
  'sagemaker-endpoint',
  'step-functions',
  'appsync',
  'kinesis-firehose',
  'transfer-family',
  'iot-core',
  'eventbridge',
  'apigateway-rest',
  'apigateway-http',
  'apigateway-websocket',
  'cognito',
  'redshift',
  'athena',
]);

/** Default listener port of VPC data stores and services. */
export function servicePort(c: Component): number | undefined {
  switch (c.service) {
    case 'aurora':
    case 'rds':
      return c.config.engine === 'postgresql' ? 5432 : 3306;
    case 'elasticache':
      return c.config.engine === 'memcached' ? 11211 : 6379;
    case 'documentdb':
      return 27017;
    case 'opensearch':
      return 443;
    case 'redshift':
      return 5439;
    case 'alb':
    case 'nlb':
      return c.config.https ? 443 : 80;
    case 'ecs-fargate':
      return c.config.containerPort;
    case 'ec2-asg':
    case 'eks':
      return 443;
    default:
      return undefined;
  }
}

const DDB_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const DDB_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:DescribeTable'];
const DDB_STREAM = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
const SQS_SEND = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const SQS_CONSUME = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];
const KINESIS_WRITE = ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary'];
const KINESIS_READ = ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:SubscribeToShard'];
const S3_READ = ['s3:GetObject'];
const S3_WRITE = ['s3:PutObject', 's3:AbortMultipartUpload'];
const SECRET_READ = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

const uniq = (xs: string[]) => [...new Set(xs)];

function readWrite(kind: Connection['kind']): { read: boolean; write: boolean } {
  return {
    read: kind === 'read' || kind === 'read-write' || kind === 'subscribe',
    write: kind === 'write' || kind === 'read-write' || kind === 'publish' || kind === 'invoke',
  };
}

/** Statements a role needs to act on `to` along one connection (identity side). */
function identityActions(conn: Connection, to: Component): Array<{ actions: string[]; resources: ResourceRef[] }> {
  const t = to.id;
  const { read, write } = readWrite(conn.kind);
  const ref = (part: ArnPart): ResourceRef => ({ component: t, part });
  switch (to.service) {
    case 'dynamodb': {
      const actions = uniq([...(read ? DDB_READ : []), ...(write ? DDB_WRITE : [])]);
      return actions.length ? [{ actions, resources: [ref('arn'), ref('indexes')] }] : [];
    }
    case 's3': {
      const out: Array<{ actions: string[]; resources: ResourceRef[] }> = [];
      const objectActions = uniq([...(read ? S3_READ : []), ...(write ? S3_WRITE : []), ...(conn.kind === 'read-write' ? ['s3:DeleteObject'] : [])]);
      if (objectActions.length) out.push({ actions: objectActions, resources: [ref('objects')] });
      if (read) out.push({ actions: ['s3:ListBucket'], resources: [ref('arn')] });
      return out;
    }
    case 'sqs':
      return [{ actions: conn.kind === 'read' ? SQS_CONSUME : conn.kind === 'read-write' ? uniq([...SQS_SEND, ...SQS_CONSUME]) : SQS_SEND, resources: [ref('arn')] }];
    case 'sns':
      return [{ actions: ['sns:Publish'], resources: [ref('arn')] }];
    case 'eventbridge':
      return [{ actions: ['events:PutEvents'], resources: [ref('arn')] }];
    case 'kinesis-streams':
      return [{ actions: uniq([...(read ? KINESIS_READ : []), ...(write ? KINESIS_WRITE : [])]), resources: [ref('arn')] }];
    case 'kinesis-firehose':
      return [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [ref('arn')] }];
    case 'lambda':
      return [{ actions: ['lambda:InvokeFunction'], resources: [ref('arn')] }];
    case 'step-functions':
      return [{ actions: to.config.type === 'EXPRESS' ? ['states:StartExecution', 'states:StartSyncExecution'] : ['states:StartExecution'], resources: [ref('arn')] }];
    case 'sagemaker-endpoint':
      return [{ actions: ['sagemaker:InvokeEndpoint'], resources: [ref('arn')] }];
    case 'glue-job':
      return [{ actions: ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], resources: [ref('arn')] }];
    case 'ecs-fargate':
      return [
        { actions: ['ecs:RunTask', 'ecs:StopTask', 'ecs:DescribeTasks'], resources: [ref('arn')] },
        { actions: ['iam:PassRole'], resources: [ref('role')] },
      ];
    case 'secrets-manager':
      return [{ actions: write ? [...SECRET_READ, 'secretsmanager:PutSecretValue'] : SECRET_READ, resources: [ref('arn')] }];
    case 'aurora':
    case 'rds':
    case 'documentdb':
      return [{ actions: SECRET_READ, resources: [ref('db-secret')] }];
    case 'redshift':
      return [
        { actions: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement', 'redshift-serverless:GetCredentials'], resources: [ref('arn')] },
        { actions: ['redshift-data:DescribeStatement', 'redshift-data:GetStatementResult', 'redshift-data:CancelStatement'], resources: [ref('arn')] },
      ];
    case 'opensearch': {
      const actions = uniq([...(read ? ['es:ESHttpGet', 'es:ESHttpHead'] : []), ...(write ? ['es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'] : [])]);
      return actions.length ? [{ actions, resources: [ref('objects')] }] : [];
    }
    case 'athena':
      return [
        { actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution'], resources: [ref('arn')] },
        { actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartitions'], resources: [ref('glue-catalog')] },
      ];
    case 'ses':
      return [{ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [ref('arn')] }];
    case 'iot-core':
      return [{ actions: ['iot:Publish'], resources: [ref('iot-topic')] }];
    case 'apigateway-websocket':
      // Lambdas behind a WebSocket API post back to connected clients.
      return [{ actions: ['execute-api:ManageConnections'], resources: [ref('execute-api')] }];
    case 'apigateway-rest':
    case 'apigateway-http':
      return [{ actions: ['execute-api:Invoke'], resources: [ref('execute-api')] }];
    case 'cognito':
      return read || write ? [{ actions: ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers'], resources: [ref('arn')] }] : [];
    default:
      return [];
  }
}

/** Service principal a source uses when it calls a Lambda function (resource policy), if it is one. */
const LAMBDA_CALLERS: Partial<Record<ComponentService, string>> = {
  'apigateway-rest': 'apigateway.amazonaws.com',
  'apigateway-http': 'apigateway.amazonaws.com',
  'apigateway-websocket': 'apigateway.amazonaws.com',
  s3: 's3.amazonaws.com',
  sns: 'sns.amazonaws.com',
  eventbridge: 'events.amazonaws.com',
  'iot-core': 'iot.amazonaws.com',
  cognito: 'cognito-idp.amazonaws.com',
  alb: 'elasticloadbalancing.amazonaws.com',
};

/**
 * Every grant the design needs, in connection order. Deterministic: the same model always yields the same list, so
 * the three generators produce the same policies.
 */
export function deriveGrants(a: Architecture): Grant[] {
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const grants: Grant[] = [];
  const sids = new Map<string, number>();
  const sid = (owner: string, base: string) => {
    const key = `${owner}|${base}`;
    const n = (sids.get(key) ?? 0) + 1;
    sids.set(key, n);
    return n === 1 ? base : `${base}${n}`;
  };
  const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');

  for (const conn of a.connections) {
    const from = byId.get(conn.from);
    const to = byId.get(conn.to);
    if (!from || !to) continue;
    const reason = `${conn.from} ${conn.kind} ${conn.to}${conn.description ? `: ${conn.description}` : ''}`;

    // Edges handled by resource policies: a service calling something on our behalf.
    if ((conn.kind === 'invoke' || conn.kind === 'trigger' || conn.kind === 'subscribe' || conn.kind === 'route') && to.service === 'lambda' && LAMBDA_CALLERS[from.service]) {
      grants.push({
        type: 'resource',
        target: to.id,
        source: from.id,
        servicePrincipal: LAMBDA_CALLERS[from.service]!,
        sid: sid(to.id, `Allow${pascal(from.id)}Invoke`),
        actions: ['lambda:InvokeFunction'],
        resources: [{ component: to.id, part: 'arn' }],
        sourceArn: { component: from.id, part: from.service.startsWith('apigateway') ? 'execute-api' : 'arn' },
        reason,
      });
      continue;
    }
    if (conn.kind === 'route' && from.service === 'cloudfront' && to.service === 's3') {
      grants.push({
        type: 'resource',
        target: to.id,
        source: from.id,
        servicePrincipal: 'cloudfront.amazonaws.com',
        sid: sid(to.id, `Allow${pascal(from.id)}Read`),
        actions: ['s3:GetObject'],
        resources: [{ component: to.id, part: 'objects' }],
        sourceArn: { component: from.id, part: 'arn' },
        reason,
      });
      continue;
    }
    if ((conn.kind === 'subscribe' || conn.kind === 'trigger') && to.service === 'sqs' && (from.service === 'sns' || from.service === 'eventbridge' || from.service === 's3')) {
      grants.push({
        type: 'resource',
        target: to.id,
        source: from.id,
        servicePrincipal: `${from.service === 'eventbridge' ? 'events' : from.service}.amazonaws.com`,
        sid: sid(to.id, `Allow${pascal(from.id)}Send`),
        actions: ['sqs:SendMessage'],
        resources: [{ component: to.id, part: 'arn' }],
        sourceArn: { component: from.id, part: 'arn' },
        reason,
      });
      continue;
    }
    if (conn.kind === 'trigger' && to.service === 'sns' && (from.service === 's3' || from.service === 'eventbridge')) {
      grants.push({
        type: 'resource',
        target: to.id,
        source: from.id,
        servicePrincipal: `${from.service === 'eventbridge' ? 'events' : 's3'}.amazonaws.com`,
        sid: sid(to.id, `Allow${pascal(from.id)}Publish`),
        actions: ['sns:Publish'],
        resources: [{ component: to.id, part: 'arn' }],
        sourceArn: { component: from.id, part: 'arn' },
        reason,
      });
      continue;
    }

    // Pollers: the consumer's role reads the source (SQS, Kinesis and DynamoDB streams into Lambda/Fargate).
    if (conn.kind === 'trigger' && (from.service === 'sqs' || from.service === 'kinesis-streams' || from.service === 'dynamodb')) {
      const actions = from.service === 'sqs' ? SQS_CONSUME : from.service === 'kinesis-streams' ? KINESIS_READ : DDB_STREAM;
      grants.push({
        type: 'identity',
        principal: to.id,
        target: from.id,
        sid: sid(to.id, `Consume${pascal(from.id)}`),
        actions,
        resources: [{ component: from.id, part: from.service === 'dynamodb' ? 'stream' : 'arn' }],
        reason,
      });
      continue;
    }

    // Everything else: the actor's own role needs the permission.
    if (conn.kind === 'authenticate' || conn.kind === 'protect' || conn.kind === 'replicate') continue;
    if (conn.kind === 'route' && (from.service === 'cloudfront' || from.service === 'route53' || from.service === 'alb' || from.service === 'nlb')) continue;
    if (!HAS_ROLE.has(from.service)) continue;
    for (const st of identityActions(conn, to)) {
      const verb = conn.kind === 'read' ? 'Read' : conn.kind === 'write' ? 'Write' : conn.kind === 'read-write' ? 'ReadWrite' : conn.kind === 'publish' ? 'Publish' : conn.kind === 'invoke' ? 'Invoke' : pascal(conn.kind);
      grants.push({ type: 'identity', principal: from.id, target: to.id, sid: sid(from.id, `${verb}${pascal(to.id)}`), actions: st.actions, resources: st.resources, reason });
    }
  }
  return grants;
}

/** Security-group ingress implied by connections into VPC-bound targets. */
export function deriveNetworkRules(a: Architecture): NetworkRule[] {
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const rules: NetworkRule[] = [];
  const seen = new Set<string>();
  for (const conn of a.connections) {
    const from = byId.get(conn.from);
    const to = byId.get(conn.to);
    if (!from || !to) continue;
    if (conn.kind === 'authenticate' || conn.kind === 'protect') continue;
    // Only something running inside the VPC opens a connection to a VPC target; a queue or stream that triggers a
    // task is polled by the task, so it needs no ingress rule.
    const inVpc = VPC_BOUND.has(from.service) || (from.service === 'lambda' && from.config.inVpc);
    if (!inVpc) continue;
    const port = servicePort(to);
    if (port === undefined) continue;
    if (!['aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift', 'ecs-fargate', 'ec2-asg', 'eks'].includes(to.service)) continue;
    const key = `${from.id}|${to.id}|${port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push({ from: from.id, to: to.id, port, protocol: 'tcp', reason: `${conn.from} ${conn.kind} ${conn.to}` });
  }
  return rules;
}

/** Identity grants for one principal, in order. */
export function grantsFor(grants: Grant[], principal: string): IdentityGrant[] {
  return grants.filter((g): g is IdentityGrant => g.type === 'identity' && g.principal === principal);
}

/** Kinds whose data a customer-managed key encrypts when the design asks for one (`security.encryptionKeys`). */
export const CMK_ENCRYPTED: ReadonlySet<ComponentService> = new Set([
  'sqs',
  'sns',
  's3',
  'dynamodb',
  'kinesis-streams',
  'secrets-manager',
  'aurora',
  'rds',
  'documentdb',
]);

/** Use of the design's customer-managed key by one principal's role. */
export interface KeyGrant {
  principal: string;
  /** Statement id, unique per principal. */
  sid: 'UseEncryptionKey';
  /** kms:Decrypt to read, plus kms:GenerateDataKey when the principal writes. */
  actions: string[];
  /** Components whose encryption makes the key necessary, in grant order. */
  targets: string[];
  reason: string;
}

const WRITES_DATA = /^(sqs:SendMessage|sns:Publish|s3:PutObject|dynamodb:(PutItem|UpdateItem|BatchWriteItem)|kinesis:PutRecords?|secretsmanager:PutSecretValue)$/;

/**
 * With customer-managed keys, reading CMK-encrypted data (queues, topics, buckets, tables, streams, secrets and
 * database secrets) also needs the key: one statement per principal, derived from its identity grants, so all
 * targets render the same `kms:` permissions. Empty when the design uses AWS managed keys.
 */
export function deriveKeyGrants(a: Architecture, grants: Grant[] = deriveGrants(a)): KeyGrant[] {
  if (a.security.encryptionKeys !== 'customer-managed') return [];
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const out = new Map<string, KeyGrant>();
  for (const g of grants) {
    if (g.type !== 'identity') continue;
    const target = byId.get(g.target);
    if (!target || !CMK_ENCRYPTED.has(target.service)) continue;
    const k = out.get(g.principal) ?? { principal: g.principal, sid: 'UseEncryptionKey' as const, actions: ['kms:Decrypt'], targets: [], reason: '' };
    if (!k.targets.includes(g.target)) k.targets.push(g.target);
    if (g.actions.some((x) => WRITES_DATA.test(x)) && !k.actions.includes('kms:GenerateDataKey')) k.actions.push('kms:GenerateDataKey');
    k.reason = `${g.principal} uses data encrypted with the customer-managed key in ${k.targets.join(', ')}`;
    out.set(g.principal, k);
  }
  return [...out.values()];
}

/**
 * AWS service principals that must use the customer-managed key to deliver into encrypted targets on the design's
 * behalf (SNS into an encrypted queue, S3 notifications, EventBridge targets), from the resource grants.
 */
export function keyServicePrincipals(a: Architecture, grants: Grant[] = deriveGrants(a)): string[] {
  if (a.security.encryptionKeys !== 'customer-managed') return [];
  const byId = new Map(a.components.map((c) => [c.id, c]));
  const out = new Set<string>();
  for (const g of grants) {
    if (g.type !== 'resource') continue;
    const target = byId.get(g.target);
    if (target && (target.service === 'sqs' || target.service === 'sns')) out.add(g.servicePrincipal);
  }
  return [...out].sort();
}
