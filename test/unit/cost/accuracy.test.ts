// Hand-computed cases from the published us-east-1 prices in the bundled catalog (AWS pricing-page feeds,
// Aug-Dec 2025). Each case writes the formula out; the engine must match it to the cent.
import { describe, expect, it } from 'vitest';
import { cents, cost, design, estimate } from './helpers.js';

const fn = (id: string, architecture: 'x86_64' | 'arm64', memoryMb = 512) => ({ id, service: 'lambda' as const, config: { architecture, memoryMb } });

describe('Lambda', () => {
  const usage = { components: { f: { requestsPerMonth: 10_000_000, avgDurationMs: 200 } } };
  it('x86, 10M requests, 512 MB, 200 ms, with free tier', async () => {
    const r = await estimate(design({ components: [fn('f', 'x86_64')], usage }));
    // requests: (10,000,000 - 1,000,000 free) x $0.20/M = $1.80
    expect(cents(cost(r.lineItems, 'f', /^requests/))).toBe(1.8);
    // duration: 10M x 0.2 s x 0.5 GB = 1,000,000 GB-s; (1,000,000 - 400,000 free) x $0.0000166667 = $10.00002
    expect(cents(cost(r.lineItems, 'f', /^duration/))).toBe(10.0);
    expect(cents(cost(r.lineItems, 'f'))).toBe(11.8);
  });
  it('x86, same load, without free tier', async () => {
    const r = await estimate(design({ components: [fn('f', 'x86_64')], usage }), { freeTier: false });
    // 10M x $0.0000002 = $2.00; 1,000,000 GB-s x $0.0000166667 = $16.6667; total $18.6667
    expect(cents(cost(r.lineItems, 'f'))).toBe(18.67);
  });
  it('arm64, same load, with free tier', async () => {
    const r = await estimate(design({ components: [fn('f', 'arm64')], usage }));
    // $1.80 requests + 600,000 GB-s x $0.0000133334 = $8.00004 -> $9.80
    expect(cents(cost(r.lineItems, 'f'))).toBe(9.8);
  });
  it('two functions share one free tier', async () => {
    const r = await estimate(design({ components: [fn('a', 'arm64', 1024), fn('b', 'arm64', 1024)], usage: { components: { a: { requestsPerMonth: 1_000_000, avgDurationMs: 100 }, b: { requestsPerMonth: 1_000_000, avgDurationMs: 100 } } } }));
    // requests: 2M - 1M free = 1M x $0.0000002 = $0.20; GB-s: 2 x 1M x 0.1 s x 1 GB = 200,000 < 400,000 free = $0
    expect(cents(cost(r.lineItems, 'a') + cost(r.lineItems, 'b'))).toBe(0.2);
  });
  it('across the 6 billion GB-second duration tier (x86, no free tier)', async () => {
    const r = await estimate(design({ components: [fn('f', 'x86_64', 10240)], usage: { components: { f: { requestsPerMonth: 1_000_000_000, avgDurationMs: 700 } } } }), { freeTier: false });
    // GB-s: 1e9 x 0.7 s x 10 GB = 7e9; 6e9 x $0.0000166667 + 1e9 x $0.000015 = $100,000.20 + $15,000 = $115,000.20
    expect(cents(cost(r.lineItems, 'f', /^duration/))).toBe(115000.2);
  });
});

describe('DynamoDB', () => {
  const table = (billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED') => ({ id: 't', service: 'dynamodb' as const, config: { billingMode, pointInTimeRecovery: false, readCapacity: 100, writeCapacity: 50 } });
  it('on-demand reads, writes and storage', async () => {
    const r = await estimate(design({ components: [table('PAY_PER_REQUEST')], usage: { components: { t: { readsPerMonth: 100_000_000, writesPerMonth: 20_000_000, storageGb: 50 } } } }));
    // reads 100M x $0.125/M = $12.50; writes 20M x $0.625/M = $12.50; storage (50 - 25 free) GB x $0.25 = $6.25
    expect(cents(cost(r.lineItems, 't', /read/))).toBe(12.5);
    expect(cents(cost(r.lineItems, 't', /write/))).toBe(12.5);
    expect(cents(cost(r.lineItems, 't', /storage/))).toBe(6.25);
  });
  it('provisioned capacity', async () => {
    const r = await estimate(design({ components: [table('PROVISIONED')], usage: { components: { t: { readsPerMonth: 0, writesPerMonth: 0, storageGb: 0 } } } }), { freeTier: false });
    // 100 RCU x 730 h x $0.00013 = $9.49; 50 WCU x 730 h x $0.00065 = $23.725
    expect(cents(cost(r.lineItems, 't', /read capacity/))).toBe(9.49);
    expect(cents(cost(r.lineItems, 't', /write capacity/))).toBe(23.73);
  });
});

describe('networking', () => {
  it('a NAT gateway with 1 TB processed', async () => {
    const r = await estimate(design({ components: [{ id: 'f', service: 'lambda', config: { inVpc: true } }], network: { natGateways: 'single', vpcEndpoints: ['s3', 'dynamodb'], flowLogs: false }, usage: { components: { f: { requestsPerMonth: 0, avgDurationMs: 0 } }, natProcessedGb: 1024 } }));
    // 730 h x $0.045 = $32.85; 1,024 GB x $0.045 = $46.08; total $78.93
    expect(cents(cost(r.lineItems, 'platform', /NAT/))).toBe(78.93);
  });
  it('internet data transfer out across the 10 TB tier, with the 100 GB free tier', async () => {
    const r = await estimate(design({ components: [fn('f', 'arm64')], usage: { components: { f: { requestsPerMonth: 0, avgDurationMs: 0 } }, dataOutGb: 20480 } }));
    // (10,240 - 100 free) x $0.09 = $912.60; next 10,240 GB x $0.085 = $870.40; total $1,783.00
    expect(cents(cost(r.lineItems, 'platform', /internet/))).toBe(1783.0);
  });
  it('an ALB with 100M requests a month', async () => {
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [{ id: 'lb', service: 'alb' }], usage: { components: { lb: { requestsPerMonth: 100_000_000, dataProcessedGb: 100 } } } }));
    // 730 h x $0.0225 = $16.425; LCUs: 100M / 2,628,000 s = 38.05 new conn/s / 25 = 1.5221 LCU x 730 h x $0.008 = $8.8889
    expect(cents(cost(r.lineItems, 'lb'))).toBe(25.31);
  });
});

describe('storage and databases', () => {
  it('S3 Standard across the 50 TB tier boundary', async () => {
    const r = await estimate(design({ components: [{ id: 'b', service: 's3' }], usage: { components: { b: { storageGb: 61440, readsPerMonth: 0, writesPerMonth: 0 } } } }));
    // 51,200 GB x $0.023 + 10,240 GB x $0.022 = $1,177.60 + $225.28 = $1,402.88
    expect(cents(cost(r.lineItems, 'b', /Standard storage/))).toBe(1402.88);
  });
  it('S3 requests', async () => {
    const r = await estimate(design({ components: [{ id: 'b', service: 's3' }], usage: { components: { b: { storageGb: 0, readsPerMonth: 10_000_000, writesPerMonth: 1_000_000 } } } }));
    // PUT 1M x $0.005/1k = $5.00; GET 10M x $0.0004/1k = $4.00
    expect(cents(cost(r.lineItems, 'b', /requests/))).toBe(9.0);
  });
  it('Aurora Serverless v2 ACU-hours, storage and I/O', async () => {
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [{ id: 'db', service: 'aurora', config: { capacity: 'serverless-v2', readers: 0 } }], usage: { components: { db: { avgCapacityUnits: 4, storageGb: 100, requestsPerMonth: 50_000_000 } } } }));
    // 4 ACU x 730 h x $0.12 = $350.40; 100 GB x $0.10 = $10.00; 50M I/O x $0.20/M = $10.00
    expect(cents(cost(r.lineItems, 'db', /Serverless/))).toBe(350.4);
    expect(cents(cost(r.lineItems, 'db'))).toBe(370.4);
  });
  it('RDS PostgreSQL db.t4g.medium Multi-AZ with 100 GB gp3', async () => {
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [{ id: 'db', service: 'rds', config: { instanceClass: 'db.t4g.medium', multiAz: true, allocatedStorageGb: 100 } }] }));
    // 730 h x $0.129 = $94.17; 100 GB x $0.23 = $23.00
    expect(cents(cost(r.lineItems, 'db'))).toBe(117.17);
  });
  it('ElastiCache Valkey cache.r7g.large, one shard with one replica', async () => {
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [{ id: 'c', service: 'elasticache', config: { mode: 'node-based', nodeType: 'cache.r7g.large', shards: 1, replicasPerShard: 1 } }] }));
    // 2 nodes x 730 h x $0.1752 = $255.792
    expect(cents(cost(r.lineItems, 'c'))).toBe(255.79);
  });
});

describe('edge and APIs', () => {
  it('CloudFront across data transfer tiers, with free tier', async () => {
    const r = await estimate(design({ components: [{ id: 'cdn', service: 'cloudfront' }], usage: { components: { cdn: { dataOutGb: 15360, requestsPerMonth: 20_000_000 } } } }));
    // US edge group: (10,240 - 1,024 free) x $0.085 = $783.36; 5,120 x $0.080 = $409.60 -> $1,192.96
    expect(cents(cost(r.lineItems, 'cdn', /data transfer/))).toBe(1192.96);
    // HTTPS: (20M - 10M free) x $0.01/10k = $10.00
    expect(cents(cost(r.lineItems, 'cdn', /HTTPS/))).toBe(10.0);
  });
  it('CloudFront without free tier', async () => {
    const r = await estimate(design({ components: [{ id: 'cdn', service: 'cloudfront' }], usage: { components: { cdn: { dataOutGb: 15360, requestsPerMonth: 0 } } } }), { freeTier: false });
    // 10,240 x $0.085 + 5,120 x $0.080 = $870.40 + $409.60
    expect(cents(cost(r.lineItems, 'cdn'))).toBe(1280.0);
  });
  it('API Gateway REST across the 333 million tier', async () => {
    const r = await estimate(design({ components: [{ id: 'api', service: 'apigateway-rest' }], usage: { components: { api: { requestsPerMonth: 400_000_000 } } } }));
    // 333M x $3.50/M = $1,165.50; 67M x $2.80/M = $187.60
    expect(cents(cost(r.lineItems, 'api'))).toBe(1353.1);
  });
  it('API Gateway WebSocket messages and connection minutes', async () => {
    const r = await estimate(design({ components: [{ id: 'ws', service: 'apigateway-websocket' }], usage: { components: { ws: { messagesPerMonth: 100_000_000, connectionMinutesPerMonth: 10_000_000 } } } }));
    // 100M x $1.00/M = $100.00; 10M minutes x $0.25/M = $2.50
    expect(cents(cost(r.lineItems, 'ws'))).toBe(102.5);
  });
});

describe('compute, messaging and identity', () => {
  it('Fargate x86 and arm64 tasks', async () => {
    const svc = (id: string, architecture: 'x86_64' | 'arm64') => ({ id, service: 'ecs-fargate' as const, config: { cpu: '1024' as const, memoryMb: 2048, architecture, desiredCount: 2 } });
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [svc('x', 'x86_64'), svc('a', 'arm64')] }));
    // x86: 2 x 730 h x 1 vCPU x $0.04048 = $59.1008; 2 x 730 x 2 GB x $0.004445 = $12.9794 -> $72.08
    expect(cents(cost(r.lineItems, 'x'))).toBe(72.08);
    // arm: 1,460 x $0.03238 = $47.2748; 2,920 x $0.00356 = $10.3952 -> $57.67
    expect(cents(cost(r.lineItems, 'a'))).toBe(57.67);
  });
  it('EC2 Auto Scaling group of m7g.large with gp3 root volumes', async () => {
    const r = await estimate(design({ network: { natGateways: 'none' }, components: [{ id: 'asg', service: 'ec2-asg', config: { instanceType: 'm7g.large', desiredCapacity: 3, rootVolumeGb: 30 } }] }));
    // 3 x 730 h x $0.0816 = $178.704; 90 GB x $0.08 (curated gp3) = $7.20
    expect(cents(cost(r.lineItems, 'asg'))).toBe(185.9);
  });
  it('SQS standard queue: three requests per message', async () => {
    const r = await estimate(design({ components: [{ id: 'q', service: 'sqs' }], usage: { components: { q: { messagesPerMonth: 10_000_000 } } } }));
    // 10M x 3 = 30M requests; (30M - 1M free) x $0.40/M = $11.60
    expect(cents(cost(r.lineItems, 'q'))).toBe(11.6);
  });
  it('Step Functions standard transitions', async () => {
    const r = await estimate(design({ components: [{ id: 'sf', service: 'step-functions' }], usage: { components: { sf: { requestsPerMonth: 100_000, messagesPerMonth: 1_000_000 } } } }));
    // (1,000,000 - 4,000 free) x $0.025/1k = $24.90
    expect(cents(cost(r.lineItems, 'sf'))).toBe(24.9);
  });
  it('Cognito Essentials and Lite MAU with the 10,000 MAU free tier', async () => {
    const r = await estimate(design({ components: [{ id: 'ess', service: 'cognito', config: { featurePlan: 'ESSENTIALS' } }], usage: { components: { ess: { monthlyActiveUsers: 80_000 } } } }));
    // (80,000 - 10,000) x $0.015 = $1,050.00
    expect(cents(cost(r.lineItems, 'ess'))).toBe(1050.0);
    const lite = await estimate(design({ components: [{ id: 'lite', service: 'cognito', config: { featurePlan: 'LITE' } }], usage: { components: { lite: { monthlyActiveUsers: 150_000 } } } }));
    // (100,000 - 10,000) x $0.0055 = $495.00; 50,000 x $0.0046 = $230.00
    expect(cents(cost(lite.lineItems, 'lite'))).toBe(725.0);
  });
  it('Kinesis Data Streams on-demand', async () => {
    const r = await estimate(design({ components: [{ id: 'k', service: 'kinesis-streams' }], usage: { components: { k: { dataProcessedGb: 100, messagesPerMonth: 1_000_000 } } } }));
    // 730 stream-h x $0.04 = $29.20; 100 GB in x $0.08 = $8.00; 100 GB out x $0.04 = $4.00
    expect(cents(cost(r.lineItems, 'k'))).toBe(41.2);
  });
});

describe('regions', () => {
  it('prices in the region asked, from that region\'s own list', async () => {
    const arch = design({ components: [fn('f', 'x86_64')], usage: { components: { f: { requestsPerMonth: 10_000_000, avgDurationMs: 200 } } } });
    const sp = await estimate(arch, { region: 'sa-east-1', freeTier: false });
    // sa-east-1 duration is $0.0000166667 too in the Lambda feed, requests $0.20/M: same $18.67
    expect(cents(cost(sp.lineItems, 'f'))).toBe(18.67);
    const nat = await estimate(design({ components: [{ id: 'f', service: 'lambda', config: { inVpc: true } }], network: { natGateways: 'single', flowLogs: false }, usage: { components: { f: { requestsPerMonth: 0, avgDurationMs: 0 } }, natProcessedGb: 0 } }), { region: 'eu-west-1' });
    // eu-west-1 NAT: 730 h x $0.048 = $35.04
    expect(cents(cost(nat.lineItems, 'platform', /NAT gateways/))).toBe(35.04);
  });
});
