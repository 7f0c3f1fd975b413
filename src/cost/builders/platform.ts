import type { Architecture, ComponentUsage, UsageProfile } from '../../model/index.js';
import type { Charge } from '../engine.js';
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../usage.js';
import { dim, n } from './common.js';

const P = (service: string) => ({ id: 'platform', service });

/** Interface endpoints bill per AZ per hour; s3 and dynamodb are gateway endpoints and free. */
const GATEWAY_ENDPOINTS = new Set(['s3', 'dynamodb']);

/** Management events a month assumed for GuardDuty's CloudTrail analysis (a small production account). */
const MANAGEMENT_EVENTS = 200_000;

/**
 * Costs every design shares, from its network, security, observability and resilience sections: NAT gateways,
 * interface endpoints, internet and cross-AZ transfer, KMS, CloudTrail, GuardDuty, CloudWatch, X-Ray and backups.
 */
export function platformCharges(arch: Architecture, profile: UsageProfile): { charges: Charge[]; assumptions: string[] } {
  const out: Charge[] = [];
  const assumptions: string[] = [];
  const usage = (id: string): ComponentUsage => profile.components[id] ?? {};
  const net = arch.network;
  if (net && net.natGateways !== 'none') {
    const count = net.natGateways === 'single' ? 1 : net.azCount;
    out.push(dim(P('natgateway'), 'natgateway', 'hours', `NAT gateways (${net.natGateways})`, count * HOURS_PER_MONTH, `${count} gateway(s) x 730 h`));
    out.push(dim(P('natgateway'), 'natgateway', 'data-processed', 'data processed by NAT', profile.natProcessedGb));
  }
  if (net) {
    const iface = net.vpcEndpoints.filter((e) => !GATEWAY_ENDPOINTS.has(e));
    if (iface.length) out.push(dim(P('vpc'), 'vpc', 'endpoint-hours', 'interface VPC endpoints', iface.length * net.azCount * HOURS_PER_MONTH, `${iface.join(', ')} x ${net.azCount} AZs x 730 h`));
    if (net.flowLogs) {
      const gb = 0.5 * net.azCount + 0.01 * (profile.natProcessedGb + profile.crossAzGb);
      out.push(dim(P('cloudwatch'), 'cloudwatch', 'vended-logs', 'VPC flow logs delivered to CloudWatch Logs', gb, '0.5 GB per AZ plus 1 % of NAT and cross-AZ traffic (estimate)'));
    }
  }

  // Internet egress is tiered across the whole account: every component's share goes through one ladder.
  for (const c of arch.components) {
    if (c.service === 'cloudfront') continue;
    const gb = usage(c.id).dataOutGb ?? 0;
    if (gb > 0) out.push(dim({ id: c.id, service: 'datatransfer' }, 'datatransfer', 'out-internet', 'data transfer out to the internet', gb));
  }
  if (profile.dataOutGb > 0) out.push(dim(P('datatransfer'), 'datatransfer', 'out-internet', 'data transfer out to the internet', profile.dataOutGb, 'not attributed to a component'));
  if (profile.crossAzGb > 0) out.push(dim(P('datatransfer'), 'datatransfer', 'cross-az', 'cross-AZ transfer (both directions)', profile.crossAzGb * 2, `${n(profile.crossAzGb)} GB charged leaving one AZ and entering another`));

  if (arch.security.encryptionKeys === 'customer-managed') {
    const keys = 1 + (arch.resilience.secondaryRegion ? 1 : 0);
    const dataOps = arch.components.reduce((s, c) => s + (usage(c.id).readsPerMonth ?? 0) + (usage(c.id).writesPerMonth ?? 0), 0);
    out.push(dim(P('kms'), 'kms', 'keys', 'customer managed keys', keys, keys > 1 ? 'one per region' : 'one per system, rotated yearly'));
    out.push(dim(P('kms'), 'kms', 'requests', 'KMS API requests', dataOps / 1000, 'one per 1,000 data operations (S3 Bucket Keys and DynamoDB cache data keys)'));
  }
  if (arch.security.auditTrail) out.push(dim(P('cloudtrail'), 'cloudtrail', 'management-events-first-copy', 'CloudTrail management events (first trail)', MANAGEMENT_EVENTS));
  if (arch.security.threatDetection) {
    const logGb = 1 + 0.01 * (profile.natProcessedGb + profile.crossAzGb);
    out.push(dim(P('guardduty'), 'guardduty', 'cloudtrail-events', 'GuardDuty CloudTrail analysis', MANAGEMENT_EVENTS, `estimate: ${n(MANAGEMENT_EVENTS)} management events a month`));
    out.push(dim(P('guardduty'), 'guardduty', 'log-gb', 'GuardDuty flow and DNS log analysis', logGb, 'estimate: 1 GB plus 1 % of NAT and cross-AZ traffic'));
    assumptions.push(`GuardDuty is an estimate: ${n(MANAGEMENT_EVENTS)} management events and about ${n(logGb)} GB of VPC flow and DNS logs a month`);
  }

  const obs = arch.observability;
  if (profile.logsIngestedGb > 0) {
    const months = Math.min(obs.logRetentionDays, 365) / 30;
    out.push(dim(P('cloudwatch'), 'cloudwatch', 'logs-ingested', 'CloudWatch Logs ingestion', profile.logsIngestedGb));
    out.push(dim(P('cloudwatch'), 'cloudwatch', 'logs-stored', 'CloudWatch Logs storage', profile.logsIngestedGb * months * 0.15, `${obs.logRetentionDays}-day retention, compressed to 15 %`));
  }
  const watched = arch.components.filter((c) => c.service !== 'acm').length;
  out.push(dim(P('cloudwatch'), 'cloudwatch', 'alarms', 'CloudWatch alarms', watched * 2, `2 alarms per component (errors and latency or throttles) x ${watched}`));
  if (obs.dashboard) out.push(dim(P('cloudwatch'), 'cloudwatchglobal', 'dashboards', 'CloudWatch dashboard', 1));
  if (obs.tracing) {
    const traced = arch.components.filter((c) => c.service === 'lambda' || c.service.startsWith('apigateway') || c.service === 'appsync');
    const requests = traced.filter((c) => c.service !== 'lambda').reduce((s, c) => s + (usage(c.id).requestsPerMonth ?? 0), 0) || traced.reduce((s, c) => s + (usage(c.id).requestsPerMonth ?? 0), 0);
    if (requests > 0) {
      const reservoir = Math.min(requests, SECONDS_PER_MONTH);
      const traces = reservoir + 0.05 * (requests - reservoir);
      out.push(dim(P('xray'), 'xray', 'traces', 'X-Ray traces recorded', traces, 'default sampling: 1 request/s plus 5 % of the rest'));
    }
  }

  const r = arch.resilience;
  if (r.drStrategy !== 'none') {
    for (const c of arch.components) {
      if (c.service !== 'dynamodb' && c.service !== 'documentdb') continue;
      const gb = usage(c.id).storageGb ?? 0;
      if (c.service === 'dynamodb') {
        out.push(dim({ id: c.id, service: 'backup' }, 'dynamodb', 'backup-storage', 'AWS Backup copy of the table', gb, 'one full backup retained (later ones are incremental)'));
        if (r.crossRegionBackupCopy && r.secondaryRegion) out.push(dim({ id: c.id, service: 'backup' }, 'dynamodb', 'backup-storage', `backup copy in ${r.secondaryRegion}`, gb, 'cross-region backup copy', r.secondaryRegion));
      }
    }
  }
  return { charges: out, assumptions };
}
