import { beforeAll, describe, expect, it } from 'vitest';
import { generateTerraform } from '../../../../src/generators/terraform/index.js';
import type { Architecture, ArchitectureInput, GeneratedFile } from '../../../../src/model/index.js';
import { STATEFUL, deriveGrants, deriveKeyGrants, deriveNetworkRules, parseArchitecture } from '../../../../src/model/index.js';
import { isUserError } from '../../../../src/shared/errors.js';
import { architectureFixture, architectureFixtureNames } from '../../../helpers/fixtures.js';
import { blocks, dependencyCycles, longestName, ofType, parseTf, statements } from './tf-json.js';
import type { ParsedTf } from './tf-json.js';

function model(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

const generated = new Map<string, { a: Architecture; files: GeneratedFile[]; tf: ParsedTf }>();

beforeAll(async () => {
  for (const name of architectureFixtureNames()) {
    const a = architectureFixture(name);
    const files = generateTerraform(a);
    generated.set(name, { a, files, tf: await parseTf(files) });
  }
});

const each = () => [...generated.entries()];
const sink = () => generated.get('kitchen-sink')!;

describe('files', () => {
  it('writes the platform files, one file per component, and a README', () => {
    const { a, files } = sink();
    const paths = files.map((f) => f.path);
    for (const p of ['versions.tf', 'providers.tf', 'variables.tf', 'main.tf', 'network.tf', 'security.tf', 'observability.tf', 'backup.tf', 'outputs.tf', 'README.md']) expect(paths).toContain(p);
    for (const c of a.components) expect(paths).toContain(`${c.id}.tf`);
    expect(files.find((f) => f.path === 'README.md')!.format).toBe('markdown');
    expect(files.filter((f) => f.path.endsWith('.tf')).every((f) => f.format === 'hcl')).toBe(true);
  });

  it('never lets a component file overwrite a platform file', () => {
    const a = model({ name: 'clash', components: [{ id: 'network', service: 'sqs' }, { id: 'outputs', service: 'sns' }, { id: 'main', service: 's3' }] });
    const paths = generateTerraform(a).map((f) => f.path);
    expect(paths).toContain('network-sqs.tf');
    expect(paths).toContain('outputs-sns.tf');
    expect(paths).toContain('main-s3.tf');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('is deterministic: the same design gives byte-identical files', () => {
    const a = architectureFixture('kitchen-sink');
    expect(generateTerraform(a)).toEqual(generateTerraform(a));
  });

  it('pins Terraform >= 1.6 and the hashicorp/aws 6 provider, with default tags on the provider', () => {
    const { files, tf } = sink();
    const versions = files.find((f) => f.path === 'versions.tf')!.content;
    expect(versions).toContain('required_version = ">= 1.6"');
    expect(versions).toMatch(/source\s+= "hashicorp\/aws"/);
    expect(versions).toMatch(/version\s+= "~> 6.0"/);
    expect(tf.providers[0]!.region).toBe('${var.region}');
    const tags = String(blocks(tf.providers[0], 'default_tags')[0]!.tags);
    expect(tags).toContain('Project = "kitchen-sink"');
    expect(tags).toContain('ManagedBy = "terraform"');
    expect(tags).toContain('var.extra_tags');
  });

  it('parses, has no duplicate addresses and no dependency cycle, for every fixture', () => {
    for (const [name, { tf }] of each()) {
      expect(tf.duplicates, name).toEqual([]);
      expect(dependencyCycles(tf), name).toEqual([]);
    }
  });

  it('declares every input with a type and a description, and the base inputs with validation', () => {
    const { tf } = sink();
    for (const [name, v] of tf.variables) {
      expect(v.type, name).toBeTruthy();
      expect(String(v.description ?? ''), name).not.toBe('');
    }
    for (const name of ['region', 'environment', 'alarm_email', 'log_retention_days']) expect(blocks(tf.variables.get(name), 'validation').length, name).toBe(1);
    expect(tf.variables.get('region')!.default).toBe('us-east-1');
    expect(tf.variables.get('alarm_email')!.default).toBe('oncall@example.com');
  });
});

describe('secure by default', () => {
  it('blocks public access, enforces TLS and encrypts every bucket', () => {
    for (const [name, { tf }] of each()) {
      const buckets = ofType(tf, 'aws_s3_bucket');
      expect(buckets.length, name).toBeGreaterThan(0);
      for (const [b] of buckets) {
        const pab = tf.resources.get(`aws_s3_bucket_public_access_block.${b}`);
        expect(pab, `${name} ${b}`).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
        expect(tf.resources.get(`aws_s3_bucket_ownership_controls.${b}`), `${name} ${b}`).toBeDefined();
        const sse = blocks(blocks(tf.resources.get(`aws_s3_bucket_server_side_encryption_configuration.${b}`), 'rule')[0], 'apply_server_side_encryption_by_default')[0];
        expect(sse?.sse_algorithm, `${name} ${b}`).toMatch(/^(aws:kms|AES256)$/);
        const policy = String(tf.resources.get(`aws_s3_bucket_policy.${b}`)!.policy).match(/aws_iam_policy_document\.([a-z0-9_]+)\.json/)![1]!;
        const deny = statements(tf, policy).find((s) => s.sid === 'DenyInsecureTransport');
        expect(deny, `${name} ${b}`).toMatchObject({ effect: 'Deny', actions: ['s3:*'] });
      }
    }
  });

  it('grants no wildcard action on a wildcard resource anywhere', () => {
    for (const [name, { tf }] of each()) {
      for (const [addr] of tf.data) {
        if (!addr.startsWith('aws_iam_policy_document.')) continue;
        const doc = addr.slice('aws_iam_policy_document.'.length);
        for (const s of statements(tf, doc)) {
          expect(s.actions, `${name} ${doc}`).not.toContain('*');
          if (s.effect !== 'Deny' && s.resources.includes('*')) expect(s.actions.filter((x) => x.endsWith(':*') && !x.startsWith('kms:')), `${name} ${doc} ${s.sid}`).toEqual([]);
        }
      }
    }
  });

  it('keeps secrets out of Terraform: databases manage their own master passwords, nothing sets a password', () => {
    for (const [name, { files, tf }] of each()) {
      for (const type of ['aws_rds_cluster', 'aws_docdb_cluster']) {
        for (const [n, body] of ofType(tf, type)) if (!body.global_cluster_identifier || body.master_username) expect(body.manage_master_user_password, `${name} ${n}`).toBe(true);
      }
      for (const [n, body] of ofType(tf, 'aws_db_instance')) if (!body.replicate_source_db) expect(body.manage_master_user_password, `${name} ${n}`).toBe(true);
      const text = files.map((f) => f.content).join('\n');
      expect(text, name).not.toMatch(/^\s*(password|master_password|admin_user_password|auth_token)\s*=/m);
      for (const [v, body] of tf.variables) if (/secret|private_key/.test(v)) expect(body.sensitive, `${name} ${v}`).toBe(true);
    }
  });

  it('takes federated sign-in secrets as sensitive inputs and gives phone verification its own SMS role', async () => {
    const tf = await parseTf(generateTerraform(model({ name: 'idp', components: [{ id: 'users', service: 'cognito', config: { signInAliases: ['phone'], identityProviders: ['google', 'apple'] } }] })));
    expect(tf.variables.get('users_google_client_secret')).toMatchObject({ sensitive: true });
    expect(tf.variables.get('users_google_client_secret')!.default).toBeUndefined();
    expect(tf.variables.get('users_apple_private_key')).toMatchObject({ sensitive: true });
    expect(tf.resources.get('aws_cognito_identity_provider.users_google')!.provider_details).toMatchObject({ client_secret: '${var.users_google_client_secret}' });
    const sms = blocks(tf.resources.get('aws_cognito_user_pool.users'), 'sms_configuration')[0]!;
    expect(sms.sns_caller_arn).toBe('${aws_iam_role.users.arn}');
    expect(statements(tf, 'users_baseline')).toEqual([{ sid: 'SendSms', effect: undefined, actions: ['sns:Publish'], resources: ['*'] }]);
  });

  it('uses the customer-managed key, rotated, when the design asks for one', () => {
    const { tf } = generated.get('hipaa-patient-portal')!;
    expect(tf.resources.get('aws_kms_key.main')).toMatchObject({ enable_key_rotation: true });
    expect(tf.resources.get('aws_kms_alias.main')).toBeDefined();
    expect(tf.resources.get('aws_rds_cluster.db')).toMatchObject({ storage_encrypted: true, kms_key_id: '${aws_kms_key.main.arn}' });
    for (const [n, body] of ofType(tf, 'aws_sqs_queue')) expect(body.kms_master_key_id, n).toBe('${aws_kms_key.main.arn}');
    for (const [n, body] of ofType(tf, 'aws_cloudwatch_log_group')) expect(body.kms_key_id, n).toMatch(/aws_kms_(replica_)?key\./);
    // The DR copies in us-west-2 use a replica of the key there.
    expect(tf.resources.get('aws_kms_key.main')!.multi_region).toBe(true);
    expect(ofType(tf, 'aws_kms_replica_key').map(([, b]) => b.region)).toEqual(['us-west-2']);
  });

  it('uses AWS managed encryption without creating a key otherwise', () => {
    const { tf } = generated.get('realtime-chat')!;
    expect(tf.resources.has('aws_kms_key.main')).toBe(false);
    expect(tf.resources.get('aws_dynamodb_table.messages')!.server_side_encryption).toEqual([{ enabled: true }]);
    expect(blocks(blocks(tf.resources.get('aws_s3_bucket_server_side_encryption_configuration.media'), 'rule')[0], 'apply_server_side_encryption_by_default')).toEqual([{ sse_algorithm: 'AES256' }]);
  });

  it('turns on point-in-time recovery, deletion protection and backups on data stores', () => {
    const { a, tf } = sink();
    expect(tf.resources.get('aws_dynamodb_table.table')).toMatchObject({ deletion_protection_enabled: true, point_in_time_recovery: [{ enabled: true }] });
    expect(tf.resources.get('aws_rds_cluster.aurora_db')).toMatchObject({ deletion_protection: true, skip_final_snapshot: false, backup_retention_period: 14 });
    expect(tf.resources.get('aws_db_instance.rds_db')).toMatchObject({ deletion_protection: true, multi_az: true });
    const selected = String(tf.resources.get('aws_backup_selection.main')!.resources);
    for (const c of a.components.filter((x) => STATEFUL.has(x.service) && !['elasticache', 'opensearch', 'redshift'].includes(x.service))) {
      expect(selected, c.id).toContain(`.${c.id.replace(/-/g, '_')}.arn`);
    }
    expect(blocks(tf.resources.get('aws_backup_plan.main'), 'rule')[0]).toMatchObject({ lifecycle: [{ delete_after: 35 }] });
  });

  it('copies backups to the DR region and locks the vault for regulated designs', () => {
    const { tf } = generated.get('hipaa-patient-portal')!;
    const rule = blocks(tf.resources.get('aws_backup_plan.main'), 'rule')[0]!;
    expect(blocks(rule, 'copy_action')[0]!.destination_vault_arn).toBe('${aws_backup_vault.secondary.arn}');
    expect(rule.enable_continuous_backup).toBe(true);
    expect(tf.resources.get('aws_backup_vault.secondary')!.region).toBe('us-west-2');
    expect(tf.resources.get('aws_backup_vault_lock_configuration.main')).toBeDefined();
  });

  it('keeps every log group for the design retention', () => {
    for (const [name, { tf }] of each()) {
      for (const [n, body] of ofType(tf, 'aws_cloudwatch_log_group')) expect(body.retention_in_days, `${name} ${n}`).toBe('${var.log_retention_days}');
    }
  });

  it('records CloudTrail to an encrypted bucket and turns on GuardDuty when asked', () => {
    const { tf } = generated.get('pci-payments')!;
    expect(tf.resources.get('aws_cloudtrail.main')).toMatchObject({ is_multi_region_trail: true, enable_log_file_validation: true, kms_key_id: '${aws_kms_key.main.arn}' });
    expect(tf.resources.get('aws_guardduty_detector.main')).toMatchObject({ enable: true });
    expect(generated.get('static-site')!.tf.resources.has('aws_guardduty_detector.main')).toBe(false);
  });
});

describe('permissions from the shared model', () => {
  it('renders every identity grant of permissions.ts, and nothing else, in the principal\'s connections policy', () => {
    for (const [name, { a, tf }] of each()) {
      const grants = deriveGrants(a);
      const keyGrants = deriveKeyGrants(a, grants);
      const principals = new Set(grants.filter((g) => g.type === 'identity').map((g) => (g.type === 'identity' ? g.principal : '')));
      for (const p of principals) {
        const doc = statements(tf, `${p.replace(/-/g, '_')}_grants`);
        const expected = grants.filter((g) => g.type === 'identity' && g.principal === p);
        const key = keyGrants.find((k) => k.principal === p);
        expect(doc.map((s) => s.sid).sort(), `${name} ${p}`).toEqual([...expected.map((g) => g.sid), ...(key ? [key.sid] : [])].sort());
        for (const g of expected) expect(doc.find((s) => s.sid === g.sid)!.actions, `${name} ${p} ${g.sid}`).toEqual(g.actions);
        if (key) expect(doc.find((s) => s.sid === key.sid)!.actions).toEqual(key.actions);
      }
    }
  });

  it('gives services the resource-policy grants permissions.ts derives, scoped by source', () => {
    const { a, tf } = sink();
    for (const g of deriveGrants(a)) {
      if (g.type !== 'resource') continue;
      const target = a.components.find((c) => c.id === g.target)!;
      if (target.service === 'lambda') {
        const perm = tf.resources.get(`aws_lambda_permission.${g.target.replace(/-/g, '_')}_allow_${g.source.replace(/-/g, '_')}`);
        expect(perm, g.sid).toMatchObject({ statement_id: g.sid, principal: g.servicePrincipal, action: 'lambda:InvokeFunction' });
        expect(String(perm!.source_arn)).not.toBe('');
      } else {
        const docName = `${g.target.replace(/-/g, '_')}_${target.service === 's3' ? 'bucket' : target.service === 'sqs' ? 'queue' : 'topic'}_policy`;
        const st = statements(tf, docName).find((s) => s.sid === g.sid);
        expect(st, `${docName} ${g.sid}`).toMatchObject({ actions: g.actions });
      }
    }
  });

  it('opens each security group only to the components connected to it, on the service port', () => {
    const { a, tf } = sink();
    const rules = deriveNetworkRules(a);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      const rule = tf.resources.get(`aws_vpc_security_group_ingress_rule.${r.to.replace(/-/g, '_')}_from_${r.from.replace(/-/g, '_')}`);
      expect(rule, `${r.from} -> ${r.to}`).toMatchObject({ from_port: r.port, to_port: r.port, ip_protocol: 'tcp', referenced_security_group_id: `\${aws_security_group.${r.from.replace(/-/g, '_')}.id}` });
    }
    for (const [n, body] of ofType(tf, 'aws_vpc_security_group_ingress_rule')) {
      if (body.cidr_ipv4 === '0.0.0.0/0') expect([80, 443], n).toContain(body.from_port);
    }
  });
});

describe('operable by default', () => {
  it('alarms on the metrics that matter and notifies the alarm topic, subscribed from var.alarm_email', () => {
    const { tf } = sink();
    const alarms = ofType(tf, 'aws_cloudwatch_metric_alarm');
    expect(alarms.length).toBeGreaterThan(40);
    for (const [n, body] of alarms) expect(body.alarm_actions, n).toEqual(['${aws_sns_topic.alarms.arn}']);
    const metrics = new Set(alarms.map(([, b]) => `${b.namespace} ${b.metric_name}`));
    for (const m of ['AWS/Lambda Errors', 'AWS/Lambda Throttles', 'AWS/SQS ApproximateAgeOfOldestMessage', 'AWS/DynamoDB ReadThrottleEvents', 'AWS/RDS CPUUtilization', 'AWS/ApplicationELB HTTPCode_ELB_5XX_Count', 'AWS/States ExecutionsFailed', 'AWS/ES ClusterStatus.red']) {
      expect(metrics, m).toContain(m);
    }
    expect(tf.resources.get('aws_sns_topic_subscription.alarm_email')).toMatchObject({ protocol: 'email', endpoint: '${var.alarm_email}' });
    expect(tf.resources.get('aws_cloudwatch_dashboard.main')).toBeDefined();
  });

  it('scales compute and provisioned capacity automatically', async () => {
    const { tf } = generated.get('ecommerce-api')!;
    const api = tf.resources.get('aws_appautoscaling_target.api_scaling')!;
    expect(api).toMatchObject({ min_capacity: 3, max_capacity: 40, scalable_dimension: 'ecs:service:DesiredCount' });
    const policy = blocks(tf.resources.get('aws_appautoscaling_policy.api_cpu'), 'target_tracking_scaling_policy_configuration')[0]!;
    expect(policy.target_value).toBe(55);
    const provisioned = generateTerraform(model({ name: 'prov', components: [{ id: 'orders', service: 'dynamodb', config: { billingMode: 'PROVISIONED', readCapacity: 10 } }] }));
    const ptf = await parseTf(provisioned);
    expect(ptf.resources.get('aws_appautoscaling_target.orders_read_capacity')).toMatchObject({ min_capacity: 10, max_capacity: 100 });
  });

  it('spreads the network over the AZs with one NAT gateway per AZ when asked', () => {
    const { tf } = generated.get('ecommerce-api')!;
    expect(tf.resources.get('aws_nat_gateway.main')!.count).toBe(3);
    for (const tier of ['public', 'private', 'isolated']) expect(tf.resources.get(`aws_subnet.${tier}`)!.count, tier).toBe(3);
    expect(tf.resources.get('aws_flow_log.main')).toMatchObject({ traffic_type: 'ALL' });
    expect(tf.resources.get('aws_vpc_endpoint.s3')).toMatchObject({ vpc_endpoint_type: 'Gateway' });
    expect(tf.resources.get('aws_vpc_endpoint.endpoint_logs')).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    expect(generated.get('nightly-etl')!.tf.resources.has('aws_nat_gateway.main')).toBe(false);
    expect(generated.get('static-site')!.tf.resources.has('aws_vpc.main')).toBe(false);
  });

  it('puts databases in isolated subnets and functions that need the VPC in private ones', () => {
    const { tf } = generated.get('pci-payments')!;
    expect(tf.resources.get('aws_db_subnet_group.vault')!.subnet_ids).toBe('${aws_subnet.isolated[*].id}');
    expect(blocks(tf.resources.get('aws_lambda_function.tokenize_fn'), 'vpc_config')[0]!.subnet_ids).toBe('${aws_subnet.private[*].id}');
  });

  it('fits every name into its AWS limit even with the longest stage name', () => {
    const limits: Array<[string, string, number]> = [
      ['aws_lb', 'name', 32],
      ['aws_lb_target_group', 'name', 32],
      ['aws_elasticache_replication_group', 'replication_group_id', 40],
      ['aws_elasticache_serverless_cache', 'name', 40],
      ['aws_opensearch_domain', 'domain_name', 28],
      ['aws_s3_bucket', 'bucket', 63],
      ['aws_iam_role', 'name', 64],
      ['aws_lambda_function', 'function_name', 64],
      ['aws_rds_cluster', 'cluster_identifier', 63],
      ['aws_sqs_queue', 'name', 80],
    ];
    const long = model({
      name: 'a-rather-long-system-name-for-limits-xyz',
      network: {},
      components: [
        { id: 'the-public-application-load-balancer', service: 'alb', config: { https: false } },
        { id: 'an-ecs-service-with-a-long-identifier', service: 'ecs-fargate' },
        { id: 'the-catalogue-cache-for-product-pages', service: 'elasticache', config: { mode: 'node-based' } },
        { id: 'the-presence-cache-that-scales-to-zero', service: 'elasticache' },
        { id: 'the-product-search-domain-of-the-shop', service: 'opensearch' },
        { id: 'the-media-uploads-bucket-of-the-system', service: 's3' },
        { id: 'the-function-that-handles-api-requests', service: 'lambda' },
        { id: 'the-aurora-cluster-with-all-the-orders', service: 'aurora' },
        { id: 'the-queue-of-orders-waiting-to-be-paid', service: 'sqs', config: { fifo: true } },
      ],
      connections: [{ from: 'the-public-application-load-balancer', to: 'an-ecs-service-with-a-long-identifier', kind: 'route' }],
    });
    return parseTf(generateTerraform(long)).then((tf) => {
      for (const [type, attr, max] of limits) {
        const found = ofType(tf, type);
        expect(found.length, type).toBeGreaterThan(0);
        for (const [n, body] of found) expect(longestName(String(body[attr])), `${type}.${n} ${String(body[attr])}`).toBeLessThanOrEqual(max);
      }
      expect(String(tf.resources.get('aws_sqs_queue.the_queue_of_orders_waiting_to_be_paid')!.name)).toMatch(/\.fifo$/);
    });
  });
});

describe('bad input', () => {
  it('is refused by the model before it can reach the generator (VPC too small for its subnets)', () => {
    const r = parseArchitecture({ name: 'tiny', network: { cidr: '10.0.0.0/24', azCount: 6 }, components: [{ id: 'db', service: 'rds' }] });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.path === 'architecture.network.cidr')?.message).toMatch(/too small/);
  });

  it('throws a UserError naming the field when handed such a network anyway', () => {
    const a = model({ name: 'tiny', network: { cidr: '10.0.0.0/24', azCount: 2 }, components: [{ id: 'db', service: 'rds' }] });
    const forced = { ...a, network: { ...a.network!, azCount: 6 } };
    try {
      generateTerraform(forced);
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as { field: string }).field).toBe('architecture.network.cidr');
    }
  });
});

describe('output names', () => {
  it('a component named like a platform output does not break generation', async () => {
    const { generateTerraform } = await import('../../../../src/generators/terraform/index.js');
    const { parseArchitecture } = await import('../../../../src/model/index.js');
    const r = parseArchitecture({ name: 'x', components: [{ id: 'alarm', service: 'sns' }, { id: 'dashboard', service: 'apigateway-http', config: { authorizer: 'iam' } }, { id: 'fn', service: 'lambda' }], connections: [{ from: 'dashboard', to: 'fn', kind: 'invoke' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const outputs = generateTerraform(r.value).find((f) => f.path === 'outputs.tf')!.content;
    expect(outputs).toContain('output "alarm_topic_arn"');
    expect(outputs).toContain('output "platform_alarm_topic_arn"');
    expect(outputs).toContain('output "platform_dashboard_url"');
  });
});
