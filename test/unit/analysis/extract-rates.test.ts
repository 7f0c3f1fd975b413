import { describe, expect, it } from 'vitest';
import { analyzeRequirements } from '../../../src/analysis/index.js';

describe('rates with describing words', () => {
  it('reads "20 million tokenisation calls a month" as an average rate', () => {
    const r = analyzeRequirements({ description: 'A tokenisation API: 20 million tokenisation calls a month, peaking at 300 requests/second, region us-east-1.' }).requirements;
    expect(r.traffic.avgRps).toBeCloseTo(20_000_000 / (30 * 24 * 3600), 0);
    expect(r.traffic.peakRps).toBe(300);
  });

  it('still reads "100 concurrent requests" as concurrency, not a rate', () => {
    const r = analyzeRequirements({ description: 'An internal REST API with up to 100 concurrent requests from staff, region eu-west-1.' }).requirements;
    expect(r.traffic.avgRps).toBeUndefined();
  });
});
