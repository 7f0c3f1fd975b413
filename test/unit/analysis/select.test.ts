import { describe, expect, it } from 'vitest';
import { analyzeRequirements, compareOptions, selectServices } from '../../../src/analysis/index.js';
import type { PriorDecision } from '../../../src/analysis/index.js';
import { parseArchitecture } from '../../../src/model/index.js';
import { isUserError } from '../../../src/shared/errors.js';

const design = (description: string, fields?: Record<string, unknown>, prior: PriorDecision[] = []) => {
  const { requirements } = analyzeRequirements({ description, fields });
  const out = selectServices(requirements, { priorDecisions: prior });
  expect(parseArchitecture(out.architecture).issues).toEqual([]);
  return out;
};
const decision = (out: ReturnType<typeof selectServices>, id: string) => out.decisions.find((d) => d.id === id)!;
const services = (out: ReturnType<typeof selectServices>) => out.architecture.components.map((c) => c.service);

describe("the seed's example", () => {
  it('a real-time chat backend gets WebSocket API, Lambda, DynamoDB with TTL, ElastiCache, S3, CloudFront and Cognito', () => {
    const out = design('I need to design a backend for a real-time chat application on AWS');
    expect(services(out)).toEqual(expect.arrayContaining(['apigateway-websocket', 'lambda', 'dynamodb', 'elasticache', 's3', 'cloudfront', 'cognito']));
    expect(out.architecture.components.find((c) => c.service === 'dynamodb')?.config).toMatchObject({ ttlAttribute: 'expiresAt' });
    expect(services(out)).not.toContain('ecs-fargate');
  });
});

describe('disaster recovery from RPO and RTO', () => {
  it.each([
    ['no objectives', '', 'backup-restore', undefined],
    ['RTO 5 minutes', 'RTO 5 minutes, RPO 1 minute.', 'active-active', 'us-west-2'],
    ['RTO 20 minutes', 'RTO 20 minutes, RPO 5 minutes.', 'warm-standby', 'us-west-2'],
    ['RPO 15 min, RTO 1 h', 'RPO 15 minutes and RTO 1 hour.', 'pilot-light', 'us-west-2'],
    ['a day each, with a DR Region', 'RPO 24 hours, RTO 24 hours, backups copied to us-east-2.', 'backup-restore', 'us-east-2'],
  ])('%s', (_label, extra, strategy, secondary) => {
    const out = design(`A REST API for 10,000 users in us-east-1 with 99.9% availability. ${extra}`);
    expect(out.architecture.resilience.drStrategy).toBe(strategy);
    expect(out.architecture.resilience.secondaryRegion).toBe(secondary);
    expect(out.architecture.resilience.crossRegionBackupCopy).toBe(secondary !== undefined);
    expect(decision(out, 'd-data-recovery').rationale.length).toBeGreaterThan(40);
  });

  it('keeps DR inside the residency and explains when that is impossible', () => {
    const eu = design('A REST API for 10,000 users; data must stay in the EU; region eu-west-1; RPO 5 minutes, RTO 15 minutes.');
    expect(eu.architecture.resilience.secondaryRegion).toBe('eu-central-1');
    const il = design('A REST API for 10,000 users in il-central-1; data must stay in Israel; RPO 5 minutes, RTO 15 minutes.', { regions: { residency: 'IL' } });
    expect(il.architecture.resilience).toMatchObject({ drStrategy: 'backup-restore' });
    expect(il.architecture.resilience.secondaryRegion).toBeUndefined();
    expect(il.conflicts.map((c) => c.id)).toContain('c-dr-region');
  });

  it('does not copy regulated data across borders to a stated DR Region', () => {
    const out = design('A HIPAA patient API for 10,000 patients in us-east-1 with RPO 15 minutes and RTO 1 hour.', { regions: { secondary: 'ca-central-1' } });
    expect(out.architecture.resilience.secondaryRegion).toBe('us-west-2');
    expect(out.conflicts.map((c) => c.id)).toContain('c-dr-jurisdiction');
  });
});

describe('availability and over-engineering', () => {
  it('goes multi-AZ at 99.9 % and stays single-AZ below', () => {
    const hi = design('An internal admin tool for 80 employees, PostgreSQL, 99.9% availability.');
    expect(hi.architecture.resilience.multiAz).toBe(true);
    const lo = design('An internal admin tool for 80 employees, PostgreSQL.');
    expect(lo.architecture.resilience.multiAz).toBe(false);
    const db = lo.architecture.components.find((c) => c.service === 'rds' || c.service === 'aurora')!;
    if (db.service === 'rds') expect(db.config.multiAz).toBe(false);
    if (db.service === 'aurora') expect(db.config.readers).toBe(0);
  });

  it('never puts a 100-user tool in two Regions', () => {
    const out = design('An internal tool for 100 staff with a small PostgreSQL database.');
    expect(out.architecture.resilience.drStrategy).toBe('backup-restore');
    expect(out.architecture.resilience.secondaryRegion).toBeUndefined();
    expect(out.architecture.components.length).toBeLessThanOrEqual(5);
  });
});

describe('security and accepted trade-offs', () => {
  it('uses customer-managed keys and threat detection for personal or regulated data only', () => {
    expect(design('A chat backend for 10,000 daily users who sign in.').architecture.security).toMatchObject({ encryptionKeys: 'customer-managed', threatDetection: true });
    expect(design('A static marketing website with a contact form.').architecture.security).toMatchObject({ encryptionKeys: 'aws-managed', threatDetection: false });
  });

  it('processes cardholder data inside the VPC and keeps database backups for 35 days under regulation', () => {
    const pci = design('A card tokenisation API storing cardholder data; PCI DSS applies; 100 requests/second.');
    for (const fn of pci.architecture.components.filter((c) => c.service === 'lambda')) expect(fn.config).toMatchObject({ inVpc: true });
    expect(pci.architecture.network).toBeDefined();
    const hipaa = design('A patient portal storing PHI under HIPAA with appointments and billing for 10,000 patients.');
    const db = hipaa.architecture.components.find((c) => c.service === 'aurora' || c.service === 'rds');
    expect(db?.config).toMatchObject({ backupRetentionDays: 35 });
  });

  it('acknowledges deliberate trade-offs with reasons instead of hiding them', () => {
    const site = design('A static marketing website with a contact form that emails sales.');
    expect(site.architecture.acknowledgements.map((a) => `${a.rule}:${a.component}`)).toEqual(expect.arrayContaining(['WA-SEC-1:cdn', 'WA-SEC-2:form-api']));
    const tool = design('An internal admin tool for 60 employees with PostgreSQL.');
    const ack = tool.architecture.acknowledgements.find((a) => a.rule === 'AP-SPOF-3')!;
    expect(ack.reason).toContain('99.5 %');
    expect(design('An online store with 300 requests/second, PostgreSQL.').architecture.acknowledgements).toEqual([]);
  });
});

describe('edge protection follows the data and the budget', () => {
  const CHAT = 'A real-time chat app for 50,000 daily users in us-east-1; users sign in with Google and share photos and videos';
  const protectedBy = (out: ReturnType<typeof selectServices>) => out.architecture.connections.filter((c) => c.kind === 'protect').map((c) => `${c.from}->${c.to}`);

  it('puts a web ACL in front of a media CDN that serves personal data, sized for bursts of media views', () => {
    const out = design(CHAT);
    expect(out.architecture.dataClassification).toBe('pii');
    expect(protectedBy(out)).toEqual(['edge-waf->media-cdn']);
    expect(out.architecture.components.find((c) => c.id === 'edge-waf')?.config).toMatchObject({ scope: 'CLOUDFRONT', rateLimitPer5Min: 10_000 });
    expect(decision(out, 'd-security-edge-protection').rationale).toContain('personal data');
    expect(out.architecture.acknowledgements).toEqual([]);
    // The HTTP API is not something a web ACL can guard, and nothing in this design makes that a conflict.
    expect(out.conflicts.map((c) => c.id)).not.toContain('c-waf-http-api');
  });

  it('on a tight budget accepts the media CDN without one, and says so in the media decision', () => {
    const out = design(`${CHAT}. Budget is tight.`);
    expect(services(out)).not.toContain('waf');
    expect(out.architecture.acknowledgements).toEqual([{ rule: 'WA-SEC-1', component: 'media-cdn', reason: expect.stringMatching(/private S3 bucket.*budget is tight/) }]);
    expect(decision(out, 'd-edge-media-cdn').rationale).toMatch(/No AWS WAF on media-cdn: .*tight budget.*\(acknowledged review finding WA-SEC-1\)\.$/);
  });

  it('protects a public load balancer or REST API that carries personal data, whatever the budget', () => {
    const alb = design('A REST API for a fitness app storing users\' personal data, 300 requests per second, the team runs containers, us-east-1. Budget is tight.');
    expect(protectedBy(alb)).toEqual(['api-waf->lb']);
    expect(alb.architecture.acknowledgements).toEqual([]);
  });

  it('leaves a CDN for internal data alone: nothing to protect, nothing to acknowledge', () => {
    const out = design('A web app (single page app) with a REST API for 2,000 daily employees of our company in us-east-1.', { data: { classification: 'internal' } });
    expect(services(out)).toContain('cloudfront');
    expect(services(out)).not.toContain('waf');
    expect(out.architecture.acknowledgements.filter((a) => a.rule === 'WA-SEC-1')).toEqual([]);
  });
});

describe('hard limits', () => {
  it('a 40-minute job is not a Lambda', () => {
    const out = design('Nightly ETL of 300 GB of partner CSV files into a warehouse; the longest job takes 40 minutes.');
    const batch = decision(out, 'd-compute-batch-compute');
    expect(batch.chosen).not.toBe('lambda');
    expect(batch.alternatives.find((a) => a.service === 'lambda')?.whyNot).toBe('A 40-minute job is not a Lambda: invocations stop at 15 minutes');
  });

  it('requests over 6 MB rule Lambda out of the API', () => {
    const out = design('A REST API where partners post 8 MB payloads, 50 requests/second at peak.');
    expect(decision(out, 'd-compute-api').chosen).not.toBe('lambda');
    expect(decision(out, 'd-compute-api').alternatives.find((a) => a.service === 'lambda')?.whyNot).toContain('6 MB');
  });

  it('checks limits against 10x the stated load', () => {
    const out = design('A serverless REST API with 2,000 requests/second at peak.');
    expect(decision(out, 'd-edge-api-front').rationale).toContain('10x peak (20,000 rps) exceeds the 10,000 rps default account throttle');
  });
});

describe('preferences, compliance and memory', () => {
  it('honours preferred and avoided services', () => {
    const pref = design('A REST API for 10,000 users storing JSON documents.', { preferences: { preferredServices: ['documentdb'] } });
    expect(decision(pref, 'd-data-primary-store')).toMatchObject({ chosen: 'documentdb' });
    expect(decision(pref, 'd-data-primary-store').rationale).toContain('requested by the team');
    const avoid = design('A serverless REST API for 10,000 users.', { preferences: { avoidServices: ['dynamodb'] } });
    expect(decision(avoid, 'd-data-primary-store').chosen).not.toBe('dynamodb');
    expect(decision(avoid, 'd-data-primary-store').alternatives.find((a) => a.service === 'dynamodb')?.whyNot).toContain('avoidServices');
  });

  it('uses Redis OSS for ElastiCache under PCI DSS', () => {
    const out = design('A card vault API storing cardholder data (PCI DSS) with 500 requests/second at peak and sessions.');
    const cache = out.architecture.components.find((c) => c.service === 'elasticache');
    expect(cache?.config).toMatchObject({ engine: 'redis' });
  });

  it('follows accepted decisions, and explains using a rejected service when nothing else fits', () => {
    const prior: PriorDecision[] = [{ uri: 'memory://decisions/infrastructure-0002-no-cdn.md', title: 'No CDN or load balancers', chosen: [], rejected: ['cloudfront', 'alb'], layer: 'edge' }];
    const out = design('A static marketing website with a contact form, 10,000 visitors a month.', undefined, prior);
    const web = decision(out, 'd-edge-web-hosting');
    expect(web.chosen).toBe('cloudfront');
    expect(web.rationale).toContain('nothing else can serve this need');
    expect(web.basedOn).toContain('memory://decisions/infrastructure-0002-no-cdn.md');
  });

  it('refuses requirements that do not parse, naming the field', () => {
    try {
      selectServices({ name: 'x', summary: 'y', traffic: { peakRps: -1 } });
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as { field: string }).field).toBe('requirements.traffic.peakRps');
    }
  });
});

describe('compare_options core', () => {
  it('compares generically and refuses too few or duplicate services', () => {
    const r = compareOptions(['lambda', 'ecs-fargate']);
    expect(r.rows.map((x) => x.service)).toEqual(['lambda', 'ecs-fargate']);
    expect(r.rows[0]!.limits.some((l) => l.what.includes('duration'))).toBe(true);
    expect(() => compareOptions(['lambda'])).toThrow(/at least two/);
    expect(() => compareOptions(['dynamodb', 'dynamo'])).toThrow(/same catalog entry/);
  });

  it('recommends for the requirements with the selection rules', () => {
    const { requirements } = analyzeRequirements({ description: 'Nightly ETL of 1 TB of files; jobs run for 50 minutes.' });
    const r = compareOptions(['lambda', 'glue-job', 'ecs-fargate'], requirements);
    expect(r.recommendation?.service).toBe('glue-job');
    expect(r.rows.find((x) => x.service === 'lambda')?.fit?.reasons[0]).toContain('15 minutes');
  });
});
