import type { Architecture, ValidationFinding } from '../../model/index.js';
import { buildWithRenames, emitStack } from '../shared/build.js';
import { renameNotes, zoneWarnings } from '../shared/notes.js';
import { CfnContext } from './context.js';
import type { CfnBuildOptions } from './context.js';
import type { Value } from './fn.js';
import type { CfnTemplate } from './template.js';

export { renameNotes, zoneWarnings };

/** A built template and what the generator had to decide on the user's behalf. */
export interface BuiltTemplate {
  template: CfnTemplate;
  warnings: ValidationFinding[];
  /** Components whose logical ids got a position suffix to avoid a collision. */
  renamed: string[];
}

/**
 * Architecture -> CloudFormation template object. Pure and deterministic: the same model always yields the same
 * template. Logical-id collisions between components are resolved by renaming a component and building again.
 */
export function buildTemplate(a: Architecture, options: CfnBuildOptions): BuiltTemplate {
  const { result: ctx, renamed } = buildWithRenames(a, (r) => {
    const c = new CfnContext(a, options, r);
    emitStack(c);
    return c;
  });
  return { template: ctx.t.build(metadata(a)), warnings: [...zoneWarnings(a, 'cfn-generator'), ...ctx.warnings, ...renameNotes(a, renamed, 'cfn-generator')], renamed: [...renamed] };
}

function metadata(a: Architecture): Record<string, Value> {
  return {
    'aws-backend-architect': {
      design: a.name,
      environment: a.environment,
      region: a.region,
      dataClassification: a.dataClassification,
      compliance: a.compliance,
    },
  };
}
