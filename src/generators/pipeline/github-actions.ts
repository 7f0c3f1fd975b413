import type { Architecture } from '../../model/index.js';
import { deliveryStages, wantsCodePipeline } from './stages.js';
import type { DeliveryStage, PipelineChoice } from './stages.js';

/** IaC flavour the workflow deploys. */
export type IacFormat = 'cloudformation' | 'terraform' | 'cdk';

export interface WorkflowOptions {
  format: IacFormat;
  /** Folder of the generated code in the repository. */
  directory: string;
  /** Template file (CloudFormation). */
  templateFile?: string;
  pipeline: PipelineChoice;
  /** The template takes the ImageTag parameter (images from the design's own repositories). */
  imageTag?: boolean;
}

const CHECKOUT = 'actions/checkout@v4';
const AWS_CREDENTIALS = 'aws-actions/configure-aws-credentials@v4';

/** A line list with `${{ }}` kept verbatim (plain strings; never interpolated by this generator). */
function block(lines: string[], indent: number): string {
  const pad = ' '.repeat(indent);
  return lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l ? pad + l : ''))
    .join('\n');
}

function credentials(roleVar: string): string[] {
  return [
    `- name: Assume the ${roleVar === 'AWS_PREVIEW_ROLE_ARN' ? 'preview' : 'deploy'} role (OIDC, no stored keys)`,
    `  uses: ${AWS_CREDENTIALS}`,
    '  with:',
    `    role-to-assume: \${{ vars.${roleVar} }}`,
    '    aws-region: ${{ env.AWS_REGION }}',
    '    role-session-name: github-${{ github.run_id }}',
  ];
}

function setup(format: IacFormat): string[] {
  if (format === 'terraform') return ['- uses: hashicorp/setup-terraform@v3', '  with:', '    terraform_version: "~1.10"'];
  if (format === 'cdk') return ['- uses: actions/setup-node@v4', '  with:', '    node-version: 22', '    cache: npm', '    cache-dependency-path: ${{ env.IAC_DIR }}/package-lock.json', '- run: npm ci'];
  return [];
}

/** Terraform state lives in S3 (native lock file); the override file points any backend at it. */
const TF_INIT = [
  '- name: Configure the S3 state backend',
  '  run: |',
  "    printf 'terraform {\\n  backend \"s3\" {}\\n}\\n' > ci_backend_override.tf",
  '    terraform init -input=false \\',
  '      -backend-config="bucket=${{ vars.TF_STATE_BUCKET }}" \\',
  '      -backend-config="key=${{ env.STATE_KEY }}" \\',
  '      -backend-config="region=${{ env.AWS_REGION }}" \\',
  '      -backend-config="encrypt=true" \\',
  '      -backend-config="use_lockfile=true"',
];

function validateJob(o: WorkflowOptions): string[] {
  const steps: string[] = [`- uses: ${CHECKOUT}`, ...setup(o.format)];
  if (o.format === 'cloudformation') {
    steps.push('- uses: actions/setup-python@v5', '  with:', '    python-version: "3.12"', '- run: pip install "cfn-lint>=1,<2"', `- name: Lint the template`, `  run: cfn-lint ${o.templateFile}`);
  } else if (o.format === 'terraform') {
    steps.push('- run: terraform fmt -check -recursive', '- run: terraform init -backend=false -input=false', '- run: terraform validate');
  } else {
    steps.push('- run: npx tsc --noEmit', '- name: Synthesize every stage', '  run: npx cdk synth --quiet');
  }
  return ['validate:', '  runs-on: ubuntu-latest', '  steps:', block(steps, 4)];
}

function previewJob(o: WorkflowOptions, stages: DeliveryStage[]): string[] {
  const matrix = stages.map((s) => `{ stage: ${s.name}, environment: ${s.environment}, stack: ${s.stack} }`);
  let steps: string[];
  if (o.format === 'cloudformation') {
    steps = [
      `- uses: ${CHECKOUT}`,
      ...credentials('AWS_PREVIEW_ROLE_ARN'),
      '- name: Create a change set and list what it would change',
      '  run: |',
      '    set -euo pipefail',
      '    key="previews/${{ matrix.stack }}/${{ github.sha }}/' + o.templateFile + '"',
      `    aws s3 cp "${o.templateFile}" "s3://\${{ vars.CFN_TEMPLATE_BUCKET }}/$key"`,
      '    type=UPDATE',
      '    aws cloudformation describe-stacks --stack-name "${{ matrix.stack }}" > /dev/null 2>&1 || type=CREATE',
      '    name="pr-${{ github.event.pull_request.number }}-${{ github.run_attempt }}"',
      '    aws cloudformation create-change-set --stack-name "${{ matrix.stack }}" --change-set-name "$name" --change-set-type "$type" \\',
      '      --template-url "https://${{ vars.CFN_TEMPLATE_BUCKET }}.s3.${{ env.AWS_REGION }}.amazonaws.com/$key" \\',
      `      --parameters ${parameters(o, '${{ matrix.environment }}', false).map((p) => `ParameterKey=${p[0]},ParameterValue=${p[1]}`).join(' ')} \\`,
      '      --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND',
      '    aws cloudformation wait change-set-create-complete --stack-name "${{ matrix.stack }}" --change-set-name "$name" || true',
      '    echo "### ${{ matrix.stack }}" >> "$GITHUB_STEP_SUMMARY"',
      "    aws cloudformation describe-change-set --stack-name \"${{ matrix.stack }}\" --change-set-name \"$name\" \\",
      "      --query 'Changes[].ResourceChange.[Action,LogicalResourceId,ResourceType,Replacement]' --output table | tee -a \"$GITHUB_STEP_SUMMARY\"",
      '    aws cloudformation delete-change-set --stack-name "${{ matrix.stack }}" --change-set-name "$name"',
    ];
  } else if (o.format === 'terraform') {
    steps = [
      `- uses: ${CHECKOUT}`,
      ...setup(o.format),
      ...credentials('AWS_PREVIEW_ROLE_ARN'),
      ...TF_INIT,
      '- run: terraform workspace select -or-create "${{ matrix.environment }}"',
      '- name: Plan',
      '  env:',
      '    TF_VAR_environment: ${{ matrix.environment }}',
      '  run: |',
      '    terraform plan -input=false -lock=false -no-color -out=tfplan',
      '    { echo "### ${{ matrix.stage }}"; echo \'```\'; terraform show -no-color tfplan | tail -n 200; echo \'```\'; } >> "$GITHUB_STEP_SUMMARY"',
    ];
  } else {
    steps = [
      `- uses: ${CHECKOUT}`,
      ...setup(o.format),
      ...credentials('AWS_PREVIEW_ROLE_ARN'),
      '- name: Diff against the deployed stack',
      '  run: |',
      '    echo "### ${{ matrix.stack }}" >> "$GITHUB_STEP_SUMMARY"',
      "    npx cdk diff \"${{ matrix.stack }}\" 2>&1 | tee -a \"$GITHUB_STEP_SUMMARY\"",
    ];
  }
  const verb = o.format === 'cloudformation' ? 'change set' : o.format === 'terraform' ? 'terraform plan' : 'cdk diff';
  return [
    'preview:',
    `  name: Preview (${verb}) \${{ matrix.stage }}`,
    "  if: github.event_name == 'pull_request'",
    '  needs: validate',
    '  runs-on: ubuntu-latest',
    '  permissions:',
    '    id-token: write',
    '    contents: read',
    '  strategy:',
    '    fail-fast: false',
    '    matrix:',
    '      include:',
    block(matrix.map((m) => `- ${m}`), 6),
    '  steps:',
    block(steps, 4),
  ];
}

/** CloudFormation parameters the stage deploy sets. */
function parameters(o: WorkflowOptions, environment: string, last: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [['EnvironmentName', environment]];
  if (wantsCodePipeline(o.pipeline)) out.push(['PipelineHost', last ? 'true' : 'false']);
  if (o.imageTag) out.push(['ImageTag', '${{ vars.IMAGE_TAG || github.sha }}']);
  return out;
}

function deployJob(o: WorkflowOptions, s: DeliveryStage, previous: DeliveryStage | undefined, last: boolean, a: Architecture): string[] {
  let steps: string[];
  if (o.format === 'cloudformation') {
    steps = [
      `- uses: ${CHECKOUT}`,
      ...credentials('AWS_DEPLOY_ROLE_ARN'),
      `- name: Deploy ${s.stack}`,
      '  id: deploy',
      '  run: |',
      '    aws cloudformation deploy \\',
      `      --stack-name ${s.stack} \\`,
      `      --template-file ${o.templateFile} \\`,
      `      --s3-bucket "\${{ vars.CFN_TEMPLATE_BUCKET }}" --s3-prefix "deploys/${s.stack}" \\`,
      `      --parameter-overrides ${parameters(o, s.environment, last).map(([k, v]) => `${k}=${v}`).join(' ')} \\`,
      '      --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND \\',
      '      --role-arn "${{ vars.AWS_CFN_EXECUTION_ROLE_ARN }}" \\',
      '      --no-fail-on-empty-changeset \\',
      `      --tags Project=${a.name} Stage=${s.name}`,
      '- name: Report the failure (CloudFormation has rolled the stack back)',
      "  if: failure() && steps.deploy.outcome == 'failure'",
      '  run: |',
      `    aws cloudformation describe-stack-events --stack-name ${s.stack} --max-items 40 \\`,
      "      --query \"StackEvents[?contains(ResourceStatus, 'FAILED')].[Timestamp,LogicalResourceId,ResourceStatusReason]\" --output table | tee -a \"$GITHUB_STEP_SUMMARY\"",
      `    status=$(aws cloudformation describe-stacks --stack-name ${s.stack} --query 'Stacks[0].StackStatus' --output text)`,
      '    # A rollback that itself failed leaves the stack stuck; finish it so the next deploy can run.',
      `    if [ "$status" = "UPDATE_ROLLBACK_FAILED" ]; then aws cloudformation continue-update-rollback --stack-name ${s.stack}; fi`,
    ];
  } else if (o.format === 'terraform') {
    steps = [
      `- uses: ${CHECKOUT}`,
      '  with:',
      '    fetch-depth: 2',
      ...setup(o.format),
      ...credentials('AWS_DEPLOY_ROLE_ARN'),
      ...TF_INIT,
      `- run: terraform workspace select -or-create "${s.environment}"`,
      '- name: Plan and apply',
      '  id: apply',
      '  env:',
      `    TF_VAR_environment: ${s.environment}`,
      '  run: |',
      '    terraform plan -input=false -no-color -out=tfplan',
      '    terraform apply -input=false -no-color tfplan',
      '- name: Roll back to the previous commit',
      "  if: failure() && steps.apply.outcome == 'failure' && github.event.before != ''",
      '  env:',
      `    TF_VAR_environment: ${s.environment}`,
      '  run: |',
      '    # Terraform does not undo a half-applied change: re-apply the configuration that was deployed before.',
      '    git checkout "${{ github.event.before }}" -- .',
      '    terraform init -input=false -reconfigure \\',
      '      -backend-config="bucket=${{ vars.TF_STATE_BUCKET }}" -backend-config="key=${{ env.STATE_KEY }}" \\',
      '      -backend-config="region=${{ env.AWS_REGION }}" -backend-config="encrypt=true" -backend-config="use_lockfile=true"',
      '    terraform apply -input=false -no-color -auto-approve',
      '    echo "Rolled ${{ github.job }} back to ${{ github.event.before }}" >> "$GITHUB_STEP_SUMMARY"',
    ];
  } else {
    steps = [
      `- uses: ${CHECKOUT}`,
      ...setup(o.format),
      ...credentials('AWS_DEPLOY_ROLE_ARN'),
      `- name: Deploy ${s.stack}`,
      '  id: deploy',
      `  run: npx cdk deploy ${s.stack} --require-approval never --rollback true --context imageTag=\${{ vars.IMAGE_TAG || github.sha }}`,
      '- name: Report the failure (CloudFormation has rolled the stack back)',
      "  if: failure() && steps.deploy.outcome == 'failure'",
      '  run: |',
      `    aws cloudformation describe-stack-events --stack-name ${s.stack} --max-items 40 \\`,
      "      --query \"StackEvents[?contains(ResourceStatus, 'FAILED')].[Timestamp,LogicalResourceId,ResourceStatusReason]\" --output table | tee -a \"$GITHUB_STEP_SUMMARY\"",
    ];
  }
  return [
    `deploy-${s.environment}:`,
    `  name: Deploy ${s.name}`,
    "  if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'",
    `  needs: ${previous ? `deploy-${previous.environment}` : 'validate'}`,
    '  runs-on: ubuntu-latest',
    ...(s.approval ? ['  # Set required reviewers on this environment: GitHub pauses here for a manual approval.'] : []),
    '  environment:',
    `    name: ${s.name}`,
    '  permissions:',
    '    id-token: write',
    '    contents: read',
    '  concurrency:',
    `    group: deploy-${s.stack}`,
    '    cancel-in-progress: false',
    '  steps:',
    block(steps, 4),
  ];
}

/**
 * The GitHub Actions workflow beside the code: validate, preview on pull requests (change set, terraform plan or
 * cdk diff against every stage), and on main deploy the stages in order with OIDC role assumption (no stored
 * keys), a manual approval (environment reviewers) before the last stage, and rollback on a failed deploy.
 */
export function githubWorkflow(a: Architecture, o: WorkflowOptions): string {
  const stages = deliveryStages(a);
  const preview = o.format === 'cloudformation' ? 'change sets' : o.format === 'terraform' ? 'terraform plan' : 'cdk diff';
  const paths = [`${o.directory}/**`, `.github/workflows/deploy-${a.name}.yml`];
  const header = [
    `# ${a.name}: ${o.format === 'cdk' ? 'CDK app' : o.format === 'terraform' ? 'Terraform' : 'CloudFormation template'} delivery, generated by aws-backend-architect.`,
    `# Pull requests: validate and preview (${preview}) against ${stages.map((s) => s.name).join(', ')}.`,
    `# main: deploy ${stages.map((s) => s.name).join(' -> ')}${stages.some((s) => s.approval) ? `; "${stages[stages.length - 1]!.name}" waits for the environment's required reviewers` : ''}.`,
    '# AWS access uses GitHub OIDC (no stored keys): deploy pipeline/github-oidc.yaml once, then set the variables it',
    '# outputs (repository: AWS_PREVIEW_ROLE_ARN and the buckets; each environment: its AWS_DEPLOY_ROLE_ARN).',
  ];
  const env = [`AWS_REGION: ${a.region}`, `IAC_DIR: ${o.directory}`, ...(o.format === 'terraform' ? [`STATE_KEY: ${a.name}/terraform.tfstate`] : [])];
  const jobs: string[][] = [validateJob(o), previewJob(o, stages)];
  stages.forEach((s, i) => jobs.push(deployJob(o, s, stages[i - 1], i === stages.length - 1, a)));
  return [
    ...header,
    `name: deploy-${a.name}`,
    'on:',
    '  pull_request:',
    '    branches: [main]',
    '    paths:',
    block(paths.map((p) => `- "${p}"`), 6),
    '  push:',
    '    branches: [main]',
    '    paths:',
    block(paths.map((p) => `- "${p}"`), 6),
    '  workflow_dispatch: {}',
    'permissions:',
    '  contents: read',
    'concurrency:',
    `  group: deploy-${a.name}-\${{ github.ref }}`,
    '  cancel-in-progress: false',
    'env:',
    block(env, 2),
    'defaults:',
    '  run:',
    `    working-directory: ${o.directory}`,
    'jobs:',
    ...jobs.map((j) => block(j, 2)),
    '',
  ].join('\n');
}
