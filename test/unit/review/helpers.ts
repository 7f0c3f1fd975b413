import type { Architecture, ArchitectureInput } from '../../../src/model/index.js';
import { parseArchitecture } from '../../../src/model/index.js';

/**
 * A production design built to pass every model rule of every framework: the baseline each rule test breaks in one
 * place. If a rule fires on it, either the rule or the baseline is wrong.
 */
export function baselineInput(): ArchitectureInput {
  return {
    name: 'baseline',
    environment: 'prod',
    dataClassification: 'confidential',
    compliance: ['hipaa', 'pci-dss'],
    network: { azCount: 3, natGateways: 'per-az', flowLogs: true, vpcEndpoints: ['s3', 'dynamodb'] },
    security: { encryptionKeys: 'customer-managed', auditTrail: true, threatDetection: true },
    resilience: { availabilityTarget: 99.95, rpoMinutes: 60, rtoMinutes: 240, multiAz: true, drStrategy: 'backup-restore', secondaryRegion: 'us-west-2', backupRetentionDays: 35, crossRegionBackupCopy: true },
    observability: { logRetentionDays: 365, tracing: true, dashboard: true, alarmEmail: 'oncall@example.com' },
    delivery: { pipeline: 'github-actions', stages: ['staging', 'production'] },
    tags: { project: 'baseline', owner: 'platform' },
    components: [
      { id: 'edge-waf', service: 'waf', config: { scope: 'CLOUDFRONT', protects: ['cdn'] } },
      { id: 'api-waf', service: 'waf', config: { scope: 'REGIONAL', protects: ['lb', 'api'] } },
      { id: 'cdn', service: 'cloudfront', config: { defaultRootObject: 'index.html' } },
      { id: 'site', service: 's3', config: { purpose: 'static-site' } },
      { id: 'cert', service: 'acm', config: { validation: 'dns' } },
      { id: 'lb', service: 'alb', config: { scheme: 'internet-facing', https: true } },
      { id: 'svc', service: 'ecs-fargate', config: { mode: 'service', minCount: 2, desiredCount: 2, maxCount: 6 } },
      { id: 'db', service: 'aurora', config: { readers: 1, backupRetentionDays: 35 } },
      { id: 'cache', service: 'elasticache', config: { engine: 'redis', mode: 'serverless', snapshotRetentionDays: 1 } },
      { id: 'auth', service: 'cognito', config: { mfa: 'ON' } },
      { id: 'api', service: 'apigateway-rest', config: { authorizer: 'cognito' } },
      { id: 'api-fn', service: 'lambda', config: { memoryMb: 512, timeoutSeconds: 10, inVpc: true } },
      { id: 'table', service: 'dynamodb' },
      { id: 'jobs', service: 'sqs', config: { visibilityTimeoutSeconds: 360 } },
      { id: 'worker', service: 'lambda', config: { timeoutSeconds: 60, inVpc: true } },
      { id: 'key', service: 'secrets-manager', config: { rotationDays: 30 } },
      { id: 'lake', service: 's3', config: { purpose: 'data-lake', lifecycle: [{ transitions: [{ days: 90, storageClass: 'GLACIER_IR' }] }] } },
      { id: 'audit', service: 's3', config: { purpose: 'logs', objectLock: true, lifecycle: [{ expirationDays: 400 }] } },
    ],
    connections: [
      { from: 'cdn', to: 'site', kind: 'route' },
      { from: 'lb', to: 'svc', kind: 'route' },
      { from: 'svc', to: 'db', kind: 'read-write' },
      { from: 'svc', to: 'cache', kind: 'read-write' },
      { from: 'svc', to: 'key', kind: 'read' },
      { from: 'svc', to: 'jobs', kind: 'publish' },
      { from: 'api', to: 'auth', kind: 'authenticate' },
      { from: 'api', to: 'api-fn', kind: 'invoke' },
      { from: 'api-fn', to: 'table', kind: 'read-write' },
      { from: 'jobs', to: 'worker', kind: 'trigger' },
      { from: 'worker', to: 'db', kind: 'read-write' },
      { from: 'worker', to: 'lake', kind: 'write' },
    ],
    usage: { components: { api: { requestsPerMonth: 1_000_000 }, table: { storageGb: 10 } } },
  };
}

/** Parses a design input, failing the test with the model's own messages when it is invalid. */
export function design(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(`invalid test design: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.value;
}

type Mutable = Record<string, unknown> & { components: Array<Record<string, unknown> & { id: string; config?: Record<string, unknown> }> };

/** The baseline with one change applied (a deep copy, so tests never share state). */
export function broken(change: (d: Mutable) => void): Architecture {
  const d = structuredClone(baselineInput()) as unknown as Mutable;
  change(d);
  return design(d as unknown as ArchitectureInput);
}

/** Sets config fields on one component of a mutable design. */
export function configure(d: Mutable, id: string, config: Record<string, unknown>): void {
  const c = d.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  c.config = { ...(c.config ?? {}), ...config };
}
