import type { Architecture } from '../../model/index.js';

/** CodeBuild buildspec of the in-template CodePipeline: validate the template (CloudFormation) or synthesize it (CDK). */
export function buildspec(a: Architecture, format: 'cloudformation' | 'cdk', templateFile: string): string {
  if (format === 'cloudformation') {
    return [
      'version: 0.2',
      'phases:',
      '  install:',
      '    runtime-versions:',
      '      python: 3.12',
      '    commands:',
      '      - pip install --quiet "cfn-lint>=1,<2"',
      '  build:',
      '    commands:',
      `      - cfn-lint ${templateFile}`,
      'artifacts:',
      '  files:',
      `    - ${templateFile}`,
      '',
    ].join('\n');
  }
  return [
    'version: 0.2',
    'phases:',
    '  install:',
    '    runtime-versions:',
    '      nodejs: 22',
    '    commands:',
    '      - npm ci',
    '  build:',
    '    commands:',
    '      - npx tsc --noEmit',
    '      - npx cdk synth --quiet',
    'artifacts:',
    '  base-directory: cdk.out',
    '  files:',
    `    - '${a.name}-*.template.json'`,
    '',
  ].join('\n');
}
