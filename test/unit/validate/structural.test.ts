import { beforeAll, describe, expect, it } from 'vitest';
import { loadCfnSpec, validateCloudFormation } from '../../../src/validate/index.js';
import { checkTemplate } from '../../../src/validate/cfn/structural.js';
import type { CfnSpec } from '../../../src/validate/cfn/spec.js';

let spec: CfnSpec;
beforeAll(async () => {
  spec = await loadCfnSpec();
});

const fn = (props: Record<string, unknown>) => ({
  Resources: {
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'x' }, ...props } },
  },
});
const messages = (t: unknown) => checkTemplate(t, spec).findings.map((f) => `${f.severity}: ${f.message}`);

describe('structural CloudFormation check', () => {
  it('accepts numeric and boolean strings the way CloudFormation does, and treats intrinsics as opaque', () => {
    expect(messages(fn({ MemorySize: '512', Timeout: { Ref: 'AWS::NoValue' }, Environment: { Variables: { A: { 'Fn::Sub': 'x' } } } }))).toEqual([]);
    expect(messages({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: 'true', ContentBasedDeduplication: true } } } })).toEqual([]);
  });

  it('checks both branches of Fn::If against the property type', () => {
    expect(messages({ ...fn({ MemorySize: { 'Fn::If': ['C', 256, 'big'] } }), Conditions: { C: { 'Fn::Equals': ['a', 'a'] } } })).toEqual([
      'error: expected integer for AWS::Lambda::Function.MemorySize, got string "big"',
    ]);
  });

  it('suggests the right case for a property written in the wrong case', () => {
    expect(messages(fn({ memorySize: 128 }))).toEqual(["error: unknown property 'memorySize' of AWS::Lambda::Function (did you mean 'MemorySize'? names are case-sensitive)"]);
  });

  it('checks Ref, GetAtt and Sub targets, pseudo parameters and what Conditions may reference', () => {
    const t = {
      Parameters: { Stage: { Type: 'String' } },
      Conditions: { Bad: { 'Fn::Equals': [{ Ref: 'Q' }, 'x'] }, Good: { 'Fn::Equals': [{ Ref: 'Stage' }, { Ref: 'AWS::Region' }] } },
      Resources: {
        Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${AWS::Regoin}-${Q.QueueName}-${Q.Nope}-${!Literal}' } } },
      },
    };
    expect(messages(t)).toEqual([
      "error: Conditions can only Ref parameters, not resource 'Q'",
      "error: unknown pseudo parameter 'AWS::Regoin' (did you mean 'AWS::Region'?)",
      "error: AWS::SQS::Queue has no attribute 'Nope' for Fn::Sub ${Q.Nope}; valid: Arn, QueueName, QueueUrl",
      // The queue's own name refers to the queue: CloudFormation refuses a resource that depends on itself.
      'error: circular dependency: Q -> Q',
    ]);
  });

  it('accepts dotted GetAtt attributes, nested stack outputs and custom resource attributes', () => {
    const t = {
      Resources: {
        Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres' } },
        Stack: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.yaml' } },
        Custom: { Type: 'Custom::Thing', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:1:function:f' } },
        Topic: {
          Type: 'AWS::SNS::Topic',
          Properties: { TopicName: { 'Fn::Join': ['-', [{ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }, { 'Fn::GetAtt': 'Stack.Outputs.Name' }, { 'Fn::GetAtt': ['Custom', 'Anything'] }]] } },
        },
      },
    };
    expect(messages(t)).toEqual([]);
  });

  it('reports custom resources without a ServiceToken, third-party types as unchecked, and bad resource attributes', () => {
    const t = {
      Resources: {
        C: { Type: 'Custom::X', Properties: {} },
        T: { Type: 'MyOrg::Svc::Thing', Properties: { Anything: 1 } },
        B: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Keep', Propertes: {} },
      },
    };
    const r = checkTemplate(t, spec);
    expect(r.findings.map((f) => f.message)).toEqual([
      "custom resource 'C' has no ServiceToken property",
      "resource type 'MyOrg::Svc::Thing' is not in the AWS spec (a registry extension?); its properties are not checked",
      "unknown resource attribute 'Propertes' (did you mean 'Properties'?)",
      "DeletionPolicy 'Keep' is not one of Delete, Retain, RetainExceptOnCreate, Snapshot",
    ]);
    expect(r.findings[1]!.severity).toBe('info');
    expect(r.notChecked.join(' ')).toContain('Custom resources');
  });

  it('checks sections, parameters, outputs and mappings', () => {
    const t = {
      Resourcess: {},
      Parameters: { P: { Type: 'Strin', Defualt: 'x' }, Q: { Type: 'String', AllowedValues: ['a', 'b'], Default: 'c' } },
      Mappings: { M: { 'us-east-1': { Ami: 'ami-1' } } },
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::FindInMap': ['M', 'eu-west-1', 'Ami'] } } } },
      Outputs: { O: { Description: 'no value' }, 'Bad-Name': { Value: 'x' } },
    };
    expect(messages(t)).toEqual([
      "error: unknown top-level section 'Resourcess' (did you mean 'Resources'?)",
      "error: unknown parameter attribute 'Defualt' (did you mean 'Default'?)",
      "error: parameter 'P' has unknown Type \"Strin\" (did you mean 'String'?)",
      "error: Default \"c\" of parameter 'Q' is not one of its AllowedValues",
      "error: mapping 'M' has no key 'eu-west-1' (did you mean 'us-east-1'?)",
      "error: output 'O' has no Value",
      "error: output name 'Bad-Name' must be alphanumeric (A-Z, a-z, 0-9)",
    ]);
  });

  it('skips Fn::ForEach loops and downgrades references they may create to warnings', () => {
    const t = {
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        'Fn::ForEach::Topics': ['Name', ['A', 'B'], { '${Name}Topic': { Type: 'AWS::SNS::Topic' } }],
        Sub: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'ATopic' }, Protocol: 'sqs' } },
      },
    };
    const r = checkTemplate(t, spec);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', message: "Ref to unknown resource or parameter 'ATopic'" })]);
    expect(r.notChecked.join(' ')).toContain('Fn::ForEach');
  });

  it('never throws on templates that are not objects', () => {
    for (const t of [null, 42, 'x', [], { Resources: [] }, { Resources: { A: null } }, { Resources: { A: { Type: 7 } } }]) {
      expect(() => checkTemplate(t, spec)).not.toThrow();
      expect(checkTemplate(t, spec).findings.length).toBeGreaterThan(0);
    }
  });

  it('returns a syntax finding, not an exception, for text that does not parse', async () => {
    const r = await validateCloudFormation('Resources:\n  A: [\n', { file: 't.yaml' });
    expect(r.valid).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'syntax', source: 'cfn-parse', file: 't.yaml', line: expect.any(Number), column: expect.any(Number) })]);
  });
});
