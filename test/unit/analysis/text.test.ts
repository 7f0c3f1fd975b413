import { describe, expect, it } from 'vitest';
import { negated, normalise, numbers, toKb, toMinutes } from '../../../src/analysis/text.js';

describe('text helpers', () => {
  it('writes number words as digits', () => {
    expect(normalise('Two years, a million users and twenty-five thousand events')).toBe('2 years, 1000000 users and 25000 events');
    expect(normalise('three nines')).toBe('3 nines');
    expect(normalise('A team\nof four\u2014serverless')).toBe('a team of 4-serverless');
  });

  it('reads numbers with separators, decimals and suffixes, skipping identifiers', () => {
    const vals = (t: string) => numbers(normalise(t)).map((n) => n.value);
    expect(vals('50,000 users, 1.2m visitors, 2k rps, 3bn events, 40 thousand devices')).toEqual([50000, 1_200_000, 2000, 3e9, 40000]);
    expect(vals('region us-east-1 on python3.13 with p99 of 200 ms')).toEqual([200]);
    expect(vals('jobs take 40-90 minutes')).toEqual([40, 90]);
  });

  it('gives each number its sentence context', () => {
    const [tok] = numbers(normalise('We are small. Peaks at 5,000 requests/second. Next sentence.'));
    expect(tok).toMatchObject({ value: 5000, before: 'peaks at ', after: ' requests/second' });
  });

  it('converts durations and sizes', () => {
    expect(toMinutes(2, 'hours')).toBe(120);
    expect(toMinutes(90, 'days')).toBe(129_600);
    expect(toMinutes(300, 'ms')).toBeCloseTo(0.005);
    expect(toMinutes(3, 'parsecs')).toBeUndefined();
    expect(toKb(2, 'TB')).toBe(2e9);
    expect(toKb(512, 'bytes')).toBeCloseTo(0.512);
  });

  it('notices negation within the clause', () => {
    const t = normalise('We do not handle HIPAA data, but we need SOC 2.');
    expect(negated(t, t.indexOf('hipaa'))).toBe(true);
    expect(negated(t, t.indexOf('soc 2'))).toBe(false);
  });
});
