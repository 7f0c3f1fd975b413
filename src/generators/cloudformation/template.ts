import { LogicalIdCollision } from '../shared/base.js';
import type { Value } from './fn.js';

/** One resource of a template. Keys follow CloudFormation's own order: Type, Condition, DependsOn, policies, Metadata, Properties. */
export interface CfnResource {
  Type: string;
  Condition?: string;
  DependsOn?: string[];
  DeletionPolicy?: 'Delete' | 'Retain' | 'Snapshot' | 'RetainExceptOnCreate';
  UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
  Metadata?: { [key: string]: Value };
  Properties?: { [key: string]: Value };
}

export interface CfnParameter {
  Type: 'String' | 'Number' | 'CommaDelimitedList';
  Default?: string | number;
  Description?: string;
  AllowedPattern?: string;
  AllowedValues?: string[];
  ConstraintDescription?: string;
}

export interface CfnOutput {
  Description?: string;
  Value: Value;
  Condition?: string;
  Export?: { Name: Value };
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata?: { [key: string]: Value };
  Parameters?: { [name: string]: CfnParameter };
  Conditions?: { [name: string]: Value };
  Resources: { [logicalId: string]: CfnResource };
  Outputs?: { [name: string]: CfnOutput };
}

/** A cdk-nag acknowledgement as written into resource metadata (`Metadata.cdk_nag.rules_to_suppress`). */
export interface NagSuppression {
  id: string;
  reason: string;
}

export { LogicalIdCollision };

/** Accumulates a template. Insertion order is kept, so the same model always renders the same text. */
export class TemplateBuilder {
  private readonly resources: Record<string, CfnResource> = {};
  private readonly owners = new Map<string, string>();
  private readonly parameters: Record<string, CfnParameter> = {};
  private readonly conditions: Record<string, Value> = {};
  private readonly outputs: Record<string, CfnOutput> = {};

  constructor(private readonly description: string) {}

  /** Adds a resource; `owner` is the component id (or `platform`) that produced it. */
  add(owner: string, logicalId: string, resource: CfnResource): string {
    if (!/^[A-Za-z0-9]{1,255}$/.test(logicalId)) throw new Error(`invalid logical id '${logicalId}'`);
    if (this.resources[logicalId] || this.parameters[logicalId]) throw new LogicalIdCollision(logicalId, owner, this.owners.get(logicalId));
    this.resources[logicalId] = resource;
    this.owners.set(logicalId, owner);
    return logicalId;
  }

  has(logicalId: string): boolean {
    return logicalId in this.resources;
  }

  get(logicalId: string): CfnResource {
    const r = this.resources[logicalId];
    if (!r) throw new Error(`no resource ${logicalId}`);
    return r;
  }

  /** Component id that produced a resource. */
  ownerOf(logicalId: string): string | undefined {
    return this.owners.get(logicalId);
  }

  /** Records a cdk-nag acknowledgement on a resource, once per rule id. */
  suppress(logicalId: string, id: string, reason: string): void {
    const r = this.get(logicalId);
    r.Metadata ??= {};
    const nag = (r.Metadata['cdk_nag'] ??= { rules_to_suppress: [] }) as unknown as { rules_to_suppress: NagSuppression[] };
    if (!nag.rules_to_suppress.some((s) => s.id === id)) nag.rules_to_suppress.push({ id, reason });
  }

  parameter(name: string, p: CfnParameter): void {
    this.parameters[name] = p;
  }

  condition(name: string, v: Value): void {
    this.conditions[name] = v;
  }

  output(name: string, o: CfnOutput): void {
    this.outputs[name] = o;
  }

  resourceIds(): string[] {
    return Object.keys(this.resources);
  }

  build(metadata?: { [key: string]: Value }): CfnTemplate {
    const resources: Record<string, CfnResource> = {};
    for (const [id, r] of Object.entries(this.resources)) resources[id] = orderKeys(strip(r) as CfnResource);
    const t: CfnTemplate = { AWSTemplateFormatVersion: '2010-09-09', Description: this.description, Resources: resources };
    if (metadata) t.Metadata = metadata;
    if (Object.keys(this.parameters).length) t.Parameters = this.parameters;
    if (Object.keys(this.conditions).length) t.Conditions = this.conditions;
    // Keep the conventional section order.
    const ordered: CfnTemplate = {
      AWSTemplateFormatVersion: t.AWSTemplateFormatVersion,
      Description: t.Description,
      ...(t.Metadata ? { Metadata: t.Metadata } : {}),
      ...(t.Parameters ? { Parameters: t.Parameters } : {}),
      ...(t.Conditions ? { Conditions: t.Conditions } : {}),
      Resources: t.Resources,
      ...(Object.keys(this.outputs).length ? { Outputs: strip(this.outputs) as Record<string, CfnOutput> } : {}),
    };
    return ordered;
  }
}

const RESOURCE_KEYS = ['Type', 'Condition', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'Properties'] as const;

/** Resource attributes in CloudFormation's customary order, whatever order they were set in. */
function orderKeys(r: CfnResource): CfnResource {
  const out: Record<string, unknown> = {};
  for (const k of RESOURCE_KEYS) {
    const v = r[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as unknown as CfnResource;
}

/** Deep copy without `undefined` (optional properties the emitters left out). */
export function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(strip);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = strip(x);
    return out;
  }
  return v;
}
