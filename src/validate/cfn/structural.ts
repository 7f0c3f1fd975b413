import { didYouMean, suggest } from '../../shared/suggest.js';
import { getAttParts, intrinsicName, isPlainObject, PSEUDO_PARAMETERS, subVariables } from './intrinsics.js';
import { namespaceOf, type CfnSpec, type SpecProperty, type SpecResource, type SpecType } from './spec.js';

/** A finding before it is placed in the file: the JSON path is turned into a line by the caller. */
export interface SpecFinding {
  severity: 'error' | 'warning' | 'info';
  message: string;
  path: Array<string | number>;
  rule: string;
}

/** Result of the structural check: findings plus what it could not check in this template. */
export interface SpecCheckResult {
  findings: SpecFinding[];
  notChecked: string[];
  /** Template uses the SAM transform. */
  sam: boolean;
}

const TOP_LEVEL = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Hooks'];
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy', 'Version'];
const PARAMETER_KEYS = ['Type', 'Default', 'Description', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription', 'MaxLength', 'MinLength', 'MaxValue', 'MinValue', 'NoEcho'];
const OUTPUT_KEYS = ['Description', 'Value', 'Export', 'Condition'];
const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'];
const PARAMETER_TYPES = new Set([
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
  'AWS::SSM::Parameter::Name',
]);
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
/** Template section a reference sits in: what it may point at depends on it. */
type Section = 'resources' | 'outputs' | 'conditions' | 'rules' | 'metadata';
/** Types whose GetAtt attributes are open-ended (`Outputs.X` of a nested stack, anything of a custom resource). */
const OPEN_ATTRIBUTES = new Set(['AWS::CloudFormation::Stack', 'AWS::CloudFormation::CustomResource', 'AWS::ServiceCatalog::CloudFormationProvisionedProduct']);

function isParameterType(t: string): boolean {
  if (PARAMETER_TYPES.has(t)) return true;
  const list = /^List<(.+)>$/.exec(t);
  if (list?.[1] && list[1] !== 'Number' && PARAMETER_TYPES.has(list[1]) && list[1].startsWith('AWS::')) return true;
  return /^AWS::SSM::Parameter::Value<.+>$/.test(t);
}

/** Short rendering of a value for messages. */
function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function describeType(t: SpecType, spec: CfnSpec): string {
  switch (t.type) {
    case 'array':
      return `array of ${describeType(t.element, spec)}`;
    case 'map':
      return `map of ${describeType(t.element, spec)}`;
    case 'union':
      return t.types.map((x) => describeType(x, spec)).join(' or ');
    case 'ref':
      return spec.typeDefinition(t.reference)?.name ?? 'object';
    case 'tag':
      return 'Tag';
    default:
      return t.type;
  }
}

/**
 * Structural validation of a CloudFormation template against the resource specification: sections, resource types,
 * property names at every depth, required properties, value types, allowed values, and every reference (Ref, GetAtt,
 * Sub, DependsOn, conditions, mappings). Intrinsic functions are opaque values, but the references inside them are
 * checked. Never throws on any JSON input.
 */
export function checkTemplate(template: unknown, spec: CfnSpec): SpecCheckResult {
  return new TemplateChecker(template, spec).run();
}

class TemplateChecker {
  private readonly findings: SpecFinding[] = [];
  private readonly notChecked = new Set<string>();
  private readonly t: Record<string, unknown>;
  private readonly resources: Record<string, unknown>;
  private readonly parameters: Record<string, unknown>;
  private readonly conditions: Record<string, unknown>;
  private readonly mappings: Record<string, unknown>;
  private readonly resourceTypes = new Map<string, string>();
  private sam = false;
  /** A transform other than SAM or LanguageExtensions (a macro) may add or rewrite anything. */
  private macro = false;
  private forEach = false;
  /** Logical IDs SAM will create (not written in the template). */
  private readonly samGenerated = new Set<string>();
  /** Resource -> resources it depends on (Ref, GetAtt, Sub, DependsOn), for the cycle check. */
  private readonly deps = new Map<string, Set<string>>();

  constructor(
    template: unknown,
    private readonly spec: CfnSpec,
  ) {
    this.t = isPlainObject(template) ? template : {};
    const section = (k: string) => (isPlainObject(this.t[k]) ? (this.t[k] as Record<string, unknown>) : {});
    // A copy: SAM's generated resources are added to it.
    this.resources = { ...section('Resources') };
    this.parameters = section('Parameters');
    this.conditions = section('Conditions');
    this.mappings = section('Mappings');
  }

  private add(severity: SpecFinding['severity'], path: Array<string | number>, message: string, rule: string): void {
    this.findings.push({ severity, path, message, rule });
  }

  /** Unknown references are errors, unless a transform or loop may create the target. */
  private get refSeverity(): 'error' | 'warning' {
    return this.sam || this.macro || this.forEach ? 'warning' : 'error';
  }

  run(): SpecCheckResult {
    if (!isPlainObject(this.t) || Object.keys(this.t).length === 0) {
      this.add('error', [], 'the template is empty or not a mapping; expected sections such as Resources', 'template-shape');
      return this.result();
    }
    this.checkTransforms();
    this.checkTopLevel();
    this.checkParameters();
    this.checkMappings();
    this.checkConditions();
    this.checkResources();
    this.checkOutputs();
    this.checkRules();
    this.checkCycles();
    return this.result();
  }

  private result(): SpecCheckResult {
    return { findings: this.findings, notChecked: [...this.notChecked], sam: this.sam };
  }

  private checkTransforms(): void {
    const raw = this.t.Transform;
    const names: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') names.push(v);
      else if (isPlainObject(v) && typeof v.Name === 'string') names.push(v.Name);
    };
    if (Array.isArray(raw)) raw.forEach(collect);
    else collect(raw);
    for (const n of names) {
      if (n === 'AWS::Serverless-2016-10-31') this.sam = true;
      else if (n !== 'AWS::LanguageExtensions') this.macro = true;
    }
    if (this.sam) {
      this.notChecked.add(
        'SAM template: the spec check is partial. Globals are not merged, the resources SAM generates are not expanded (references to them are warnings), and required properties of AWS::Serverless::* types are not enforced.',
      );
    }
    if (this.macro) this.notChecked.add(`Transform ${names.filter((n) => n !== 'AWS::Serverless-2016-10-31' && n !== 'AWS::LanguageExtensions').join(', ')}: macros rewrite the template at deploy time; what they produce is not checked.`);
  }

  private checkTopLevel(): void {
    for (const key of Object.keys(this.t)) {
      if (TOP_LEVEL.includes(key) || (this.sam && key === 'Globals')) continue;
      this.add('error', [key], `unknown top-level section '${key}'${didYouMean(key, TOP_LEVEL)}`, 'template-section');
    }
    if (!('Resources' in this.t)) this.add('error', [], "the template has no Resources section; CloudFormation needs at least one resource", 'resources-required');
    else if (!isPlainObject(this.t.Resources)) this.add('error', ['Resources'], `Resources must be a mapping of logical IDs to resources, got ${kindOf(this.t.Resources)}`, 'resources-required');
    else if (Object.keys(this.t.Resources).length === 0) this.add('error', ['Resources'], 'Resources is empty; CloudFormation needs at least one resource', 'resources-required');
    const version = this.t.AWSTemplateFormatVersion;
    if (version !== undefined && String(version) !== '2010-09-09' && !(version instanceof Date)) {
      this.add('error', ['AWSTemplateFormatVersion'], `AWSTemplateFormatVersion must be '2010-09-09', got ${show(version)}`, 'template-version');
    }
    if (this.t.Description !== undefined && typeof this.t.Description !== 'string') {
      this.add('error', ['Description'], `Description must be a string, got ${kindOf(this.t.Description)}`, 'template-description');
    }
  }

  private checkParameters(): void {
    for (const [name, p] of Object.entries(this.parameters)) {
      const path = ['Parameters', name];
      if (!LOGICAL_ID.test(name)) this.add('error', path, `parameter name '${name}' must be alphanumeric (A-Z, a-z, 0-9)`, 'logical-id');
      if (!isPlainObject(p)) {
        this.add('error', path, `parameter '${name}' must be a mapping with a Type`, 'parameter-shape');
        continue;
      }
      for (const k of Object.keys(p)) {
        if (!PARAMETER_KEYS.includes(k)) this.add('error', [...path, k], `unknown parameter attribute '${k}'${didYouMean(k, PARAMETER_KEYS)}`, 'parameter-key');
      }
      if (p.Type === undefined) this.add('error', path, `parameter '${name}' has no Type`, 'parameter-type');
      else if (typeof p.Type !== 'string' || !isParameterType(p.Type)) {
        this.add('error', [...path, 'Type'], `parameter '${name}' has unknown Type ${show(p.Type)}${typeof p.Type === 'string' ? didYouMean(p.Type, PARAMETER_TYPES) : ''}`, 'parameter-type');
      }
      if (p.Default !== undefined && Array.isArray(p.AllowedValues) && !Array.isArray(p.Default) && !p.AllowedValues.map(String).includes(String(p.Default))) {
        if (!(typeof p.Type === 'string' && (p.Type.startsWith('List<') || p.Type === 'CommaDelimitedList'))) {
          this.add('error', [...path, 'Default'], `Default ${show(p.Default)} of parameter '${name}' is not one of its AllowedValues`, 'parameter-default');
        }
      }
    }
  }

  private checkMappings(): void {
    for (const [name, m] of Object.entries(this.mappings)) {
      if (!isPlainObject(m)) this.add('error', ['Mappings', name], `mapping '${name}' must be a mapping of keys to mappings`, 'mapping-shape');
    }
  }

  private checkConditions(): void {
    for (const [name, c] of Object.entries(this.conditions)) {
      this.walkRefs(c, ['Conditions', name], 'conditions');
    }
  }

  private checkRules(): void {
    const rules = this.t.Rules;
    if (!isPlainObject(rules)) return;
    for (const [name, r] of Object.entries(rules)) this.walkRefs(r, ['Rules', name], 'rules');
  }

  private checkOutputs(): void {
    const outputs = this.t.Outputs;
    if (outputs === undefined) return;
    if (!isPlainObject(outputs)) {
      this.add('error', ['Outputs'], `Outputs must be a mapping, got ${kindOf(outputs)}`, 'output-shape');
      return;
    }
    for (const [name, o] of Object.entries(outputs)) {
      const path = ['Outputs', name];
      if (!LOGICAL_ID.test(name)) this.add('error', path, `output name '${name}' must be alphanumeric (A-Z, a-z, 0-9)`, 'logical-id');
      if (!isPlainObject(o)) {
        this.add('error', path, `output '${name}' must be a mapping with a Value`, 'output-shape');
        continue;
      }
      for (const k of Object.keys(o)) {
        if (!OUTPUT_KEYS.includes(k)) this.add('error', [...path, k], `unknown output attribute '${k}'${didYouMean(k, OUTPUT_KEYS)}`, 'output-key');
      }
      if (!('Value' in o)) this.add('error', path, `output '${name}' has no Value`, 'output-value');
      if (o.Export !== undefined && !(isPlainObject(o.Export) && 'Name' in o.Export)) this.add('error', [...path, 'Export'], 'Export must be a mapping with a Name', 'output-export');
      if (o.Condition !== undefined) this.checkConditionName(o.Condition, [...path, 'Condition']);
      this.walkRefs(o.Value, [...path, 'Value'], 'outputs');
      if (o.Export !== undefined) this.walkRefs(o.Export, [...path, 'Export'], 'outputs');
    }
  }

  private checkResources(): void {
    for (const [id, r] of Object.entries(this.resources)) {
      if (isPlainObject(r) && typeof r.Type === 'string') this.resourceTypes.set(id, r.Type);
    }
    if (this.sam) this.addSamGenerated();
    for (const [id, r] of Object.entries(this.resources)) {
      const path = ['Resources', id];
      if (this.samGenerated.has(id)) continue;
      if (id.startsWith('Fn::ForEach::')) {
        this.forEach = true;
        this.notChecked.add('Fn::ForEach loops (AWS::LanguageExtensions): the resources they expand to are not checked against the spec.');
        continue;
      }
      if (!LOGICAL_ID.test(id)) this.add('error', path, `logical ID '${id}' must be alphanumeric (A-Z, a-z, 0-9)`, 'logical-id');
      if (!isPlainObject(r)) {
        this.add('error', path, `resource '${id}' must be a mapping with a Type, got ${kindOf(r)}`, 'resource-shape');
        continue;
      }
      this.checkResource(id, r, path);
    }
  }

  /**
   * The resources SAM creates with fixed names, so references to them are not reported: the implicit REST and HTTP
   * APIs, and the execution role of each function that does not name its own.
   */
  private addSamGenerated(): void {
    const generated: Record<string, string> = {};
    for (const [id, r] of Object.entries(this.resources)) {
      if (!isPlainObject(r)) continue;
      const props = isPlainObject(r.Properties) ? r.Properties : {};
      const events = isPlainObject(props.Events) ? Object.values(props.Events) : [];
      const eventTypes = new Set(events.map((e) => (isPlainObject(e) ? e.Type : undefined)));
      if (r.Type === 'AWS::Serverless::Function' || r.Type === 'AWS::Serverless::StateMachine') {
        if (props.Role === undefined) generated[`${id}Role`] = 'AWS::IAM::Role';
        if (eventTypes.has('Api')) generated.ServerlessRestApi = 'AWS::ApiGateway::RestApi';
        if (eventTypes.has('HttpApi')) generated.ServerlessHttpApi = 'AWS::ApiGatewayV2::Api';
      }
    }
    for (const [id, type] of Object.entries(generated)) {
      if (id in this.resources) continue;
      this.resources[id] = { Type: type };
      this.resourceTypes.set(id, type);
      this.samGenerated.add(id);
    }
  }

  private checkResource(id: string, r: Record<string, unknown>, path: Array<string | number>): void {
    for (const k of Object.keys(r)) {
      if (!RESOURCE_KEYS.includes(k)) this.add('error', [...path, k], `unknown resource attribute '${k}'${didYouMean(k, RESOURCE_KEYS)}`, 'resource-key');
    }
    const deps = new Set<string>();
    this.deps.set(id, deps);
    if (r.DependsOn !== undefined) {
      const list = Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
      list.forEach((d, i) => {
        const p = Array.isArray(r.DependsOn) ? [...path, 'DependsOn', i] : [...path, 'DependsOn'];
        if (typeof d !== 'string') this.add('error', p, `DependsOn entries must be logical IDs (strings), got ${kindOf(d)}`, 'depends-on');
        else if (d === id) this.add('error', p, `resource '${id}' depends on itself`, 'depends-on');
        else if (!(d in this.resources)) this.add(this.refSeverity, p, `DependsOn names unknown resource '${d}'${didYouMean(d, Object.keys(this.resources))}`, 'depends-on');
        else deps.add(d);
      });
    }
    if (r.Condition !== undefined) this.checkConditionName(r.Condition, [...path, 'Condition']);
    if (typeof r.DeletionPolicy === 'string' && !DELETION_POLICIES.includes(r.DeletionPolicy)) {
      this.add('error', [...path, 'DeletionPolicy'], `DeletionPolicy '${r.DeletionPolicy}' is not one of ${DELETION_POLICIES.join(', ')}${didYouMean(r.DeletionPolicy, DELETION_POLICIES)}`, 'deletion-policy');
    }
    if (typeof r.UpdateReplacePolicy === 'string' && !UPDATE_REPLACE_POLICIES.includes(r.UpdateReplacePolicy)) {
      this.add('error', [...path, 'UpdateReplacePolicy'], `UpdateReplacePolicy '${r.UpdateReplacePolicy}' is not one of ${UPDATE_REPLACE_POLICIES.join(', ')}${didYouMean(r.UpdateReplacePolicy, UPDATE_REPLACE_POLICIES)}`, 'deletion-policy');
    }
    this.walkRefs(r.Properties, [...path, 'Properties'], 'resources', deps);
    this.walkRefs(r.Metadata, [...path, 'Metadata'], 'metadata');

    const type = r.Type;
    if (type === undefined) {
      this.add('error', path, `resource '${id}' has no Type`, 'resource-type');
      return;
    }
    if (typeof type !== 'string') {
      this.add('error', [...path, 'Type'], `Type must be a string, got ${kindOf(type)}`, 'resource-type');
      return;
    }
    if (r.Properties !== undefined && !isPlainObject(r.Properties)) {
      this.add('error', [...path, 'Properties'], `Properties must be a mapping, got ${kindOf(r.Properties)}`, 'properties-shape');
      return;
    }
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
      const props = (r.Properties ?? {}) as Record<string, unknown>;
      if (!('ServiceToken' in props)) this.add('error', path, `custom resource '${id}' has no ServiceToken property`, 'custom-resource');
      this.notChecked.add('Custom resources: their properties and attributes are defined by your handler, not by the spec.');
      return;
    }
    if (type.endsWith('::MODULE')) {
      this.notChecked.add('CloudFormation modules (::MODULE types): their contents are not expanded.');
      return;
    }
    const res = this.spec.resource(type);
    if (!res) {
      if (type.startsWith('AWS::') || type.startsWith('Alexa::')) {
        const sameNs = this.spec.typesInNamespace(namespaceOf(type));
        const hints = suggest(type, sameNs.length ? sameNs : this.spec.resourceTypes());
        const hint = hints.length ? ` (did you mean ${hints.map((h) => `'${h}'`).join(' or ')}?)` : '';
        this.add('error', [...path, 'Type'], `unknown resource type '${type}'${hint}`, 'resource-type');
      } else {
        this.add('info', [...path, 'Type'], `resource type '${type}' is not in the AWS spec (a registry extension?); its properties are not checked`, 'resource-type');
      }
      return;
    }
    const samType = type.startsWith('AWS::Serverless::');
    this.checkObject((r.Properties ?? {}) as Record<string, unknown>, res.properties, [...path, 'Properties'], type, !samType);
  }

  private checkConditionName(v: unknown, path: Array<string | number>): void {
    if (typeof v !== 'string') {
      this.add('error', path, `Condition must name a condition (a string), got ${kindOf(v)}`, 'condition-ref');
      return;
    }
    if (!(v in this.conditions)) this.add('error', path, `unknown condition '${v}'${didYouMean(v, Object.keys(this.conditions))}`, 'condition-ref');
  }

  // ---- values against spec types ----

  /** Checks an object's keys against a property table: unknown names, required ones, and each value's type. */
  private checkObject(obj: Record<string, unknown>, props: Record<string, SpecProperty>, path: Array<string | number>, owner: string, enforceRequired: boolean): void {
    // An embedded Fn::Transform (AWS::Include) replaces the object at deploy time.
    if ('Fn::Transform' in obj) {
      this.notChecked.add('Fn::Transform snippets (AWS::Include): the included content is not checked.');
      return;
    }
    const names = Object.keys(props);
    for (const [k, v] of Object.entries(obj)) {
      const prop = props[k];
      if (!prop) {
        const ci = names.find((n) => n.toLowerCase() === k.toLowerCase());
        const hint = ci ? ` (did you mean '${ci}'? names are case-sensitive)` : didYouMean(k, names);
        this.add('error', [...path, k], `unknown property '${k}' of ${owner}${hint}`, 'property-name');
        continue;
      }
      this.checkProperty(v, prop, [...path, k], `${owner}.${k}`);
    }
    if (!enforceRequired) return;
    for (const [name, prop] of Object.entries(props)) {
      if (prop.required && !(name in obj)) this.add('error', path, `missing required property '${name}' of ${owner}`, 'property-required');
    }
  }

  private checkProperty(value: unknown, prop: SpecProperty, path: Array<string | number>, where: string): void {
    const types = [prop.type, ...(prop.previousTypes ?? [])];
    const t: SpecType = types.length === 1 ? prop.type : { type: 'union', types };
    this.checkValue(value, t, path, where);
  }

  private checkValue(value: unknown, t: SpecType, path: Array<string | number>, where: string): void {
    const errs = this.valueErrors(value, t, path, where);
    this.findings.push(...errs);
  }

  /**
   * Findings of one value against one type. Intrinsics are opaque, except `Fn::If`, whose two branches must each fit
   * the type.
   */
  private valueErrors(value: unknown, t: SpecType, path: Array<string | number>, where: string): SpecFinding[] {
    const fn = intrinsicName(value);
    if (fn) {
      if (fn === 'Fn::If') {
        const arg = (value as Record<string, unknown>)[fn];
        if (Array.isArray(arg) && arg.length === 3) {
          return [
            ...this.valueErrors(arg[1], t, [...path, fn, 1], where),
            ...this.valueErrors(arg[2], t, [...path, fn, 2], where),
          ];
        }
      }
      return [];
    }
    const err = (message: string): SpecFinding[] => [{ severity: 'error', path, message, rule: 'value-type' }];
    switch (t.type) {
      case 'string':
      case 'date-time': {
        if (typeof value === 'object' && value !== null) return err(`expected ${t.type} for ${where}, got ${kindOf(value)} ${show(value)}`);
        if (t.type === 'string' && t.allowedValues?.length && typeof value === 'string' && !t.allowedValues.includes(value)) {
          const ci = t.allowedValues.find((a) => a.toLowerCase() === value.toLowerCase());
          if (ci) return [];
          const list = t.allowedValues.length <= 12 ? `; allowed: ${t.allowedValues.join(', ')}` : '';
          return [{ severity: 'error', path, message: `'${value}' is not an allowed value of ${where}${didYouMean(value, t.allowedValues)}${list}`, rule: 'allowed-values' }];
        }
        return [];
      }
      case 'integer': {
        if (!(typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value))) {
          return err(`expected integer for ${where}, got ${kindOf(value)} ${show(value)}`);
        }
        const allowed = t.allowedValues;
        if (allowed?.length && !allowed.includes(Number(value))) {
          const list = allowed.length <= 30 ? `; allowed: ${allowed.join(', ')}` : '';
          return [{ severity: 'error', path, message: `${String(value)} is not an allowed value of ${where}${list}`, rule: 'allowed-values' }];
        }
        return [];
      }
      case 'number':
        if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) return [];
        return err(`expected number for ${where}, got ${kindOf(value)} ${show(value)}`);
      case 'boolean':
        if (typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value))) return [];
        return err(`expected boolean for ${where}, got ${kindOf(value)} ${show(value)}`);
      case 'json':
        if (isPlainObject(value) || typeof value === 'string' || Array.isArray(value)) return [];
        return err(`expected JSON object for ${where}, got ${kindOf(value)} ${show(value)}`);
      case 'null':
        return [];
      case 'tag':
        if (!isPlainObject(value)) return err(`expected a Tag {Key, Value} for ${where}, got ${kindOf(value)} ${show(value)}`);
        return this.objectErrors(value, { Key: { type: { type: 'string' }, required: true }, Value: { type: { type: 'string' }, required: true } }, path, 'Tag');
      case 'array':
        if (!Array.isArray(value)) return err(`expected ${describeType(t, this.spec)} for ${where}, got ${kindOf(value)} ${show(value)}`);
        return value.flatMap((item, i) => this.valueErrors(item, t.element, [...path, i], where));
      case 'map':
        if (!isPlainObject(value)) return err(`expected ${describeType(t, this.spec)} for ${where}, got ${kindOf(value)} ${show(value)}`);
        return Object.entries(value).flatMap(([k, v]) => this.valueErrors(v, t.element, [...path, k], where));
      case 'ref': {
        const def = this.spec.typeDefinition(t.reference);
        if (!def) return [];
        if (!isPlainObject(value)) return err(`expected ${def.name} (an object) for ${where}, got ${kindOf(value)} ${show(value)}`);
        return this.objectErrors(value, def.properties, path, `${where.split('.')[0]}.${def.name}`);
      }
      case 'union':
        return this.unionErrors(value, t.types, path, where);
    }
  }

  private objectErrors(obj: Record<string, unknown>, props: Record<string, SpecProperty>, path: Array<string | number>, owner: string): SpecFinding[] {
    const saved = this.findings.length;
    this.checkObject(obj, props, path, owner, true);
    return this.findings.splice(saved);
  }

  /**
   * A value fits a union when it fits one alternative of its own shape. An array is only checked against the array
   * alternatives, so a `json` fallback does not hide mistakes inside the items; the closest alternative's findings
   * are reported.
   */
  private unionErrors(value: unknown, types: SpecType[], path: Array<string | number>, where: string): SpecFinding[] {
    const flat = types.flatMap((x) => (x.type === 'union' ? x.types : [x]));
    const shape = Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : 'scalar';
    const fits = (x: SpecType): boolean => {
      if (shape === 'array') return x.type === 'array';
      if (shape === 'object') return x.type === 'ref' || x.type === 'map' || x.type === 'tag';
      return !['array', 'map', 'ref', 'tag', 'json'].includes(x.type);
    };
    let candidates = flat.filter(fits);
    if (candidates.length === 0) {
      const json = flat.find((x) => x.type === 'json');
      if (json) return this.valueErrors(value, json, path, where);
      return [{ severity: 'error', path, message: `expected ${flat.map((x) => describeType(x, this.spec)).join(' or ')} for ${where}, got ${kindOf(value)} ${show(value)}`, rule: 'value-type' }];
    }
    // An object that fits no structured alternative may still be free-form JSON.
    if (shape === 'object' && flat.some((x) => x.type === 'json')) candidates = [...candidates, { type: 'json' }];
    let best: SpecFinding[] | undefined;
    for (const c of candidates) {
      const errs = this.valueErrors(value, c, path, where);
      if (errs.length === 0) return [];
      if (!best || errs.length < best.length) best = errs;
    }
    return best ?? [];
  }

  // ---- references ----

  /**
   * Walks a value and checks every reference inside intrinsics: Ref, GetAtt, Sub placeholders, Fn::If conditions,
   * FindInMap map names. `deps` collects the resources this one depends on.
   */
  private walkRefs(value: unknown, path: Array<string | number>, section: Section, deps?: Set<string>): void {
    if (Array.isArray(value)) {
      value.forEach((v, i) => this.walkRefs(v, [...path, i], section, deps));
      return;
    }
    if (!isPlainObject(value)) return;
    const fn = intrinsicName(value);
    if (section === 'conditions' && !fn && Object.keys(value).length === 1 && 'Condition' in value) {
      this.checkConditionName(value.Condition, [...path, 'Condition']);
      return;
    }
    if (!fn) {
      for (const [k, v] of Object.entries(value)) this.walkRefs(v, [...path, k], section, deps);
      return;
    }
    const arg = value[fn];
    const p = [...path, fn];
    switch (fn) {
      case 'Ref':
        this.checkRef(arg, p, section, deps);
        return;
      case 'Fn::GetAtt':
        this.checkGetAtt(arg, p, section, deps);
        if (Array.isArray(arg)) this.walkRefs(arg[1], [...p, 1], section, deps);
        return;
      case 'Fn::Sub':
        this.checkSub(arg, p, section, deps);
        return;
      case 'Fn::If':
        if (Array.isArray(arg)) {
          if (section === 'metadata') break;
          if (arg.length !== 3) this.add('error', p, `Fn::If takes [condition, value if true, value if false], got ${arg.length} item(s)`, 'fn-if');
          this.checkConditionName(arg[0], [...p, 0]);
          arg.slice(1).forEach((v, i) => this.walkRefs(v, [...p, i + 1], section, deps));
          return;
        }
        break;
      case 'Fn::FindInMap':
        if (Array.isArray(arg)) this.checkFindInMap(arg, p);
        break;
      default:
        break;
    }
    this.walkRefs(arg, p, section, deps);
  }

  private checkRef(target: unknown, path: Array<string | number>, section: Section, deps?: Set<string>, via = 'Ref to'): void {
    if (section === 'metadata') return;
    if (typeof target !== 'string') {
      if (intrinsicName(target)) return; // Ref of a computed name (LanguageExtensions)
      this.add('error', path, `Ref takes a logical ID or parameter name (a string), got ${kindOf(target)}`, 'ref');
      return;
    }
    if (PSEUDO_PARAMETERS.has(target) || target in this.parameters) return;
    if (target in this.resources) {
      if (section === 'conditions') this.add('error', path, `Conditions can only Ref parameters, not resource '${target}'`, 'ref');
      deps?.add(target);
      return;
    }
    if (target.startsWith('AWS::')) {
      this.add('error', path, `unknown pseudo parameter '${target}'${didYouMean(target, PSEUDO_PARAMETERS)}`, 'ref');
      return;
    }
    const known = [...Object.keys(this.parameters), ...Object.keys(this.resources)];
    this.add(this.refSeverity, path, `${via} unknown resource or parameter '${target}'${didYouMean(target, known)}`, 'ref');
  }

  private checkGetAtt(arg: unknown, path: Array<string | number>, section: Section, deps?: Set<string>): void {
    if (section === 'metadata') return;
    const parts = getAttParts(arg);
    if (!parts) {
      this.add('error', path, `Fn::GetAtt takes [logicalId, attribute] or "logicalId.attribute", got ${show(arg)}`, 'getatt');
      return;
    }
    const [id, attr] = parts;
    this.checkAttribute(id, attr, path, section, deps);
  }

  private checkAttribute(id: string, attr: unknown, path: Array<string | number>, section: Section, deps?: Set<string>, via = 'GetAtt'): void {
    if (!(id in this.resources)) {
      const hint = didYouMean(id, Object.keys(this.resources));
      const msg = id in this.parameters ? `${via} to '${id}', which is a parameter, not a resource` : `${via} to unknown resource '${id}'${hint}`;
      this.add(id in this.parameters ? 'error' : this.refSeverity, path, msg, 'getatt');
      return;
    }
    if (section === 'conditions') this.add('error', path, `Conditions cannot use ${via} (resource '${id}')`, 'getatt');
    deps?.add(id);
    if (typeof attr !== 'string') return;
    const type = this.resourceTypes.get(id);
    if (!type || type.startsWith('Custom::') || OPEN_ATTRIBUTES.has(type)) return;
    const res: SpecResource | undefined = this.spec.resource(type);
    if (!res) return;
    const names = Object.keys(res.attributes);
    if (names.includes(attr)) return;
    // Lists of objects are addressed as `Outputs.X` for stacks; anything under a known struct attribute is accepted.
    if (names.some((n) => attr.startsWith(`${n}.`))) return;
    const shown = names.length <= 12 ? `; valid: ${names.sort().join(', ')}` : '';
    const sev = type.startsWith('AWS::Serverless::') ? 'warning' : 'error';
    this.add(sev, path, `${type} has no attribute '${attr}' for ${via}${didYouMean(attr, names)}${names.length ? shown : '; it has no attributes'}`, 'getatt');
  }

  private checkSub(arg: unknown, path: Array<string | number>, section: Section, deps?: Set<string>): void {
    let text: unknown = arg;
    let vars: Record<string, unknown> = {};
    if (Array.isArray(arg)) {
      text = arg[0];
      if (isPlainObject(arg[1])) vars = arg[1];
      this.walkRefs(arg[1], [...path, 1], section, deps);
    }
    if (typeof text !== 'string') {
      if (!intrinsicName(text)) this.add('error', path, `Fn::Sub takes a string or [string, {variables}], got ${show(arg)}`, 'sub');
      return;
    }
    const where = Array.isArray(arg) ? [...path, 0] : path;
    for (const v of subVariables(text)) {
      if (v.name in vars) continue;
      const dot = v.name.indexOf('.');
      if (dot > 0 && !v.name.startsWith('AWS::')) this.checkAttribute(v.name.slice(0, dot), v.name.slice(dot + 1), where, section, deps, `Fn::Sub \${${v.name}}`);
      else this.checkRef(v.name, where, section, deps, `Fn::Sub \${${v.name}} names`);
    }
  }

  private checkFindInMap(arg: unknown[], path: Array<string | number>): void {
    const [map, top, second] = arg;
    if (typeof map !== 'string') return;
    const m = this.mappings[map];
    if (!isPlainObject(m)) {
      this.add(arg.length === 4 ? 'warning' : 'error', [...path, 0], `Fn::FindInMap names unknown mapping '${map}'${didYouMean(map, Object.keys(this.mappings))}`, 'find-in-map');
      return;
    }
    if (typeof top !== 'string' || arg.length === 4) return;
    const inner = m[top];
    if (inner === undefined) {
      this.add('error', [...path, 1], `mapping '${map}' has no key '${top}'${didYouMean(top, Object.keys(m))}`, 'find-in-map');
      return;
    }
    if (typeof second === 'string' && isPlainObject(inner) && !(second in inner)) {
      this.add('error', [...path, 2], `mapping '${map}.${top}' has no key '${second}'${didYouMean(second, Object.keys(inner))}`, 'find-in-map');
    }
  }

  /** Ref/GetAtt/DependsOn cycles: CloudFormation refuses such a template before creating anything. */
  private checkCycles(): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const reported = new Set<string>();
    const visit = (id: string): void => {
      state.set(id, 'visiting');
      stack.push(id);
      for (const d of this.deps.get(id) ?? []) {
        const s = state.get(d);
        if (s === 'visiting') {
          const cycle = [...stack.slice(stack.indexOf(d)), d];
          const key = [...new Set(cycle)].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            this.add('error', ['Resources', d], `circular dependency: ${cycle.join(' -> ')}`, 'circular-dependency');
          }
        } else if (!s) visit(d);
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of this.deps.keys()) if (!state.has(id)) visit(id);
  }
}
