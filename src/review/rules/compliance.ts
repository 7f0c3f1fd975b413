import type { Architecture } from '../../model/index.js';
import type { ModelRule, ReviewSubject, RuleHit } from '../types.js';
import { cdnOrigins, dataStores, designHit, hit, internetFacing, list, ofService, rule, wafProtected } from './helpers.js';

function eligibility(s: ReviewSubject, programme: 'hipaa' | 'pci-dss'): RuleHit[] {
  const out: RuleHit[] = [];
  for (const c of s.architecture.components) {
    const r = s.compliance(c.service, programme, c.config as Record<string, unknown>);
    if (r.status === 'listed') continue;
    const name = programme === 'hipaa' ? 'HIPAA Eligible Services Reference' : 'PCI DSS services in scope';
    out.push(
      hit(s, c, r.status === 'not-listed' ? `${r.awsName} ('${c.id}') is not on AWS's ${name} (as of ${r.asOf}).` : `${r.awsName} ('${c.id}'): ${r.note ?? 'listing does not cover this configuration'} (list as of ${r.asOf}).`, {
        severity: r.status === 'not-listed' ? (programme === 'hipaa' ? 'critical' : 'high') : 'medium',
      }),
    );
  }
  return out;
}

/** Public paths to stored data: website buckets without a CDN, and public buckets or databases found in a template. */
function publicDataStores(s: ReviewSubject): RuleHit[] {
  const origins = cdnOrigins(s.architecture);
  const out: RuleHit[] = [];
  for (const b of s.facts.publicBuckets) if (!out.some((h) => h.resource === b.resource)) out.push({ resource: b.resource, evidence: `${b.resource}: ${b.how}.` });
  for (const c of ofService(s.architecture, 's3')) {
    if (c.config.purpose !== 'static-site' || origins.has(c.id) || out.some((h) => h.resource && h.resource === s.resourceOf.get(c.id))) continue;
    out.push(hit(s, c, `s3 '${c.id}' is a website bucket served without CloudFront, so it must be public.`));
  }
  for (const d of s.facts.publicDatabases) out.push({ resource: d.resource, evidence: `${d.resource}: ${d.detail}.` });
  return out;
}

function unencryptedTransit(s: ReviewSubject): RuleHit[] {
  const out: RuleHit[] = [];
  for (const c of s.architecture.components) {
    if ((c.service === 'alb' || c.service === 'nlb') && !c.config.https) out.push(hit(s, c, `${c.service} '${c.id}' has https false.`, { severity: 'high' }));
    if (c.service === 'cloudfront' && c.config.minimumTlsVersion !== 'TLSv1.2_2021') out.push(hit(s, c, `cloudfront '${c.id}' uses ${c.config.minimumTlsVersion}.`, { severity: 'low' }));
  }
  return out;
}

const unauthenticatedApis = (a: Architecture) =>
  a.components.filter((c) => (c.service === 'apigateway-rest' || c.service === 'apigateway-http' || c.service === 'apigateway-websocket') && c.config.authorizer === 'none');

/**
 * HIPAA Security Rule checks (45 CFR Part 164 Subpart C) over the model. Controls cite the section each safeguard
 * comes from; the rules assume all data in the design is ePHI when the framework is selected.
 */
export const HIPAA_RULES: ModelRule[] = [
  rule({
    id: 'HIPAA-1',
    framework: 'hipaa',
    control: '164.308(b)(1)',
    pillar: 'security',
    severity: 'critical',
    title: 'Service not covered by the AWS Business Associate Addendum',
    checks: 'Every component is a service on AWS\'s HIPAA Eligible Services Reference.',
    why: 'ePHI may only be stored or processed by services covered by the BAA; anything else is a disclosure outside the business associate contract.',
    fix: 'Replace the component with an eligible service, or keep ePHI out of it and acknowledge with that reason.',
    scope: 'resource',
    check: (s) => eligibility(s, 'hipaa'),
  }),
  rule({
    id: 'HIPAA-2',
    framework: 'hipaa',
    control: '164.312(a)(2)(iv)',
    pillar: 'security',
    severity: 'high',
    title: 'ePHI encrypted with AWS-managed keys',
    checks: 'security.encryptionKeys is customer-managed.',
    why: 'The encryption and decryption safeguard expects you to control who can decrypt ePHI; only a customer-managed key policy gives that control and a per-use audit trail.',
    fix: 'Set security.encryptionKeys to customer-managed.',
    scope: 'design',
    check: (s) => (s.architecture.security.encryptionKeys === 'customer-managed' ? [] : [designHit('security.encryptionKeys is aws-managed.')]),
  }),
  rule({
    id: 'HIPAA-3',
    framework: 'hipaa',
    control: '164.312(b)',
    pillar: 'security',
    severity: 'high',
    title: 'No audit controls',
    checks: 'security.auditTrail is on.',
    why: 'The audit controls standard requires recording and examining activity in systems that contain ePHI.',
    fix: 'Set security.auditTrail to true, or acknowledge naming the organization trail that covers the account.',
    scope: 'design',
    check: (s) => (s.architecture.security.auditTrail ? [] : [designHit('security.auditTrail is false.')]),
  }),
  rule({
    id: 'HIPAA-4',
    framework: 'hipaa',
    control: '164.308(a)(7)(ii)(A)',
    pillar: 'reliability',
    severity: 'medium',
    title: 'Backups shorter than the 35-day baseline',
    checks: 'Design backups and database automated backups are kept 35 days.',
    why: 'The data backup plan must keep retrievable exact copies of ePHI; this project\'s HIPAA baseline is 35 days, the longest automated-backup window Aurora and RDS offer.',
    fix: 'Set resilience.backupRetentionDays and each database\'s backupRetentionDays to 35.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      if (s.source === 'design' && a.resilience.backupRetentionDays < 35) out.push(designHit(`resilience.backupRetentionDays is ${a.resilience.backupRetentionDays}.`));
      const disabled = new Map(s.facts.backupsDisabled.map((b) => [b.resource, b]));
      for (const c of a.components) {
        if (c.service !== 'aurora' && c.service !== 'rds' && c.service !== 'documentdb') continue;
        const off = disabled.get(s.resourceOf.get(c.id) ?? '');
        if (off) {
          disabled.delete(off.resource);
          out.push(hit(s, c, `${off.resource}: ${off.detail}.`, { severity: 'high' }));
        } else if (c.config.backupRetentionDays < 35) {
          out.push(hit(s, c, `${c.service} '${c.id}' keeps automated backups ${c.config.backupRetentionDays} days.`));
        }
      }
      for (const b of disabled.values()) out.push({ resource: b.resource, evidence: `${b.resource}: ${b.detail}.`, severity: 'high' });
      return out;
    },
  }),
  rule({
    id: 'HIPAA-5',
    framework: 'hipaa',
    control: '164.308(a)(7)(ii)(B)',
    pillar: 'reliability',
    severity: 'high',
    title: 'No disaster recovery plan outside the Region',
    checks: 'The design has a DR strategy and copies backups (or replicates data) to a second Region.',
    why: 'The disaster recovery plan must restore any loss of ePHI; backups in the same Region as the data share its disasters.',
    fix: 'Set drStrategy to backup-restore or warmer, a secondaryRegion in the same jurisdiction, and crossRegionBackupCopy true.',
    scope: 'design',
    check(s) {
      const r = s.architecture.resilience;
      if (r.drStrategy === 'none') return [designHit('resilience.drStrategy is none.')];
      if (!r.crossRegionBackupCopy) return [designHit(`resilience.crossRegionBackupCopy is false (drStrategy ${r.drStrategy}).`, { severity: 'medium' })];
      return [];
    },
  }),
  rule({
    id: 'HIPAA-6',
    framework: 'hipaa',
    control: '164.312(d)',
    pillar: 'security',
    severity: 'high',
    title: 'Access to ePHI without strong authentication',
    checks: 'APIs authenticate callers, and user pools enforce multi-factor authentication.',
    why: 'Person or entity authentication requires verifying that whoever seeks access to ePHI is who they claim to be.',
    fix: 'Give every API an authorizer (cognito, iam or lambda) and set the user pool mfa to ON.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out = unauthenticatedApis(a).map((c) => hit(s, c, `${c.service} '${c.id}' has authorizer none.`));
      for (const c of ofService(a, 'cognito')) if (c.config.mfa !== 'ON') out.push(hit(s, c, `cognito '${c.id}' has mfa ${c.config.mfa}.`, { severity: 'medium' }));
      return out;
    },
  }),
  rule({
    id: 'HIPAA-7',
    framework: 'hipaa',
    control: '164.312(e)(1)',
    pillar: 'security',
    severity: 'high',
    title: 'ePHI may travel unencrypted',
    checks: 'Load balancers terminate TLS and CloudFront uses the current TLS policy.',
    why: 'Transmission security requires guarding ePHI against interception on networks.',
    fix: 'Set https true on load balancers (with an acm component) and minimumTlsVersion TLSv1.2_2021 on CloudFront.',
    scope: 'resource',
    check: unencryptedTransit,
  }),
  rule({
    id: 'HIPAA-8',
    framework: 'hipaa',
    control: '164.312(a)(1)',
    pillar: 'security',
    severity: 'critical',
    title: 'Data store reachable by anyone',
    checks: 'No bucket or database is public.',
    why: 'Access control requires that only authorized persons and software reach ePHI.',
    fix: 'Block public access; serve web content through CloudFront with origin access control and keep databases in isolated subnets.',
    scope: 'resource',
    check: publicDataStores,
  }),
  rule({
    id: 'HIPAA-9',
    framework: 'hipaa',
    control: '164.308(a)(1)(ii)(D)',
    pillar: 'security',
    severity: 'medium',
    title: 'Information system activity is not reviewed',
    checks: 'GuardDuty threat detection and VPC flow logs are on.',
    why: 'Activity review expects regular review of records such as access reports and security incident tracking; GuardDuty and flow logs are those records.',
    fix: 'Set security.threatDetection and network.flowLogs to true.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      const off = [!a.security.threatDetection ? 'security.threatDetection' : '', a.network && !a.network.flowLogs ? 'network.flowLogs' : ''].filter(Boolean);
      return off.length ? [designHit(`${list(off)} ${off.length > 1 ? 'are' : 'is'} false.`)] : [];
    },
  }),
  rule({
    id: 'HIPAA-10',
    framework: 'hipaa',
    control: '164.312(a)(2)(iv)',
    pillar: 'security',
    severity: 'high',
    title: 'ePHI store not encrypted at rest',
    checks: 'Every data store in the template encrypts at rest.',
    why: 'Encryption at rest is the addressable safeguard nearly every covered entity implements; unencrypted ePHI also turns a lost snapshot into a reportable breach.',
    fix: 'Enable storage encryption with the customer-managed key.',
    scope: 'resource',
    check: (s) => s.facts.unencrypted.map((u) => ({ resource: u.resource, evidence: `${u.resource}: ${u.detail}.` })),
  }),
];

/** PCI DSS v3.2.1 requirements checked over the model; the rules assume the design is the cardholder data environment. */
export const PCI_RULES: ModelRule[] = [
  rule({
    id: 'PCI-1',
    framework: 'pci-dss',
    control: '12.8',
    pillar: 'security',
    severity: 'high',
    title: 'Service not confirmed in PCI DSS scope',
    checks: 'Every component is a service (and engine) AWS lists as in scope for PCI DSS.',
    why: 'Requirement 12.8 makes you manage which service providers handle cardholder data and which requirements they cover; a service outside AWS\'s attestation leaves those requirements on you.',
    fix: 'Use an in-scope service or engine for cardholder data (for ElastiCache, Redis was the engine listed), or confirm the current AWS listing and acknowledge.',
    scope: 'resource',
    check: (s) => eligibility(s, 'pci-dss'),
  }),
  rule({
    id: 'PCI-2',
    framework: 'pci-dss',
    control: '3.5',
    pillar: 'security',
    severity: 'high',
    title: 'Cardholder data encrypted with AWS-managed keys',
    checks: 'security.encryptionKeys is customer-managed.',
    why: 'Requirements 3.5 and 3.6 call for documented key management with access restricted to the fewest custodians; AWS-managed keys cannot be restricted or rotated on your schedule.',
    fix: 'Set security.encryptionKeys to customer-managed.',
    scope: 'design',
    check: (s) => (s.architecture.security.encryptionKeys === 'customer-managed' ? [] : [designHit('security.encryptionKeys is aws-managed.')]),
  }),
  rule({
    id: 'PCI-3',
    framework: 'pci-dss',
    control: '10.1',
    pillar: 'security',
    severity: 'high',
    title: 'No audit trail linking access to users',
    checks: 'security.auditTrail is on.',
    why: 'Requirement 10.1 requires audit trails that link all access to system components to each individual user.',
    fix: 'Set security.auditTrail to true.',
    scope: 'design',
    check: (s) => (s.architecture.security.auditTrail ? [] : [designHit('security.auditTrail is false.')]),
  }),
  rule({
    id: 'PCI-4',
    framework: 'pci-dss',
    control: '10.7',
    pillar: 'operational-excellence',
    severity: 'high',
    title: 'Audit history kept for less than a year',
    checks: 'Log retention is at least 365 days.',
    why: 'Requirement 10.7 requires keeping audit trail history for at least one year, with at least three months immediately available.',
    fix: 'Set observability.logRetentionDays to 365 or more.',
    scope: 'design',
    check(s) {
      const d = s.architecture.observability.logRetentionDays;
      return d < 365 ? [designHit(`observability.logRetentionDays is ${d}.`)] : [];
    },
  }),
  rule({
    id: 'PCI-5',
    framework: 'pci-dss',
    control: '6.6',
    pillar: 'security',
    severity: 'high',
    title: 'Public-facing web application without a WAF',
    checks: 'Every internet-facing API, load balancer and distribution is protected by a WAF web ACL.',
    why: 'Requirement 6.6 requires public-facing web applications to sit behind an automated solution that detects and prevents web attacks.',
    fix: 'Add a waf component protecting the entry point (AWS WAF cannot attach to HTTP or WebSocket APIs: front them with CloudFront or use a REST API).',
    scope: 'resource',
    check(s) {
      const guarded = wafProtected(s.architecture);
      return internetFacing(s.architecture)
        .filter((c) => c.service !== 'iot-core' && c.service !== 'transfer-family' && !guarded.has(c.id))
        .map((c) => hit(s, c, `${c.service} '${c.id}' is internet-facing with no WAF web ACL.`));
    },
  }),
  rule({
    id: 'PCI-6',
    framework: 'pci-dss',
    control: '4.1',
    pillar: 'security',
    severity: 'high',
    title: 'Cardholder data may cross public networks unencrypted',
    checks: 'Load balancers terminate TLS and CloudFront uses the current TLS policy.',
    why: 'Requirement 4.1 requires strong cryptography for cardholder data sent over open, public networks.',
    fix: 'Set https true on load balancers and minimumTlsVersion TLSv1.2_2021 on CloudFront.',
    scope: 'resource',
    check: unencryptedTransit,
  }),
  rule({
    id: 'PCI-7',
    framework: 'pci-dss',
    control: '11.4',
    pillar: 'security',
    severity: 'medium',
    title: 'No intrusion detection',
    checks: 'GuardDuty threat detection is on.',
    why: 'Requirement 11.4 requires intrusion-detection or intrusion-prevention techniques on the cardholder data environment.',
    fix: 'Set security.threatDetection to true.',
    scope: 'design',
    check: (s) => (s.architecture.security.threatDetection ? [] : [designHit('security.threatDetection is false.')]),
  }),
  rule({
    id: 'PCI-8',
    framework: 'pci-dss',
    control: '10.2',
    pillar: 'security',
    severity: 'medium',
    title: 'Network activity is not logged',
    checks: 'VPC flow logs are on.',
    why: 'Requirement 10.2 requires automated audit trails to reconstruct events; flow logs are the record of network access to the cardholder data environment.',
    fix: 'Set network.flowLogs to true.',
    scope: 'resource',
    check: (s) => (s.architecture.network && !s.architecture.network.flowLogs ? [designHit('network.flowLogs is false.', s.resourceOf.get('network') ? { resource: s.resourceOf.get('network')! } : {})] : []),
  }),
  rule({
    id: 'PCI-9',
    framework: 'pci-dss',
    control: '10.5',
    pillar: 'security',
    severity: 'medium',
    title: 'Audit archive can be altered',
    checks: 'Log buckets use Object Lock (write once, read many).',
    why: 'Requirement 10.5 requires securing audit trails so they cannot be altered.',
    fix: 'Set objectLock to true (and versioning) on the log bucket.',
    scope: 'resource',
    check: (s) => ofService(s.architecture, 's3').filter((c) => c.config.purpose === 'logs' && !c.config.objectLock).map((c) => hit(s, c, `s3 '${c.id}' holds logs without Object Lock.`)),
  }),
  rule({
    id: 'PCI-10',
    framework: 'pci-dss',
    control: '3.6.4',
    pillar: 'security',
    severity: 'medium',
    title: 'Key or secret with no cryptoperiod',
    checks: 'Secrets rotate automatically.',
    why: 'Requirement 3.6.4 requires changing cryptographic keys at the end of a defined cryptoperiod.',
    fix: 'Set rotationDays (for example 90) with a rotation function.',
    scope: 'resource',
    check: (s) => ofService(s.architecture, 'secrets-manager').filter((c) => c.config.rotationDays === 0).map((c) => hit(s, c, `secrets-manager '${c.id}' has rotationDays 0.`)),
  }),
  rule({
    id: 'PCI-11',
    framework: 'pci-dss',
    control: '1.3',
    pillar: 'security',
    severity: 'medium',
    title: 'Compute touching cardholder data outside the VPC',
    checks: 'Functions connected to data stores run inside the VPC.',
    why: 'Requirement 1.3 restricts traffic between the internet and the cardholder data environment; functions outside the VPC sit outside its network controls and flow logs.',
    fix: 'Set inVpc to true on the function.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const stores = new Set(dataStores(a).map((c) => c.id));
      return ofService(a, 'lambda')
        .filter((c) => !c.config.inVpc && a.connections.some((x) => x.from === c.id && stores.has(x.to)))
        .map((c) => hit(s, c, `lambda '${c.id}' reaches data stores from outside the VPC.`));
    },
  }),
  rule({
    id: 'PCI-12',
    framework: 'pci-dss',
    control: '1.3',
    pillar: 'security',
    severity: 'critical',
    title: 'Cardholder data environment open to the internet',
    checks: 'No public bucket, public database or ingress from 0.0.0.0/0 outside HTTP/HTTPS.',
    why: 'Requirement 1.3 prohibits direct public access between the internet and any system component in the cardholder data environment.',
    fix: 'Block public access, keep databases in isolated subnets, and restrict security groups to known sources.',
    scope: 'resource',
    check(s) {
      const out = publicDataStores(s);
      for (const r of s.facts.openIngress) {
        if (r.protocol !== '-1' && ((r.fromPort === 443 && r.toPort === 443) || (r.fromPort === 80 && r.toPort === 80))) continue;
        out.push({ resource: r.resource, evidence: `${r.resource} admits ${r.cidr} on ${r.protocol === '-1' ? 'all ports' : `ports ${r.fromPort}-${r.toPort}`}.` });
      }
      return out;
    },
  }),
  rule({
    id: 'PCI-13',
    framework: 'pci-dss',
    control: '7.1.2',
    pillar: 'security',
    severity: 'critical',
    title: 'Administrator access granted to a workload',
    checks: 'No IAM statement allows Action * on Resource *.',
    why: 'Requirement 7.1.2 restricts privileged access to the least privileges necessary.',
    fix: 'Grant the actions and resources the workload uses.',
    scope: 'resource',
    check: (s) => s.facts.wildcardIam.filter((w) => w.admin).map((w) => ({ resource: w.resource, evidence: `${w.resource} allows Action * on Resource *.` })),
  }),
];
