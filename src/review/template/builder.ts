import type { Architecture, ArchitectureInput, ComponentService, ConnectionKind, DataClassification, ModelIssue, Network } from '../../model/index.js';
import { parseArchitecture } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import type { TemplateFacts } from '../types.js';
import { emptyFacts } from '../types.js';

/**
 * What a template cannot say about the system it belongs to, given by the caller: the targets the rules measure
 * against. Everything is optional; without it the review assumes a production system of internal data.
 */
export interface TemplateContext {
  environment?: 'dev' | 'staging' | 'prod' | undefined;
  dataClassification?: DataClassification | undefined;
  compliance?: Array<'hipaa' | 'pci-dss' | 'soc2' | 'gdpr' | 'fedramp' | 'iso27001'> | undefined;
  availabilityTarget?: number | undefined;
  rpoMinutes?: number | undefined;
  rtoMinutes?: number | undefined;
}

/** A template mapped into the model, with what could not be mapped. */
export interface MappedTemplate {
  architecture: Architecture;
  /** Component id -> logical id / Terraform address (plus `network` -> the VPC). */
  resourceOf: Map<string, string>;
  facts: TemplateFacts;
  /** Resources that became (part of) a component, by address. */
  mapped: Set<string>;
  /** Every resource address in the template. */
  all: string[];
  notes: string[];
}

interface Pending {
  id: string;
  service: ComponentService;
  address: string;
  config: Record<string, unknown>;
  name: string;
}

/** `OrdersTable` / `aws_s3_bucket.media_uploads` -> `orders-table` / `media-uploads`, unique and model-safe. */
export function componentIdFor(address: string): string {
  const last = address.split('.').filter((p) => !/^\d+$/.test(p)).slice(-1)[0] ?? address;
  let id = last
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(id)) id = `r-${id}`;
  return id.slice(0, 40).replace(/-+$/, '') || 'resource';
}

/**
 * Collects components, connections and facts while a mapper walks a template, then builds a valid model. Config
 * values are taken from the template where the rules read them, and otherwise fall back to the template format's own
 * defaults (not the model's secure defaults), so a missing property is reviewed as what it really deploys.
 */
export class ModelBuilder {
  readonly facts: TemplateFacts = emptyFacts();
  readonly notes: string[] = [];
  private readonly components = new Map<string, Pending>();
  private readonly byAddress = new Map<string, string>();
  private readonly connections: Array<{ from: string; to: string; kind: ConnectionKind; description?: string }> = [];
  private readonly extraMapped = new Set<string>();
  private network: Partial<Network> | undefined;
  private networkAddress: string | undefined;
  private readonly design: { auditTrail: boolean; threatDetection: boolean; customerKeys: boolean } = { auditTrail: false, threatDetection: false, customerKeys: false };
  private alarmEmail: string | undefined;

  constructor(readonly all: string[]) {}

  /** Adds a component for a resource; returns its id. */
  add(address: string, service: ComponentService, config: Record<string, unknown>): string {
    let id = componentIdFor(address);
    for (let n = 2; this.components.has(id); n++) id = `${componentIdFor(address).slice(0, 36)}-${n}`;
    this.components.set(id, { id, service, address, config: stripUndefined(config), name: address });
    this.byAddress.set(address, id);
    return id;
  }

  /** The component a resource became, if any. */
  idOf(address: string): string | undefined {
    return this.byAddress.get(address);
  }

  /** Adjusts a component's config after the fact (readers counted from instances, rotation from a schedule...). */
  patch(id: string, config: Record<string, unknown>): void {
    const c = this.components.get(id);
    if (c) c.config = { ...c.config, ...stripUndefined(config) };
  }

  config(id: string): Record<string, unknown> | undefined {
    return this.components.get(id)?.config;
  }

  service(id: string): ComponentService | undefined {
    return this.components.get(id)?.service;
  }

  /** Marks a resource as folded into a component or a design setting (a bucket policy, a listener, a NAT gateway). */
  covered(address: string): void {
    this.extraMapped.add(address);
  }

  connect(from: string | undefined, to: string | undefined, kind: ConnectionKind, description?: string): void {
    if (!from || !to || from === to) return;
    if (this.connections.some((c) => c.from === from && c.to === to && c.kind === kind)) return;
    this.connections.push(description ? { from, to, kind, description } : { from, to, kind });
  }

  setNetwork(address: string | undefined, network: Partial<Network>): void {
    this.network = { ...(this.network ?? {}), ...stripUndefined(network) };
    if (address) {
      this.networkAddress ??= address;
      this.extraMapped.add(address);
    }
  }

  /**
   * Records that alarms reach a person by email. The model needs an address; a template often takes it from a
   * parameter, so a reserved `.invalid` address stands in when the template has no literal one.
   */
  emailSubscription(address: string | undefined): void {
    this.alarmEmail ??= address && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) ? address : 'subscriber@template.invalid';
  }

  flag(what: keyof ModelBuilder['design'], address?: string): void {
    this.design[what] = true;
    if (address) this.extraMapped.add(address);
  }

  build(name: string, context: TemplateContext = {}): MappedTemplate {
    const comps = [...this.components.values()];
    const vpcBound = comps.some((c) => ['ecs-fargate', 'eks', 'ec2-asg', 'aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift', 'alb', 'nlb'].includes(c.service) || (c.service === 'lambda' && c.config.inVpc));
    let network = this.network;
    if (!network && vpcBound) {
      // The VPC lives in another stack: review what is here and assume nothing about the rest.
      network = { azCount: 2, natGateways: 'none', flowLogs: true };
      this.notes.push('Resources run in a VPC defined outside this template; network rules (AZs, NAT, flow logs) were not evaluated.');
    }
    const input: ArchitectureInput = {
      name: safeName(name),
      description: `Mapped from ${name}`,
      environment: context.environment ?? 'prod',
      dataClassification: context.dataClassification ?? 'internal',
      compliance: context.compliance ?? [],
      components: comps.map((c) => ({ id: c.id, service: c.service, name: c.name, config: c.config }) as never),
      connections: this.connections,
      ...(network ? { network } : {}),
      security: { encryptionKeys: this.design.customerKeys ? 'customer-managed' : 'aws-managed', auditTrail: this.design.auditTrail, threatDetection: this.design.threatDetection },
      resilience: {
        ...(context.availabilityTarget !== undefined ? { availabilityTarget: context.availabilityTarget } : {}),
        ...(context.rpoMinutes !== undefined ? { rpoMinutes: context.rpoMinutes } : {}),
        ...(context.rtoMinutes !== undefined ? { rtoMinutes: context.rtoMinutes } : {}),
      },
      observability: this.alarmEmail ? { alarmEmail: this.alarmEmail } : {},
    };
    // A template of only security groups and policies maps to no component, but the schema wants one: parse with a
    // stand-in to get the defaults, then take it out again (the rules then see the facts and no components).
    const architecture = comps.length ? parseMapped(input) : { ...parseMapped({ ...input, components: [{ id: 'placeholder', service: 'sqs' }] }), components: [], connections: [] };
    const resourceOf = new Map(comps.map((c) => [c.id, c.address]));
    if (this.networkAddress) resourceOf.set('network', this.networkAddress);
    const mapped = new Set([...this.byAddress.keys(), ...this.extraMapped]);
    return { architecture, resourceOf, facts: this.facts, mapped, all: this.all, notes: this.notes };
  }
}

function safeName(name: string): string {
  const n = componentIdFor(name.replace(/\.[a-z]+$/i, ''));
  return n || 'template';
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(typeof v === 'number' && Number.isNaN(v)))) as T;
}

/**
 * Validates the mapped model. A mapper must only produce valid models; if a template value still slips past it (an
 * odd combination the schema refuses), the offending config fields fall back to defaults rather than failing the
 * review, and connections are dropped as a last resort.
 */
function parseMapped(input: ArchitectureInput): Architecture {
  let parsed = parseArchitecture(input, 'template');
  for (let attempt = 0; !parsed.ok && attempt < 5; attempt++) {
    const issues: ModelIssue[] = parsed.issues.filter((i) => i.severity === 'error');
    let changed = false;
    for (const issue of issues) {
      const m = /^template\.components\[(\d+)\]\.config(?:\.([A-Za-z]+))?/.exec(issue.path);
      const comp = m ? (input.components[Number(m[1])] as { config?: Record<string, unknown> } | undefined) : undefined;
      if (comp?.config) {
        if (m![2]) delete comp.config[m![2]];
        else comp.config = {};
        changed = true;
      } else if (/^template\.network\.[A-Za-z]+/.test(issue.path) && input.network) {
        delete (input.network as Record<string, unknown>)[issue.path.split('.')[2]!.replace(/\[.*$/, '')];
        changed = true;
      } else if (issue.path.startsWith('template.connections')) {
        input.connections = [];
        changed = true;
      }
    }
    if (!changed) break;
    parsed = parseArchitecture(input, 'template');
  }
  if (!parsed.ok) {
    const first = parsed.issues.find((i) => i.severity === 'error')!;
    throw new UserError('template', `the template could not be mapped into a design: ${first.path}: ${first.message}`, 'Check the template is valid (validate_template), or review the design it came from instead.');
  }
  return parsed.value;
}
