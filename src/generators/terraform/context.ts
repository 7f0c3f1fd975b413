import type { Architecture } from '../../model/architecture.js';
import type { Component, ComponentService } from '../../model/components.js';
import { STATEFUL, VPC_BOUND } from '../../model/components.js';
import type { Grant, NetworkRule, ResourceRef } from '../../model/permissions.js';
import { deriveGrants, deriveNetworkRules } from '../../model/permissions.js';
import { snakeCase } from '../../shared/ids.js';
import { Block, Obj, Raw, obj, raw, tpl } from './hcl.js';
import type { Body, TopBlock, Value } from './hcl.js';

/** Files every generated configuration has; component files never take these names. */
export const PLATFORM_FILES = ['versions', 'providers', 'variables', 'main', 'network', 'security', 'observability', 'backup', 'outputs', 'dr'] as const;

/**
 * Longest value `var.environment` accepts (checked by the variable's validation block); the delivery pipeline
 * derives stage environments of up to 16 letters and digits.
 */
export const ENV_MAX = 16;

/** Data sources every configuration declares in main.tf. */
export const ACCOUNT_ID = raw('data.aws_caller_identity.current.account_id');
export const PARTITION = raw('data.aws_partition.current.partition');
export const REGION = raw('data.aws_region.current.region');
export const ENVIRONMENT = raw('var.environment');

export interface AlarmSpec {
  /** Component id, or a platform section name. */
  component: string;
  /** Short suffix unique within the component: `errors`, `throttles`. */
  key: string;
  description: string;
  namespace: string;
  metric: string;
  dimensions: Record<string, Value>;
  statistic?: 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount';
  /** Percentile statistic such as `p99`; replaces `statistic`. */
  extendedStatistic?: string;
  comparison: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  threshold: number;
  periodSeconds?: number;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData?: 'notBreaching' | 'breaching' | 'missing' | 'ignore';
  /** Region the metric lives in when it is not the deployment region (CloudFront, CLOUDFRONT-scoped WAF). */
  region?: string;
}

export interface OutputSpec {
  name: string;
  value: Value;
  description: string;
  sensitive?: boolean;
  /** A design-wide output; renamed `platform_<name>` if a component already produced the same name. */
  platform?: boolean;
}

export interface VariableSpec {
  name: string;
  /** Type constraint as HCL, e.g. `string`, `map(string)`. */
  type: string;
  description: string;
  /** Omitted: the variable is required. */
  default?: Value;
  sensitive?: boolean;
  nullable?: boolean;
  validations?: Array<{ condition: string; message: string }>;
}

/** A statement of a policy document, rendered as an `aws_iam_policy_document` statement block. */
export interface Statement {
  sid?: string;
  effect?: 'Allow' | 'Deny';
  actions: readonly string[];
  resources: readonly Value[];
  principals?: { type: 'Service' | 'AWS' | '*' | 'Federated'; identifiers: readonly Value[] };
  conditions?: Array<{ test: string; variable: string; values: readonly Value[] }>;
}

/** What an emitter needs from the role of its component. Grants from connections are added by the IAM section. */
export interface RoleSpec {
  /** Service principals that assume the role; `account` means principals of this account (human or CI use). */
  assumedBy: readonly string[];
  /** Extra trust actions beside sts:AssumeRole (EKS Pod Identity needs sts:TagSession). */
  trustActions?: readonly string[];
  /** Conditions on the trust statement (an external id, the source account). */
  trustConditions?: Statement['conditions'];
  /** Permissions the service itself needs to run (logs, ENIs, tracing), not derived from connections. */
  baseline?: readonly Statement[];
  /** AWS managed policies a service requires by design (EKS cluster and nodes, Backup). */
  managedPolicies?: readonly string[];
  description: string;
}

/** A resource AWS Backup protects. */
export interface BackupTarget {
  component: string;
  arn: Raw;
}

export interface DashboardMetric {
  component: string;
  title: string;
  namespace: string;
  metric: string;
  dimensions: Record<string, Value>;
  stat: string;
  region?: string;
}

const SIMPLE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Local names the platform sections use as they are; a component whose id maps to one gets a suffixed name. */
const PLATFORM_NAMES = [
  'alarm_email', 'alarms', 'alarms_topic', 'all_viewer_except_host', 'apigateway_logs', 'apigateway_logs_assume', 'artifacts',
  'available', 'backup', 'backup_assume', 'caching_disabled', 'caching_optimized', 'current', 'dynamodb', 'endpoints',
  'endpoints_https', 'flow_logs', 'flow_logs_assume', 'guardduty_findings', 'isolated', 'key', 'logs', 'main', 'nat', 'private',
  'private_nat', 'public', 'public_internet', 's3', 'secondary', 'security_headers', 'trail', 'trail_assume', 'trail_delivery',
];

/** Short stable hash (base 36) for fitting long names into AWS limits without collisions. */
export function shortHash(s: string, len = 4): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-len);
}

/** Lower-case letters, digits and single dashes, no dash at either end: safe for every AWS name we emit. */
function tidy(s: string): string {
  return s.replace(/[^a-z0-9-]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

export interface NameOptions {
  /** Longest name the AWS resource accepts. */
  max?: number;
  /** Separator; `_` for services that refuse dashes (IoT rules, Glue databases). */
  sep?: '-' | '_' | '/';
  /** Expression appended after a separator (account id for globally unique bucket names). */
  tail?: Raw;
  /** Length the tail always has, for the budget. */
  tailLength?: number;
  /** Literal suffix kept intact after shortening (`.fifo`). */
  suffix?: string;
}

/**
 * Everything an emitter needs while it writes one configuration: the model, derived grants and network rules,
 * unique Terraform local names, AWS resource names that fit their limits, and registries the platform sections
 * read at the end (roles, alarms, dashboard widgets, outputs, variables, backup targets, KMS replica regions).
 */
export class TfContext {
  readonly byId: Map<string, Component>;
  readonly grants: Grant[];
  readonly networkRules: NetworkRule[];
  readonly files = new Map<string, TopBlock[]>();
  readonly alarms: AlarmSpec[] = [];
  readonly dashboard: DashboardMetric[] = [];
  readonly outputs: OutputSpec[] = [];
  readonly variables = new Map<string, VariableSpec>();
  readonly roles = new Map<string, RoleSpec>();
  readonly backups: BackupTarget[] = [];
  /** Things the operator must do by hand, listed in the README. */
  readonly notes: string[] = [];
  /** Regions other than the primary that need a replica of the customer-managed key. */
  readonly replicaKeyRegions = new Set<string>();
  /** Service principals that must be able to use the customer-managed key (beyond IAM principals). */
  readonly keyServices = new Set<string>();
  /** Shared platform pieces requested by emitters: `ecs-cluster`, `log-bucket`, `artifacts-bucket`, `apigw-account`. */
  readonly shared = new Set<string>();
  /** Renders permissions.ts ARN references; set by the generator from the emitter table. */
  refs: (ref: ResourceRef) => Raw[] = () => {
    throw new Error('refs not wired');
  };
  /** Environment variables a caller gets for a target; set by the generator from the emitter table. */
  envOf: (target: Component, caller: Component) => Array<[string, Value]> = () => [];
  private readonly names = new Map<string, string>();
  private readonly nameCache = new Map<string, Raw>();
  private readonly takenNames = new Set<string>();
  private readonly componentFile = new Map<string, string>();

  constructor(readonly a: Architecture) {
    this.byId = new Map(a.components.map((c) => [c.id, c]));
    this.grants = deriveGrants(a);
    this.networkRules = deriveNetworkRules(a);
    for (const name of PLATFORM_NAMES) this.takenNames.add(name);
    const reserved = new Set<string>(PLATFORM_FILES);
    for (const c of a.components) this.componentFile.set(c.id, reserved.has(c.id) ? `${c.id}-${c.service}.tf` : `${c.id}.tf`);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Model lookups
  // -------------------------------------------------------------------------------------------------------------

  component(id: string): Component {
    const c = this.byId.get(id);
    if (!c) throw new Error(`unknown component '${id}'`);
    return c;
  }

  /** Components of the given kinds, in model order. */
  ofService<S extends ComponentService>(...services: S[]): Array<Extract<Component, { service: S }>> {
    return this.a.components.filter((c): c is Extract<Component, { service: S }> => (services as string[]).includes(c.service));
  }

  /** Connections leaving `id` (optionally of the given kinds), with their resolved target components. */
  out(id: string, ...kinds: string[]): Array<{ to: Component; kind: string; scope?: string; description?: string }> {
    return this.a.connections
      .filter((x) => x.from === id && (kinds.length === 0 || kinds.includes(x.kind)) && this.byId.has(x.to))
      .map((x) => ({ to: this.byId.get(x.to)!, kind: x.kind, scope: x.scope, description: x.description }));
  }

  /** Connections entering `id` (optionally of the given kinds), with their resolved source components. */
  in(id: string, ...kinds: string[]): Array<{ from: Component; kind: string; scope?: string; description?: string }> {
    return this.a.connections
      .filter((x) => x.to === id && (kinds.length === 0 || kinds.includes(x.kind)) && this.byId.has(x.from))
      .map((x) => ({ from: this.byId.get(x.from)!, kind: x.kind, scope: x.scope, description: x.description }));
  }

  get cmk(): boolean {
    return this.a.security.encryptionKeys === 'customer-managed';
  }

  /** True when the design handles regulated or personal data: logs then leave payloads out. */
  get sensitiveData(): boolean {
    return this.a.compliance.length > 0 || ['pii', 'phi', 'pci', 'confidential', 'restricted'].includes(this.a.dataClassification);
  }

  get multiAz(): boolean {
    return this.a.resilience.multiAz;
  }

  /** Components that sit in the VPC and therefore get a security group. */
  inVpc(c: Component): boolean {
    if (!this.a.network) return false;
    if (VPC_BOUND.has(c.service)) return true;
    if (c.service === 'lambda') return c.config.inVpc;
    if (c.service === 'transfer-family') return c.config.endpointType === 'VPC';
    return false;
  }

  isStateful(c: Component): boolean {
    return STATEFUL.has(c.service);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Files and names
  // -------------------------------------------------------------------------------------------------------------

  /** The file a component's resources go to. */
  fileOf(id: string): string {
    const f = this.componentFile.get(id);
    if (!f) throw new Error(`unknown component '${id}'`);
    return f;
  }

  /** Appends a top-level block to a file. */
  add(file: string, block: Block, comments?: readonly string[]): void {
    let list = this.files.get(file);
    if (!list) this.files.set(file, (list = []));
    list.push(comments?.length ? { block, comments } : { block });
  }

  /** `resource "type" "name" { ... }` appended to `file`; returns `type.name` for references. */
  resource(file: string, type: string, name: string, body: Body, comments?: readonly string[]): string {
    this.add(file, new Block('resource', [type, name], body), comments);
    return `${type}.${name}`;
  }

  /** `data "type" "name" { ... }` appended to `file`; returns `data.type.name`. */
  data(file: string, type: string, name: string, body: Body, comments?: readonly string[]): string {
    this.add(file, new Block('data', [type, name], body), comments);
    return `data.${type}.${name}`;
  }

  /**
   * A unique Terraform local name for a semantic key: `n('fn', 'role')` gives `fn_role`. Component ids cannot hold
   * underscores, so clashes are rare (component `a-role` against `a` + `role`); when one happens the later key gets
   * a numeric suffix. The same key always returns the same name.
   */
  n(...parts: string[]): string {
    const key = parts.length === 1 ? parts[0]! : parts.join('/');
    const known = this.names.get(key);
    if (known) return known;
    const base = parts.map((p) => (SIMPLE_ID.test(p) ? p.replace(/-/g, '_') : snakeCase(p))).filter(Boolean).join('_') || 'main';
    let name = /^[a-z_]/.test(base) ? base : `r_${base}`;
    for (let i = 2; this.takenNames.has(name); i++) name = `${base}_${i}`;
    this.names.set(key, name);
    this.takenNames.add(name);
    return name;
  }

  /**
   * An AWS resource name `<system>-<environment>-<parts>`, shortened with a stable hash when the static text
   * would not fit `max` together with the longest environment name.
   */
  awsName(parts: readonly string[], opts: NameOptions = {}): Raw {
    const key = `${parts.join('/')}|${opts.max}|${opts.sep}|${opts.suffix}|${opts.tail?.text}|${opts.tailLength}`;
    let name = this.nameCache.get(key);
    if (!name) this.nameCache.set(key, (name = this.buildName(parts, opts)));
    return name;
  }

  private buildName(parts: readonly string[], opts: NameOptions): Raw {
    const sep = opts.sep ?? '-';
    const max = opts.max ?? 64;
    const clean = (s: string) => (sep === '_' ? tidy(s).replace(/-/g, '_') : tidy(s));
    const system = clean(this.a.name);
    let rest = parts.map(clean).filter(Boolean).join(sep);
    const suffix = opts.suffix ?? '';
    const tailLen = opts.tail ? (opts.tailLength ?? 12) + 1 : 0;
    const budget = max - ENV_MAX - 1 - tailLen - suffix.length - (rest ? 1 : 0);
    let sys = system;
    if (sys.length + rest.length > budget) {
      // The component part is what tells resources apart, so the system name gives way first; only a component
      // part that cannot fit on its own is cut, with a hash of the whole so two cut names still differ.
      if (rest.length + 1 <= budget) {
        sys = system.slice(0, budget - rest.length).replace(/[-_/]+$/, '') || system[0]!;
      } else {
        const h = shortHash(`${system}|${rest}`);
        sys = system.slice(0, Math.min(system.length, 4)).replace(/[-_/]+$/, '') || system[0]!;
        rest = `${rest.slice(0, Math.max(0, budget - sys.length - h.length - 1)).replace(/[-_/]+$/, '')}${sep}${h}`.replace(new RegExp(`^\\${sep}`), '');
      }
    }
    const env = sep === '_' ? raw('replace(var.environment, "-", "_")') : ENVIRONMENT;
    const tail = opts.tail;
    if (rest && tail) return tpl`${sys}${sep}${env}${sep}${rest}${sep}${tail}${suffix}`;
    if (rest) return tpl`${sys}${sep}${env}${sep}${rest}${suffix}`;
    if (tail) return tpl`${sys}${sep}${env}${sep}${tail}${suffix}`;
    return tpl`${sys}${sep}${env}${suffix}`;
  }

  /** Tags of one component's resources; provider default_tags add the design-wide ones. */
  tags(c: Component | string, extra: Record<string, string> = {}): Obj {
    const comp = typeof c === 'string' ? undefined : c;
    const id = typeof c === 'string' ? c : c.id;
    return obj({ Component: id, ...(comp?.name ? { Name: comp.name } : {}), ...(comp?.tags ?? {}), ...extra });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Registries
  // -------------------------------------------------------------------------------------------------------------

  alarm(spec: AlarmSpec): void {
    this.alarms.push(spec);
  }

  metric(m: DashboardMetric): void {
    this.dashboard.push(m);
  }

  output(spec: OutputSpec): void {
    const taken = (name: string) => this.outputs.some((o) => o.name === name);
    // Component outputs are <id>_<attribute>, so a component called `alarm` or `dashboard` can claim a name the
    // platform uses; the platform one then steps aside rather than failing the whole generation.
    const name = spec.platform && taken(spec.name) ? `platform_${spec.name}` : spec.name;
    if (taken(name)) throw new Error(`duplicate output ${name}`);
    const { platform: _platform, ...rest } = spec;
    this.outputs.push({ ...rest, name });
  }

  /** Declares a variable once; returns `var.<name>`. */
  variable(spec: VariableSpec): Raw {
    if (!this.variables.has(spec.name)) this.variables.set(spec.name, spec);
    return raw(`var.${spec.name}`);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  backup(component: string, arn: Raw): void {
    this.backups.push({ component, arn });
  }

  /** Registers the component's IAM role and returns its ARN expression. */
  role(c: Component, spec: RoleSpec): Raw {
    if (!this.roles.has(c.id)) this.roles.set(c.id, spec);
    return raw(`aws_iam_role.${this.n(c.id)}.arn`);
  }

  /** The component's role name expression (for aws_iam_role_policy attachments elsewhere). */
  roleName(c: Component): Raw {
    return raw(`aws_iam_role.${this.n(c.id)}.name`);
  }

  /**
   * The customer-managed key ARN in the primary region (or a replica in `region`), or undefined when the design
   * uses AWS managed keys. `services` are service principals that will call KMS on their own behalf.
   */
  kms(services: readonly string[] = [], region?: string): Raw | undefined {
    if (!this.cmk) return undefined;
    for (const s of services) this.keyServices.add(s);
    if (region && region !== this.a.region) {
      this.replicaKeyRegions.add(region);
      return raw(`aws_kms_replica_key.${this.n('key', region)}.arn`);
    }
    return raw('aws_kms_key.main.arn');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Network
  // -------------------------------------------------------------------------------------------------------------

  get vpcId(): Raw {
    return raw('aws_vpc.main.id');
  }

  get vpcCidr(): Raw {
    return raw('aws_vpc.main.cidr_block');
  }

  /** Subnet ids of the best tier available for the role: data stores prefer isolated, compute prefers private. */
  subnets(role: 'data' | 'compute' | 'public'): Raw {
    const n = this.a.network;
    if (!n) throw new Error('subnets requested without a network');
    const order = role === 'data' ? ['isolated', 'private', 'public'] : role === 'compute' ? ['private', 'isolated', 'public'] : ['public', 'private', 'isolated'];
    const has = { public: n.publicSubnets, private: n.privateSubnets, isolated: n.isolatedSubnets } as Record<string, boolean>;
    const tier = order.find((t) => has[t]);
    if (!tier) throw new Error('network without subnets');
    return raw(`aws_subnet.${tier}[*].id`);
  }

  /** Security group local name of a component in the VPC. */
  sg(id: string): string {
    return `aws_security_group.${this.n(id)}`;
  }
}

/** Unwraps a Raw for embedding in another expression. */
export function ex(v: Raw): string {
  return v.text;
}
