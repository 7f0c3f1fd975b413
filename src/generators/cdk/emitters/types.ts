import type { ArnPart, ComponentOfService, ComponentService } from '../../../model/index.js';
import type { Code } from '../code.js';
import type { CdkContext } from '../context.js';
import type { BackupTarget } from '../platform/operations.js';

/** One component kind rendered as CDK code: the constructs it declares and how others reference them. */
export interface CdkEmitter<S extends ComponentService = ComponentService> {
  emit(c: ComponentOfService<S>, ctx: CdkContext): void;
  ref(c: ComponentOfService<S>, part: ArnPart, ctx: CdkContext): Code | Code[];
  attr?(c: ComponentOfService<S>, name: string, ctx: CdkContext): Code | string | undefined;
  env?(c: ComponentOfService<S>, ctx: CdkContext): Record<string, Code | string>;
  backup?(c: ComponentOfService<S>, ctx: CdkContext): BackupTarget;
}

export function emitter<S extends ComponentService>(_service: S, e: CdkEmitter<S>): CdkEmitter<S> {
  return e;
}

export function noPart(service: string, part: string): never {
  throw new Error(`${service} has no ${part} reference`);
}
