import type { Architecture, Component } from '../../model/index.js';
import { STATEFUL } from '../../model/index.js';
import { LogicalIdCollision } from './base.js';
import { emitterFor } from './emitters/index.js';
import { emitBackup } from './platform/backup.js';
import { emitNetwork } from './platform/network.js';
import { emitCodePipeline } from './platform/pipeline.js';
import { emitAuditTrail, emitThreatDetection, finishKeyPolicy } from './platform/security.js';
import type { StackTarget } from './target.js';
import type { BackupTarget } from './values.js';

/**
 * Builds with `make` until no two components produce the same logical id: a collision renames the later component
 * (or the one that got there first when the later one is the platform) and builds again. Rare: only ids like
 * `orders` + `orders-dead-letter` can collide. Both targets follow this rule, so they rename alike.
 */
export function buildWithRenames<T>(a: Architecture, make: (renamed: ReadonlySet<string>) => T): { result: T; renamed: ReadonlySet<string> } {
  const renamed = new Set<string>();
  for (let attempt = 0; attempt <= a.components.length; attempt++) {
    try {
      return { result: make(renamed), renamed };
    } catch (e) {
      if (!(e instanceof LogicalIdCollision)) throw e;
      const owner = a.components.find((c) => c.id === e.owner && !renamed.has(c.id)) ?? a.components.find((c) => c.id === e.firstOwner && !renamed.has(c.id));
      if (!owner) throw e;
      renamed.add(owner.id);
    }
  }
  throw new Error('could not resolve logical-id collisions');
}

/**
 * Everything a design needs, in the order both targets write it: the key, the network, the audit trail and threat
 * detection, every component, the security-group rules between them, backups, the dashboard, the pipeline, then
 * the key policy and the design's acknowledgements, which depend on all the rest.
 */
export function emitStack(ctx: StackTarget): void {
  ctx.setResolvers({
    ref: (c, part) => emitterFor(c.service).ref(c, part, ctx),
    attr: (c, name) => emitterFor(c.service).attr?.(c, name, ctx),
    env: (c) => emitterFor(c.service).env?.(c, ctx) ?? {},
  });
  ctx.createKey();
  emitNetwork(ctx);
  emitAuditTrail(ctx);
  emitThreatDetection(ctx);
  for (const c of ctx.a.components) emitterFor(c.service).emit(c, ctx);
  emitIngress(ctx);

  const stateful: Array<{ component: Component; target: BackupTarget }> = [];
  for (const c of ctx.a.components) {
    const backup = STATEFUL.has(c.service) ? emitterFor(c.service).backup?.(c, ctx) : undefined;
    if (backup) stateful.push({ component: c, target: backup });
  }
  emitBackup(ctx, stateful);
  if (ctx.a.resilience.drStrategy === 'none') {
    for (const { component } of stateful) {
      for (const { id, type } of ctx.resourcesOf(component.id)) {
        const rule = type === 'AWS::DynamoDB::Table' ? 'DynamoDBInBackupPlan' : type === 'AWS::RDS::DBInstance' || type === 'AWS::RDS::DBCluster' ? 'RDSInBackupPlan' : undefined;
        if (rule) ctx.ack(id, 'The design has no disaster-recovery strategy (resilience.drStrategy: none), so no backup plan', `HIPAA.Security-${rule}`);
      }
    }
  }
  ctx.dashboard();
  emitCodePipeline(ctx);
  finishKeyPolicy(ctx);
  ctx.applyModelAcknowledgements();
}

/** Security-group ingress for every network rule, as separate resources so groups never depend on each other. */
function emitIngress(ctx: StackTarget): void {
  for (const r of ctx.networkRules) {
    const from = ctx.securityGroupOf(r.from);
    const to = ctx.securityGroupOf(r.to);
    if (!to) continue;
    if (!from) {
      ctx.warn('connections', `${r.from} cannot reach ${r.to} on port ${r.port}: it does not run in the VPC`);
      continue;
    }
    ctx.resource(ctx.component(r.to), ctx.id(r.to, `From${ctx.prefixes.get(r.from)}Ingress`), 'AWS::EC2::SecurityGroupIngress', {
      GroupId: ctx.ref(to),
      SourceSecurityGroupId: ctx.ref(from),
      IpProtocol: r.protocol,
      FromPort: r.port,
      ToPort: r.port,
      Description: r.reason.slice(0, 255),
    });
  }
}
