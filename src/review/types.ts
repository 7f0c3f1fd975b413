import type { Architecture, ComponentService, Finding, Framework, Pillar, Severity } from '../model/index.js';

/** Frameworks whose rules are evaluated over the model (a design, or a template mapped into one). */
export type ModelFramework = Extract<Framework, 'well-architected' | 'anti-patterns' | 'hipaa' | 'pci-dss'>;

/** Frameworks evaluated by a cdk-nag pack over a CloudFormation template. */
export type PackFramework = Extract<Framework, 'aws-solutions' | 'hipaa' | 'pci-dss' | 'nist-800-53-r5' | 'serverless'>;

/** Where the reviewed model came from. Rules that need facts a template cannot state are skipped for templates. */
export type SubjectSource = 'design' | 'cloudformation' | 'terraform';

/** A security-group (or equivalent) rule that lets the whole internet in. */
export interface OpenIngress {
  /** Template logical id or Terraform address. */
  resource: string;
  fromPort: number;
  toPort: number;
  protocol: string;
  cidr: string;
}

/** An IAM statement that allows wildcard actions or resources. */
export interface WildcardStatement {
  resource: string;
  actions: string[];
  resources: string[];
  /** `Action: *` on `Resource: *`: full administrator access. */
  admin: boolean;
  /** The AwsSolutions-IAM5 findings cdk-nag raises for the same wildcards (`Action::s3:*`, `Resource::*`). */
  nagIds?: string[];
}

/** A bucket the internet can read or write, and how. */
export interface PublicBucket {
  resource: string;
  how: string;
}

/** Something a template says outright that the model cannot express (the model only describes secure shapes). */
export interface ResourceFinding {
  resource: string;
  detail: string;
}

/**
 * Facts read from a template that the model cannot hold: generators derive security groups and IAM from
 * connections and always encrypt, so an open port, a wildcard policy or an unencrypted database only exists in
 * someone else's template. Empty for designs.
 */
export interface TemplateFacts {
  openIngress: OpenIngress[];
  wildcardIam: WildcardStatement[];
  publicBuckets: PublicBucket[];
  /** Data stores without encryption at rest. */
  unencrypted: ResourceFinding[];
  /** Databases whose automated backups are switched off (retention 0). */
  backupsDisabled: ResourceFinding[];
  /** Databases reachable from the internet. */
  publicDatabases: ResourceFinding[];
  /** CloudWatch alarms defined in the template. */
  alarms: number;
}

export function emptyFacts(): TemplateFacts {
  return { openIngress: [], wildcardIam: [], publicBuckets: [], unencrypted: [], backupsDisabled: [], publicDatabases: [], alarms: 0 };
}

/** Looks up whether AWS lists a service for a compliance programme. */
export interface ComplianceStatus {
  /** `listed`: on AWS's list; `not-listed`: absent; `unconfirmed`: listed with a qualifier that may not cover this use. */
  status: 'listed' | 'not-listed' | 'unconfirmed';
  /** The AWS service name as AWS lists it. */
  awsName: string;
  /** Date of the list the answer comes from. */
  asOf: string;
  note?: string;
}

/** Injected so rules stay pure and testable; the default reads the catalog data. */
export type ComplianceLookup = (service: ComponentService, programme: 'hipaa' | 'pci-dss', config: Record<string, unknown>) => ComplianceStatus;

/** What every rule sees: the model plus where it came from. */
export interface ReviewSubject {
  architecture: Architecture;
  source: SubjectSource;
  /** Component id -> template logical id or Terraform address it was mapped from (templates only). */
  resourceOf: ReadonlyMap<string, string>;
  facts: TemplateFacts;
  compliance: ComplianceLookup;
}

/** One place where a rule is broken. */
export interface RuleHit {
  component?: string;
  resource?: string;
  evidence: string;
  /** Overrides the rule's default severity when the context makes it worse or milder. */
  severity?: Severity;
  /** A fix more precise than the rule's general one. */
  fix?: string;
  /**
   * cdk-nag findings that report the same problem on the same resource (`AwsSolutions-EC23`,
   * `AwsSolutions-IAM5[Resource::*]`): when the template acknowledges all of them, this hit is acknowledged too, so one
   * reason in the metadata covers both reviews.
   */
  sameAs?: string[];
}

/**
 * A model rule is data plus a pure check. The data is what a reader needs to trust a finding: which framework and
 * control, what the rule checks, why it matters and how to fix it.
 */
export interface ModelRule {
  /** Stable id: `WA-SEC-3`, `AP-SPOF-1`, `DR-2`, `HIPAA-1`, `PCI-4`. */
  id: string;
  framework: ModelFramework;
  /** Control within the framework: a Well-Architected question or best practice, a HIPAA section, a PCI DSS requirement. */
  control?: string;
  pillar: Pillar;
  /** Default severity; a hit may raise or lower it. */
  severity: Severity;
  title: string;
  /** What the rule looks at, in one sentence. */
  checks: string;
  why: string;
  fix: string;
  /**
   * `design`: needs design-wide facts a single template does not state (CloudTrail, GuardDuty, alarm routing,
   * pipeline, usage); skipped when the subject is a template. `resource`: runs on designs and templates.
   */
  scope: 'design' | 'resource';
  check(subject: ReviewSubject): RuleHit[];
}

/** Pass/fail of one selected framework. */
export interface FrameworkResult {
  framework: Framework;
  status: 'pass' | 'fail' | 'not-run';
  findings: number;
  /** Unacknowledged findings of high or critical severity: what makes a framework fail. */
  failing: number;
  acknowledged: number;
  reason?: string;
}

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

export interface GroupSummary extends SeverityCounts {
  findings: number;
  acknowledged: number;
}

/** What was and was not reviewed, so a clean report cannot be mistaken for a complete one. */
export interface Coverage {
  modelRules: 'run' | 'not-run' | 'not-selected';
  /** Model rules evaluated. */
  rulesEvaluated: number;
  /** Design-level rules skipped because the subject is a template. */
  rulesSkipped: number;
  templatePacks: 'run' | 'not-run' | 'not-selected';
  /** Why packs did not run, when they did not. */
  reason?: string;
  /** Template resources in total and mapped into model components (templates only). */
  resources?: { total: number; mapped: number };
  /** Template resources no model rule or mapping covers (templates only). */
  notCovered: string[];
  /** Structural validation run when the packs could not (validate_template's checks, without AWS's engine). */
  validation?: { errors: number; warnings: number; first: string[] };
  notes: string[];
}

export interface ReviewReport {
  subject: { kind: 'design' | 'template'; name: string; format?: 'cloudformation' | 'terraform' };
  frameworks: FrameworkResult[];
  summary: {
    total: number;
    acknowledged: number;
    bySeverity: SeverityCounts;
    byPillar: Partial<Record<Pillar, GroupSummary>>;
    byFramework: Partial<Record<Framework, GroupSummary>>;
  };
  /** Sorted by severity (worst first), then rule and component. */
  findings: Finding[];
  coverage: Coverage;
  /** No selected framework failed and at least one ran (frameworks that could not run are listed as not-run). */
  passed: boolean;
}
