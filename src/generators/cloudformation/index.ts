import type { Architecture, GeneratedFile } from '../../model/index.js';
import { buildTemplate } from './build.js';
import type { BuiltTemplate } from './build.js';
import type { CfnBuildOptions } from './context.js';
import type { Value } from './fn.js';
import { toCfnYaml } from './yaml.js';

export { buildTemplate };
export type { BuiltTemplate, CfnBuildOptions };

export interface CloudFormationOptions extends CfnBuildOptions {
  /** Template syntax; YAML uses short-form intrinsics. */
  syntax: 'yaml' | 'json';
}

/** Template text in the chosen syntax. */
export function renderTemplate(built: BuiltTemplate, syntax: 'yaml' | 'json'): string {
  return syntax === 'json' ? `${JSON.stringify(built.template, null, 2)}\n` : toCfnYaml(built.template as unknown as Value);
}

/**
 * Architecture -> CloudFormation: `template.yaml` (or `template.json`) with everything the design needs, the
 * generator's notes attached to it as findings.
 */
export function generateCloudFormation(a: Architecture, options: CloudFormationOptions): GeneratedFile[] {
  const built = buildTemplate(a, { pipeline: options.pipeline });
  return [
    {
      path: options.syntax === 'json' ? 'template.json' : 'template.yaml',
      content: renderTemplate(built, options.syntax),
      format: options.syntax,
      findings: built.warnings,
    },
  ];
}
