import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { IAC_FORMATS, generate } from '../../../../src/generators/index.js';
import { buildspec, deliveryStages, deployServices, githubOidcTemplate, githubWorkflow, pipelineFiles } from '../../../../src/generators/pipeline/index.js';
import type { IacFormat } from '../../../../src/generators/pipeline/index.js';
import type { Architecture, ArchitectureInput } from '../../../../src/model/index.js';
import { parseArchitecture } from '../../../../src/model/index.js';
import { isUserError } from '../../../../src/shared/errors.js';
import { parseCfnTemplate } from '../../../../src/validate/index.js';
import { architectureFixture } from '../../../helpers/fixtures.js';

function model(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  environment?: { name: string };
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: Array<Record<string, string>> } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: { pull_request: { branches: string[]; paths: string[] }; push: { branches: string[]; paths: string[] } };
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const staged = model({
  name: 'shop',
  region: 'eu-west-1',
  components: [
    { id: 'api', service: 'lambda' },
    { id: 'orders', service: 'dynamodb' },
  ],
  connections: [{ from: 'api', to: 'orders', kind: 'read-write' }],
  delivery: { pipeline: 'github-actions', repository: 'acme/shop', stages: ['dev', 'pre-prod', 'production'] },
});

const workflow = (format: IacFormat, a: Architecture = staged, directory = `infra/${format}`) =>
  parse(githubWorkflow(a, { format, directory, templateFile: 'template.yaml', pipeline: 'github-actions', imageTag: false })) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('delivery stages', () => {
  it('follow the design, with environment names CloudFormation parameters accept; the last one is approved by hand', () => {
    expect(deliveryStages(staged)).toEqual([
      { name: 'dev', environment: 'dev', stack: 'shop-dev', approval: false },
      { name: 'pre-prod', environment: 'preprod', stack: 'shop-preprod', approval: false },
      { name: 'production', environment: 'production', stack: 'shop-production', approval: true },
    ]);
  });

  it('a single stage deploys without an approval', () => {
    const one = model({ name: 'one', components: [{ id: 'fn', service: 'lambda' }], delivery: { stages: ['prod'] } });
    expect(deliveryStages(one)).toEqual([{ name: 'prod', environment: 'prod', stack: 'one-prod', approval: false }]);
  });

  it('the deploying identity gets the services of every kind in the design and no others', () => {
    const services = deployServices(staged, false);
    expect(services).toEqual(expect.arrayContaining(['cloudformation', 'lambda', 'dynamodb', 'iam', 'logs']));
    expect(services).not.toContain('rds');
    expect(services).not.toContain('codepipeline');
    expect(deployServices(staged, true)).toContain('codepipeline');
  });
});

describe.each(IAC_FORMATS)('GitHub Actions workflow: %s', (format) => {
  const wf = workflow(format);

  it('runs on pull requests and pushes to main that touch the code or the workflow', () => {
    expect(wf.on.pull_request.branches).toEqual(['main']);
    expect(wf.on.push.branches).toEqual(['main']);
    for (const paths of [wf.on.pull_request.paths, wf.on.push.paths]) {
      expect(paths).toContain(`infra/${format}/**`);
      expect(paths).toContain('.github/workflows/deploy-shop.yml');
    }
    expect(wf.env['AWS_REGION']).toBe('eu-west-1');
  });

  it('reads the repository by default and asks for an OIDC token only in the jobs that assume a role', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(wf.jobs)) {
      const assumes = job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(job.permissions?.['id-token'] === 'write', name).toBe(assumes);
    }
  });

  it('stores no AWS keys: every credential comes from role assumption', () => {
    const text = githubWorkflow(staged, { format, directory: 'infra', templateFile: 'template.yaml', pipeline: 'github-actions', imageTag: false });
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|secrets\.AWS/);
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps.filter((x) => x.uses?.startsWith('aws-actions/configure-aws-credentials'))) expect(s.with?.['role-to-assume']).toMatch(/^\$\{\{ vars\.AWS_(PREVIEW|DEPLOY)_ROLE_ARN \}\}$/);
    }
  });

  it('validates first, and previews every stage on pull requests with the format\'s own dry run', () => {
    expect(wf.jobs['validate']).toBeDefined();
    const preview = wf.jobs['preview']!;
    expect(preview.if).toBe("github.event_name == 'pull_request'");
    expect(preview.needs).toBe('validate');
    expect(preview.strategy!.matrix.include.map((m) => m['stage'])).toEqual(['dev', 'pre-prod', 'production']);
    const dryRun = { cloudformation: /create-change-set/, terraform: /terraform plan/, cdk: /cdk diff/ }[format];
    expect(runs(preview)).toMatch(dryRun);
    expect(runs(preview)).not.toMatch(/cdk deploy|terraform apply|execute-change-set|deploy --/);
  });

  it('deploys the stages in order on main, each in its GitHub environment, with a rollback step', () => {
    const deploys = Object.entries(wf.jobs).filter(([name]) => name.startsWith('deploy-'));
    expect(deploys.map(([name]) => name)).toEqual(['deploy-dev', 'deploy-preprod', 'deploy-production']);
    expect(deploys.map(([, j]) => j.needs)).toEqual(['validate', 'deploy-dev', 'deploy-preprod']);
    expect(deploys.map(([, j]) => j.environment?.name)).toEqual(['dev', 'pre-prod', 'production']);
    for (const [name, job] of deploys) {
      expect(job.if, name).toBe("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'");
      expect(job.steps.some((s) => s.if?.startsWith('failure()')), `${name} reacts to a failed deploy`).toBe(true);
    }
  });

  it('puts the manual approval before the last stage (its environment\'s required reviewers)', () => {
    const text = githubWorkflow(staged, { format, directory: 'infra', templateFile: 'template.yaml', pipeline: 'github-actions', imageTag: false });
    const approval = text.indexOf('required reviewers on this environment');
    expect(approval).toBeGreaterThan(text.indexOf('deploy-production:'));
    expect(text.indexOf('required reviewers on this environment', approval + 1)).toBe(-1);
  });

  it('works in the folder it is told the code is in', () => {
    const wf2 = workflow(format, staged, 'deploy/aws');
    expect(wf2.on.push.paths).toContain('deploy/aws/**');
    expect(JSON.stringify(wf2)).not.toContain(`infra/${format}`);
  });

  it('the OIDC bootstrap trusts only this repository: pull requests for previews, each environment for its deploys', () => {
    const t = parseCfnTemplate(pipelineFiles(staged, format, { pipeline: 'github-actions', toYaml: (x) => JSON.stringify(x) })[1]!.content) as {
      Resources: Record<string, { Type: string; Properties: { AssumeRolePolicyDocument?: { Statement: Array<{ Condition: { StringEquals: Record<string, string> } }> } } }>;
    };
    const subjects = Object.values(t.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('AssumeRoleWithWebIdentity'))
      .flatMap((r) => r.Properties.AssumeRolePolicyDocument!.Statement.map((s) => s.Condition.StringEquals));
    expect(subjects.map((s) => s['token.actions.githubusercontent.com:sub']).sort()).toEqual(
      ['repo:acme/shop:pull_request', 'repo:acme/shop:environment:dev', 'repo:acme/shop:environment:pre-prod', 'repo:acme/shop:environment:production'].sort(),
    );
    for (const s of subjects) expect(s['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
  });
});

describe('format specifics', () => {
  it('CloudFormation deploys through change sets with the stage as a parameter and finishes a stuck rollback', () => {
    const text = runs(workflow('cloudformation').jobs['deploy-dev']!);
    expect(text).toMatch(/EnvironmentName=dev/);
    expect(text).toMatch(/continue-update-rollback/);
  });

  it('Terraform keeps state per stage in a workspace and re-applies the previous commit on failure', () => {
    const job = workflow('terraform').jobs['deploy-preprod']!;
    expect(runs(job)).toMatch(/terraform workspace select -or-create "preprod"/);
    expect(runs(job)).toMatch(/git checkout "\$\{\{ github\.event\.before \}\}"/);
  });

  it('CDK deploys one stack per stage with rollback on', () => {
    expect(runs(workflow('cdk').jobs['deploy-production']!)).toMatch(/cdk deploy shop-production .*--rollback true/);
  });

  it('CodePipeline build steps lint the template (CloudFormation) or type-check and synthesize (CDK)', () => {
    expect(parse(buildspec(staged, 'cloudformation', 'template.yaml')).phases.build.commands).toEqual(['cfn-lint template.yaml']);
    expect(parse(buildspec(staged, 'cdk', '')).phases.build.commands).toEqual(['npx tsc --noEmit', 'npx cdk synth --quiet']);
  });

  it('the OIDC bootstrap gives each format what it deploys with', () => {
    const types = (f: IacFormat) => Object.keys(githubOidcTemplate(staged, f, 'github-actions')['Resources'] as object);
    expect(types('terraform').join(' ')).toMatch(/State/);
    expect(types('cloudformation').join(' ')).toMatch(/Template|Execution/);
    expect(JSON.stringify(githubOidcTemplate(staged, 'cdk', 'github-actions'))).toContain('cdk-hnb659fds-');
  });
});

describe('generate()', () => {
  it('refuses an unknown format with the list of formats and a suggestion', () => {
    let error: unknown;
    try {
      generate(staged, 'cloudformaton');
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/did you mean 'cloudformation'/i);
  });

  it('adds the workflow and its bootstrap beside the code for github-actions, nothing for none or codepipeline', () => {
    for (const format of IAC_FORMATS) {
      const paths = (pipeline: 'github-actions' | 'codepipeline' | 'none' | 'both') => generate(staged, format, { pipeline }).map((f) => f.path);
      expect(paths('github-actions'), format).toEqual(expect.arrayContaining(['.github/workflows/deploy-shop.yml', 'pipeline/github-oidc.yaml']));
      expect(paths('both'), format).toContain('.github/workflows/deploy-shop.yml');
      expect(paths('none').some((p) => p.startsWith('.github/') || p.startsWith('pipeline/')), format).toBe(false);
      expect(paths('codepipeline').some((p) => p.startsWith('.github/')), format).toBe(false);
    }
  });

  it('defaults the pipeline to the design\'s and the CloudFormation syntax to YAML; JSON on request', () => {
    const a = architectureFixture('nightly-etl');
    const paths = generate(a, 'cloudformation').map((f) => f.path);
    expect(paths[0]).toBe('template.yaml');
    expect(paths.some((p) => p.startsWith('.github/'))).toBe(a.delivery.pipeline === 'github-actions' || a.delivery.pipeline === 'both');
    const json = generate(staged, 'cloudformation', { cloudformationFormat: 'json' });
    expect(json[0]!.path).toBe('template.json');
    expect(json.find((f) => f.path.startsWith('.github/'))!.content).toContain('template.json');
  });

  it('every file path is relative and unique', () => {
    for (const format of IAC_FORMATS) {
      const paths = generate(architectureFixture('kitchen-sink'), format, { pipeline: 'both' }).map((f) => f.path);
      expect(new Set(paths).size, format).toBe(paths.length);
      for (const p of paths) expect(p, format).toMatch(/^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/);
      for (const p of paths) expect(p.split('/'), format).not.toContain('..');
    }
  });
});

describe('README beside the code', () => {
  it('CloudFormation: files, every parameter, a deploy command per stage and the generator\'s warnings', () => {
    const a = architectureFixture('kitchen-sink');
    const files = generate(a, 'cloudformation');
    const readme = files.find((f) => f.path === 'README.md')!.content;
    const template = parseCfnTemplate(files[0]!.content) as { Parameters: Record<string, unknown> };
    for (const p of Object.keys(template.Parameters)) expect(readme).toContain(`| \`${p}\` |`);
    for (const s of deliveryStages(a)) expect(readme).toContain(`--stack-name ${s.stack} `);
    // The kitchen sink is far over the inline limit, so deploy goes through S3.
    expect(readme).toContain('--s3-bucket');
    expect(readme).toContain('CAPABILITY_IAM');
    for (const w of files[0]!.findings.filter((x) => x.severity === 'warning')) expect(readme).toContain(w.message);
    expect(readme).toContain('pipeline/github-oidc.yaml');
    expect(readme).toContain('Developer Tools > Connections');
  });

  it('CDK: bootstrap, synth, nag and deploy commands, the stacks, and the image tag context when there are images', () => {
    const a = architectureFixture('ecommerce-api');
    const readme = generate(a, 'cdk').find((f) => f.path === 'README.md')!.content;
    expect(readme).toMatch(/npx cdk bootstrap aws:\/\/<account>\/eu-west-1/);
    for (const s of deliveryStages(a)) expect(readme).toContain(`\`${s.stack}\``);
    expect(readme).toContain('-c imageTag=<tag>');
    expect(readme).toContain('npm run nag');
  });

  it('says so when the design has no pipeline', () => {
    const readme = generate(staged, 'cloudformation', { pipeline: 'none' }).find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain('no delivery pipeline');
    expect(readme).not.toContain('github-oidc');
  });
});
