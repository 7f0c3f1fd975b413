import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS, WORKLOAD_PATTERNS } from './constants.js';
import { RegionSchema } from './regions.js';

export { COMPLIANCE_FRAMEWORKS, WORKLOAD_PATTERNS };

export const WorkloadPattern = z.enum(WORKLOAD_PATTERNS);
export type WorkloadPattern = z.infer<typeof WorkloadPattern>;

export const ComplianceFramework = z.enum(COMPLIANCE_FRAMEWORKS);
export type ComplianceFramework = z.infer<typeof ComplianceFramework>;

/**
 * How sensitive the most sensitive data in the system is. Drives encryption keys, logging, and which
 * services are allowed.
 */
export const DataClassification = z
  .enum(['public', 'internal', 'confidential', 'pii', 'phi', 'pci'])
  .describe('Most sensitive data the system holds: public, internal, confidential, pii, phi (health) or pci (card data).');
export type DataClassification = z.infer<typeof DataClassification>;

/** Where a value came from, so a reader can tell a stated fact from a derived one. */
export const ValueSource = z.enum(['stated', 'field', 'derived', 'default']);
export type ValueSource = z.infer<typeof ValueSource>;

/**
 * Something the analyser assumed because the brief did not say. Every derived number has one, so a reviewer can
 * challenge the assumption rather than the result.
 */
export const Assumption = z.object({
  /** Requirement path the assumption fills, e.g. `traffic.peakRps`. */
  field: z.string().describe('Requirement path the assumption fills, e.g. traffic.peakRps.'),
  value: z.union([z.string(), z.number(), z.boolean()]).describe('The assumed value.'),
  /** Why this value: the rule or ratio used. */
  reason: z.string().describe('Why this value: the rule or ratio used.'),
});
export type Assumption = z.infer<typeof Assumption>;

/** A question whose answer would change the design, ranked by how much. */
export const OpenQuestion = z.object({
  id: z.string().describe('Stable id, e.g. q-rpo.'),
  question: z.string().describe('The question to ask the user.'),
  whyItMatters: z.string().describe('Why the answer matters.'),
  /** What in the design would change with the answer. */
  affects: z.array(z.string()).describe('Design areas the answer would change.'),
  /** 1 is most important. */
  priority: z.number().int().min(1).describe('1 = most important.'),
  /** Requirement path the answer would fill. */
  field: z.string().optional().describe('Requirement path the answer fills.'),
});
export type OpenQuestion = z.infer<typeof OpenQuestion>;

export const Traffic = z.object({
  /** Registered or total users. */
  users: z.number().nonnegative().optional().describe('Registered or total users.'),
  dailyActiveUsers: z.number().nonnegative().optional().describe('Daily active users.'),
  monthlyActiveUsers: z.number().nonnegative().optional().describe('Monthly active users (Cognito bills by MAU).'),
  /** Peak simultaneous users or connections. */
  peakConcurrent: z.number().nonnegative().optional().describe('Peak simultaneous users or open connections.'),
  avgRps: z.number().nonnegative().optional().describe('Average requests per second.'),
  peakRps: z.number().nonnegative().optional().describe('Peak requests per second.'),
  /** Messages or events per second at peak (IoT, chat, streams). */
  peakMessagesPerSecond: z.number().nonnegative().optional().describe('Peak messages or events per second (IoT, chat, streams).'),
  /** Typical request or message payload in KB. */
  payloadKb: z.number().nonnegative().optional().describe('Typical request or message payload in KB.'),
  /** Reads per write, e.g. 4 means 80 % reads. */
  readWriteRatio: z.number().positive().optional().describe('Reads per write, e.g. 4 means 80 % reads.'),
  /** Expected growth of load, as a multiple over the planning horizon. */
  growthFactor: z.number().positive().optional().describe('Expected growth of load as a multiple (e.g. 10 for 10x).'),
});
export type Traffic = z.infer<typeof Traffic>;

export const DataProfile = z.object({
  storedGb: z.number().nonnegative().optional().describe('Data stored today, in GB.'),
  growthGbPerMonth: z.number().nonnegative().optional().describe('Growth of stored data per month, in GB.'),
  retentionDays: z.number().int().nonnegative().optional().describe('How long data is kept, in days.'),
  /** Large objects (media, documents, uploads). */
  objectStorage: z.boolean().optional().describe('Whether large objects (media, documents, uploads) are stored.'),
  accessPatterns: z
    .array(z.enum(['key-value', 'relational', 'document', 'time-series', 'search', 'analytics', 'graph', 'cache', 'blob']))
    .default([])
    .describe('How data is read: key-value, relational, document, time-series, search, analytics, graph, cache, blob.'),
  classification: DataClassification.default('internal'),
});
export type DataProfile = z.infer<typeof DataProfile>;

export const Availability = z.object({
  /** e.g. 99.9 */
  targetPercent: z.number().min(90).max(100).optional().describe('Availability target in percent, e.g. 99.9.'),
  /** Recovery point objective: data loss tolerated, minutes. */
  rpoMinutes: z.number().nonnegative().optional().describe('Recovery point objective: tolerated data loss in minutes.'),
  /** Recovery time objective: downtime tolerated after a disaster, minutes. */
  rtoMinutes: z.number().nonnegative().optional().describe('Recovery time objective: tolerated downtime in minutes.'),
});
export type Availability = z.infer<typeof Availability>;

export const Regions = z.object({
  primary: RegionSchema.optional(),
  secondary: RegionSchema.optional(),
  /** Jurisdiction data must stay in, e.g. `EU` or `US`. */
  residency: z.string().optional().describe('Jurisdiction data must stay in, e.g. EU or US.'),
  /** Regions the brief allows; empty means any. */
  allowed: z.array(RegionSchema).default([]).describe('Regions allowed by residency; empty means any.'),
});
export type Regions = z.infer<typeof Regions>;

export const Preferences = z.object({
  compute: z
    .enum(['serverless', 'containers', 'vms', 'kubernetes', 'any'])
    .default('any')
    .describe('Preferred compute model: serverless, containers, vms, kubernetes or any.'),
  iac: z.enum(['cloudformation', 'terraform', 'cdk']).optional().describe('Preferred IaC tool.'),
  languages: z.array(z.string()).default([]).describe('Languages the team writes, e.g. typescript, python.'),
  /** How much operational work the team can take on. */
  opsMaturity: z.enum(['low', 'medium', 'high']).default('medium').describe('How much operations work the team can take on.'),
  teamSize: z.number().int().positive().optional().describe('Engineers on the team.'),
  /** Catalog ids the user asked for by name. */
  preferredServices: z.array(z.string()).default([]).describe('Catalog service ids the user asked for, e.g. aurora.'),
  /** Catalog ids the user ruled out. */
  avoidServices: z.array(z.string()).default([]).describe('Catalog service ids the user ruled out.'),
});
export type Preferences = z.infer<typeof Preferences>;

/** A conflict between requirements, explained with the ways out. */
export const Conflict = z.object({
  id: z.string(),
  description: z.string().describe('What conflicts with what.'),
  fields: z.array(z.string()).describe('Requirement paths involved.'),
  options: z.array(z.string()).describe('Ways to resolve it.'),
});
export type Conflict = z.infer<typeof Conflict>;

/**
 * Normalised, checkable requirements: what the brief said, what was derived (with its assumption), and what is
 * still open.
 */
export const Requirements = z.object({
  name: z.string().min(1).describe('Short name of the system, e.g. chat-backend.'),
  summary: z.string().describe('One-paragraph summary of the system.'),
  workload: z.object({
    patterns: z.array(WorkloadPattern).default([]).describe('Workload patterns present.'),
    /** Long-running work in minutes (batch jobs), if any: rules out Lambda above 15. */
    longestJobMinutes: z.number().nonnegative().optional().describe('Longest single job in minutes, if any.'),
    clients: z.array(z.enum(['web', 'mobile', 'iot', 'partner', 'internal'])).default([]).describe('Who calls the system.'),
    /** Free-form features worth carrying forward (search, media uploads, notifications, ...). */
    features: z.array(z.string()).default([]).describe('Notable features, e.g. media-uploads, full-text-search, notifications.'),
  }).prefault({}),
  traffic: Traffic.prefault({}),
  data: DataProfile.prefault({}),
  latency: z.object({
    p99Ms: z.number().positive().optional().describe('p99 latency target in milliseconds.'),
    p50Ms: z.number().positive().optional().describe('Median latency target in milliseconds.'),
  }).prefault({}),
  availability: Availability.prefault({}),
  compliance: z.array(ComplianceFramework).default([]).describe('Compliance regimes that apply.'),
  regions: Regions.prefault({}),
  budget: z.object({
    monthlyUsd: z.number().nonnegative().optional().describe('Monthly budget in USD.'),
    sensitivity: z.enum(['tight', 'normal', 'flexible']).default('normal').describe('How cost-sensitive the project is.'),
  }).prefault({}),
  identity: z.object({
    /** End-user sign-in is needed. */
    endUserAuth: z.boolean().default(false).describe('Whether end users sign in.'),
    providers: z.array(z.string()).default([]).describe('Sign-in providers, e.g. email, google, apple, saml.'),
  }).prefault({}),
  preferences: Preferences.prefault({}),
  /** Existing infrastructure or constraints to integrate with. */
  existing: z.array(z.string()).default([]).describe('Existing infrastructure to integrate with.'),
  assumptions: z.array(Assumption).default([]),
  openQuestions: z.array(OpenQuestion).default([]),
  conflicts: z.array(Conflict).default([]),
  /** Where each top-level value came from: `traffic.peakRps` -> `derived`. */
  sources: z.record(z.string(), ValueSource).default({}).describe('Where each value came from: stated, field, derived or default.'),
});
export type Requirements = z.infer<typeof Requirements>;
export type RequirementsInput = z.input<typeof Requirements>;
