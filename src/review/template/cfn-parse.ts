import { UserError } from '../../shared/errors.js';
import { CfnParseError, parseCfnTemplate } from '../../validate/cfn/yaml.js';

export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Transform?: unknown;
  Parameters?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  [key: string]: unknown;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DependsOn?: unknown;
  Condition?: string;
  [key: string]: unknown;
}

/** Parses CloudFormation JSON or YAML (short-form tags included) into plain JSON; bad input is a UserError on `template`. */
export function parseCfn(text: string): CfnTemplate {
  let value: unknown;
  try {
    value = parseCfnTemplate(text);
  } catch (e) {
    if (e instanceof CfnParseError) throw new UserError('template', `the template is not valid YAML or JSON: ${e.message}`, 'Fix the syntax at that line and try again.');
    throw e;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UserError('template', 'the template is not a JSON/YAML object', 'Pass a CloudFormation template with a Resources section.');
  const t = value as Record<string, unknown>;
  if (!t.Resources || typeof t.Resources !== 'object' || Array.isArray(t.Resources)) {
    throw new UserError('template', 'the template has no Resources section', 'A CloudFormation template needs Resources: { LogicalId: { Type, Properties } }.');
  }
  for (const [id, r] of Object.entries(t.Resources as Record<string, unknown>)) {
    if (id.startsWith('Fn::ForEach')) continue;
    if (!r || typeof r !== 'object' || typeof (r as { Type?: unknown }).Type !== 'string') {
      throw new UserError(`template.Resources.${id}`, 'resource has no Type', 'Every resource needs a Type such as AWS::S3::Bucket.');
    }
  }
  return t as CfnTemplate;
}

/** True when a value refers to a logical id: `Ref`, `Fn::GetAtt`, or `${Id}` / `${Id.Attr}` inside `Fn::Sub`. */
export function refersTo(value: unknown, logicalId: string): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return false;
  if (Array.isArray(value)) return value.some((v) => refersTo(v, logicalId));
  if (typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  if (o.Ref === logicalId) return true;
  const ga = o['Fn::GetAtt'];
  if (Array.isArray(ga) && ga[0] === logicalId) return true;
  if (typeof ga === 'string' && ga.split('.')[0] === logicalId) return true;
  const sub = o['Fn::Sub'];
  const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (subText && new RegExp(`\\$\\{${logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[^}]*)?\\}`).test(subText)) return true;
  return Object.values(o).some((v) => refersTo(v, logicalId));
}

/** Logical ids a value refers to, among the given candidates. */
export function referencedIds(value: unknown, candidates: Iterable<string>): string[] {
  return [...candidates].filter((id) => refersTo(value, id));
}
