import { describe, expect, it } from 'vitest';
import { CfnParseError, parseCfnTemplate, stringifyCfnYaml } from '../../../src/validate/index.js';
import { parseCfnSource } from '../../../src/validate/cfn/yaml.js';
import { template } from './helpers.js';

describe('CloudFormation YAML with short-form intrinsics', () => {
  it('turns every short form into its long JSON form', () => {
    const t = parseCfnTemplate(`
Resources:
  X:
    Type: AWS::SNS::Topic
    Properties:
      A: !Ref Param
      B: !GetAtt Table.StreamArn
      C: !GetAtt [Db, Endpoint.Address]
      D: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
      E: !Join ['', [a, !Ref B]]
      F: !If [IsProd, !Select [0, !GetAZs ''], !Ref 'AWS::NoValue']
      G: !Base64 { 'Fn::Sub': 'x' }
      H: !FindInMap [M, !Ref 'AWS::Region', Ami]
      I: !Equals [!Condition C1, true]
`);
    const p = (t.Resources as any).X.Properties;
    expect(p.A).toEqual({ Ref: 'Param' });
    expect(p.B).toEqual({ 'Fn::GetAtt': ['Table', 'StreamArn'] });
    expect(p.C).toEqual({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] });
    expect(p.D).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' });
    expect(p.E).toEqual({ 'Fn::Join': ['', ['a', { Ref: 'B' }]] });
    expect(p.F).toEqual({ 'Fn::If': ['IsProd', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { Ref: 'AWS::NoValue' }] });
    expect(p.G).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'x' } });
    expect(p.H).toEqual({ 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Ami'] });
    expect(p.I).toEqual({ 'Fn::Equals': [{ Condition: 'C1' }, true] });
  });

  it('writes short forms back, keeping the outer function long when its argument is itself a short form', () => {
    const t = {
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Condition: 'IsProd',
          Properties: {
            Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
            UserData: { 'Fn::Base64': { 'Fn::Sub': 'echo ${AWS::Region}' } },
            Name: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'fn']] },
          },
        },
      },
    };
    const yaml = stringifyCfnYaml(t);
    expect(yaml).toContain('Role: !GetAtt Role.Arn');
    expect(yaml).toContain('Fn::Base64: !Sub echo ${AWS::Region}');
    expect(yaml).toContain('!Ref AWS::StackName');
    expect(yaml).toContain('Condition: IsProd');
    expect(parseCfnTemplate(yaml)).toEqual(t);
  });

  it('round-trips the good fixtures', () => {
    for (const f of ['good/cfn-serverless-api.yaml', 'good/cfn-modern.yaml', 'good/cfn-large.json']) {
      const t = parseCfnTemplate(template(f));
      expect(parseCfnTemplate(stringifyCfnYaml(t))).toEqual(t);
    }
  });

  it('reports where text is not YAML or JSON', () => {
    expect(() => parseCfnTemplate(template('broken/not-yaml.yaml'))).toThrow(CfnParseError);
    try {
      parseCfnTemplate('Resources:\n  A:\n    Type: [AWS::S3::Bucket\n  B: 1\n');
    } catch (e) {
      expect(e).toBeInstanceOf(CfnParseError);
      expect((e as CfnParseError).line).toBe(4);
      expect((e as CfnParseError).column).toBeGreaterThan(0);
    }
    const dup = parseCfnSource('Resources:\n  A: 1\n  A: 2\n');
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatchObject({ line: 3, message: expect.stringContaining('unique') });
  });

  it('locates JSON paths in YAML and JSON sources, falling back to the deepest node that exists', () => {
    const y = parseCfnSource('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt R.Arn\n');
    if (!y.ok) throw new Error('parse');
    expect(y.source.locate(['Resources', 'Fn', 'Properties', 'Role'])).toEqual({ line: 5, column: 7 });
    expect(y.source.locate(['Resources', 'Fn', 'Properties', 'Role', 'Fn::GetAtt'])).toEqual({ line: 5, column: 7 });
    expect(y.source.locate(['Resources', 'Fn', 'Properties', 'Missing'])?.line).toBe(4);
    const j = parseCfnSource('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}');
    if (!j.ok) throw new Error('parse');
    expect(j.source.syntax).toBe('json');
    expect(j.source.locate(['Resources', 'Q', 'Type'])).toEqual({ line: 3, column: 12 });
  });
});
