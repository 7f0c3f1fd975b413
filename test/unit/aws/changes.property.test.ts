import type { Change } from '@aws-sdk/client-cloudformation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeChanges } from '../../../src/aws/cfn/changes.js';
import { STATEFUL_TYPES } from '../../../src/aws/cfn/stateful.js';

const stateful = Object.keys(STATEFUL_TYPES);
const resourceType = fc.oneof(fc.constantFrom(...stateful), fc.constantFrom('AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::RDS::DBSubnetGroup'), fc.string());
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const change: fc.Arbitrary<Change> = fc.record({
  Type: fc.constant('Resource' as const),
  ResourceChange: maybe(
    fc.record({
      Action: maybe(fc.constantFrom('Add', 'Modify', 'Remove', 'Import', 'Dynamic', 'SyncWithActual' as const)),
      LogicalResourceId: maybe(fc.string()),
      ResourceType: maybe(resourceType),
      Replacement: maybe(fc.constantFrom('True', 'False', 'Conditional' as const)),
      PolicyAction: maybe(fc.constantFrom('Delete', 'Retain', 'Snapshot', 'ReplaceAndDelete', 'ReplaceAndRetain', 'ReplaceAndSnapshot' as const)),
      Details: maybe(fc.array(fc.record({ Target: maybe(fc.record({ Name: maybe(fc.string()), AfterValue: maybe(fc.string({ maxLength: 400 })) })) }), { maxLength: 20 })),
    }),
  ),
}) as fc.Arbitrary<Change>;

const RANK = { likely: 0, possible: 1 } as Record<string, number>;

describe('summarizeChanges on arbitrary change sets', () => {
  it('never throws, counts every resource change, and stays bounded', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), (changes, maxChanges) => {
        const s = summarizeChanges(changes, { maxChanges });
        const withResource = changes.filter((c) => c.ResourceChange).length;
        expect(s.counts.total).toBe(withResource);
        expect(s.changes.length + s.omitted).toBe(withResource);
        expect(s.changes.length).toBeLessThanOrEqual(maxChanges);
        expect(s.counts.add + s.counts.modify + s.counts.remove + s.counts.import + s.counts.dynamic).toBeLessThanOrEqual(withResource);
        for (const c of s.changes) expect(c.details.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('flags data loss only on stateful types, puts risks first, and never misses a removal without a keeping policy', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const s = summarizeChanges(changes, { maxChanges: 1000 });
        for (const c of s.changes) if (c.dataLoss) expect(stateful).toContain(c.resourceType);
        const ranks = s.changes.map((c) => RANK[c.dataLoss ?? ''] ?? 2);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const ch of changes) {
          const rc = ch.ResourceChange;
          if (rc?.Action === 'Remove' && rc.ResourceType && stateful.includes(rc.ResourceType) && !['Retain', 'Snapshot', 'ReplaceAndRetain', 'ReplaceAndSnapshot'].includes(rc.PolicyAction ?? '')) {
            expect(s.counts.dataLossLikely).toBeGreaterThan(0);
          }
        }
      }),
    );
  });
});
