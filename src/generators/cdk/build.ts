import type { Architecture, Component, ValidationFinding } from '../../model/index.js';
import { STATEFUL } from '../../model/index.js';
import { LogicalIdCollision } from '../shared/base.js';
import { renameNotes, zoneWarnings } from '../shared/notes.js';
import { CdkContext } from './context.js';
import type { CdkBuildOptions } from './context.js';
import { emitterFor } from '../shared/emitters/index.js';
import { emitCodePipeline } from './platform/codepipeline.js';
import { emitNetwork } from './platform/network.js';
import { emitBackup, emitDashboard } from './platform/operations.js';
import type { BackupTarget } from './platform/operations.js';
import { emitAuditTrail, emitKey, emitThreatDetection, finishKeyPolicy } from './platform/security.js';

/** The stack body and what it needs (imports, helpers), before it is laid out as a file. */
export interface BuiltStack {
  ctx: CdkContext;
  renamed: string[];
  warnings: ValidationFinding[];
}

/**
 * Architecture -> CDK stack statements, in the same resource order and with the same logical ids as the
 * CloudFormation generator. Collisions between components are resolved by the same renaming rule.
 */
export function buildStack(a: Architecture, options: CdkBuildOptions): BuiltStack {
  const renamed = new Set<string>();
  for (let attempt = 0; attempt <= a.components.length; attempt++) {
    try {
      const ctx = build(a, options, renamed);
      return { ctx, renamed: [...renamed], warnings: [...zoneWarnings(a, 'cdk-generator'), ...ctx.warnings, ...renameNotes(a, renamed, 'cdk-generator')] };
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

function build(a: Architecture, options: CdkBuildOptions, renamed: ReadonlySet<string>): CdkContext {
  const ctx = new CdkContext(a, options, renamed);
  ctx.setResolvers({
    ref: (c, part) => emitterFor(c.service).ref(c, part, ctx),
    attr: (c, name) => emitterFor(c.service).attr?.(c, name, ctx),
    env: (c) => emitterFor(c.service).env?.(c, ctx) ?? {},
  });
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
      for (const { id, type } of ctx.resourcesOf(component.id)) {
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

function emitIngress(ctx: CdkContext): void {
  for (const r of ctx.networkRules) {
    const from = ctx.securityGroupOf(r.from);
    const to = ctx.securityGroupOf(r.to);
    if (!to) continue;
    if (!from) {
      ctx.warn('connections', `${r.from} cannot reach ${r.to} on port ${r.port}: it does not run in the VPC`);
      continue;
    }
    ctx.l1(ctx.component(r.to), ctx.id(r.to, `From${ctx.prefixes.get(r.from)}Ingress`), 'AWS::EC2::SecurityGroupIngress', {
      GroupId: ctx.ref(to),
      SourceSecurityGroupId: ctx.ref(from),
      IpProtocol: r.protocol,
      FromPort: r.port,
      ToPort: r.port,
      Description: r.reason.slice(0, 255),
    });
  }
}
