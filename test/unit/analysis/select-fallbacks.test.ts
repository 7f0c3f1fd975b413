import { describe, expect, it } from 'vitest';
import { selectServices } from '../../../src/analysis/index.js';
import { Requirements } from '../../../src/model/index.js';

// Counterexamples fast-check found: a preference or a ruled-out service must change the design, never empty it.
const base = (over: Record<string, unknown>) =>
  Requirements.parse({ name: 'a', summary: '', data: { classification: 'public' }, budget: { sensitivity: 'tight' }, ...over });

describe('selection when the natural choice is ruled out', () => {
  it.each(['sqs', 'kinesis-firehose'])('streaming analytics with %s preferred still collects and keeps the events', (pref) => {
    const r = selectServices(base({ workload: { patterns: ['streaming-analytics'] }, preferences: { compute: 'serverless', opsMaturity: 'low', preferredServices: [pref] } }));
    const services = r.architecture.components.map((c) => c.service);
    expect(services).toContain(pref);
    expect(services).toContain('s3');
    expect(r.warnings).toEqual([]);
  });

  it('a static site with CloudFront ruled out is served by containers behind a load balancer', () => {
    const r = selectServices(base({ workload: { patterns: ['static-site'] }, preferences: { compute: 'serverless', opsMaturity: 'low', avoidServices: ['cloudfront'] } }));
    const services = r.architecture.components.map((c) => c.service);
    expect(services).toEqual(expect.arrayContaining(['alb', 'ecs-fargate']));
    expect(services).not.toContain('cloudfront');
    expect(r.architecture.network).toBeDefined();
  });
});
