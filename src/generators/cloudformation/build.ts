import type { Architecture, Component, ValidationFinding } from '../../model/index.js';
import { STATEFUL } from '../../model/index.js';
import { CfnContext } from './context.js';
import type { CfnBuildOptions } from './context.js';
import { emitterFor } from '../shared/emitters/index.js';
import { ref } from './fn.js';
import type { Value } from './fn.js';
import { emitBackup, emitDashboard } from './platform/operations.js';
import type { BackupTarget } from './platform/operations.js';
import { emitNetwork } from './platform/network.js';
import { emitAuditTrail, emitKey, emitThreatDetection, finishKeyPolicy } from './platform/security.js';
import { emitCodePipeline } from './platform/codepipeline.js';
import { LogicalIdCollision } from '../shared/base.js';
import { renameNotes, zoneWarnings } from '../shared/notes.js';
import type { Val } from '../shared/values.js';
import type { CfnTemplate } from './template.js';

export { renameNotes, zoneWarnings };

/** A built template and what the generator had to decide on the user's behalf. */
export interface BuiltTemplate {
  template: CfnTemplate;
  warnings: ValidationFinding[];
  /** Components whose logical ids got a position suffix to avoid a collision. */
  renamed: string[];
}

/**
 * Architecture -> CloudFormation template object. Pure and deterministic: the same model always yields the same
 * template. Logical-id collisions between components are resolved by renaming the later component and building
 * again (rare: only ids like `orders` + `orders-dead-letter` can collide).
 */
export function buildTemplate(a: Architecture, options: CfnBuildOptions): BuiltTemplate {
  const renamed = new Set<string>();
  for (let attempt = 0; attempt <= a.components.length; attempt++) {
    try {
      const ctx = build(a, options, renamed);
      return { template: ctx.t.build(metadata(a)), warnings: [...zoneWarnings(a, 'cfn-generator'), ...ctx.warnings, ...renameNotes(a, renamed, 'cfn-generator')], renamed: [...renamed] };
    } catch (e) {
      if (!(e instanceof LogicalIdCollision)) throw e;
      // Rename the later component, or the component that got there first when the later one is the platform.
      const owner = a.components.find((c) => c.id === e.owner && !renamed.has(c.id)) ?? a.components.find((c) => c.id === e.firstOwner && !renamed.has(c.id));
      if (!owner) throw e;
      renamed.add(owner.id);
    }
  }
  throw new Error('could not resolve logical-id collisions');
}

function build(a: Architecture, options: CfnBuildOptions, renamed: ReadonlySet<string>): CfnContext {
  const ctx = new CfnContext(a, options, renamed);
  ctx.setResolvers({
    ref: (c, part) => emitterFor(c.service).ref(c, part, ctx),
    attr: (c, name) => emitterFor(c.service).attr?.(c, name, ctx),
    env: (c) => emitterFor(c.service).env?.(c, ctx) ?? {},
  });
  ctx.t.parameter('EnvironmentName', {
    Type: 'String',
    Default: a.environment,
    Description: 'Stage this stack serves; part of resource names (lower-case letters and digits)',
    AllowedPattern: '^[a-z][a-z0-9]{0,15}$',
    ConstraintDescription: 'lower-case letters and digits, starting with a letter, at most 16 characters',
  });
  if (a.observability.alarmEmail) {
    ctx.t.parameter('AlarmEmail', { Type: 'String', Default: a.observability.alarmEmail, Description: 'Email address that receives alarm notifications (confirm the subscription email)' });
  }

  emitKey(ctx);
  emitNetwork(ctx);
  emitAuditTrail(ctx);
  emitThreatDetection(ctx);
  for (const c of a.components) emitterFor(c.service).emit(c, ctx);
  emitIngress(ctx);

  const stateful: Array<{ component: Component; target: BackupTarget }> = [];
  for (const c of a.components) {
    const backup = STATEFUL.has(c.service) ? emitterFor(c.service).backup?.(c, ctx) : undefined;
    if (backup) stateful.push({ component: c, target: backup });
  }
  emitBackup(ctx, stateful);
  if (a.resilience.drStrategy === 'none') {
    for (const { component } of stateful) {
      for (const id of ctx.t.resourceIds()) {
        if (ctx.t.ownerOf(id) !== component.id) continue;
        const type = ctx.t.get(id).Type;
        const rule = type === 'AWS::DynamoDB::Table' ? 'DynamoDBInBackupPlan' : type === 'AWS::RDS::DBInstance' || type === 'AWS::RDS::DBCluster' ? 'RDSInBackupPlan' : undefined;
        if (rule) ctx.ack(id, 'The design has no disaster-recovery strategy (resilience.drStrategy: none), so no backup plan', `HIPAA.Security-${rule}`);
      }
    }
  }
  emitDashboard(ctx);
  emitCodePipeline(ctx);
  finishKeyPolicy(ctx);
  ctx.applyModelAcknowledgements();
  return ctx;
}

/** Security-group ingress for every network rule, as separate resources so groups never depend on each other. */
function emitIngress(ctx: CfnContext): void {
  for (const r of ctx.networkRules) {
    const from = ctx.securityGroupOf(r.from);
    const to = ctx.securityGroupOf(r.to);
    if (!to) continue;
    if (!from) {
      ctx.warn('connections', `${r.from} cannot reach ${r.to} on port ${r.port}: it does not run in the VPC`);
      continue;
    }
    ctx.add(ctx.component(r.to), ctx.id(r.to, `From${ctx.prefixes.get(r.from)}Ingress`), 'AWS::EC2::SecurityGroupIngress', {
      GroupId: ref(to) as Value,
      SourceSecurityGroupId: ref(from) as Value,
      IpProtocol: r.protocol,
      FromPort: r.port,
      ToPort: r.port,
      Description: r.reason.slice(0, 255),
    });
  }
}

function metadata(a: Architecture): Record<string, Value> {
  return {
    'aws-backend-architect': {
      design: a.name,
      environment: a.environment,
      region: a.region,
      dataClassification: a.dataClassification,
      compliance: a.compliance,
    },
  };
}
