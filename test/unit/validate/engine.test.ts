import { afterAll, describe, expect, it } from 'vitest';
import { CfnEngineHost, validateCloudFormation } from '../../../src/validate/index.js';
import { template } from './helpers.js';

// One warm engine for the whole block: starting AWS's validator takes seconds and ~300 MB.
describe("AWS's CloudFormation validator in a worker (full: true)", () => {
  const engine = new CfnEngineHost({ idleMs: 60_000 });
  afterAll(() => engine.stop());

  it('adds what the spec cannot know (enum values, conditional requirements) without repeating spec findings', async () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_USE
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      MemorySize: lots
      Code:
        ZipFile: x
`;
    const r = await validateCloudFormation(text, { file: 'app.yaml', full: true, engine });
    const aws = r.findings.filter((f) => f.source === 'cfn-validate');
    expect(aws).toContainEqual(expect.objectContaining({ rule: 'W3030', line: 6, path: '/Resources/Table/Properties/BillingMode', message: expect.stringContaining("'PAY_PER_USE' is not one of") }));
    expect(aws).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'F3003', message: expect.stringContaining("'ProvisionedThroughput' is a required property") }));
    // The spec check found these; the engine's restatements are dropped.
    expect(r.findings.filter((f) => f.message.includes('lots') || f.message.includes("'Role'")).map((f) => f.source)).toEqual(['cfn-spec', 'cfn-spec']);
    expect(r.checked.join(' ')).toMatch(/@aws\/cloudformation-validate \d+\.\d+\.\d+/);
    expect(r.checked.join(' ')).toContain('repeating a spec finding');
    expect(engine.lastStartMs).toBeGreaterThan(0);
  });

  it('is fast once warm and finds nothing wrong in a good template', async () => {
    const r = await validateCloudFormation(template('good/cfn-modern.yaml'), { full: true, engine });
    expect(r.valid).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.durationMs).toBeLessThan(2000);
  });

  it('keeps informational notes only when asked', async () => {
    const text = template('good/cfn-serverless-api.yaml');
    const without = await validateCloudFormation(text, { full: true, engine });
    const withInfo = await validateCloudFormation(text, { full: true, engine, includeInfo: true });
    expect(without.findings.some((f) => f.severity === 'info')).toBe(false);
    expect(withInfo.findings.some((f) => f.severity === 'info' && f.source === 'cfn-validate')).toBe(true);
  });

  it('reports an engine that cannot start as not checked, and still returns the spec findings', async () => {
    const broken = new CfnEngineHost({ modulePath: '/nonexistent/cloudformation-validate' });
    const r = await validateCloudFormation(template('broken/cfn-misspelled-property.yaml'), { full: true, engine: broken });
    expect(r.findings).toEqual([expect.objectContaining({ source: 'cfn-spec', rule: 'property-name' })]);
    expect(r.notChecked.join(' ')).toMatch(/AWS CloudFormation validator: the AWS validator failed to start/);
    expect(broken.running).toBe(false);
  });

  // Last: it stops the shared engine on purpose.
  it('stops the engine when a validation runs past its time limit and reports it as not checked', async () => {
    await engine.start();
    const r = await validateCloudFormation(template('good/cfn-large.json'), { full: true, engine, engineTimeoutMs: 1 });
    expect(r.notChecked.join(' ')).toContain('did not answer within 0.001 s');
    expect(r.findings).toEqual([]);
    expect(engine.running).toBe(false);
  });
});
