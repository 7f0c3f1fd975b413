import type { Architecture, Component } from '../../model/index.js';
import { LogicalIdCollision, TargetBase } from '../shared/base.js';
import type { BuildOptions } from '../shared/base.js';
import { LOGS_AWS_MANAGED, NAG_PACK, wildcardFindings } from '../shared/nag.js';
import type { AlarmSpec, BucketSpec, KeyAttribute, LifecycleRule, PipelineFlavour, QueueSpec, ResourceOptions, RoleIds, RoleSpec, SecretSpec, StackTarget, StorageClass, SubscriptionSpec, TableSpec, TopicSpec } from '../shared/target.js';
import type { Owner, Prop, Stmt, Val } from '../shared/values.js';
import { AWS, Code, STAGE, code, depsOf, print, quote, tpl, varName } from './code.js';
import type { TsValue } from './code.js';
import { cdkAttr, cdkCamel } from './names.js';
import { emitDashboard, emitKey, pipelineFlavour } from './platform.js';

export type CdkBuildOptions = BuildOptions;

/** A JSON-typed property value (policy documents, patterns): its keys are data and are kept as written. */
class Json {
  constructor(readonly value: TsValue) {}
}
/** A map-typed property value: keys are data, values are structures converted as usual. */
class MapOf {
  constructor(readonly value: Record<string, TsValue>) {}
}

/** CloudFormation-style property trees the L1 writer converts to CDK's camel-case names. */
type Props = TsValue | Json | MapOf | Props[] | { [key: string]: Props };

/** L2 constructs the helpers create, and how their CloudFormation Ref and attributes read in TypeScript. */
type L2Kind = 'bucket' | 'queue' | 'topic' | 'table' | 'logGroup' | 'role' | 'key' | 'secret' | 'managedPolicy' | 'alarm' | 'subscription';
const L2_REF: Record<L2Kind, string> = {
  bucket: 'bucketName',
  queue: 'queueUrl',
  topic: 'topicArn',
  table: 'tableName',
  logGroup: 'logGroupName',
  role: 'roleName',
  key: 'keyId',
  secret: 'secretArn',
  managedPolicy: 'managedPolicyArn',
  alarm: 'alarmName',
  subscription: 'node.id',
};
const L2_ATTR: Partial<Record<L2Kind, Record<string, string>>> = {
  bucket: { Arn: 'bucketArn', DomainName: 'bucketDomainName', RegionalDomainName: 'bucketRegionalDomainName' },
  queue: { Arn: 'queueArn', QueueName: 'queueName', QueueUrl: 'queueUrl' },
  topic: { TopicName: 'topicName', TopicArn: 'topicArn' },
  table: { Arn: 'tableArn', StreamArn: 'tableStreamArn!' },
  logGroup: { Arn: 'logGroupArn' },
  role: { Arn: 'roleArn' },
  key: { Arn: 'keyArn' },
  alarm: { Arn: 'alarmArn' },
};

interface Statement {
  text: string | (() => string);
  defines?: string;
  deps: Set<string>;
  index: number;
  section: Section;
}

/** `pipeline` statements go into the block that only the pipeline-hosting stage runs. */
export type Section = 'main' | 'pipeline';

const MODULE_ALIAS: Record<string, string> = {
  'aws-elasticloadbalancingv2': 'elbv2',
  'aws-applicationautoscaling': 'appscaling',
  'aws-opensearchservice': 'opensearch',
  'aws-kinesisfirehose': 'firehose',
  'aws-certificatemanager': 'acm',
  'aws-stepfunctions': 'sfn',
  'aws-codestarconnections': 'codestar',
  'aws-cloudwatch-actions': 'cwActions',
  'aws-redshiftserverless': 'redshiftserverless',
};

const PSEUDO: Record<string, Code> = {
  'AWS::Region': AWS.region,
  'AWS::AccountId': AWS.account,
  'AWS::Partition': AWS.partition,
  'AWS::URLSuffix': AWS.urlSuffix,
  'AWS::StackName': AWS.stackName,
};

const RETENTION: Record<number, string> = {
  1: 'ONE_DAY', 3: 'THREE_DAYS', 5: 'FIVE_DAYS', 7: 'ONE_WEEK', 14: 'TWO_WEEKS', 30: 'ONE_MONTH', 60: 'TWO_MONTHS', 90: 'THREE_MONTHS',
  120: 'FOUR_MONTHS', 150: 'FIVE_MONTHS', 180: 'SIX_MONTHS', 365: 'ONE_YEAR', 400: 'THIRTEEN_MONTHS', 545: 'EIGHTEEN_MONTHS', 731: 'TWO_YEARS',
  1096: 'THREE_YEARS', 1827: 'FIVE_YEARS', 2192: 'SIX_YEARS', 2557: 'SEVEN_YEARS', 2922: 'EIGHT_YEARS', 3288: 'NINE_YEARS', 3653: 'TEN_YEARS',
};

/**
 * The CDK target: renders what the shared emitters decide as statements of the stack's constructor (L1 constructs
 * named like the CloudFormation template's logical ids, L2 constructs for keys, buckets, queues, topics, tables,
 * secrets, log groups, roles, policies and alarms). Statements are added in any order; the writer declares each
 * construct before the statements that read it.
 */
export class CdkContext extends TargetBase implements StackTarget {
  readonly alarms: Array<{ id: string; owner: string; spec: AlarmSpec }> = [];
  readonly aws = { region: AWS.region, account: AWS.account, partition: AWS.partition, urlSuffix: AWS.urlSuffix };
  private readonly statements: Statement[] = [];
  private readonly imports = new Map<string, string>();
  private readonly logicalIds = new Map<string, string>();
  private readonly varOf = new Map<string, string>();
  /** CloudFormation type of each L1 construct, by logical id. */
  private readonly types = new Map<string, string>();
  private readonly l2 = new Map<string, L2Kind>();
  private readonly scopes = new Map<string, string>();
  /** Logical ids an L2 construct creates on its own (its policy, its alias), with that construct's id. */
  private readonly partOf = new Map<string, string>();
  private pendingComment: string[] = [];
  /** Where new statements go. */
  section: Section = 'main';
  private helpers = new Set<string>();

  constructor(a: Architecture, options: CdkBuildOptions, renamed: ReadonlySet<string>) {
    super(a, options, renamed, 'cdk-generator');
  }

  // ---------------------------------------------------------------------------------------------------------
  // Stack-level parts
  // ---------------------------------------------------------------------------------------------------------

  createKey(): void {
    emitKey(this);
  }

  /** Statements added to the L2 key's policy, which already lets the account administer it. */
  keyPolicy(statements: Stmt[]): void {
    for (const st of statements) {
      const c = this.statement(st);
      this.stmt(() => `cmk.addToResourcePolicy(${c.code});`, ['cmk', ...c.deps]);
    }
  }

  dashboard(): void {
    emitDashboard(this);
  }

  get pipeline(): PipelineFlavour {
    return pipelineFlavour(this.a);
  }

  /** Pipeline statements go into the block only the hosting stage runs; the alarm topic approvers use is every stage's. */
  beginPipeline(): void {
    this.alarmTopic();
    this.section = 'pipeline';
  }

  endPipeline(): void {
    this.section = 'main';
  }

  // ---------------------------------------------------------------------------------------------------------
  // Naming and statements
  // ---------------------------------------------------------------------------------------------------------

  /** Import alias of an aws-cdk-lib module: `aws-sqs` -> `sqs`. */
  mod(module: string): string {
    const alias = MODULE_ALIAS[module] ?? module.replace(/^aws-/, '').replace(/-/g, '_');
    this.imports.set(alias, module);
    return alias;
  }

  importLines(): string[] {
    return [...this.imports].sort(([a], [b]) => a.localeCompare(b)).map(([alias, m]) => `import * as ${alias} from 'aws-cdk-lib/${m}';`);
  }

  helperNames(): string[] {
    return [...this.helpers];
  }

  useHelper(name: string): void {
    this.helpers.add(name);
  }

  /** A comment above the next statement. */
  comment(text: string): void {
    this.pendingComment.push(...text.split('\n').map((l) => `// ${l}`));
  }

  /** Adds a statement; `deps` are construct variables it reads, `defines` the variable it declares. */
  stmt(text: string | (() => string), deps: Iterable<string> = [], defines?: string): void {
    const lead = this.pendingComment.length ? `${this.pendingComment.join('\n')}\n` : '';
    this.pendingComment = [];
    const d = new Set(deps);
    if (defines) d.delete(defines);
    const body = typeof text === 'string' ? lead + text : () => lead + text();
    this.statements.push({ text: body, defines, deps: d, index: this.statements.length, section: this.section });
  }

  /** Statements in an order where every construct is declared before it is read (stable otherwise). */
  orderedStatements(section: Section = 'main'): string[] {
    const definer = new Map<string, Statement>();
    for (const s of this.statements) if (s.defines) definer.set(s.defines, s);
    const done = new Set<Statement>();
    const visiting = new Set<Statement>();
    const out: string[] = [];
    const visit = (s: Statement) => {
      if (done.has(s)) return;
      if (visiting.has(s)) throw new Error(`circular construct references around: ${s.defines ?? '?'}`);
      visiting.add(s);
      for (const d of [...s.deps].sort()) {
        const def = definer.get(d);
        if (!def) throw new Error(`${d} is read but never declared (by the statement defining ${s.defines ?? '?'})`);
        if (def.section !== s.section) {
          // Main statements are all declared before the pipeline block; the reverse would be a generator bug.
          if (def.section === 'pipeline') throw new Error(`a main statement reads pipeline construct ${d}`);
          continue;
        }
        if (!done.has(def)) visit(def);
      }
      visiting.delete(s);
      done.add(s);
      out.push(typeof s.text === 'string' ? s.text : s.text());
    };
    for (const s of this.statements) if (s.section === section) visit(s);
    return out;
  }

  private register(ownerId: string, logicalId: string): void {
    if (this.logicalIds.has(logicalId)) throw new LogicalIdCollision(logicalId, ownerId, this.logicalIds.get(logicalId));
    this.stackLevel(logicalId, ownerId);
    this.logicalIds.set(logicalId, ownerId);
  }

  /** The scope construct of a component (`this` for the platform), declared with the component's tags. */
  scope(owner: Owner): string {
    if (typeof owner !== 'object') return 'this';
    const existing = this.scopes.get(owner.id);
    if (existing) return existing;
    const v = `${varName(this.prefixes.get(owner.id)!)}Scope`;
    this.scopes.set(owner.id, v);
    const tags = [`Tags.of(${v}).add('Component', ${quote(owner.id)});`, ...Object.entries(owner.tags).map(([k, x]) => `Tags.of(${v}).add(${quote(k)}, ${quote(x)});`)];
    this.stmt([`const ${v} = new Construct(this, ${quote(this.prefixes.get(owner.id)!)});`, ...tags].join('\n'), [], v);
    return v;
  }

  /**
   * Declares a construct: `const <var> = <ctor(scope, constructId)>;`. The construct id is the logical id without
   * the component prefix (the scope adds it back). `alsoCreates` lists logical ids the construct makes on its own.
   */
  construct(owner: Owner, logicalId: string, ctor: (scope: string, constructId: string) => string, deps: Iterable<string> = [], alsoCreates: string[] = [], l2?: L2Kind): string {
    const ownerId = typeof owner === 'object' ? owner.id : owner;
    if (l2) this.l2.set(logicalId, l2);
    this.register(ownerId, logicalId);
    for (const x of alsoCreates) {
      this.register(ownerId, x);
      this.partOf.set(x, logicalId);
    }
    const scope = this.scope(owner);
    const constructId = typeof owner === 'object' ? logicalId.slice(this.prefixes.get(owner.id)!.length) : logicalId;
    const v = varName(logicalId);
    this.varOf.set(logicalId, v);
    this.stmt(() => `const ${v} = ${ctor(scope, quote(constructId))};`, [...deps, ...(scope === 'this' ? [] : [scope])], v);
    return v;
  }

  /** Declares an L1 construct from CloudFormation-shaped properties (converted to CDK's camel case). */
  l1(owner: Owner, logicalId: string, type: string, props: Record<string, Props>, opts: { dependsOn?: string[]; policy?: 'RETAIN' | 'SNAPSHOT' } = {}): string {
    const [, ns, res] = type.split('::');
    this.types.set(logicalId, type);
    const alias = this.mod(`aws-${ns!.toLowerCase()}`);
    const converted = convert(props) as TsValue;
    const v = this.construct(owner, logicalId, (scope, id) => `new ${alias}.Cfn${res}(${scope}, ${id}, ${print(converted, 2)})`, depsOf(converted));
    if (opts.policy) this.stmt(`${v}.applyRemovalPolicy(cdk.RemovalPolicy.${opts.policy});`, [v]);
    for (const d of opts.dependsOn ?? []) this.dependOn(v, d);
    return logicalId;
  }

  /**
   * `v` waits for the resource with logical id `d`. A policy an L2 construct created on its own is reached through
   * it: a bucket's as `bucket.policy!`, a queue's or topic's as the construct itself (which holds its policy).
   */
  private dependOn(v: string, d: string): void {
    const whole = this.partOf.get(d);
    if (whole === undefined) {
      this.stmt(`${v}.node.addDependency(${this.v(d)});`, [v, this.v(d)]);
      return;
    }
    const w = this.v(whole);
    this.stmt(() => `${v}.node.addDependency(${this.l2.get(whole) === 'bucket' ? `${w}.policy!` : w});`, [v, w]);
  }

  /** Logical ids a component produced, with the CloudFormation type of its L1 constructs and L2 tables. */
  resourcesOf(ownerId: string): Array<{ id: string; type?: string }> {
    return [...this.logicalIds].filter(([, o]) => o === ownerId).map(([id]) => ({ id, type: this.types.get(id) ?? (this.l2.get(id) === 'table' ? 'AWS::DynamoDB::Table' : undefined) }));
  }

  /** Variable of a construct by logical id (declared now or later). */
  v(logicalId: string): string {
    return this.varOf.get(logicalId) ?? varName(logicalId);
  }

  /** What `!Ref X` is: `x.ref` for L1 constructs, the matching property for L2 ones (`bucket.bucketName`). */
  ref(logicalId: string): Code {
    const v = this.v(logicalId);
    return code(() => {
      const kind = this.l2.get(logicalId);
      return `${v}.${kind ? L2_REF[kind] : 'ref'}`;
    }, `<${logicalId}>`, [v]);
  }

  /** What `!GetAtt X.Attr` is: `x.attrEndpointAddress` for L1 constructs, `bucket.bucketArn` for L2 ones. */
  att(logicalId: string, attribute: string): Code {
    const v = this.v(logicalId);
    return code(() => {
      const kind = this.l2.get(logicalId);
      if (!kind) return `${v}.${cdkAttr(attribute)}`;
      const p = L2_ATTR[kind]?.[attribute];
      if (!p) throw new Error(`no ${attribute} on ${kind} ${logicalId}`);
      return `${v}.${p}`;
    }, `<${logicalId}.${attribute}>`, [v]);
  }

  /**
   * A CloudFormation `!Sub` string as a template literal: `${AWS::Region}` -> `cdk.Aws.REGION`, `${EnvironmentName}`
   * -> the stage, `${X}` / `${X.Attr}` -> the construct's ref or attribute, `${!Literal}` -> `${Literal}`.
   */
  sub(text: string): Code {
    const parts: Array<string | Code> = [];
    const strings: string[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$\{(!?)([^}]+)\}/g)) {
      strings.push(text.slice(last, m.index));
      last = m.index! + m[0].length;
      const [, bang, name] = m as unknown as [string, string, string];
      if (bang) parts.push(`\${${name}}`);
      else if (name === 'EnvironmentName') parts.push(STAGE);
      else if (name === 'ImageTag') parts.push(this.imageTag());
      else if (name.startsWith('AWS::')) parts.push(PSEUDO[name] ?? code(`cdk.Aws.${name.slice(5).toUpperCase()}`, `<${name}>`));
      else if (name.includes('.')) parts.push(this.att(name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)));
      else parts.push(this.ref(name));
    }
    strings.push(text.slice(last));
    return tpl(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...parts);
  }

  /** A property of an L2 construct, with the flattened reference cdk-nag will see. */
  prop(logicalId: string, property: string, nag: string): Code {
    const v = this.v(logicalId);
    return code(`${v}.${property}`, nag, [v]);
  }

  /** The construct object itself. */
  obj(logicalId: string): Code {
    const v = this.v(logicalId);
    return code(v, v, [v]);
  }

  tpl(strings: TemplateStringsArray, ...values: Val[]): Code {
    return tpl(strings, ...(values as Code[]));
  }

  json(v: Prop): Val {
    return new Json(ts(v)) as unknown as Val;
  }

  mapOf(v: Record<string, Prop>): Val {
    return new MapOf(v as Record<string, TsValue>) as unknown as Val;
  }

  joinList(separator: string, list: Val): Code {
    const l = list as Code;
    return code(() => `cdk.Fn.join(${quote(separator)}, ${l.code})`, '', l.deps);
  }

  select(index: number, list: Val): Code {
    const l = list as Code;
    return code(() => `cdk.Fn.select(${index}, ${l.code})`, '', l.deps);
  }

  azs(): Code {
    return code('cdk.Fn.getAzs()');
  }

  cidr(block: Val, count: number, bits: number): Code {
    const b = block as Code;
    // Fn.cidr takes the mask size as a string.
    return code(() => `cdk.Fn.cidr(${b.code}, ${count}, '${bits}')`, '', b.deps);
  }

  /** A CloudFormation resource as an L1 construct (`new sqs.CfnQueue(...)`). */
  resource(owner: Owner, logicalId: string, type: string, props: Record<string, Prop>, options: ResourceOptions = {}): string {
    const policy = options.removal === 'retain' ? 'RETAIN' : options.removal === 'snapshot' ? 'SNAPSHOT' : undefined;
    return this.l1(owner, logicalId, type, props as Record<string, TsValue>, { dependsOn: options.dependsOn, policy });
  }

  /** Acknowledges cdk-nag findings on a construct (HIPAA/PCI rules only in designs under that regime). */
  ack(target: string | Code, reason: string, ...rules: string[]): void {
    const applicable = rules.filter((r) => (!r.startsWith('HIPAA.') || this.a.compliance.includes('hipaa')) && (!r.startsWith('PCI.') || this.a.compliance.includes('pci-dss')));
    if (!applicable.length) return;
    this.useHelper('acknowledge');
    const v = typeof target === 'string' ? this.v(target) : target.code;
    const deps = typeof target === 'string' ? [this.v(target)] : target.deps;
    // The stage is only known when the app runs, so finding ids that contain it are template literals.
    const id = (r: string) => (r.includes(STAGE.nag) ? `\`${r.replace(/[`\\]/g, '\\$&').split(STAGE.nag).join('${stage}')}\`` : quote(r));
    this.stmt(() => `acknowledge(${v}, ${quote(reason)}, ${applicable.map(id).join(', ')});`, deps);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Shared constructs
  // ---------------------------------------------------------------------------------------------------------

  keyArn(): Code | undefined {
    return this.cmk ? this.prop('Cmk', 'keyArn', '<Cmk.Arn>') : undefined;
  }

  /** The key as an `IKey`, for L2 constructs. */
  key(): Code | undefined {
    return this.cmk ? this.obj('Cmk') : undefined;
  }

  /** A log group with the design's retention (and key); log groups are retained when the stack goes. */
  logGroup(owner: Owner, logicalId: string, name?: Val | string, retentionDays?: number): string {
    if (this.cmk) this.keyServices.add('logs');
    const logs = this.mod('aws-logs');
    const days = retentionDays ?? this.a.observability.logRetentionDays;
    const props: Record<string, TsValue> = {
      logGroupName: ts(name),
      retention: code(`${logs}.RetentionDays.${RETENTION[days] ?? 'ONE_YEAR'}`),
      encryptionKey: this.key(),
      removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
    };
    this.construct(owner, logicalId, (s, id) => `new ${logs}.LogGroup(${s}, ${id}, ${print(props, 2)})`, depsOf(props), [], 'logGroup');
    if (!this.cmk) this.ack(logicalId, LOGS_AWS_MANAGED, 'HIPAA.Security-CloudWatchLogGroupEncrypted', 'PCI.DSS.321-CloudWatchLogGroupEncrypted');
    return logicalId;
  }

  /** An IAM statement as `new iam.PolicyStatement({...})`. */
  statement(st: Stmt): Code {
    const iam = this.mod('aws-iam');
    const resources = st.Resource === undefined ? undefined : (Array.isArray(st.Resource) ? st.Resource : [st.Resource]).map((r) => ts(r));
    const principals = st.Principal === undefined ? undefined : principalCode(iam, ts(st.Principal));
    const props: Record<string, TsValue> = {
      sid: st.Sid,
      effect: st.Effect === 'Deny' ? code(`${iam}.Effect.DENY`) : undefined,
      principals,
      actions: Array.isArray(st.Action) ? st.Action : [st.Action],
      resources,
      conditions: ts(st.Condition),
    };
    return code(() => `new ${iam}.PolicyStatement(${print(props, 4)})`, '', [...depsOf(props)]);
  }

  /** The AwsSolutions-IAM5 findings of statements, flattened as cdk-nag reads the synthesized template. */
  wildcards(statements: Stmt[]): Array<{ id: string; reason: string }> {
    return wildcardFindings(statements, (r) => (typeof r === 'string' ? r : (r as Code).nag));
  }

  /**
   * A role and, when it has statements, one customer-managed policy attached to it (`<role>Policy`). Wildcards are
   * acknowledged on the policy with the reason of the statement that needs them.
   */
  role(owner: Owner, roleId: string, spec: RoleSpec): RoleIds {
    const iam = this.mod('aws-iam');
    const managedPolicies = (spec.managedPolicyArns ?? []).map((m) => ({ name: m.arn.replace(/^arn:aws:iam::aws:policy\//, ''), reason: m.reason }));
    let principal = spec.services.length === 0
      ? `new ${iam}.AccountRootPrincipal()`
      : spec.services.length === 1
        ? `new ${iam}.ServicePrincipal(${quote(spec.services[0]!)})`
        : `new ${iam}.CompositePrincipal(${spec.services.map((s) => `new ${iam}.ServicePrincipal(${quote(s)})`).join(', ')})`;
    const condition = ts(spec.assumeCondition);
    const condDeps = depsOf(condition);
    if (condition) principal = `${principal}.withConditions(${print(condition, 4)})`;
    if (spec.sessionTags) principal = `new ${iam}.SessionTagsPrincipal(${principal})`;
    const props: Record<string, TsValue> = {
      description: spec.description,
      assumedBy: code(principal),
      managedPolicies: managedPolicies.length ? managedPolicies.map((m) => code(`${iam}.ManagedPolicy.fromAwsManagedPolicyName(${quote(m.name)})`)) : undefined,
    };
    const role = this.construct(owner, roleId, (s, id) => `new ${iam}.Role(${s}, ${id}, ${print(props, 2)})`, condDeps, [], 'role');
    const roleRef = code(role, role, [role]);
    for (const m of managedPolicies) this.ack(roleId, m.reason, `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${m.name}]`);
    const statements: Stmt[] = [...(spec.statements ?? [])];
    const grants = spec.grants && typeof owner === 'object' ? this.grantStatements(owner) : [];
    let policy: string | undefined;
    if (statements.length) {
      policy = `${roleId}Policy`;
      const list = statements.map((s) => this.statement(s));
      const pprops: Record<string, TsValue> = { description: `Least-privilege permissions of ${roleId}`, roles: [roleRef], statements: list };
      this.construct(owner, policy, (s, id) => `new ${iam}.ManagedPolicy(${s}, ${id}, ${print(pprops, 2)})`, depsOf(pprops), [], 'managedPolicy');
      for (const f of this.wildcards(statements)) this.ack(policy, f.reason, f.id);
    }
    let grantsPolicy: string | undefined;
    if (grants.length) {
      grantsPolicy = `${roleId}GrantsPolicy`;
      const list = grants.map((s) => this.statement(s));
      const pprops: Record<string, TsValue> = { description: `What ${roleId} may do with the components it is connected to in the design`, roles: [roleRef], statements: list };
      this.construct(owner, grantsPolicy, (s, id) => `new ${iam}.ManagedPolicy(${s}, ${id}, ${print(pprops, 2)})`, depsOf(pprops), [], 'managedPolicy');
      for (const f of this.wildcards(grants)) this.ack(grantsPolicy, f.reason, f.id);
    }
    return { role: roleId, policy, grantsPolicy };
  }

  /** The platform topic every alarm notifies. */
  alarmTopic(): Code {
    return this.once('alarmTopic', () => {
      const sns = this.mod('aws-sns');
      if (this.cmk) this.keyServices.add('cloudwatch');
      const props: Record<string, TsValue> = { displayName: `${this.a.name} alarms`, masterKey: this.key(), enforceSSL: true };
      this.construct('platform', 'AlarmTopic', (s, id) => `new ${sns}.Topic(${s}, ${id}, ${print(props, 2)})`, depsOf(props), ['AlarmTopicPolicy'], 'topic');
      if (!this.cmk) {
        const why = 'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and the design uses AWS managed keys; alarm notifications carry no application data';
        this.ack('AlarmTopic', why, 'HIPAA.Security-SNSEncryptedKMS', 'PCI.DSS.321-SNSEncryptedKMS');
      }
      const st = this.statement({ Sid: 'AllowCloudWatchAlarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: this.prop('AlarmTopic', 'topicArn', '<AlarmTopic>'), Condition: { ArnLike: { 'aws:SourceArn': tpl`arn:${AWS.partition}:cloudwatch:${AWS.region}:${AWS.account}:alarm:*` } } });
      this.stmt(() => `alarmTopic.addToResourcePolicy(${st.code});`, ['alarmTopic', ...st.deps]);
      if (this.a.observability.alarmEmail) {
        const subs = { topic: this.obj('AlarmTopic'), protocol: code(`${sns}.SubscriptionProtocol.EMAIL`), endpoint: this.a.observability.alarmEmail };
        this.construct('platform', 'AlarmEmailSubscription', (s, id) => `new ${sns}.Subscription(${s}, ${id}, ${print(subs, 2)})`, depsOf(subs), [], 'subscription');
      }
      this.output('AlarmTopicArn', this.prop('AlarmTopic', 'topicArn', '<AlarmTopic>'), 'SNS topic notified by every alarm');
      return this.obj('AlarmTopic');
    });
  }

  /** ARN of the alarm topic (created on first use). */
  alarmTopicArn(): Code {
    this.alarmTopic();
    return this.prop('AlarmTopic', 'topicArn', '<AlarmTopic>');
  }

  /** A CloudWatch alarm that notifies the alarm topic. */
  alarm(owner: Owner, logicalId: string, given: AlarmSpec): string {
    let spec = given;
    const cw = this.mod('aws-cloudwatch');
    const actions = this.mod('aws-cloudwatch-actions');
    const topic = this.alarmTopic();
    // A dimension given as Sub text reads like any other value.
    const dims = Object.fromEntries(Object.entries(spec.dimensions).map(([k, x]) => [k, typeof x === 'string' && x.includes('${') ? this.sub(x) : x]));
    spec = { ...spec, dimensions: dims };
    const metric: Record<string, TsValue> = {
      namespace: spec.namespace,
      metricName: spec.metric,
      dimensionsMap: Object.keys(spec.dimensions).length ? (spec.dimensions as Record<string, TsValue>) : undefined,
      statistic: spec.extendedStatistic ?? spec.statistic ?? 'Sum',
      period: code(`cdk.Duration.seconds(${spec.period ?? 300})`),
    };
    const props: Record<string, TsValue> = {
      alarmDescription: spec.description,
      metric: code(() => `new ${cw}.Metric(${print(metric, 4)})`, '', [...depsOf(metric)]),
      threshold: spec.threshold,
      comparisonOperator: code(`${cw}.ComparisonOperator.${spec.comparison.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`),
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm,
      treatMissingData: code(`${cw}.TreatMissingData.NOT_BREACHING`),
    };
    const v = this.construct(owner, logicalId, (s, id) => `new ${cw}.Alarm(${s}, ${id}, ${print(props, 2)})`, depsOf(props), [], 'alarm');
    this.stmt(() => `${v}.addAlarmAction(new ${actions}.SnsAction(${topic.code}));\n${v}.addOkAction(new ${actions}.SnsAction(${topic.code}));`, [v, ...topic.deps]);
    this.alarms.push({ id: logicalId, owner: typeof owner === 'object' ? owner.id : owner, spec });
    return logicalId;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Queues, topics, secrets, tables, buckets: L2 constructs
  // ---------------------------------------------------------------------------------------------------------

  /** An L2 `sqs.Queue` (TLS-only policy through enforceSSL). */
  queue(owner: Owner, logicalId: string, spec: QueueSpec): string {
    const m = this.mod('aws-sqs');
    const key = this.key();
    const dlq = spec.deadLetter;
    const props: Record<string, TsValue> = {
      queueName: ts(spec.name),
      visibilityTimeout: spec.visibilityTimeoutSeconds === undefined ? undefined : code(`cdk.Duration.seconds(${spec.visibilityTimeoutSeconds})`),
      retentionPeriod: code(`cdk.Duration.days(${spec.retentionDays})`),
      deadLetterQueue: dlq ? { queue: this.obj(dlq.queue), maxReceiveCount: dlq.maxReceiveCount } : undefined,
      ...(spec.fifo ? { fifo: true, contentBasedDeduplication: true } : {}),
      encryption: code(`${m}.QueueEncryption.${key ? 'KMS' : 'SQS_MANAGED'}`),
      encryptionMasterKey: key,
      dataKeyReuse: spec.reuseDataKeys && key ? code('cdk.Duration.minutes(5)') : undefined,
      enforceSSL: true,
    };
    this.construct(owner, logicalId, (s, id) => `new ${m}.Queue(${s}, ${id}, ${print(props, 2)})`, [...(dlq ? [this.v(dlq.queue)] : []), ...(key?.deps ?? [])], [`${logicalId}Policy`], 'queue');
    return logicalId;
  }

  queuePolicy(_owner: Owner, queueId: string, statements: Stmt[]): void {
    this.addToResourcePolicy(queueId, statements);
  }

  /** An L2 `sns.Topic` (TLS-only policy through enforceSSL). */
  topic(owner: Owner, logicalId: string, spec: TopicSpec): string {
    const m = this.mod('aws-sns');
    let key = this.key();
    if (!key && spec.awsManagedKey) {
      const kms = this.mod('aws-kms');
      const scope = this.scope(owner);
      key = code(`${kms}.Alias.fromAliasName(${scope}, 'AwsSnsKey', 'alias/aws/sns')`, '', [scope]);
    }
    if (spec.comment) this.comment(spec.comment);
    const props: Record<string, TsValue> = {
      displayName: spec.displayName,
      topicName: ts(spec.name),
      fifo: spec.fifo ? true : undefined,
      contentBasedDeduplication: spec.fifo ? true : undefined,
      masterKey: key,
      enforceSSL: true,
    };
    this.construct(owner, logicalId, (s, id) => `new ${m}.Topic(${s}, ${id}, ${print(props, 2)})`, key?.deps ?? [], [`${logicalId}Policy`], 'topic');
    return logicalId;
  }

  topicPolicy(_owner: Owner, topicId: string, statements: Stmt[]): void {
    this.addToResourcePolicy(topicId, statements);
  }

  /** Statements added to an L2 construct's own resource policy. */
  private addToResourcePolicy(logicalId: string, statements: Stmt[]): void {
    const v = this.v(logicalId);
    for (const s of statements) {
      const st = this.statement(s);
      this.stmt(() => `${v}.addToResourcePolicy(${st.code});`, [v, ...st.deps]);
    }
  }

  /** An L2 `sns.Subscription`. */
  subscription(owner: Owner, logicalId: string, spec: SubscriptionSpec): string {
    const m = this.mod('aws-sns');
    const endpoint = ts(spec.endpoint);
    const props: Record<string, TsValue> = {
      topic: this.obj(spec.topic),
      protocol: code(`${m}.SubscriptionProtocol.${spec.protocol.toUpperCase()}`),
      endpoint,
      rawMessageDelivery: spec.raw ? true : undefined,
      subscriptionRoleArn: ts(spec.roleArn),
    };
    const deps = [...(endpoint instanceof Code ? endpoint.deps : []), ...(spec.roleArn instanceof Code ? spec.roleArn.deps : []), this.v(spec.topic)];
    this.construct(owner, logicalId, (s, id) => `new ${m}.Subscription(${s}, ${id}, ${print(props, 2)})`, deps, [], 'subscription');
    return logicalId;
  }

  /** An L2 `secretsmanager.Secret` with a generated value. */
  secret(owner: Owner, logicalId: string, spec: SecretSpec): string {
    const m = this.mod('aws-secretsmanager');
    const props: Record<string, TsValue> = {
      description: spec.description,
      encryptionKey: this.key(),
      generateSecretString: { passwordLength: spec.length, excludePunctuation: spec.excludePunctuation },
      removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
    };
    this.construct(owner, logicalId, (s, cid) => `new ${m}.Secret(${s}, ${cid}, ${print(props, 2)})`, this.key()?.deps ?? [], [], 'secret');
    return logicalId;
  }

  /** An L2 `dynamodb.Table`, or `dynamodb.TableV2` for a global table. */
  table(owner: Owner, logicalId: string, spec: TableSpec): string {
    const m = this.mod('aws-dynamodb');
    const attr = (k: KeyAttribute) => ({ name: k.name, type: code(`${m}.AttributeType.${ATTRIBUTE_TYPE[k.type]}`) });
    const cap = spec.capacity;
    if (spec.replicaRegions.length) {
      const autoscaled = (c: { min: number; max: number }) => `${m}.Capacity.autoscaled({ minCapacity: ${c.min}, maxCapacity: ${c.max}, targetUtilizationPercent: ${cap!.targetPercent} })`;
      const props: Record<string, TsValue> = {
        partitionKey: attr(spec.partitionKey),
        sortKey: spec.sortKey ? attr(spec.sortKey) : undefined,
        billing: cap ? code(`${m}.Billing.provisioned({ readCapacity: ${autoscaled(cap.read)}, writeCapacity: ${autoscaled(cap.write)} })`) : code(`${m}.Billing.onDemand()`),
        dynamoStream: spec.stream ? code(`${m}.StreamViewType.${spec.stream}`) : undefined,
        timeToLiveAttribute: spec.ttlAttribute,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
        deletionProtection: spec.deletionProtection,
        tableClass: code(`${m}.TableClass.${spec.tableClass}`),
        globalSecondaryIndexes: spec.indexes.length ? spec.indexes.map((g) => ({ indexName: g.name, partitionKey: attr(g.partitionKey), sortKey: g.sortKey ? attr(g.sortKey) : undefined })) : undefined,
        replicas: spec.replicaRegions.map((region) => ({ region })),
        removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
      };
      this.construct(owner, logicalId, (s, id) => `new ${m}.TableV2(${s}, ${id}, ${print(props, 2)})`, [], [], 'table');
      return logicalId;
    }
    const props: Record<string, TsValue> = {
      partitionKey: attr(spec.partitionKey),
      sortKey: spec.sortKey ? attr(spec.sortKey) : undefined,
      billingMode: code(`${m}.BillingMode.${cap ? 'PROVISIONED' : 'PAY_PER_REQUEST'}`),
      readCapacity: cap?.read.min,
      writeCapacity: cap?.write.min,
      stream: spec.stream ? code(`${m}.StreamViewType.${spec.stream}`) : undefined,
      encryption: code(`${m}.TableEncryption.${this.cmk ? 'CUSTOMER_MANAGED' : 'AWS_MANAGED'}`),
      encryptionKey: this.key(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: spec.pointInTimeRecovery },
      deletionProtection: spec.deletionProtection,
      tableClass: code(`${m}.TableClass.${spec.tableClass}`),
      timeToLiveAttribute: spec.ttlAttribute,
      removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
    };
    const v = this.construct(owner, logicalId, (s, id) => `new ${m}.Table(${s}, ${id}, ${print(props, 2)})`, this.key()?.deps ?? [], [], 'table');
    for (const g of spec.indexes) {
      const gp = { indexName: g.name, partitionKey: attr(g.partitionKey), sortKey: g.sortKey ? attr(g.sortKey) : undefined, projectionType: code(`${m}.ProjectionType.ALL`), readCapacity: cap?.read.min, writeCapacity: cap?.write.min };
      this.stmt(() => `${v}.addGlobalSecondaryIndex(${print(gp, 0)});`, [v]);
    }
    return logicalId;
  }

  /**
   * A secure bucket (L2 `s3.Bucket`: private, encrypted, TLS-only, access-logged) with lifecycle, CORS and Object
   * Lock as L2 properties; extra CloudFormation properties are property overrides, since the L2 would add its own
   * handler function and replication role for notifications and replication.
   */
  bucket(owner: Owner, logicalId: string, spec: BucketSpec = {}): { bucket: string; policy: string } {
    const m = this.mod('aws-s3');
    const props: Record<string, TsValue> = {
      bucketName: ts(spec.name),
      lifecycleRules: spec.lifecycle?.map((r) => lifecycleRule(m, r)),
      cors: spec.cors
        ? [{ allowedOrigins: spec.cors.origins, allowedMethods: spec.cors.methods.map((x) => code(`${m}.HttpMethods.${x}`)), allowedHeaders: spec.cors.headers, maxAge: spec.cors.maxAgeSeconds }]
        : undefined,
      objectLockEnabled: spec.objectLock ? true : undefined,
      objectLockDefaultRetention: spec.objectLock ? code(`${m}.ObjectLockRetention.${spec.objectLock.mode.toLowerCase()}(cdk.Duration.days(${spec.objectLock.days}))`) : undefined,
    };
    const ids = this.secureBucket(owner, logicalId, props, spec.statements, { versioned: spec.versioned, sseS3: spec.sseS3, logs: spec.logs });
    const v = this.v(logicalId);
    for (const x of spec.extra ?? []) {
      const conf = ts(x.value());
      this.stmt(() => `(${v}.node.defaultChild as ${m}.CfnBucket).addPropertyOverride(${quote(x.property)}, ${print(conf, 0)});`, [v, ...depsOf(conf)]);
      for (const dep of x.dependsOn ?? []) this.dependOn(v, dep);
    }
    return ids;
  }


  // ---------------------------------------------------------------------------------------------------------
  // Network
  // ---------------------------------------------------------------------------------------------------------

  securityGroup(c: Component, description: string, ingress?: Prop): string {
    const id = this.id(c, 'SecurityGroup');
    this.l1(c, id, 'AWS::EC2::SecurityGroup', { GroupDescription: description, VpcId: ts(this.vpcId()), SecurityGroupIngress: ts(ingress) });
    this.securityGroups.set(c.id, id);
    return id;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Buckets
  // ---------------------------------------------------------------------------------------------------------

  /**
   * A private, versioned, encrypted bucket that refuses plain HTTP (its policy is `<bucket>Policy`), logging to the
   * access-log bucket. `props` are extra s3.Bucket properties; `statements` go into its bucket policy.
   */
  private secureBucket(owner: Owner, bucketId: string, props: Record<string, TsValue> = {}, statements: Stmt[] = [], opts: { versioned?: boolean; sseS3?: string; logs?: boolean } = {}): { bucket: string; policy: string } {
    const s3 = this.mod('aws-s3');
    const kms = this.key();
    const useKms = kms && !opts.sseS3;
    const all: Record<string, TsValue> = {
      encryption: code(`${s3}.BucketEncryption.${useKms ? 'KMS' : 'S3_MANAGED'}`),
      encryptionKey: useKms ? kms : undefined,
      bucketKeyEnabled: useKms ? true : undefined,
      blockPublicAccess: code(`${s3}.BlockPublicAccess.BLOCK_ALL`),
      objectOwnership: code(`${s3}.ObjectOwnership.BUCKET_OWNER_ENFORCED`),
      enforceSSL: true,
      versioned: opts.versioned === false ? undefined : true,
      serverAccessLogsBucket: opts.logs === false ? undefined : this.accessLogsBucket(),
      serverAccessLogsPrefix: opts.logs === false ? undefined : `${bucketId}/`,
      removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
      ...props,
    };
    const v = this.construct(owner, bucketId, (s, id) => `new ${s3}.Bucket(${s}, ${id}, ${print(all, 2)})`, depsOf(all), [`${bucketId}Policy`], 'bucket');
    const why = opts.sseS3 ?? 'The design uses AWS managed keys (security.encryptionKeys: aws-managed); objects are encrypted with SSE-S3';
    if (!useKms) this.ack(bucketId, why, 'HIPAA.Security-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS');
    for (const st of statements) {
      const c = this.statement(st);
      this.stmt(() => `${v}.addToResourcePolicy(${c.code});`, [v, ...c.deps]);
    }
    return { bucket: bucketId, policy: `${bucketId}Policy` };
  }

  accessLogsBucket(): Code {
    return this.once('accessLogs', () => {
      const s3 = this.mod('aws-s3');
      const why = 'Log delivery (S3 server access logs, Elastic Load Balancing, CloudFront standard logs) supports only SSE-S3 on the destination bucket';
      const days = Math.max(365, this.a.observability.logRetentionDays);
      this.secureBucket(
        'platform',
        'AccessLogsBucket',
        {
          objectOwnership: code(`${s3}.ObjectOwnership.BUCKET_OWNER_PREFERRED`),
          lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: code(`cdk.Duration.days(${days})`), noncurrentVersionExpiration: code('cdk.Duration.days(30)') }],
        },
        [{ Sid: 'AllowLoadBalancerAccessLogs', Effect: 'Allow', Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' }, Action: 's3:PutObject', Resource: tpl`${this.prop('AccessLogsBucket', 'bucketArn', '<AccessLogsBucket.Arn>')}/alb/AWSLogs/${AWS.account}/*` }],
        { sseS3: why, logs: false },
      );
      const self = 'This is the access-log bucket itself; logging it to itself would loop';
      this.ack('AccessLogsBucket', self, 'AwsSolutions-S1', 'HIPAA.Security-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketLoggingEnabled');
      this.ack('AccessLogsBucket', 'Access logs are operational records kept in-region for 365 days; they are not replicated', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
      return this.obj('AccessLogsBucket');
    });
  }

  artifactsBucket(): Code {
    return this.once('artifacts', () => {
      this.secureBucket('platform', 'ArtifactsBucket', { lifecycleRules: [{ id: 'ExpireOldVersions', noncurrentVersionExpiration: code('cdk.Duration.days(30)') }] });
      this.ack('ArtifactsBucket', 'Build artifacts are reproducible from source by the pipeline; they are not replicated', 'HIPAA.Security-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled');
      this.output('ArtifactsBucketName', this.prop('ArtifactsBucket', 'bucketName', '<ArtifactsBucket>'), 'Bucket for build artifacts (Glue scripts, function packages)');
      return this.obj('ArtifactsBucket');
    });
  }

  /** The stage, a plain string variable of the stack constructor. */
  protected stage(): Code {
    return STAGE;
  }

  accessLogsBucketName(): Code {
    this.accessLogsBucket();
    return this.ref('AccessLogsBucket');
  }

  artifactsBucketName(): Code {
    this.artifactsBucket();
    return this.ref('ArtifactsBucket');
  }

  /** Images are tagged by the `imageTag` context value (CloudFormation: the ImageTag parameter). */
  needImageTag(): void {}

  artifactsBucketArn(): Code {
    this.artifactsBucket();
    return this.att('ArtifactsBucket', 'Arn');
  }

  /** Container images of the design's repositories are tagged by the `imageTag` context value. */
  imageTag(): Code {
    return code(`(this.node.tryGetContext('imageTag') ?? 'latest')`, '<ImageTag>');
  }

  output(name: string, value: Val | string, description: string): void {
    this.stackLevel(name, 'platform');
    const v = typeof value === 'string' ? value : (value as Code);
    this.stmt(() => `new cdk.CfnOutput(this, ${quote(name)}, { value: ${typeof v === 'string' ? quote(v) : v.code}, description: ${quote(description)} });`, typeof v === 'string' ? [] : [...v.deps]);
  }

  /** The design's acknowledgements of cdk-nag rules, on every construct of the component concerned. */
  applyModelAcknowledgements(): void {
    const apply = (componentId: string | undefined, rule: string, reason: string) => {
      if (!NAG_PACK.test(rule)) return;
      const targets = componentId ? [this.scopes.get(componentId)].filter((x): x is string => Boolean(x)) : ['this'];
      for (const t of targets) this.ack(code(t, t, t === 'this' ? [] : [t]), `Accepted in the design: ${reason}`, rule);
    };
    for (const c of this.a.components) for (const ack of c.acknowledgements) apply(c.id, ack.rule, ack.reason);
    for (const ack of this.a.acknowledgements) apply(ack.component, ack.rule, ack.reason);
  }
}

/** CloudFormation-shaped properties -> CDK L1 props: keys to camel case, except inside JSON and map values. */
function convert(p: Props): TsValue {
  if (p instanceof Json) return p.value;
  if (p instanceof MapOf) return Object.fromEntries(Object.entries(p.value).filter(([, x]) => x !== undefined).map(([k, x]) => [k, convert(x as Props)]));
  if (p instanceof Code || p === null || typeof p !== 'object') return p as TsValue;
  if (Array.isArray(p)) return p.map((x) => convert(x));
  const out: Record<string, TsValue> = {};
  for (const [k, x] of Object.entries(p)) if (x !== undefined) out[cdkCamel(k)] = convert(x);
  return out;
}

function principalCode(iam: string, p: TsValue): Code {
  if (p === '*') return code(`[new ${iam}.AnyPrincipal()]`);
  if (p && typeof p === 'object' && !Array.isArray(p) && !(p instanceof Code)) {
    const rec = p as Record<string, TsValue>;
    if (rec['Service'] !== undefined) {
      const list = Array.isArray(rec['Service']) ? rec['Service'] : [rec['Service']];
      return code(() => `[${list.map((s) => `new ${iam}.ServicePrincipal(${s instanceof Code ? s.code : quote(String(s))})`).join(', ')}]`, '', list.flatMap((s) => (s instanceof Code ? [...s.deps] : [])));
    }
    if (rec['AWS'] === '*') return code(`[new ${iam}.AnyPrincipal()]`);
    const aws = rec['AWS'];
    if (aws instanceof Code) return code(() => `[new ${iam}.ArnPrincipal(${aws.code})]`, '', [...aws.deps]);
  }
  throw new Error(`unsupported principal ${JSON.stringify(p)}`);
}

const ATTRIBUTE_TYPE = { S: 'STRING', N: 'NUMBER', B: 'BINARY' } as const;

const STORAGE_CLASS: Record<StorageClass, string> = {
  STANDARD_IA: 'INFREQUENT_ACCESS',
  ONEZONE_IA: 'ONE_ZONE_INFREQUENT_ACCESS',
  INTELLIGENT_TIERING: 'INTELLIGENT_TIERING',
  GLACIER_IR: 'GLACIER_INSTANT_RETRIEVAL',
  GLACIER: 'GLACIER',
  DEEP_ARCHIVE: 'DEEP_ARCHIVE',
};

/** A lifecycle rule as `s3.Bucket` takes it. */
function lifecycleRule(s3: string, r: LifecycleRule): TsValue {
  const days = (n: number | undefined) => (n === undefined ? undefined : code(`cdk.Duration.days(${n})`));
  return {
    id: r.id,
    prefix: r.prefix,
    abortIncompleteMultipartUploadAfter: days(r.abortIncompleteUploadDays),
    transitions: r.transitions?.map((t) => ({ storageClass: code(`${s3}.StorageClass.${STORAGE_CLASS[t.storageClass]}`), transitionAfter: code(`cdk.Duration.days(${t.days})`) })),
    expiration: days(r.expirationDays),
    noncurrentVersionExpiration: days(r.noncurrentDays),
  };
}

/** A value from the shared emitters: this target made every Val in it, so it is CDK code. */
function ts(p: Prop): TsValue {
  return p as TsValue;
}
