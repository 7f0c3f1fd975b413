import type { ArnPart, ComponentOfService, ComponentService } from '../../../model/index.js';
import type { Target } from '../target.js';
import type { BackupTarget, Val } from '../values.js';

/**
 * One component kind: the resources it adds, how other components reference it, and how AWS Backup covers it.
 * Written once against {@link Target}; CloudFormation and the CDK each render it.
 */
export interface Emitter<S extends ComponentService = ComponentService> {
  emit(c: ComponentOfService<S>, ctx: Target): void;
  /** A reference from src/model/permissions.ts: one ARN, or several when the part spans resources. */
  ref(c: ComponentOfService<S>, part: ArnPart, ctx: Target): Val | Val[];
  /** Named values other emitters need (endpoints, ids); env vars use these too. */
  attr?(c: ComponentOfService<S>, name: string, ctx: Target): Val | string | undefined;
  /** Environment variables a consumer gets to find this component. */
  env?(c: ComponentOfService<S>, ctx: Target): Record<string, Val | string>;
  /** Stateful kinds: what AWS Backup selects, or why it cannot. */
  backup?(c: ComponentOfService<S>, ctx: Target): BackupTarget;
}

/** Builds a typed emitter; the generic keeps `c.config` narrowed to the kind. */
export function emitter<S extends ComponentService>(_service: S, e: Emitter<S>): Emitter<S> {
  return e;
}

/** An unsupported reference is a bug: permissions.ts only asks for parts a kind has. */
export function noPart(service: string, part: string): never {
  throw new Error(`${service} has no ${part} reference`);
}
