import type { ArnPart, ComponentOfService, ComponentService } from '../../../model/index.js';
import type { CfnContext } from '../context.js';
import type { Value } from '../fn.js';
import type { BackupTarget } from '../platform/operations.js';

/**
 * One component kind rendered as CloudFormation: the resources it adds, how other components reference it, and
 * how AWS Backup covers it.
 */
export interface CfnEmitter<S extends ComponentService = ComponentService> {
  emit(c: ComponentOfService<S>, ctx: CfnContext): void;
  /** A reference from src/model/permissions.ts: one ARN, or several when the part spans resources. */
  ref(c: ComponentOfService<S>, part: ArnPart, ctx: CfnContext): Value | Value[];
  /** Named values other emitters need (endpoints, ids); env vars use these too. */
  attr?(c: ComponentOfService<S>, name: string, ctx: CfnContext): Value | undefined;
  /** Environment variables a consumer gets to find this component. */
  env?(c: ComponentOfService<S>, ctx: CfnContext): Record<string, Value>;
  /** Stateful kinds: what AWS Backup selects, or why it cannot. */
  backup?(c: ComponentOfService<S>, ctx: CfnContext): BackupTarget;
}

/** Builds a typed emitter; the generic keeps `c.config` narrowed to the kind. */
export function emitter<S extends ComponentService>(_service: S, e: CfnEmitter<S>): CfnEmitter<S> {
  return e;
}

/** An unsupported reference is a bug: permissions.ts only asks for parts a kind has. */
export function noPart(service: string, part: string): never {
  throw new Error(`${service} has no ${part} reference`);
}
