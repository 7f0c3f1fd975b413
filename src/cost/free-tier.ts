/**
 * Always-free allowances, per account per month, kept apart from prices so an estimate can be made with or without
 * them. Only allowances that never expire are listed: 12-month trials (EC2, RDS, S3 5 GB) are not, because a
 * production estimate should not depend on an account's age. Each pool is shared by every dimension it lists.
 */
export interface FreeTierPool {
  quantity: number;
  unit: string;
  /** `service/dimension` keys the allowance covers, most expensive first (the allowance is spent in that order). */
  covers: string[];
  source: string;
}


export const FREE_TIERS: Record<string, FreeTierPool> = {
  'lambda-requests': { quantity: 1_000_000, unit: 'requests', covers: ['lambda/requests-x86_64', 'lambda/requests-arm64'], source: 'https://aws.amazon.com/lambda/pricing/' },
  'lambda-duration': { quantity: 400_000, unit: 'GB-seconds', covers: ['lambda/duration-x86_64', 'lambda/duration-arm64'], source: 'https://aws.amazon.com/lambda/pricing/' },
  'datatransfer-out': { quantity: 100, unit: 'GB', covers: ['datatransfer/out-internet'], source: 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer' },
  'cloudfront-data-out': { quantity: 1024, unit: 'GB', covers: ['cloudfront/data-out'], source: 'https://aws.amazon.com/cloudfront/pricing/' },
  'cloudfront-requests': { quantity: 10_000_000, unit: 'requests', covers: ['cloudfront/https-requests', 'cloudfront/http-requests'], source: 'https://aws.amazon.com/cloudfront/pricing/' },
  'sqs-requests': { quantity: 1_000_000, unit: 'requests', covers: ['sqs/fifo-requests', 'sqs/standard-requests'], source: 'https://aws.amazon.com/sqs/pricing/' },
  'sns-publishes': { quantity: 1_000_000, unit: 'requests', covers: ['sns/publishes'], source: 'https://aws.amazon.com/sns/pricing/' },
  'sns-http': { quantity: 100_000, unit: 'notifications', covers: ['sns/http-deliveries'], source: 'https://aws.amazon.com/sns/pricing/' },
  'sns-email': { quantity: 1_000, unit: 'notifications', covers: ['sns/email-deliveries'], source: 'https://aws.amazon.com/sns/pricing/' },
  'dynamodb-storage': { quantity: 25, unit: 'GB-Mo', covers: ['dynamodb/storage'], source: 'https://aws.amazon.com/dynamodb/pricing/provisioned/' },
  'dynamodb-rcu': { quantity: 25 * 730, unit: 'RCU-hours', covers: ['dynamodb/provisioned-rcu'], source: 'https://aws.amazon.com/dynamodb/pricing/provisioned/' },
  'dynamodb-wcu': { quantity: 25 * 730, unit: 'WCU-hours', covers: ['dynamodb/provisioned-wcu'], source: 'https://aws.amazon.com/dynamodb/pricing/provisioned/' },
  'dynamodb-streams': { quantity: 2_500_000, unit: 'requests', covers: ['dynamodb/streams-reads'], source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/' },
  'cognito-mau': { quantity: 10_000, unit: 'MAU', covers: ['cognito/essentials-mau', 'cognito/lite-mau'], source: 'https://aws.amazon.com/cognito/pricing/' },
  'kms-requests': { quantity: 20_000, unit: 'requests', covers: ['kms/requests'], source: 'https://aws.amazon.com/kms/pricing/' },
  'stepfunctions-transitions': { quantity: 4_000, unit: 'state transitions', covers: ['stepfunctions/standard-transitions'], source: 'https://aws.amazon.com/step-functions/pricing/' },
  'cloudwatch-metrics': { quantity: 10, unit: 'metrics', covers: ['cloudwatch/metrics'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'cloudwatch-alarms': { quantity: 10, unit: 'alarm-months', covers: ['cloudwatch/alarms'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'cloudwatch-logs-ingested': { quantity: 5, unit: 'GB', covers: ['cloudwatch/logs-ingested'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'cloudwatch-logs-stored': { quantity: 5, unit: 'GB-Mo', covers: ['cloudwatch/logs-stored'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'cloudwatch-dashboards': { quantity: 3, unit: 'dashboard-months', covers: ['cloudwatchglobal/dashboards'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'cloudwatch-api': { quantity: 1_000_000, unit: 'requests', covers: ['cloudwatch/api-requests'], source: 'https://aws.amazon.com/cloudwatch/pricing/' },
  'xray-traces': { quantity: 100_000, unit: 'traces', covers: ['xray/traces'], source: 'https://aws.amazon.com/xray/pricing/' },
  'eventbridge-scheduler': { quantity: 14_000_000, unit: 'invocations', covers: ['eventbridge/scheduler-invocations'], source: 'https://aws.amazon.com/eventbridge/pricing/' },
};

const POOL_OF = new Map<string, string>(Object.entries(FREE_TIERS).flatMap(([id, pool]) => pool.covers.map((k) => [k, id] as [string, string])));

/** Pool id covering `service/dimension`, if any. */
export function freePoolFor(key: string): string | undefined {
  return POOL_OF.get(key);
}
