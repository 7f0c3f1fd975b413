import type { Architecture, ValidationFinding } from '../../model/index.js';
import { buildWithRenames, emitStack } from '../shared/build.js';
import { renameNotes, zoneWarnings } from '../shared/notes.js';
import { CdkContext } from './context.js';
import type { CdkBuildOptions } from './context.js';

/** The stack body and what it needs (imports, helpers), before it is laid out as a file. */
export interface BuiltStack {
  ctx: CdkContext;
  renamed: string[];
  warnings: ValidationFinding[];
}

/**
 * Architecture -> CDK stack statements, from the emitters the CloudFormation generator renders too: the same
 * resources in the same order, with the same logical ids and the same renaming of colliding components.
 */
export function buildStack(a: Architecture, options: CdkBuildOptions): BuiltStack {
  const { result: ctx, renamed } = buildWithRenames(a, (r) => {
    const c = new CdkContext(a, options, r);
    emitStack(c);
    return c;
  });
  return { ctx, renamed: [...renamed], warnings: [...zoneWarnings(a, 'cdk-generator'), ...ctx.warnings, ...renameNotes(a, renamed, 'cdk-generator')] };
}
