import { deriveNetworkRules } from '../../model/index.js';
import type { ModelRule, RuleHit } from '../types.js';
import { cdnOrigins, designHit, hit, internetFacing, isRegulated, isSensitive, list, ofService, rule, wafProtected } from './helpers.js';

/** Ports whose exposure to the internet is an incident waiting to happen: remote admin and databases. */
const DANGEROUS_PORTS: Record<number, string> = {
  22: 'SSH',
  3389: 'RDP',
  23: 'Telnet',
  21: 'FTP',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  27017: 'MongoDB/DocumentDB',
  6379: 'Redis',
  11211: 'Memcached',
  9200: 'OpenSearch',
  5439: 'Redshift',
};

const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api[_-]?key|private[_-]?key|credential|access[_-]?key)/i;

/** Well-Architected security pillar rules over the model (and template facts). */
export const SECURITY_RULES: ModelRule[] = [
  rule({
    id: 'WA-SEC-1',
    framework: 'well-architected',
    control: 'SEC 5',
    pillar: 'security',
    severity: 'medium',
    title: 'Internet-facing entry point without a WAF web ACL',
    checks: 'Every CloudFront distribution, public REST API, internet-facing ALB and AppSync API is protected by a waf component.',
    why: 'Without a web ACL, injection, known-bad inputs and request floods reach the application directly; rate limiting and AWS managed rule groups stop most of them at the edge.',
    fix: 'Add a waf component (scope CLOUDFRONT for distributions, REGIONAL otherwise) and list the entry point in its protects.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const guarded = wafProtected(a);
      const candidates = internetFacing(a).filter((c) => ['cloudfront', 'apigateway-rest', 'alb', 'appsync'].includes(c.service));
      return candidates
        .filter((c) => !guarded.has(c.id))
        .map((c) => hit(s, c, `${c.service} '${c.id}' takes internet traffic and no WAF web ACL protects it.`, isSensitive(a) ? { severity: 'high' } : {}));
    },
  }),
  rule({
    id: 'WA-SEC-2',
    framework: 'well-architected',
    control: 'SEC 2',
    pillar: 'security',
    severity: 'high',
    title: 'API accepts requests without authentication',
    checks: 'REST, HTTP and WebSocket APIs have an authorizer other than none; AppSync does not rely on API keys alone.',
    why: 'An unauthenticated API lets anyone on the internet call the backend and reach the data behind it; API keys identify a client but do not authenticate a user.',
    fix: 'Set authorizer to cognito (with a cognito component connected by authenticate), iam or lambda. A deliberately public endpoint (a contact form) should be acknowledged with the reason and protected by a WAF rate rule.',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of s.architecture.components) {
        if ((c.service === 'apigateway-rest' || c.service === 'apigateway-http' || c.service === 'apigateway-websocket') && c.config.authorizer === 'none') {
          out.push(hit(s, c, `${c.service} '${c.id}' has authorizer none: every route is callable by anyone.`));
        } else if (c.service === 'appsync' && c.config.authorizer === 'api-key') {
          out.push(hit(s, c, `appsync '${c.id}' authorizes with an API key only.`, { severity: 'medium', fix: 'Use cognito or iam as the default authorization mode; keep API keys for public read-only fields at most.' }));
        }
      }
      return out;
    },
  }),
  rule({
    id: 'WA-SEC-3',
    framework: 'well-architected',
    control: 'SEC08-BP01',
    pillar: 'security',
    severity: 'medium',
    title: 'Sensitive data encrypted with AWS-managed keys',
    checks: 'Designs holding confidential, PII, PHI or card data use customer-managed KMS keys.',
    why: 'AWS-managed keys cannot be restricted by key policy, disabled in an incident, or audited per use; a customer-managed key lets you decide who can decrypt and prove it.',
    fix: 'Set security.encryptionKeys to customer-managed: the generators create one KMS key per system with rotation and use it for every data store and log group.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (a.security.encryptionKeys === 'customer-managed') return [];
      const level = { confidential: 'low', pii: 'medium', phi: 'high', pci: 'high' } as const;
      const sev = level[a.dataClassification as keyof typeof level];
      if (!sev) return [];
      return [designHit(`dataClassification is ${a.dataClassification} but security.encryptionKeys is aws-managed.`, { severity: sev })];
    },
  }),
  rule({
    id: 'WA-SEC-4',
    framework: 'well-architected',
    control: 'SEC04-BP01',
    pillar: 'security',
    severity: 'high',
    title: 'No audit trail of API activity',
    checks: 'security.auditTrail is on (a CloudTrail trail to an encrypted bucket).',
    why: 'Without CloudTrail nobody can tell who changed or read what, so an incident cannot be investigated and most compliance regimes fail outright.',
    fix: 'Set security.auditTrail to true, or acknowledge the finding naming the organization trail that already covers this account.',
    scope: 'design',
    check(s) {
      return s.architecture.security.auditTrail ? [] : [designHit('security.auditTrail is false: no CloudTrail trail is created.')];
    },
  }),
  rule({
    id: 'WA-SEC-5',
    framework: 'well-architected',
    control: 'SEC 4',
    pillar: 'security',
    severity: 'low',
    title: 'No threat detection',
    checks: 'Production designs enable GuardDuty (security.threatDetection).',
    why: 'GuardDuty spots compromised credentials, crypto-mining and data exfiltration from CloudTrail, VPC flow and DNS logs; without it a breach is found late, if at all.',
    fix: 'Set security.threatDetection to true (GuardDuty), or acknowledge it naming the organization-wide GuardDuty administrator account.',
    scope: 'design',
    check(s) {
      const a = s.architecture;
      if (a.security.threatDetection || a.environment !== 'prod') return [];
      return [designHit('security.threatDetection is false in a production design.', isSensitive(a) ? { severity: 'medium' } : {})];
    },
  }),
  rule({
    id: 'WA-SEC-6',
    framework: 'well-architected',
    control: 'SEC02-BP01',
    pillar: 'security',
    severity: 'medium',
    title: 'User pool without enforced multi-factor authentication',
    checks: 'Cognito user pools use mfa ON, or at least OPTIONAL when no sensitive data is held.',
    why: 'Passwords are phished and reused; a second factor stops account takeover for most credential-stuffing attacks.',
    fix: 'Set mfa to ON (TOTP or SMS); OPTIONAL leaves it to each user.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const out: RuleHit[] = [];
      for (const c of ofService(a, 'cognito')) {
        if (c.config.mfa === 'OFF') out.push(hit(s, c, `cognito '${c.id}' has mfa OFF.`, isRegulated(a) ? { severity: 'high' } : {}));
        else if (c.config.mfa === 'OPTIONAL' && isSensitive(a)) out.push(hit(s, c, `cognito '${c.id}' has mfa OPTIONAL while the design holds ${a.dataClassification} data.`, { severity: 'low' }));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-SEC-7',
    framework: 'well-architected',
    control: 'SEC02-BP03',
    pillar: 'security',
    severity: 'medium',
    title: 'Secret is never rotated',
    checks: 'secrets-manager components have automatic rotation (rotationDays above 0).',
    why: 'A long-lived secret that leaks stays valid until someone notices; rotation bounds how long a leaked value works.',
    fix: 'Set rotationDays (30 to 90) and provide a rotation function. For a third-party key that cannot rotate automatically, acknowledge the finding and state the manual rotation procedure.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'secrets-manager')
        .filter((c) => c.config.rotationDays === 0)
        .map((c) => hit(s, c, `secrets-manager '${c.id}' (${c.config.description}) has rotationDays 0.`));
    },
  }),
  rule({
    id: 'WA-SEC-8',
    framework: 'well-architected',
    control: 'SEC02-BP03',
    pillar: 'security',
    severity: 'high',
    title: 'Secret-looking value in a Lambda environment variable',
    checks: 'Lambda environment variable names do not suggest passwords, tokens or keys.',
    why: 'Environment variables are visible to anyone who can read the function configuration and end up in templates and logs; secrets belong in Secrets Manager.',
    fix: 'Move the value to a secrets-manager component, connect the function to it with read, and pass only the secret name in the environment.',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const c of ofService(s.architecture, 'lambda')) {
        const names = Object.keys(c.config.environment).filter((k) => SECRET_NAME.test(k) && !/(_ARN|_NAME|_ID)$/i.test(k));
        if (names.length) out.push(hit(s, c, `lambda '${c.id}' sets ${list(names)} in its environment.`));
      }
      return out;
    },
  }),
  rule({
    id: 'WA-SEC-9',
    framework: 'well-architected',
    control: 'SEC 5',
    pillar: 'security',
    severity: 'high',
    title: 'Kubernetes API endpoint open to the internet',
    checks: 'EKS clusters keep the API server endpoint private.',
    why: 'A public control-plane endpoint is scanned continuously; one leaked kubeconfig or an API server vulnerability exposes the cluster.',
    fix: 'Set endpointPublicAccess to false and reach the API through the VPC (VPN, bastion over SSM, or CI runners in the VPC).',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'eks')
        .filter((c) => c.config.endpointPublicAccess)
        .map((c) => hit(s, c, `eks '${c.id}' has endpointPublicAccess true.`));
    },
  }),
  rule({
    id: 'WA-SEC-10',
    framework: 'well-architected',
    control: 'SEC09-BP02',
    pillar: 'security',
    severity: 'high',
    title: 'Internet-facing load balancer without TLS',
    checks: 'Internet-facing ALBs and NLBs terminate HTTPS/TLS.',
    why: 'Plain HTTP exposes credentials, session tokens and personal data to anyone on the path.',
    fix: 'Set https to true and add an acm component for the certificate; HTTP then redirects to HTTPS.',
    scope: 'resource',
    check(s) {
      return s.architecture.components
        .filter((c) => (c.service === 'alb' || c.service === 'nlb') && c.config.scheme === 'internet-facing' && !c.config.https)
        .map((c) => hit(s, c, `${c.service} '${c.id}' is internet-facing with https false.`));
    },
  }),
  rule({
    id: 'WA-SEC-11',
    framework: 'well-architected',
    control: 'SEC04-BP01',
    pillar: 'security',
    severity: 'medium',
    title: 'VPC flow logs disabled',
    checks: 'The VPC records flow logs.',
    why: 'Flow logs are the only record of which addresses talked to which; without them network incidents and exfiltration cannot be traced.',
    fix: 'Set network.flowLogs to true.',
    scope: 'resource',
    check(s) {
      const n = s.architecture.network;
      return n && !n.flowLogs ? [designHit('network.flowLogs is false.', s.resourceOf.get('network') ? { resource: s.resourceOf.get('network')! } : {})] : [];
    },
  }),
  rule({
    id: 'WA-SEC-12',
    framework: 'well-architected',
    control: 'SEC 3',
    pillar: 'security',
    severity: 'low',
    title: 'Database IAM authentication disabled',
    checks: 'Aurora and RDS databases accept IAM authentication.',
    why: 'IAM authentication gives short-lived tokens tied to roles instead of long-lived database passwords shared by every caller.',
    fix: 'Set iamAuthentication to true and connect callers with IAM tokens.',
    scope: 'resource',
    check(s) {
      return s.architecture.components
        .filter((c) => (c.service === 'aurora' || c.service === 'rds') && !c.config.iamAuthentication)
        .map((c) => hit(s, c, `${c.service} '${c.id}' has iamAuthentication false.`));
    },
  }),
  rule({
    id: 'WA-SEC-13',
    framework: 'well-architected',
    control: 'SEC 8',
    pillar: 'security',
    severity: 'medium',
    title: 'Bucket CORS allows any origin',
    checks: 'S3 CORS rules name the origins allowed, not *.',
    why: 'A wildcard origin lets any website script requests against the bucket with the visitor\'s presigned URLs.',
    fix: 'List the exact origins (https://app.example.com) in corsAllowedOrigins.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 's3')
        .filter((c) => c.config.corsAllowedOrigins.includes('*'))
        .map((c) => hit(s, c, `s3 '${c.id}' allows CORS from origin *.`));
    },
  }),
  rule({
    id: 'WA-SEC-14',
    framework: 'well-architected',
    control: 'SEC 8',
    pillar: 'security',
    severity: 'high',
    title: 'Website bucket served directly to the internet',
    checks: 'Static-site buckets are served through CloudFront (route connection) so the bucket stays private.',
    why: 'A website bucket without a CDN must be public: anything uploaded to it by mistake is world-readable, and there is no TLS on the website endpoint.',
    fix: 'Add a cloudfront component with a route connection to the bucket; the bucket then allows only CloudFront (origin access control).',
    scope: 'resource',
    check(s) {
      const origins = cdnOrigins(s.architecture);
      const publicFacts = new Set(s.facts.publicBuckets.map((b) => b.resource));
      return ofService(s.architecture, 's3')
        .filter((c) => c.config.purpose === 'static-site' && !origins.has(c.id) && !publicFacts.has(s.resourceOf.get(c.id) ?? ''))
        .map((c) => hit(s, c, `s3 '${c.id}' is a static-site bucket and no CloudFront distribution routes to it.`));
    },
  }),
  rule({
    id: 'WA-SEC-15',
    framework: 'well-architected',
    control: 'SEC09-BP02',
    pillar: 'security',
    severity: 'low',
    title: 'Edge accepts an older TLS policy',
    checks: 'CloudFront uses the TLSv1.2_2021 security policy.',
    why: 'TLSv1.2_2019 still allows weaker cipher suites that current browsers no longer need.',
    fix: 'Set minimumTlsVersion to TLSv1.2_2021.',
    scope: 'resource',
    check(s) {
      return ofService(s.architecture, 'cloudfront')
        .filter((c) => c.config.minimumTlsVersion !== 'TLSv1.2_2021')
        .map((c) => hit(s, c, `cloudfront '${c.id}' uses ${c.config.minimumTlsVersion}.`));
    },
  }),
  rule({
    id: 'WA-SEC-16',
    framework: 'well-architected',
    control: 'SEC05-BP01',
    pillar: 'security',
    severity: 'high',
    title: 'Load balancer connects straight to a data store',
    checks: 'No security-group rule derived from the connections lets an internet-facing load balancer reach a database, cache or search cluster.',
    why: 'The data tier should only be reachable from the compute tier; a path from the edge skips every application check.',
    fix: 'Put compute (ecs-fargate, lambda, ec2-asg) between the load balancer and the data store and remove the direct connection.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const byId = new Map(a.components.map((c) => [c.id, c]));
      const edges = new Set(internetFacing(a).filter((c) => c.service === 'alb' || c.service === 'nlb').map((c) => c.id));
      const stores = new Set(['aurora', 'rds', 'documentdb', 'elasticache', 'opensearch', 'redshift']);
      return deriveNetworkRules(a)
        .filter((r) => edges.has(r.from) && stores.has(byId.get(r.to)?.service ?? ''))
        .map((r) => hit(s, r.to, `'${r.from}' (internet-facing) reaches '${r.to}' on port ${r.port} (${r.reason}).`));
    },
  }),
  rule({
    id: 'WA-SEC-17',
    framework: 'well-architected',
    control: 'SEC03-BP02',
    pillar: 'security',
    severity: 'low',
    title: 'One role can write to many data stores',
    checks: 'No single component holds write or read-write connections (and so write permissions) to four or more data stores.',
    why: 'Least privilege also limits blast radius: a bug or compromise in that one component can corrupt every store it can write.',
    fix: 'Split the component by responsibility so each role writes only the stores it owns, or connect with read where writing is not needed.',
    scope: 'resource',
    check(s) {
      const a = s.architecture;
      const stateful = new Set(['dynamodb', 'aurora', 'rds', 'documentdb', 's3', 'opensearch', 'redshift', 'elasticache']);
      const byId = new Map(a.components.map((c) => [c.id, c]));
      const writes = new Map<string, Set<string>>();
      for (const conn of a.connections) {
        if ((conn.kind !== 'write' && conn.kind !== 'read-write') || !stateful.has(byId.get(conn.to)?.service ?? '')) continue;
        writes.set(conn.from, (writes.get(conn.from) ?? new Set()).add(conn.to));
      }
      return [...writes]
        .filter(([, t]) => t.size >= 4)
        .map(([p, t]) => hit(s, p, `'${p}' can write to ${t.size} data stores: ${list([...t].sort())}.`));
    },
  }),
  rule({
    id: 'WA-SEC-18',
    framework: 'well-architected',
    control: 'SEC03-BP02',
    pillar: 'security',
    severity: 'high',
    title: 'IAM policy grants wildcard permissions',
    checks: 'IAM statements in the template name actions and resources instead of *.',
    why: 'Action * on Resource * is administrator access: whoever runs the code can do anything in the account, including deleting backups and creating users.',
    fix: 'Replace the wildcards with the actions the code calls and the ARNs it calls them on; designs get these derived from their connections.',
    scope: 'resource',
    check(s) {
      return s.facts.wildcardIam.map((w) => ({
        resource: w.resource,
        evidence: w.admin ? `${w.resource} allows Action * on Resource * (administrator access).` : `${w.resource} allows ${list(w.actions)} on ${list(w.resources)}.`,
        severity: w.admin ? 'critical' : 'high',
        ...(w.nagIds?.length ? { sameAs: w.nagIds } : {}),
      }));
    },
  }),
  rule({
    id: 'WA-SEC-19',
    framework: 'well-architected',
    control: 'SEC05-BP01',
    pillar: 'security',
    severity: 'high',
    title: 'Security group open to the internet',
    checks: 'No ingress rule admits 0.0.0.0/0 or ::/0 except HTTP/HTTPS on a load balancer.',
    why: 'Remote-administration and database ports open to the world are brute-forced within minutes of creation.',
    fix: 'Restrict the source to a security group or a known CIDR; use Systems Manager Session Manager instead of SSH/RDP.',
    scope: 'resource',
    check(s) {
      const out: RuleHit[] = [];
      for (const r of s.facts.openIngress) {
        const all = r.protocol === '-1' || (r.fromPort <= 0 && r.toPort >= 65535);
        if (!all && r.fromPort >= 80 && r.toPort <= 443 && (r.fromPort === r.toPort ? r.fromPort === 80 || r.fromPort === 443 : r.fromPort === 80 && r.toPort === 443)) continue;
        const named = Object.entries(DANGEROUS_PORTS).filter(([p]) => Number(p) >= r.fromPort && Number(p) <= r.toPort).map(([p, n]) => `${n} (${p})`);
        const ports = all ? 'all ports' : r.fromPort === r.toPort ? `port ${r.fromPort}` : `ports ${r.fromPort}-${r.toPort}`;
        out.push({
          resource: r.resource,
          evidence: `${r.resource} admits ${r.cidr} on ${ports}${named.length && !all ? ` (${list(named)})` : ''}.`,
          severity: all || named.length ? 'critical' : 'high',
          sameAs: ['AwsSolutions-EC23'],
        });
      }
      return out;
    },
  }),
  rule({
    id: 'WA-SEC-20',
    framework: 'well-architected',
    control: 'SEC 8',
    pillar: 'security',
    severity: 'critical',
    title: 'Bucket readable or writable by anyone',
    checks: 'No bucket policy, ACL or missing public access block makes a bucket public.',
    why: 'Public buckets are the most common source of AWS data leaks; automated scanners find them within hours.',
    fix: 'Block all public access on the bucket and serve public content through CloudFront with origin access control.',
    scope: 'resource',
    check(s) {
      return s.facts.publicBuckets.map((b) => ({ resource: b.resource, evidence: `${b.resource}: ${b.how}.` }));
    },
  }),
  rule({
    id: 'WA-SEC-21',
    framework: 'well-architected',
    control: 'SEC08-BP02',
    pillar: 'security',
    severity: 'high',
    title: 'Data store not encrypted at rest',
    checks: 'Databases, volumes, streams and queues in the template enable encryption at rest.',
    why: 'Unencrypted storage exposes data in snapshots, replicas and decommissioned media, and fails every compliance baseline.',
    fix: 'Enable encryption at rest (StorageEncrypted / storage_encrypted, KMS key); for an existing database, restore an encrypted copy of a snapshot.',
    scope: 'resource',
    check(s) {
      return s.facts.unencrypted.map((u) => ({ resource: u.resource, evidence: `${u.resource}: ${u.detail}.` }));
    },
  }),
  rule({
    id: 'WA-SEC-22',
    framework: 'well-architected',
    control: 'SEC05-BP01',
    pillar: 'security',
    severity: 'critical',
    title: 'Database reachable from the internet',
    checks: 'Databases and warehouses are not publicly accessible.',
    why: 'A public endpoint leaves only the password between the internet and the data.',
    fix: 'Set PubliclyAccessible / publicly_accessible to false and place the database in isolated subnets.',
    scope: 'resource',
    check(s) {
      return s.facts.publicDatabases.map((d) => ({ resource: d.resource, evidence: `${d.resource}: ${d.detail}.` }));
    },
  }),
];
