import type { Change } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { assessDataLoss, describeCounts, summarizeChanges } from '../../../src/aws/cfn/changes.js';
import { recorded } from './support.js';

const page1 = recorded<{ Changes: Change[] }>('describe-change-set-page1').Changes;
const page2 = recorded<{ Changes: Change[] }>('describe-change-set-page2').Changes;

describe('change set summary', () => {
  const s = summarizeChanges([...page1, ...page2]);

  it('counts additions, modifications, replacements and removals over all pages', () => {
    expect(s.counts).toEqual({ total: 7, add: 2, modify: 4, remove: 1, import: 0, dynamic: 0, replace: 2, conditionalReplace: 1, dataLossLikely: 1, dataLossPossible: 1 });
    expect(describeCounts(s.counts)).toBe('2 to add, 4 to modify (2 replacements, 1 conditional), 1 to remove');
  });

  it('flags the replaced DynamoDB table as likely data loss and puts it first', () => {
    const first = s.changes[0]!;
    expect(first.logicalId).toBe('OrdersTable');
    expect(first.dataLoss).toBe('likely');
    expect(first.dataLossNote).toBe('Replacing it deletes every item in the table');
    expect(first.details.map((d) => d.name)).toEqual(['KeySchema', 'AttributeDefinitions']);
  });

  it('flags a conditional replacement of a database as possible data loss', () => {
    const db = s.changes.find((c) => c.logicalId === 'ReportsDb')!;
    expect(db.dataLoss).toBe('possible');
    expect(s.changes[1]!.logicalId).toBe('ReportsDb');
  });

  it('treats a removed bucket with a Retain policy as retained, not lost', () => {
    const bucket = s.changes.find((c) => c.logicalId === 'UploadsBucket')!;
    expect(bucket.dataLoss).toBe('retained');
    expect(bucket.dataLossNote).toContain('Retain policy');
  });

  it('does not flag configuration-only resources (a replaced subnet group, a new role)', () => {
    expect(s.changes.find((c) => c.logicalId === 'ReportsDbSubnets')!.dataLoss).toBeUndefined();
    expect(s.changes.find((c) => c.logicalId === 'OrdersFunctionRole')!.dataLoss).toBeUndefined();
  });

  it('orders the rest: removals, replacements, modifications, then additions', () => {
    expect(s.changes.map((c) => c.logicalId)).toEqual(['OrdersTable', 'ReportsDb', 'UploadsBucket', 'ReportsDbSubnets', 'OrdersFunction', 'OrdersDeadLetterQueue', 'OrdersFunctionRole']);
  });

  it('stays bounded on a huge change set but still counts everything', () => {
    const many: Change[] = Array.from({ length: 1000 }, (_, i) => ({
      Type: 'Resource',
      ResourceChange: { Action: 'Add', LogicalResourceId: `Queue${i}`, ResourceType: 'AWS::SQS::Queue', Details: Array.from({ length: 30 }, () => ({ Target: { Attribute: 'Properties', Name: 'X', AfterValue: 'v'.repeat(5000) } })) },
    }));
    const big = summarizeChanges(many, { maxChanges: 50 });
    expect(big.counts.add).toBe(1000);
    expect(big.changes).toHaveLength(50);
    expect(big.omitted).toBe(950);
    expect(big.changes[0]!.details).toHaveLength(12);
    expect(big.changes[0]!.detailsOmitted).toBe(18);
    expect(big.changes[0]!.details[0]!.after!.length).toBeLessThan(260);
  });
});

describe('data-loss judgement', () => {
  it.each([
    [{ Action: 'Remove', ResourceType: 'AWS::RDS::DBCluster' }, 'likely'],
    [{ Action: 'Remove', ResourceType: 'AWS::RDS::DBCluster', PolicyAction: 'Snapshot' }, 'retained'],
    [{ Action: 'Modify', Replacement: 'True', ResourceType: 'AWS::Cognito::UserPool', PolicyAction: 'ReplaceAndRetain' }, 'retained'],
    [{ Action: 'Modify', Replacement: 'False', ResourceType: 'AWS::DynamoDB::Table' }, undefined],
    [{ Action: 'Dynamic', ResourceType: 'AWS::SQS::Queue' }, 'possible'],
    [{ Action: 'Remove', ResourceType: 'AWS::Lambda::Function' }, undefined],
    [{ Action: 'Add', ResourceType: 'AWS::S3::Bucket' }, undefined],
  ] as const)('%o -> %s', (rc, expected) => {
    expect(assessDataLoss(rc as never).dataLoss).toBe(expected);
  });
});
