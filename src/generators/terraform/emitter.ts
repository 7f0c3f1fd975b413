import type { Component, ComponentOfService, ComponentService } from '../../model/components.js';
import type { ArnPart } from '../../model/permissions.js';
import type { TfContext } from './context.js';
import type { Raw, Value } from './hcl.js';

/**
 * One component kind in Terraform: `emit` writes the component's resources into its file and registers what the
 * platform sections need (role, alarms, outputs, backup targets); `ref` renders the abstract ARNs that
 * `src/model/permissions.ts` grants on; `env` names what a caller's code needs to reach it.
 */
export interface Emitter<S extends ComponentService> {
  emit(c: ComponentOfService<S>, ctx: TfContext): void;
  /** HCL expressions for one ARN part of the component; a part the kind does not have is a bug. */
  ref(c: ComponentOfService<S>, part: ArnPart, ctx: TfContext): Raw[];
  /**
   * Environment variables (suffix -> value) given to compute that connects to this component. Values must not
   * reference resources that could depend on the caller (names are built from the naming scheme instead), so a
   * pair of components calling each other never forms a dependency cycle.
   */
  env?(c: ComponentOfService<S>, ctx: TfContext, caller: Component): Array<[string, Value]>;
}

export type EmitterTable = { [S in ComponentService]: Emitter<S> };

/** Thrown for an ARN part permissions.ts should never ask of this kind. */
export function noPart(service: string, part: ArnPart): never {
  throw new Error(`terraform: ${service} has no '${part}' ARN`);
}
