import type { Architecture, GeneratedFile } from '../../model/index.js';
import { githubWorkflow } from './github-actions.js';
import type { IacFormat } from './github-actions.js';
import { githubOidcTemplate } from './oidc.js';
import { wantsGithubActions } from './stages.js';
import type { PipelineChoice } from './stages.js';

export { buildspec } from './buildspec.js';
export { githubWorkflow } from './github-actions.js';
export type { IacFormat, WorkflowOptions } from './github-actions.js';
export { githubOidcTemplate } from './oidc.js';
export { deliveryStages, deployServices, wantsCodePipeline, wantsGithubActions } from './stages.js';
export type { DeliveryStage, PipelineChoice } from './stages.js';

export interface PipelineFileOptions {
  pipeline: PipelineChoice;
  /** Where the generated code sits in the repository. @default infra/<format> */
  directory?: string;
  /** CloudFormation template file name. */
  templateFile?: string;
  /** The CloudFormation template takes an ImageTag parameter. */
  imageTag?: boolean;
  /** CloudFormation YAML writer (short-form intrinsics) for the bootstrap template. */
  toYaml: (template: unknown) => string;
}

/**
 * Delivery files beside the code: the GitHub Actions workflow (`.github/workflows/deploy-<name>.yml`) and its
 * one-time OIDC bootstrap template (`pipeline/github-oidc.yaml`). The in-template CodePipeline, when asked for, is
 * part of the CloudFormation template or CDK stack itself.
 */
export function pipelineFiles(a: Architecture, format: IacFormat, o: PipelineFileOptions): GeneratedFile[] {
  if (!wantsGithubActions(o.pipeline)) return [];
  const directory = o.directory ?? `infra/${format}`;
  return [
    {
      path: `.github/workflows/deploy-${a.name}.yml`,
      content: githubWorkflow(a, { format, directory, templateFile: o.templateFile ?? 'template.yaml', pipeline: o.pipeline, imageTag: o.imageTag ?? false }),
      format: 'yaml',
      findings: [],
    },
    { path: 'pipeline/github-oidc.yaml', content: o.toYaml(githubOidcTemplate(a, format, o.pipeline)), format: 'yaml', findings: [] },
  ];
}
