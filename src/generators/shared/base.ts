import type { Architecture, Component, ComponentService, Grant, NetworkRule, ResourceRef, ValidationFinding } from '../../model/index.js';
import { deriveGrants, deriveKeyGrants, deriveNetworkRules, grantsFor } from '../../model/index.js';
import { componentPrefixes } from './names.js';
import { scopeText } from './nag.js';
import type { Owner, Stmt, SubnetTier, Val } from './values.js';

/** What the stack should contain besides the design itself. */
export interface BuildOptions {
  /** CI/CD: an AWS CodePipeline is added to the stack for `codepipeline` and `both`. */
  pipeline: 'github-actions' | 'codepipeline' | 'both' | 'none';
}

/**
 * Two components produced the same logical id (for example `orders` + `DeadLetterQueue` and `orders-dead-letter` +
 * `Queue`). The generator catches it and renames the later component's resources.
 */
export class LogicalIdCollision extends Error {
  constructor(
    readonly logicalId: string,
    readonly owner: string,
    /** Who produced it first (a component id, `platform` or `operations`). */
    readonly firstOwner?: string,
  ) {
    super(`logical id ${logicalId} is produced twice (second time by ${owner})`);
  }
}

/** How one component kind is found by others; set by the build from the emitter registry. */
export interface Resolvers {
  ref: (c: Component, part: ResourceRef['part']) => Val | Val[];
  attr: (c: Component, name: string) => Val | string | undefined;
  env: (c: Component) => Record<string, Val | string>;
}

/**
 * The part of a target that only reads the model: derived grants and network rules, logical-id naming and its
 * collisions, references between components, subnets, warnings and singletons. The targets add rendering.
 */
export abstract class TargetBase {
  readonly byId: Map<string, Component>;
  readonly grants: Grant[];
  readonly networkRules: NetworkRule[];
  readonly prefixes: Map<string, string>;
  readonly cmk: boolean;
  readonly regulated: boolean;
  readonly warnings: ValidationFinding[] = [];
  readonly keyServices = new Set<string>();
  /** Component id by logical-id prefix. */
  private readonly prefixOwners = new Map<string, string>();
  private readonly singletons = new Map<string, unknown>();
  protected readonly securityGroups = new Map<string, string>();
  private resolvers: Resolvers | undefined;

  constructor(
    readonly a: Architecture,
    readonly options: BuildOptions,
    renamed: ReadonlySet<string>,
    /** `source` of the warnings this target reports. */
    private readonly source: string,
  ) {
    this.byId = new Map(a.components.map((c) => [c.id, c]));
    this.grants = deriveGrants(a);
    this.networkRules = deriveNetworkRules(a);
    this.prefixes = componentPrefixes(a, renamed);
    for (const [id, prefix] of this.prefixes) {
      const first = this.prefixOwners.get(prefix);
      if (first !== undefined) throw new LogicalIdCollision(prefix, id, first);
      this.prefixOwners.set(prefix, id);
    }
    this.cmk = a.security.encryptionKeys === 'customer-managed';
    this.regulated = a.compliance.includes('hipaa') || a.compliance.includes('pci-dss');
  }

  abstract ref(logicalId: string): Val;
  abstract keyArn(): Val | undefined;
  /** The stage the stack serves: a template parameter in CloudFormation, a constructor argument in the CDK. */
  protected abstract stage(): Val;

  setResolvers(r: Resolvers): void {
    this.resolvers = r;
  }

  /**
   * A stack-level name (logical id or output) equal to another component's prefix would clash with that
   * component's construct scope in the CDK app; that component is renamed, in both targets alike.
   */
  stackLevel(name: string, ownerId: string): void {
    const scoped = this.prefixOwners.get(name);
    if (scoped !== undefined && scoped !== ownerId) throw new LogicalIdCollision(name, scoped, ownerId);
  }

  id(c: Component | string, suffix: string): string {
    const cid = typeof c === 'string' ? c : c.id;
    const p = this.prefixes.get(cid);
    if (p === undefined) throw new Error(`unknown component ${cid}`);
    return p + suffix;
  }

  component(id: string): Component {
    const c = this.byId.get(id);
    if (!c) throw new Error(`unknown component ${id}`);
    return c;
  }

  targets(c: Component, kinds?: string[], services?: ComponentService[]): Component[] {
    return this.a.connections
      .filter((x) => x.from === c.id && (!kinds || kinds.includes(x.kind)))
      .map((x) => this.component(x.to))
      .filter((t) => !services || services.includes(t.service));
  }

  sources(c: Component, kinds?: string[], services?: ComponentService[]): Component[] {
    return this.a.connections
      .filter((x) => x.to === c.id && (!kinds || kinds.includes(x.kind)))
      .map((x) => this.component(x.from))
      .filter((s) => !services || services.includes(s.service));
  }

  /** The design's tags, then the owner's: Project, Environment, ManagedBy, DataClassification, Component, .... */
  tagList(owner: Owner): Array<{ Key: string; Value: Val | string }> {
    const out = new Map<string, Val | string>([
      ['Project', this.a.name],
      ['Environment', this.stage()],
      ['ManagedBy', 'aws-backend-architect'],
      ['DataClassification', this.a.dataClassification],
    ]);
    for (const [k, v] of Object.entries(this.a.tags)) out.set(k, v);
    if (typeof owner === 'object') {
      out.set('Component', owner.id);
      for (const [k, v] of Object.entries(owner.tags)) out.set(k, v);
    }
    return [...out].map(([Key, Value]) => ({ Key, Value }));
  }

  warn(path: string, message: string): void {
    this.warnings.push({ severity: 'warning', message, path, source: this.source });
  }

  once<T>(key: string, make: () => T): T {
    if (this.singletons.has(key)) return this.singletons.get(key) as T;
    const v = make();
    this.singletons.set(key, v);
    return v;
  }

  hasSingleton(key: string): boolean {
    return this.singletons.has(key);
  }

  // References between components ---------------------------------------------------------------------------------

  private resolve(): Resolvers {
    if (!this.resolvers) throw new Error('resolvers not set');
    return this.resolvers;
  }

  refs(r: ResourceRef): Val[] {
    const v = this.resolve().ref(this.component(r.component), r.part);
    return Array.isArray(v) ? v : [v];
  }

  refOf(r: ResourceRef): Val {
    const v = this.refs(r);
    if (v.length !== 1) throw new Error(`${r.component}.${r.part} has ${v.length} values`);
    return v[0]!;
  }

  attr(c: Component | string, name: string): Val | string | undefined {
    return this.resolve().attr(typeof c === 'string' ? this.component(c) : c, name);
  }

  /** Environment variables that let code find `c`. */
  envOf(c: Component): Record<string, Val | string> {
    return this.resolve().env(c);
  }

  connectionEnv(c: Component): Record<string, Val | string> {
    const out: Record<string, Val | string> = {};
    for (const conn of this.a.connections) {
      if (conn.from !== c.id || conn.kind === 'authenticate' || conn.kind === 'protect') continue;
      Object.assign(out, this.envOf(this.component(conn.to)));
    }
    return out;
  }

  /** Statements from the component's connections, rendered from the shared grants. */
  grantStatements(c: Component): Stmt[] {
    const out: Stmt[] = [];
    for (const g of grantsFor(this.grants, c.id)) {
      const resources = g.resources.flatMap((r) => this.refs(r));
      out.push({
        Sid: g.sid,
        Effect: 'Allow',
        Action: g.actions,
        Resource: resources.length === 1 ? resources[0]! : resources,
        why: `Least privilege from the design (${g.reason}): ${g.resources.map((r) => scopeText(r, this.component(r.component))).join('; ')}`,
      });
    }
    for (const k of deriveKeyGrants(this.a, this.grants)) {
      if (k.principal !== c.id) continue;
      out.push({ Sid: k.sid, Effect: 'Allow', Action: k.actions, Resource: this.keyArn()! });
    }
    return out;
  }

  // Network -------------------------------------------------------------------------------------------------------

  hasTier(tier: SubnetTier): boolean {
    const n = this.a.network;
    if (!n) return false;
    return tier === 'public' ? n.publicSubnets : tier === 'private' ? n.privateSubnets : n.isolatedSubnets;
  }

  firstTier(order: SubnetTier[]): SubnetTier {
    const t = order.find((x) => this.hasTier(x));
    if (!t) throw new Error('the network has no subnets');
    return t;
  }

  subnets(tier: SubnetTier): Val[] {
    const n = this.a.network;
    if (!n) throw new Error('the design has no network');
    const label = tier === 'public' ? 'Public' : tier === 'private' ? 'Private' : 'Isolated';
    return Array.from({ length: n.azCount }, (_, i) => this.ref(`Vpc${label}Subnet${i + 1}`));
  }

  computeSubnets(): Val[] {
    return this.subnets(this.firstTier(['private', 'isolated', 'public']));
  }

  dataSubnets(): Val[] {
    return this.subnets(this.firstTier(['isolated', 'private', 'public']));
  }

  vpcId(): Val {
    if (!this.a.network) throw new Error('the design has no network');
    return this.ref('Vpc');
  }

  securityGroupOf(componentId: string): string | undefined {
    return this.securityGroups.get(componentId);
  }
}
