import type { Component, ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { Prop } from '../values.js';
import { envKey } from './common.js';
import { emitter, noPart } from './types.js';

type Bus = ComponentOfService<'eventbridge'>;

/** Targets EventBridge can deliver to, and which need a role (the rest use resource policies). */
const TARGETS_WITH_ROLE = new Set(['step-functions', 'kinesis-streams', 'kinesis-firehose']);
const DELIVERABLE = new Set(['lambda', 'sqs', 'sns', ...TARGETS_WITH_ROLE]);

function busName(c: Bus): string {
  return c.config.busName === 'default' ? 'default' : `${c.id}`;
}

function ruleName(c: Bus, t: Component): string {
  return `${c.id.slice(0, 18)}-${t.id.slice(0, 18)}-\${EnvironmentName}`;
}

/** Default pattern: every event whose source starts with the system's name. */
export function eventPattern(c: Bus, target: Component, system: string): Prop {
  const given = c.config.patterns[target.id];
  return given ? (JSON.parse(given) as Prop) : { source: [{ prefix: system }] };
}

/** A custom event bus (or the default one), an archive for replay, and one rule per triggered target. */
export const eventbridge = emitter('eventbridge', {
  emit(c: Bus, ctx: Target) {
    const custom = c.config.busName !== 'default';
    const busId = ctx.id(c, 'EventBus');
    if (custom) ctx.resource(c, busId, 'AWS::Events::EventBus', { Name: ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${busName(c)}`), Description: c.description ?? `${c.id} events` });
    const busArn = eventbridge.ref(c, 'arn', ctx) as Prop;
    if (c.config.archiveRetentionDays > 0) {
      ctx.resource(c, ctx.id(c, 'Archive'), 'AWS::Events::Archive', { SourceArn: busArn, RetentionDays: c.config.archiveRetentionDays, Description: `Replay archive of ${c.id}` });
    }
    const targets = ctx.targets(c, ['trigger']);
    const needsRole = targets.some((t) => TARGETS_WITH_ROLE.has(t.service));
    const role = needsRole
      ? ctx.role(c, ctx.id(c, 'Role'), { services: ['events.amazonaws.com'], description: `Lets ${c.id} start its targets`, assumeCondition: { StringEquals: { 'aws:SourceAccount': ctx.aws.account } }, grants: true }).role
      : undefined;
    for (const t of targets) {
      if (!DELIVERABLE.has(t.service)) {
        ctx.warn(`connections`, `${c.id} cannot deliver to ${t.service} '${t.id}' directly; route it through a function or queue`);
        continue;
      }
      ctx.resource(c, ctx.id(c, `${ctx.prefixes.get(t.id)}Rule`), 'AWS::Events::Rule', {
        Name: ctx.sub(ruleName(c, t)),
        Description: `${c.id} -> ${t.id}`,
        EventBusName: custom ? ctx.ref(busId) : 'default',
        EventPattern: ctx.json(eventPattern(c, t, ctx.a.name)),
        State: 'ENABLED',
        Targets: [
          {
            Id: t.id,
            Arn: ctx.refOf({ component: t.id, part: 'arn' }),
            RoleArn: TARGETS_WITH_ROLE.has(t.service) && role ? ctx.att(role, 'Arn') : undefined,
            RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 3600 },
          } as Prop,
        ],
      });
      ctx.alarm(c, ctx.id(c, `${ctx.prefixes.get(t.id)}FailuresAlarm`), {
        description: `${c.id}: events not delivered to ${t.id}`,
        namespace: 'AWS/Events',
        metric: 'FailedInvocations',
        dimensions: { RuleName: ruleName(c, t) },
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
      });
    }
  },
  ref(c, part, ctx) {
    if (part !== 'arn') return noPart('eventbridge', part);
    return c.config.busName === 'default' ? ctx.sub('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default') : ctx.att(ctx.id(c, 'EventBus'), 'Arn');
  },
  attr(c, name, ctx) {
    if (name === 'rules') {
      return c.config.busName === 'default'
        ? ctx.sub('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/*')
        : ctx.sub(`arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/${ctx.a.name}-\${EnvironmentName}-${busName(c)}/*`);
    }
    if (name === 'name') return c.config.busName === 'default' ? 'default' : ctx.ref(ctx.id(c, 'EventBus'));
    return undefined;
  },
  env(c, ctx) {
    return { [`${envKey(c.id)}_EVENT_BUS`]: c.config.busName === 'default' ? 'default' : ctx.ref(ctx.id(c, 'EventBus')) };
  },
});
