import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  catalogIds,
  complianceStatus,
  filterServices,
  getService,
  HIPAA_LIST_DATE,
  limitOf,
  onHipaaList,
  onPciList,
  PCI_LIST_DATES,
  requireService,
  resolveService,
} from '../../../src/catalog/index.js';
import { buildCatalogSearch } from '../../../src/catalog/search.js';
import { COMPONENT_KINDS, COMPONENT_SERVICES, LAYERS } from '../../../src/model/index.js';
import { isUserError } from '../../../src/shared/errors.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('service catalog', () => {
  it('has at least 40 entries with unique ids and valid layers', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalogIds()).size).toBe(CATALOG.length);
    for (const e of CATALOG) expect(LAYERS).toContain(e.layer);
  });

  it('covers every component kind with the same id and layer, marked as a component', () => {
    for (const service of COMPONENT_SERVICES) {
      const e = getService(service);
      expect(e, service).toBeDefined();
      expect(e!.role).toBe('component');
      expect(e!.layer).toBe(COMPONENT_KINDS[service].layer);
    }
    expect(CATALOG.filter((e) => e.role === 'component').map((e) => e.id).sort()).toEqual([...COMPONENT_SERVICES].sort());
  });

  it('has platform entries for what architecture sections emit, and knowledge-only entries', () => {
    for (const id of ['vpc', 'nat-gateway', 'vpc-endpoints', 'kms', 'cloudwatch', 'cloudtrail', 'aws-backup', 'iam', 'guardduty', 'xray', 'ecr']) {
      expect(getService(id)?.role, id).toBe('platform');
      expect(getService(id)?.emittedFrom, id).toBeDefined();
    }
    expect(filterServices({ role: 'knowledge' }).map((e) => e.id)).toEqual(expect.arrayContaining(['bedrock', 'timestream', 'app-runner']));
  });

  it('every entry is complete enough to explain a choice', () => {
    for (const e of CATALOG) {
      expect(e.summary.length, e.id).toBeGreaterThan(40);
      expect(e.goodFor.length, e.id).toBeGreaterThan(0);
      expect(e.badFor.length, e.id).toBeGreaterThan(0);
      expect(e.iac.cloudformation.length, e.id).toBeGreaterThan(0);
      expect(e.iac.terraform.length, e.id).toBeGreaterThan(0);
      expect(e.iac.cdk.length, e.id).toBeGreaterThan(0);
      expect(e.security.length, e.id).toBeGreaterThan(0);
      if (e.role === 'component') expect(e.limits.length, e.id).toBeGreaterThan(0);
      for (const r of e.related) expect(getService(r), `${e.id} related ${r}`).toBeDefined();
      expect(new Set(e.limits.map((l) => l.key)).size, e.id).toBe(e.limits.length);
    }
  });

  it('states the hard limits that drive designs', () => {
    const v = (id: string, key: string) => limitOf(getService(id)!, key)?.value;
    expect(v('lambda', 'max-duration')).toBe(900);
    expect(v('lambda', 'max-memory')).toBe(10240);
    expect(v('apigateway-rest', 'integration-timeout')).toBe(29);
    expect(v('apigateway-rest', 'payload')).toBe(10);
    expect(v('dynamodb', 'item-size')).toBe(400);
    expect(v('sns', 'message-size')).toBe(256);
    expect(v('apigateway-websocket', 'connection-duration')).toBe(2);
    expect(limitOf(getService('lambda')!, 'max-duration')!.adjustable).toBe(false);
    expect(limitOf(getService('lambda')!, 'concurrency')!.adjustable).toBe(true);
  });

  it('no alias resolves to two entries, and names resolve', () => {
    const seen = new Map<string, string>();
    for (const e of CATALOG) {
      for (const a of [e.id, e.name, ...e.aliases].map((x) => x.toLowerCase())) {
        const prev = seen.get(a);
        expect(prev === undefined || prev === e.id, `'${a}' is used by ${prev} and ${e.id}`).toBe(true);
        seen.set(a, e.id);
      }
    }
    expect(resolveService('Amazon DynamoDB')?.id).toBe('dynamodb');
    expect(resolveService('AWS Lambda')?.id).toBe('lambda');
    expect(resolveService('kafka')?.id).toBe('msk');
  });

  it('refuses an unknown service with a suggestion naming the field', () => {
    try {
      requireService('dynamdb', 'services[1]');
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as Error).message).toContain("did you mean 'dynamodb'");
      expect((e as { field: string }).field).toBe('services[1]');
    }
  });

  it('searches names, aliases and descriptions, forgiving typos', () => {
    const s = buildCatalogSearch(CATALOG);
    expect(s.search('websockets')[0]).toBe('apigateway-websocket');
    expect(s.search('dynamo')[0]).toBe('dynamodb');
    expect(s.search('message queue')).toContain('sqs');
    expect(s.search('graphql')[0]).toBe('appsync');
    expect(s.search('kubernetes')[0]).toBe('eks');
  });
});

describe('compliance from AWS lists', () => {
  it('maps every list name an entry claims to a real row of the lists', () => {
    for (const e of CATALOG) {
      for (const n of e.compliance.hipaa) expect(onHipaaList(n), `${e.id}: HIPAA name '${n}'`).toBe(true);
      for (const n of e.compliance.pci) expect(onPciList(n), `${e.id}: PCI name '${n}'`).toBe(true);
    }
  });

  it('reports the list dates', () => {
    expect(HIPAA_LIST_DATE).toBe('2026-05-22');
    expect(PCI_LIST_DATES).toEqual(['2021-09-23', '2022-07-15', '2025-01-02']);
    expect(complianceStatus(getService('lambda')!).hipaa).toMatchObject({ status: 'eligible', listDate: '2026-05-22', listedAs: ['AWS Lambda'] });
  });

  it('never calls an unlisted service out of PCI scope, only not confirmed', () => {
    const bedrock = complianceStatus(getService('bedrock')!);
    expect(bedrock.pci.status).toBe('not-confirmed');
    expect(bedrock.hipaa.status).toBe('eligible');
    for (const e of CATALOG) expect(['in-scope', 'not-confirmed']).toContain(complianceStatus(e).pci.status);
    expect(complianceStatus(getService('memorydb')!).pci.since).toBe('2022-07-15');
  });

  it('knows the services that are not HIPAA eligible and the scope qualifiers', () => {
    expect(complianceStatus(getService('app-runner')!).hipaa.status).toBe('not-listed');
    expect(complianceStatus(getService('lightsail')!).hipaa.status).toBe('not-listed');
    expect(complianceStatus(getService('elasticache')!).pci.qualifiers.join(' ')).toContain('Redis engine only');
    expect(complianceStatus(getService('ecs-fargate')!).hipaa.listedAs).toEqual(['AWS Fargate', 'Amazon Elastic Container Service']);
    expect(filterServices({ role: 'component', hipaa: 'not-listed' })).toEqual([]);
  });

  const shared = join(root, '..', 'shared', 'data', 'compliance');
  it.skipIf(!existsSync(shared))('compliance.json matches the source lists it was built from', () => {
    const json = JSON.parse(readFileSync(join(root, 'src', 'catalog', 'compliance.json'), 'utf8'));
    const rows = (f: string) =>
      readFileSync(join(shared, f), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split('\t'));
    const hipaa = rows('hipaa-eligible.tsv');
    const pci = rows('pci-dss-in-scope.tsv');
    expect(Object.keys(json.hipaa.services).sort()).toEqual(hipaa.map((r) => r[0]).sort());
    expect(Object.keys(json.pci.services).sort()).toEqual(pci.map((r) => r[0]).sort());
    for (const [name, asOf] of pci) expect(json.pci.services[name!][0], name).toBe(asOf);
  });
});

describe('IaC types are real', () => {
  it('every CloudFormation type exists in the CloudFormation resource specification', async () => {
    const { loadAwsServiceSpec } = await import('@aws-cdk/aws-service-spec');
    const db = await loadAwsServiceSpec();
    const missing: string[] = [];
    for (const e of CATALOG) {
      for (const t of e.iac.cloudformation) if (db.lookup('resource', 'cloudFormationType', 'equals', t).length === 0) missing.push(`${e.id}: ${t}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);

  it('every CDK construct exists in aws-cdk-lib', () => {
    // Submodules load one by one (aws_lambda -> aws-cdk-lib/aws-lambda), far cheaper than the whole library.
    const req = createRequire(import.meta.url);
    const missing: string[] = [];
    for (const e of CATALOG) {
      for (const c of e.iac.cdk) {
        const [ns, cls] = c.split('.');
        expect(ns && cls, c).toBeTruthy();
        const mod = req(`aws-cdk-lib/${ns!.replace(/_/g, '-')}`) as Record<string, unknown>;
        if (typeof mod[cls!] !== 'function') missing.push(`${e.id}: ${c}`);
      }
    }
    expect(missing).toEqual([]);
  }, 120_000);

  it('every Terraform type exists in the AWS provider schema', async () => {
    const { loadTfSchema } = await import('../../../src/validate/tf/schema.js');
    const schema = await loadTfSchema();
    const missing = CATALOG.flatMap((e) => e.iac.terraform.filter((t) => schema.resources[t] === undefined).map((t) => `${e.id}: ${t}`));
    expect(missing).toEqual([]);
  });
});
