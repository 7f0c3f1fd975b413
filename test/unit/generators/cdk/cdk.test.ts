import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CDK_CONTEXT, CDK_VERSIONS, cdkAppEntry, generateCdk } from '../../../../src/generators/cdk/index.js';
import { code, print, quote, tpl } from '../../../../src/generators/cdk/code.js';
import type { TsValue } from '../../../../src/generators/cdk/code.js';
import { cdkAttr, cdkCamel } from '../../../../src/generators/cdk/names.js';
import { buildTemplate } from '../../../../src/generators/cloudformation/index.js';
import { deliveryStages } from '../../../../src/generators/pipeline/index.js';
import type { Architecture, ArchitectureInput } from '../../../../src/model/index.js';
import { parseArchitecture } from '../../../../src/model/index.js';
import { architectureFixture, architectureFixtureNames } from '../../../helpers/fixtures.js';

const require = createRequire(import.meta.url);

function model(input: ArchitectureInput): Architecture {
  const r = parseArchitecture(input);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.value;
}

/** Evaluates a printed TypeScript expression (no types in it) as JavaScript. */
const evaluate = (expr: string): unknown => new Function(`return (${expr});`)();

describe('CloudFormation names -> CDK names', () => {
  it.each([
    ['BucketName', 'bucketName'],
    ['KmsMasterKeyId', 'kmsMasterKeyId'],
    ['KMSMasterKeyID', 'kmsMasterKeyId'],
    ['DBInstanceClass', 'dbInstanceClass'],
    ['CallbackURLs', 'callbackUrLs'],
    ['ProviderARNs', 'providerArns'],
    ['SSESpecification', 'sseSpecification'],
    ['VpcId', 'vpcId'],
    ['IPv6CidrBlock', 'iPv6CidrBlock'],
    ['S3Bucket', 's3Bucket'],
    ['MaxCapacity', 'maxCapacity'],
  ])('%s -> %s', (cfn, camel) => expect(cdkCamel(cfn)).toBe(camel));

  it.each([
    ['Arn', 'attrArn'],
    ['Endpoint.Address', 'attrEndpointAddress'],
    ['MasterUserSecret.SecretArn', 'attrMasterUserSecretSecretArn'],
    ['ConfigurationEndPoint.Address', 'attrConfigurationEndPointAddress'],
  ])('attribute %s -> %s', (attribute, camel) => expect(cdkAttr(attribute)).toBe(camel));

  it('every top-level property the CloudFormation generator uses has that name on the aws-cdk-lib L1 props', () => {
    const declarations = new Map<string, string>();
    const dts = (namespace: string) => {
      let text = declarations.get(namespace);
      if (text === undefined) {
        const dir = join(dirname(require.resolve(`aws-cdk-lib/aws-${namespace}`)), 'lib');
        text = readdirSync(dir)
          .filter((f) => f.endsWith('.generated.d.ts'))
          .map((f) => readFileSync(join(dir, f), 'utf8'))
          .join('\n');
        declarations.set(namespace, text);
      }
      return text;
    };
    const missing: string[] = [];
    const checked = new Set<string>();
    for (const name of architectureFixtureNames()) {
      const a = architectureFixture(name);
      for (const r of Object.values(buildTemplate(a, { pipeline: 'both' }).template.Resources)) {
        const [, ns, res] = r.Type.split('::');
        for (const p of Object.keys(r.Properties ?? {})) {
          const key = `${r.Type}.${p}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const text = dts(ns!.toLowerCase());
          const props = new RegExp(`interface Cfn${res}Props \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? '';
          if (!new RegExp(`readonly ${cdkCamel(p)}\\??:`).test(props)) missing.push(`${key} -> ${cdkCamel(p)}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked.size).toBeGreaterThan(500);
  }, 60_000);
});

describe('printing TypeScript', () => {
  it('quote() reads back as the same string, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(evaluate(quote(s))).toBe(s);
      }),
      { numRuns: 500, seed: 17 },
    );
    for (const s of ['it\'s', 'a\\b', 'line\nbreak', 'cr\r\nlf', '${not.a.placeholder}', '`tick`', 'tab\there', '\u2028']) expect(evaluate(quote(s))).toBe(s);
  });

  it('print() of any JSON value reads back as the same value, at any width', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 10, max: 140 }), (v, width) => {
        expect(evaluate(print(v as TsValue, 0, width))).toEqual(v);
      }),
      { numRuns: 300, seed: 18 },
    );
    expect(Object.getPrototypeOf(evaluate(print({ __proto__: 1 } as unknown as TsValue)))).toBe(Object.prototype);
  });

  it('print() keeps short values on one line and breaks long ones', () => {
    expect(print({ a: 1, b: 'x' })).toBe("{ a: 1, b: 'x' }");
    const long = print({ description: 'x'.repeat(80), other: 'y'.repeat(40) });
    expect(long.split('\n').length).toBe(4);
    expect(print({ value: code('queue.queueArn') })).toBe('{ value: queue.queueArn }');
  });

  it('tpl`` builds a template literal and escapes its text', () => {
    const arn = tpl`arn:${code('cdk.Aws.PARTITION')}:s3:::${'my-`bucket`'}/*`;
    expect(arn.code).toBe('`arn:${cdk.Aws.PARTITION}:s3:::my-\\`bucket\\`/*`');
  });
});

describe('the app', () => {
  const a = architectureFixture('kitchen-sink');
  const files = generateCdk(a, { pipeline: a.delivery.pipeline });
  const file = (p: string) => files.find((f) => f.path === p)!;

  it('writes bin/app.ts, the stack module, package.json, cdk.json and tsconfig.json', () => {
    expect(files.map((f) => f.path)).toEqual(['bin/app.ts', `lib/${a.name}-stack.ts`, 'package.json', 'cdk.json', 'tsconfig.json']);
    expect(files.map((f) => f.format)).toEqual(['typescript', 'typescript', 'json', 'json', 'json']);
  });

  it('pins the aws-cdk-lib, constructs and cdk-nag versions this project validates with', () => {
    const pkg = JSON.parse(file('package.json').content) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const dep of ['aws-cdk-lib', 'constructs', 'cdk-nag'] as const) {
      expect(pkg.dependencies[dep], dep).toBe(CDK_VERSIONS[dep]);
      expect((require(`${dep}/package.json`) as { version: string }).version, `installed ${dep}`).toBe(CDK_VERSIONS[dep]);
    }
    expect(pkg.devDependencies['typescript']).toBe((require('typescript/package.json') as { version: string }).version);
  });

  it('sets only feature flags aws-cdk-lib knows and has not retired', () => {
    const { FLAGS, CURRENT_VERSION_EXPIRED_FLAGS } = require('aws-cdk-lib/cx-api') as { FLAGS: Record<string, unknown>; CURRENT_VERSION_EXPIRED_FLAGS: string[] };
    const cdkJson = JSON.parse(file('cdk.json').content) as { app: string; context: Record<string, unknown> };
    expect(cdkJson.context).toEqual(CDK_CONTEXT);
    for (const flag of Object.keys(cdkJson.context)) {
      expect(FLAGS[flag], flag).toBeDefined();
      expect(CURRENT_VERSION_EXPIRED_FLAGS, flag).not.toContain(flag);
    }
    expect(cdkJson.app).toBe('npx tsx bin/app.ts');
  });

  it('instantiates one stack per delivery stage; only the last hosts the pipeline', () => {
    const staged = model({ name: 'staged', components: [{ id: 'fn', service: 'lambda' }], delivery: { pipeline: 'codepipeline', stages: ['dev', 'pre-prod', 'prod'] } });
    const entry = cdkAppEntry(staged);
    expect(entry.stacks.map((s) => s.id)).toEqual(deliveryStages(staged).map((s) => s.stack));
    expect(entry.stacks.map((s) => s.props)).toEqual([
      { stage: 'dev', hostsPipeline: false },
      { stage: 'preprod', hostsPipeline: false },
      { stage: 'prod', hostsPipeline: true },
    ]);
    const stack = generateCdk(staged, { pipeline: 'codepipeline' })[1]!.content;
    expect(stack).toContain('if (props.hostsPipeline) {');
    expect(generateCdk(staged, { pipeline: 'none' })[1]!.content).not.toContain('props.hostsPipeline)');
  });

  it('every generated file of every fixture is syntactically valid TypeScript', () => {
    for (const name of architectureFixtureNames()) {
      const f = architectureFixture(name);
      for (const g of generateCdk(f, { pipeline: 'both' }).filter((x) => x.format === 'typescript')) {
        expect(() => transformSync(g.content, { loader: 'ts', sourcefile: `${name}/${g.path}` }), `${name}/${g.path}`).not.toThrow();
      }
    }
  });

  it('checks with the cdk-nag packs of the design\'s compliance regimes only', () => {
    const app = (name: string) => generateCdk(architectureFixture(name), { pipeline: 'none' })[0]!.content;
    expect(app('hipaa-patient-portal')).toContain('HIPAASecurityChecks');
    expect(app('hipaa-patient-portal')).not.toContain('PCIDSS321Checks');
    expect(app('pci-payments')).toContain('PCIDSS321Checks');
    expect(app('static-site')).toMatch(/import \{ AwsSolutionsChecks \} from 'cdk-nag';/);
  });

  it('is deterministic and gives a renamed component the CloudFormation generator\'s logical ids', () => {
    expect(generateCdk(a, { pipeline: 'both' })).toEqual(generateCdk(a, { pipeline: 'both' }));
    const clash = model({ name: 'clash', components: [{ id: 'orders', service: 'sqs' }, { id: 'orders-dead-letter', service: 'sqs' }] });
    const [, stack] = generateCdk(clash, { pipeline: 'none' });
    expect(stack!.content).toContain("'OrdersDeadLetterN2'");
    expect(stack!.findings.some((w) => w.severity === 'info' && /N2/.test(w.message))).toBe(true);
  });

  it('keeps the data-bearing resources on stack deletion', () => {
    const stack = file(`lib/${a.name}-stack.ts`).content;
    expect(stack).not.toMatch(/RemovalPolicy\.DESTROY/);
    expect(stack).not.toMatch(/autoDeleteObjects/);
    expect((stack.match(/RemovalPolicy\.RETAIN/g) ?? []).length).toBeGreaterThan(10);
  });
});
