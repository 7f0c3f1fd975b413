import type { Layer } from '../model/layer.js';

/**
 * What a catalog entry is to the rest of the system:
 * - `component`: a component kind of the model (`COMPONENT_KINDS`); the catalog id equals the component's `service`.
 * - `platform`: emitted by the generators from an architecture section (network, security, observability,
 *   resilience, delivery) or from connections (IAM), never placed as a box.
 * - `knowledge`: known to selection and comparison (a candidate that can be weighed and explained) but not generated.
 */
export const CATALOG_ROLES = ['component', 'platform', 'knowledge'] as const;
export type CatalogRole = (typeof CATALOG_ROLES)[number];

/** The architecture section a platform entry is emitted from. */
export type PlatformSource = 'network' | 'security' | 'observability' | 'resilience' | 'delivery' | 'connections' | 'components';

/** A limit that drives design: the value, whether a quota request can raise it, and what it means for a design. */
export interface ServiceLimit {
  /** Stable key, e.g. `max-duration`; selection reads some of these by key. */
  key: string;
  /** What is limited, e.g. "Invocation duration". */
  what: string;
  value: number;
  /** Unit of `value`: seconds, minutes, MB, KB, GB, TB, requests/second, connections, ... */
  unit: string;
  /** True when it is a default quota that AWS raises on request; false for a hard limit. */
  adjustable: boolean;
  /** The design consequence, e.g. "jobs longer than 15 minutes belong on Fargate, Glue or Step Functions". */
  impact: string;
}

/** A setting a reviewer checks, with the secure choice and why. */
export interface SecuritySetting {
  setting: string;
  recommendation: string;
  why: string;
}

/**
 * Operational burden on the team, 1 (AWS runs everything; nothing to patch or size) to 5 (the team runs servers,
 * clusters or upgrades).
 */
export type OpsBurden = 1 | 2 | 3 | 4 | 5;

/** What the service costs when nothing happens: none (pure pay-per-use) to high (hundreds of dollars a month). */
export type IdleCost = 'none' | 'low' | 'medium' | 'high';

/** How unit cost behaves under heavy sustained load compared with the alternatives for the same need. */
export type CostAtScale = 'efficient' | 'neutral' | 'costly';

export interface PricingModel {
  /** One line: how the bill is computed. */
  model: string;
  /** Billed dimensions, e.g. ["requests", "GB-seconds of compute"]. */
  dimensions: string[];
  idleCost: IdleCost;
  atScale: CostAtScale;
  freeTier?: string;
  notes?: string;
}

export interface ScalingProfile {
  /** How it scales: automatic per request, target tracking, manual node changes, ... */
  model: string;
  /** Whether it costs nothing and runs nothing at zero load. */
  scalesToZero: boolean;
  /** Typical latency it adds or serves at. */
  latency: string;
  /** How it survives the loss of an Availability Zone. */
  availability: string;
}

/**
 * How the entry appears in AWS's compliance lists. Names differ from ours ("AWS Lambda", "Amazon DynamoDB"), so
 * each entry maps them explicitly; an entry is eligible or in scope only when every name it lists is.
 */
export interface ComplianceMapping {
  /** Names in the HIPAA eligible services list; empty means not listed. */
  hipaa: string[];
  /** Names in the PCI DSS in-scope list; empty means not confirmed. */
  pci: string[];
  /** Subject of the lists' scope qualifiers that applies (e.g. `ElastiCache`, `Fargate`). */
  qualifier?: string[];
  /** Anything a reader must know beyond the lists. */
  note?: string;
}

/** The resource types that implement the entry in each IaC target; real names, checked by tests. */
export interface IacTypes {
  /** CloudFormation resource types, e.g. `AWS::Lambda::Function`. */
  cloudformation: string[];
  /** Terraform AWS provider resource types, e.g. `aws_lambda_function`. */
  terraform: string[];
  /** CDK constructs as `module.Class` of aws-cdk-lib, e.g. `aws_lambda.Function`. */
  cdk: string[];
}

/** One AWS service as typed data: what it is for, what limits it, what it costs, how it is secured and built. */
export interface ServiceEntry {
  /** Catalog id; equals the component `service` for component kinds. */
  id: string;
  /** Official AWS name. */
  name: string;
  /** Other names people use, for text search and name resolution ("lambda", "serverless functions"). */
  aliases: string[];
  layer: Layer;
  role: CatalogRole;
  /** For platform entries: which part of the architecture emits it. */
  emittedFrom?: PlatformSource;
  /** One or two sentences. */
  summary: string;
  goodFor: string[];
  badFor: string[];
  limits: ServiceLimit[];
  scaling: ScalingProfile;
  operations: { burden: OpsBurden; notes: string[] };
  pricing: PricingModel;
  compliance: ComplianceMapping;
  iac: IacTypes;
  security: SecuritySetting[];
  /** Catalog ids it is usually combined with. */
  related: string[];
}

/** Identity function that type-checks an entry where it is written. */
export function defineService(entry: ServiceEntry): ServiceEntry {
  return entry;
}
