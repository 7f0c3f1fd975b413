import type { ArnPart, ComponentOfService, ComponentService } from '../../../model/index.js';
import type { BackupTarget, Val } from '../../shared/values.js';
import type { CdkContext } from '../context.js';

/** One component kind rendered as CDK code: the constructs it declares and how others reference them. */
export interface CdkEmitter<S extends ComponentService = ComponentService> {
  emit(c: ComponentOfService<S>, ctx: CdkContext): void;
  ref(c: ComponentOfService<S>, part: ArnPart, ctx: CdkContext): Val | Val[];
  attr?(c: ComponentOfService<S>, name: string, ctx: CdkContext): Val | string | undefined;
  env?(c: ComponentOfService<S>, ctx: CdkContext): Record<string, Val | string>;
  backup?(c: ComponentOfService<S>, ctx: CdkContext): BackupTarget;
}

export function emitter<S extends ComponentService>(_service: S, e: CdkEmitter<S>): CdkEmitter<S> {
  return e;
}

export function noPart(service: string, part: string): never {
  throw new Error(`${service} has no ${part} reference`);
}
