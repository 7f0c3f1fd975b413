import type { TfContext } from '../context.js';
import { ENV_MAX } from '../context.js';
import { Block, blk, comment, entries, escapeString, obj, raw } from '../hcl.js';
import type { Body, Value } from '../hcl.js';

/** Provider release the generated configuration is validated against (schema extracted from it). */
export const AWS_PROVIDER_VALIDATED = '6.66.0';

/** versions.tf: Terraform and provider constraints. */
export function versions(ctx: TfContext): void {
  ctx.add(
    'versions.tf',
    new Block('terraform', [], {
      required_version: '>= 1.6',
      required_providers: blk('required_providers', {
        aws: obj({ source: 'hashicorp/aws', version: '~> 6.0' }),
      }),
      '#backend': comment(
        [
          'Keep state remotely, encrypted and locked (see README.md), e.g.:',
          '  backend "s3" {',
          '    bucket       = "<state bucket>"',
          `    key          = "${ctx.a.name}/terraform.tfstate"`,
          `    region       = "${ctx.a.region}"`,
          '    encrypt      = true',
          '    use_lockfile = true',
          '  }',
        ].join('\n'),
      ),
    }),
    [`Validated against hashicorp/aws ${AWS_PROVIDER_VALIDATED}; provider 6 is needed for per-resource region arguments.`],
  );
}

/** providers.tf: the AWS provider with the design-wide default tags. */
export function providers(ctx: TfContext): void {
  const a = ctx.a;
  const tags: Array<[string, Value]> = [
    ['Project', a.name],
    ['Environment', raw('var.environment')],
    ['ManagedBy', 'terraform'],
    ['DataClassification', a.dataClassification],
  ];
  if (a.compliance.length) tags.push(['Compliance', a.compliance.join(' ')]);
  for (const [k, v] of Object.entries(a.tags)) if (!tags.some(([t]) => t === k)) tags.push([k, v]);
  ctx.add(
    'providers.tf',
    new Block('provider', ['aws'], {
      region: raw('var.region'),
      default_tags: blk('default_tags', { tags: raw(`merge(${printInlineObject(tags)}, var.extra_tags)`) }),
    }),
  );
}

/** A one-line object for use inside a function call. */
function printInlineObject(list: Array<[string, Value]>): string {
  const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : `"${escapeString(k)}"`);
  const val = (v: Value) => (typeof v === 'string' ? `"${escapeString(v)}"` : (v as { text: string }).text);
  return `{ ${list.map(([k, v]) => `${key(k)} = ${val(v)}`).join(', ')} }`;
}

/** Variables every configuration has; emitters add their own through ctx.variable. */
export function baseVariables(ctx: TfContext): void {
  const a = ctx.a;
  ctx.variable({
    name: 'region',
    type: 'string',
    description: 'AWS Region to deploy to.',
    default: a.region,
    validations: [{ condition: 'can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))', message: 'region must be an AWS Region code such as us-east-1.' }],
  });
  ctx.variable({
    name: 'environment',
    type: 'string',
    description: `Deployment stage, part of every resource name (${a.delivery.stages.join(', ')}).`,
    default: a.environment,
    validations: [
      {
        condition: `can(regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", var.environment)) && length(var.environment) <= ${ENV_MAX}`,
        message: `environment must be lower-case letters, digits and single dashes, at most ${ENV_MAX} characters.`,
      },
    ],
  });
  ctx.variable({
    name: 'alarm_email',
    type: 'string',
    description: 'Email address notified by CloudWatch alarms; empty for none (subscribe later).',
    default: a.observability.alarmEmail ?? '',
    validations: [{ condition: 'var.alarm_email == "" || can(regex("^[^@ ]+@[^@ ]+[.][^@ ]+$", var.alarm_email))', message: 'alarm_email must be an email address or empty.' }],
  });
  ctx.variable({
    name: 'log_retention_days',
    type: 'number',
    description: 'CloudWatch Logs retention in days.',
    default: a.observability.logRetentionDays,
    validations: [
      {
        condition: 'contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)',
        message: 'log_retention_days must be a retention CloudWatch Logs accepts, e.g. 30, 90 or 365.',
      },
    ],
  });
  ctx.variable({ name: 'extra_tags', type: 'map(string)', description: 'Extra tags on every resource (cost centre, owner, ...).', default: entries([]) });
}

/** variables.tf from the registry, in declaration order. */
export function variablesFile(ctx: TfContext): void {
  for (const v of ctx.variables.values()) {
    const body: Body = { type: raw(v.type), description: v.description };
    if (v.default !== undefined) body.default = v.default;
    if (v.sensitive) body.sensitive = true;
    if (v.nullable === false) body.nullable = false;
    if (v.validations?.length) body.validation = v.validations.map((x) => blk('validation', { condition: raw(x.condition), error_message: x.message }));
    ctx.add('variables.tf', new Block('variable', [v.name], body));
  }
}

/** outputs.tf from the registry. */
export function outputsFile(ctx: TfContext): void {
  for (const o of ctx.outputs) {
    ctx.add('outputs.tf', new Block('output', [o.name], { description: o.description, value: o.value, sensitive: o.sensitive ? true : undefined }));
  }
}

/** main.tf: the account, partition and region lookups every file uses, and shared pieces emitters asked for. */
export function mainFile(ctx: TfContext): void {
  ctx.add('main.tf', new Block('data', ['aws_caller_identity', 'current'], {}));
  ctx.add('main.tf', new Block('data', ['aws_partition', 'current'], {}));
  ctx.add('main.tf', new Block('data', ['aws_region', 'current'], {}));
}
