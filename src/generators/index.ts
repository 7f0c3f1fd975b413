import type { Architecture, GeneratedFile } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import { generateCdk } from './cdk/index.js';
import { buildTemplate, renderTemplate } from './cloudformation/index.js';
import { toCfnYaml } from './cloudformation/yaml.js';
import { pipelineFiles } from './pipeline/index.js';
import { cdkReadme, cloudformationReadme } from './pipeline/readme.js';
import type { PipelineChoice } from './pipeline/index.js';
import { generateTerraform } from './terraform/index.js';

/** The IaC flavours `generate` produces. */
export const IAC_FORMATS = ['cloudformation', 'terraform', 'cdk'] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];

export interface GenerateOptions {
  /** CloudFormation template syntax. @default 'yaml' */
  cloudformationFormat?: 'yaml' | 'json';
  /** CI/CD to generate. @default architecture.delivery.pipeline */
  pipeline?: PipelineChoice;
  /** Folder of the code in the user's repository, for the workflow's paths. @default infra/<format> */
  directory?: string;
}

/**
 * Architecture -> the files of one IaC format plus its delivery pipeline. Pure: the same model and options always
 * give the same files. A format that does not exist is a {@link UserError} naming the ones that do.
 */
export function generate(architecture: Architecture, format: string, options: GenerateOptions = {}): GeneratedFile[] {
  if (!(IAC_FORMATS as readonly string[]).includes(format)) {
    throw new UserError('format', `unknown IaC format '${format}'${didYouMean(format, IAC_FORMATS)}`, `Use one of: ${IAC_FORMATS.join(', ')}.`);
  }
  const pipeline = options.pipeline ?? architecture.delivery.pipeline;
  const toYaml = (t: unknown) => toCfnYaml(t as Parameters<typeof toCfnYaml>[0]);
  const f = format as IacFormat;
  if (f === 'cloudformation') {
    const syntax = options.cloudformationFormat ?? 'yaml';
    const built = buildTemplate(architecture, { pipeline });
    const template: GeneratedFile = { path: syntax === 'json' ? 'template.json' : 'template.yaml', content: renderTemplate(built, syntax), format: syntax, findings: built.warnings };
    const imageTag = Boolean(built.template.Parameters?.['ImageTag']);
    return [
      template,
      ...pipelineFiles(architecture, f, { pipeline, directory: options.directory, templateFile: template.path, imageTag, toYaml }),
      cloudformationReadme(architecture, template, built.template, pipeline),
    ];
  }
  if (f === 'cdk') {
    const app = generateCdk(architecture, { pipeline });
    const stack = app.find((x) => x.path.startsWith('lib/'))!;
    return [...app, ...pipelineFiles(architecture, f, { pipeline, directory: options.directory, toYaml }), cdkReadme(architecture, stack, pipeline)];
  }
  return [...generateTerraform(architecture, { pipeline }), ...pipelineFiles(architecture, f, { pipeline, directory: options.directory, toYaml })];
}
