import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../../src/generators/cloudformation/fn.js';
import { buildTemplate } from '../../../../src/generators/cloudformation/index.js';
import { toCfnYaml } from '../../../../src/generators/cloudformation/yaml.js';
import { githubOidcTemplate } from '../../../../src/generators/pipeline/index.js';
import { parseCfnTemplate } from '../../../../src/validate/index.js';
import { architectureFixture, architectureFixtureNames } from '../../../helpers/fixtures.js';

/** Strings YAML likes to read as something else, or that need quoting or escaping. */
const TRICKY = [
  '', ' ', ' leading', 'trailing ', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'null', 'Null', '~', 'true', 'False', '0', '-1', '1.5', '1e3', '0x1F', '0o17', '017',
  '.inf', '-.Inf', '.nan', '2012-10-17', '2024-01-01T00:00:00Z', '12:30', '1_000', '+1', '- item', '-', '? key', ': value', 'a: b', 'a #b', '#comment', '!Ref X',
  '&anchor', '*alias', '|', '>', '@at', '`tick`', '%percent', '"quoted"', "'single'", '{flow}', '[list]', 'a,b', 'tab\there', 'line\nbreak', 'two\n\nblank',
  'trailing newline\n', '\ncr\r\n', 'back\\slash', 'unicode ✓ é 日本', '\u0000nul', '\u0085nel', '\u2028ls', '\ufeffbom', 'arn:aws:s3:::bucket/*', '${AWS::Region}',
  '${!Literal}', 'a'.repeat(300), '=equals', '<lt', 'key:', 'x: ', '...', '---',
];

const scalar = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.constantFrom(...TRICKY.filter((k) => k !== '__proto__')), fc.string({ maxLength: 12 })).filter((k) => k !== '__proto__' && !k.startsWith('Fn::') && k !== 'Ref' && k !== 'Condition');
const logicalId = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/);

/** Any template-like value: plain JSON plus the intrinsic functions, nested. */
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    logicalId.map((id) => ({ Ref: id })),
    fc.tuple(logicalId, fc.stringMatching(/^[A-Z][A-Za-z]{0,8}(\.[A-Z][A-Za-z]{0,8})?$/)).map(([r, attr]) => ({ 'Fn::GetAtt': [r, attr] })),
    fc.oneof(fc.constantFrom(...TRICKY), fc.string()).map((s) => ({ 'Fn::Sub': s })),
    fc.tuple(fc.string({ maxLength: 3 }), fc.array(tie('v'), { maxLength: 3 })).map(([sep, parts]) => ({ 'Fn::Join': [sep, parts] })),
    fc.tuple(fc.nat(5), tie('v')).map(([i, list]) => ({ 'Fn::Select': [i, list] })),
    fc.tuple(logicalId, tie('v'), tie('v')).map(([c, a, b]) => ({ 'Fn::If': [c, a, b] })),
    tie('v').map((v) => ({ 'Fn::Base64': v })),
    fc.constant({ 'Fn::GetAZs': '' }),
    fc.tuple(tie('v'), tie('v')).map(([a, b]) => ({ 'Fn::Equals': [a, b] })),
    tie('v').map((v) => ({ 'Fn::ToJsonString': v })),
  ),
})).v;

describe('CloudFormation YAML writer', () => {
  it('reads back as the same template for any value, intrinsics included', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), (t) => {
        const text = toCfnYaml(t);
        expect(parseCfnTemplate(text)).toEqual(t);
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('every tricky string survives as a value and as a key', () => {
    const t = Object.fromEntries(TRICKY.map((s, i) => [`K${i}`, s]));
    expect(parseCfnTemplate(toCfnYaml(t))).toEqual(t);
    const keys = Object.fromEntries(TRICKY.map((s, i) => [s, i]));
    expect(parseCfnTemplate(toCfnYaml(keys))).toEqual(keys);
  });

  it('is plain YAML too: a parser without the CloudFormation tags reads the same structure', () => {
    const t = { A: ['x', 1, true, null, { b: 'yes' }], C: { D: '2012-10-17', E: 'a: b' } };
    expect(parse(toCfnYaml(t as Value))).toEqual(t);
  });

  it('writes intrinsics in short form', () => {
    const text = toCfnYaml({
      A: { Ref: 'Bucket' },
      B: { 'Fn::GetAtt': ['Bucket', 'Arn'] },
      C: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' },
      D: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
      E: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
    });
    expect(text).toContain('A: !Ref Bucket');
    expect(text).toContain('B: !GetAtt Bucket.Arn');
    expect(text).toMatch(/C: !Sub "?arn:\$\{AWS::Partition\}:s3:::x"?/);
    expect(text).toContain('D: !Join');
    expect(text).toContain('E: !GetAtt Db.Endpoint.Address');
  });

  it('writes every fixture\'s template and every OIDC bootstrap so that it reads back unchanged', () => {
    for (const name of architectureFixtureNames()) {
      const a = architectureFixture(name);
      const t = buildTemplate(a, { pipeline: 'both' }).template as unknown as Value;
      expect(parseCfnTemplate(toCfnYaml(t)), name).toEqual(JSON.parse(JSON.stringify(t)));
      for (const format of ['cloudformation', 'terraform', 'cdk'] as const) {
        const oidc = githubOidcTemplate(a, format, 'both') as Value;
        expect(parseCfnTemplate(toCfnYaml(oidc)), `${name} ${format}`).toEqual(oidc);
      }
    }
  });

  it('renders the kitchen sink in well under the time the yaml package needs', () => {
    const t = buildTemplate(architectureFixture('kitchen-sink'), { pipeline: 'both' }).template as unknown as Value;
    toCfnYaml(t);
    const started = performance.now();
    for (let i = 0; i < 5; i++) toCfnYaml(t);
    expect((performance.now() - started) / 5).toBeLessThan(60);
  });
});
