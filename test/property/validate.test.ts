import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCfnSpec, parseCfnTemplate, stringifyCfnYaml, validateTerraform } from '../../src/validate/index.js';
import { checkTemplate } from '../../src/validate/cfn/structural.js';
import type { CfnSpec } from '../../src/validate/cfn/spec.js';
import { referencesInTemplate } from '../../src/validate/tf/refs.js';
import { scanHcl } from '../../src/validate/tf/locate.js';

let spec: CfnSpec;
beforeAll(async () => {
  spec = await loadCfnSpec();
});

const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/);
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
/** Values with intrinsics in them, the way templates hold them. */
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    name.map((n) => ({ Ref: n })),
    fc.tuple(name, name).map(([a, b]) => ({ 'Fn::GetAtt': [a, b] })),
    fc.string({ maxLength: 20 }).map((s) => ({ 'Fn::Sub': s })),
    fc.tuple(name, tie('v'), tie('v')).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(name, tie('v'), { maxKeys: 3 }),
  ),
})).v;
const types = ['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::EC2::SecurityGroup', 'AWS::Nope::Thing', 'Custom::X'];
const templateArb = fc.record({
  Parameters: fc.dictionary(name, fc.record({ Type: fc.constantFrom('String', 'Number', 'Bogus') }), { maxKeys: 2 }),
  Resources: fc.dictionary(name, fc.record({ Type: fc.constantFrom(...types), Properties: fc.dictionary(name, value, { maxKeys: 4 }), DependsOn: fc.option(name, { nil: undefined }) }, { requiredKeys: ['Type'] }), { maxKeys: 4 }),
  Outputs: fc.dictionary(name, fc.record({ Value: value }), { maxKeys: 2 }),
});

describe('validator laws', () => {
  it('the structural check never throws, on any JSON or any template-shaped value', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), templateArb), (t) => {
      const r = checkTemplate(t, spec);
      for (const f of r.findings) expect(f.message.length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('stringifyCfnYaml then parseCfnTemplate gives back the same template', () => {
    fc.assert(fc.property(templateArb, (t) => {
      const plain = JSON.parse(JSON.stringify(t));
      expect(parseCfnTemplate(stringifyCfnYaml(plain))).toEqual(plain);
    }), { numRuns: 200 });
  });

  it('the HCL scanner and reference reader never throw on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      scanHcl(s);
      referencesInTemplate(s);
    }), { numRuns: 500 });
  });

  it('validateTerraform answers with a report, never an exception, for arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
      const r = await validateTerraform([{ path: 'x.tf', content: s }]);
      expect(typeof r.valid).toBe('boolean');
    }), { numRuns: 40 });
  });
});
