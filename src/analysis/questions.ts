import { COMPLIANCE_FRAMEWORKS, REGION_CODES } from '../model/index.js';
import type { OpenQuestion } from '../model/index.js';
import type { Draft } from './draft.js';
import type { Facts } from './extract.js';

/** One answer to collect through elicitation and the requirement field it fills. */
export interface AskField {
  key: string;
  /** Requirement path the answer fills, e.g. `availability.rpoMinutes`. */
  field: string;
  type: 'number' | 'integer' | 'string' | 'boolean';
  title: string;
  description: string;
  enum?: string[];
  /** How the answer becomes the field value (a list, a number, nothing for "none"). */
  as?: 'list' | 'value';
}

interface Candidate extends Omit<OpenQuestion, 'priority'> {
  weight: number;
  ask?: AskField[];
}

/**
 * The questions whose answers would change the design, most important first. Weights encode how much of the
 * design hinges on the answer: load drives every sizing decision, compliance and recovery objectives change which
 * services are allowed and whether there is a second region, and so on down to naming details.
 */
export function rankQuestions(d: Draft, facts: Facts): { questions: OpenQuestion[]; ask: Map<string, AskField[]> } {
  const c: Candidate[] = [];
  const has = (p: string) => d.workload.patterns.includes(p as never);
  const stated = (path: string) => d.sources[path] === 'stated' || d.sources[path] === 'field';
  const noLoad = !['traffic.users', 'traffic.dailyActiveUsers', 'traffic.monthlyActiveUsers', 'traffic.peakRps', 'traffic.avgRps', 'traffic.peakMessagesPerSecond', 'traffic.peakConcurrent'].some(stated) && facts.devices === undefined && facts.dailyIngestGb === undefined;
  const stateful = d.data.accessPatterns.some((a) => a !== 'cache') || d.data.objectStorage === true;

  if (noLoad) {
    c.push({
      id: 'q-load',
      weight: 100,
      question: 'How much load do you expect: daily active users, or requests per second at the busiest hour?',
      whyItMatters: 'Load decides between per-request services (Lambda, DynamoDB on demand) and always-on capacity (containers, provisioned databases), and sizes everything.',
      affects: ['compute', 'data store capacity', 'cost'],
      field: 'traffic.peakRps',
      ask: [
        { key: 'dailyActiveUsers', field: 'traffic.dailyActiveUsers', type: 'integer', title: 'Daily active users', description: 'People using the system on a typical day.' },
        { key: 'peakRps', field: 'traffic.peakRps', type: 'number', title: 'Peak requests per second', description: 'Requests per second at the busiest hour (leave empty if unknown).' },
      ],
    });
  }
  if (d.compliance.length === 0 && (d.data.classification === 'pii' || d.data.classification === 'phi' || facts.healthData || facts.cardData)) {
    c.push({
      id: 'q-compliance',
      weight: facts.healthData || (facts.cardData && !facts.cardOutOfScope) ? 95 : 60,
      question: facts.healthData
        ? 'The brief mentions health data: does HIPAA (or another health-data regime) apply?'
        : 'Does any compliance regime apply (HIPAA, PCI DSS, SOC 2, GDPR, FedRAMP)?',
      whyItMatters: 'Regulated data limits the services to AWS\'s eligible lists and adds customer-managed keys, audit logging and longer log retention.',
      affects: ['service eligibility', 'encryption', 'logging', 'cost'],
      field: 'compliance',
      ask: [{ key: 'compliance', field: 'compliance', type: 'string', title: 'Compliance regime', description: 'The main regime that applies, or none.', enum: ['none', ...COMPLIANCE_FRAMEWORKS], as: 'list' }],
    });
  }
  if (stateful && d.availability.rpoMinutes === undefined && d.availability.rtoMinutes === undefined && !onlyStatic(d)) {
    c.push({
      id: 'q-rpo-rto',
      weight: (d.availability.targetPercent ?? 99.9) >= 99.9 ? 85 : 60,
      question: 'If a whole AWS Region failed, how much recent data could you lose (RPO) and how long could the system be down (RTO)?',
      whyItMatters: 'Minutes of RPO/RTO need a warm second Region with replicated data; hours allow restoring backups, at a fraction of the cost.',
      affects: ['disaster recovery strategy', 'secondary region', 'cost'],
      field: 'availability.rpoMinutes',
      ask: [
        { key: 'rpoMinutes', field: 'availability.rpoMinutes', type: 'number', title: 'RPO (minutes)', description: 'Data loss you could accept, in minutes (1440 = a day).' },
        { key: 'rtoMinutes', field: 'availability.rtoMinutes', type: 'number', title: 'RTO (minutes)', description: 'Downtime you could accept, in minutes.' },
      ],
    });
  }
  if (d.sources['regions.primary'] === 'default' && !d.regions.residency) {
    c.push({
      id: 'q-region',
      weight: 80,
      question: 'Which AWS Region should it run in, and must the data stay in a particular country or jurisdiction?',
      whyItMatters: 'Residency limits the Regions, latency depends on distance to users, and prices differ by Region.',
      affects: ['region', 'data residency', 'cost'],
      field: 'regions.primary',
      ask: [{ key: 'region', field: 'regions.primary', type: 'string', title: 'Primary Region', description: 'AWS Region code, e.g. eu-west-1.', enum: [...REGION_CODES] }],
    });
  }
  if (facts.residencyAmbiguous) {
    c.push({
      id: 'q-residency-europe',
      weight: 78,
      question: '"Europe" could mean EU Regions only or also London and Zurich: which is it?',
      whyItMatters: 'London (UK) and Zurich (CH) are outside the EU; EU-only rules them out for primary, DR and backup copies.',
      affects: ['region', 'DR region'],
      field: 'regions.residency',
      ask: [{ key: 'residency', field: 'regions.residency', type: 'string', title: 'Jurisdiction', description: 'EU for EU Regions only.', enum: ['EU', 'UK', 'CH'] }],
    });
  }
  if (has('batch-etl') && d.workload.longestJobMinutes === undefined) {
    c.push({
      id: 'q-job-duration',
      weight: 70,
      question: 'How long does the longest processing job run?',
      whyItMatters: 'Jobs over 15 minutes cannot run on Lambda; they need Glue, Fargate or Batch.',
      affects: ['batch compute'],
      field: 'workload.longestJobMinutes',
      ask: [{ key: 'longestJobMinutes', field: 'workload.longestJobMinutes', type: 'number', title: 'Longest job (minutes)', description: 'Run time of the longest job in minutes.' }],
    });
  }
  if (!stated('availability.targetPercent') && !onlyStatic(d)) {
    c.push({
      id: 'q-availability',
      weight: 65,
      question: `What availability does the business need? (${d.availability.targetPercent ?? 99.9} % is assumed: ${downtime(d.availability.targetPercent ?? 99.9)} of downtime a month.)`,
      whyItMatters: 'At 99.9 % and above every tier runs in two or more Availability Zones; 99.99 % changes databases, failover and cost.',
      affects: ['multi-AZ', 'database topology', 'cost'],
      field: 'availability.targetPercent',
      ask: [{ key: 'availability', field: 'availability.targetPercent', type: 'number', title: 'Availability target (%)', description: 'For example 99.9 or 99.95.' }],
    });
  }
  if (stateful && d.data.retentionDays === undefined && !onlyStatic(d)) {
    c.push({
      id: 'q-retention',
      weight: 55,
      question: 'How long must data be kept?',
      whyItMatters: 'Retention sets TTLs, lifecycle rules to cheaper storage classes and the size of the data store.',
      affects: ['storage lifecycle', 'cost'],
      field: 'data.retentionDays',
      ask: [{ key: 'retentionDays', field: 'data.retentionDays', type: 'integer', title: 'Retention (days)', description: 'Days data is kept.' }],
    });
  }
  if (d.budget.monthlyUsd === undefined) {
    c.push({
      id: 'q-budget',
      weight: d.budget.sensitivity === 'tight' ? 58 : 45,
      question: 'Is there a monthly budget for the infrastructure?',
      whyItMatters: 'A firm budget rules out always-on capacity at low load and decides how much redundancy is affordable.',
      affects: ['compute', 'redundancy', 'cost'],
      field: 'budget.monthlyUsd',
      ask: [{ key: 'monthlyUsd', field: 'budget.monthlyUsd', type: 'number', title: 'Monthly budget (USD)', description: 'Infrastructure budget per month.' }],
    });
  }
  if (d.preferences.compute === undefined && !onlyStatic(d)) {
    c.push({
      id: 'q-compute',
      weight: 50,
      question: 'Does the team prefer serverless functions or containers, and which languages does it write?',
      whyItMatters: 'Team skills decide between Lambda and Fargate when the workload fits both, and set the runtime.',
      affects: ['compute', 'operations'],
      field: 'preferences.compute',
      ask: [{ key: 'compute', field: 'preferences.compute', type: 'string', title: 'Compute preference', description: 'How the team prefers to run code.', enum: ['serverless', 'containers', 'kubernetes', 'vms', 'any'] }],
    });
  }
  if ((has('rest-api') || has('graphql-api')) && d.latency.p99Ms === undefined) {
    c.push({
      id: 'q-latency',
      weight: 40,
      question: 'What response time do users need at the 99th percentile?',
      whyItMatters: 'Tight latency targets call for caching, provisioned concurrency or always-warm containers.',
      affects: ['caching', 'compute configuration'],
      field: 'latency.p99Ms',
      ask: [{ key: 'p99Ms', field: 'latency.p99Ms', type: 'number', title: 'p99 latency (ms)', description: 'Milliseconds.' }],
    });
  }
  if (d.sources['data.accessPatterns'] !== 'stated' && d.sources['data.accessPatterns'] !== 'field' && d.data.accessPatterns.some((a) => a === 'key-value' || a === 'relational')) {
    c.push({
      id: 'q-data-model',
      weight: 42,
      question: 'Is the data relational (joins, reports, transactions across entities) or read by key (by user, by conversation)?',
      whyItMatters: 'Relational access points to Aurora or RDS; known key lookups at scale point to DynamoDB.',
      affects: ['primary data store'],
      field: 'data.accessPatterns',
      ask: [{ key: 'accessPattern', field: 'data.accessPatterns', type: 'string', title: 'Main access pattern', description: 'How data is mostly read.', enum: ['relational', 'key-value', 'document'], as: 'list' }],
    });
  }
  if (d.identity.endUserAuth && d.sources['identity.providers'] !== 'stated' && d.sources['identity.providers'] !== 'field') {
    c.push({
      id: 'q-sign-in',
      weight: 30,
      question: 'How do users sign in: email and password, Google, Apple, or a corporate identity provider?',
      whyItMatters: 'Federation providers are configured in the user pool and change the sign-in flow.',
      affects: ['identity'],
      field: 'identity.providers',
    });
  }
  if (d.workload.features.includes('custom-domain') && !d.workload.features.some((f) => f.startsWith('domain:'))) {
    c.push({
      id: 'q-domain',
      weight: 20,
      question: 'Which domain name will the site or API use, and is its DNS already in Route 53?',
      whyItMatters: 'The certificate and DNS records are created for it; an existing hosted zone is reused.',
      affects: ['DNS', 'certificates'],
      field: 'workload.features',
    });
  }
  // Every generated design carries alarms and an alarm topic; who receives them is the one input only the user has,
  // and without it the review reports the alarms as going nowhere.
  if (!d.workload.features.some((f) => f.startsWith('alerts-to:'))) {
    c.push({
      id: 'q-alarms',
      weight: 75,
      question: 'Who should receive alarms? Give an email address (for example "alarms go to oncall@example.com"), or plan to subscribe your on-call tool to the alarm topic.',
      whyItMatters: 'The generated alarms (errors, throttles, saturation, failed deliveries) all notify one SNS topic; until someone is subscribed to it, failures are found by users first.',
      affects: ['observability', 'alerting'],
      field: 'workload.features',
    });
  }

  c.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  const ask = new Map<string, AskField[]>();
  const questions = c.map(({ weight: _w, ask: spec, ...q }, i) => {
    if (spec) ask.set(q.id, spec);
    return { ...q, priority: i + 1 };
  });
  return { questions, ask };
}

function onlyStatic(d: Draft): boolean {
  return d.workload.patterns.length > 0 && d.workload.patterns.every((p) => p === 'static-site');
}

function downtime(percent: number): string {
  const minutes = ((100 - percent) / 100) * 30 * 24 * 60;
  return minutes >= 90 ? `${(minutes / 60).toFixed(1)} hours` : `${Math.round(minutes)} minutes`;
}
