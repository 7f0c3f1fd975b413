import type { ValidationFinding } from '../../model/generated.js';
import { buildReport, type ValidationReport } from '../report.js';
import { EngineUnavailable, sharedEngineHost, type CfnEngineHost, type EngineDiagnostic, type EngineResult } from './engine.js';
import { loadCfnSpec } from './spec.js';
import { checkTemplate } from './structural.js';
import { parseCfnSource } from './yaml.js';

export interface CfnValidateOptions {
  /** File name shown in findings. @default 'template.yaml' */
  file?: string;
  /** Also run AWS's own validator (seconds on first use, then tens of ms). @default false */
  full?: boolean;
  /** Keep the AWS validator's informational notes (create-only properties, missing tags, ...). @default false */
  includeInfo?: boolean;
  /** Longest the AWS validator may take on this template before it is stopped and reported as not run. @default 30000 */
  engineTimeoutMs?: number;
  /** Engine host to use instead of the process-wide one (tests). */
  engine?: CfnEngineHost;
}

const SECTION: Record<string, string> = {
  Resource: 'Resources',
  Parameter: 'Parameters',
  Output: 'Outputs',
  Mapping: 'Mappings',
  Condition: 'Conditions',
  Rule: 'Rules',
  Metadata: 'Metadata',
};

/** `['Resources', 'Fn', 'Properties', 0]` -> `/Resources/Fn/Properties/0` (JSON pointer escaping). */
export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '/' : path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const DEPLOY_TIME =
  'Deploy-time checks need AWS: IAM permissions, service quotas, names already taken, and things that exist only in an account (AMI IDs, key pairs, hosted zones, certificates). Use cfn_validate_remote or a change set for those.';

/**
 * Validates a CloudFormation template (YAML with short-form intrinsics, or JSON). The structural check against the
 * resource specification always runs; `full: true` also runs AWS's own validator in a warm worker. Text that does not
 * parse comes back as one `syntax` finding with its line and column; nothing here throws for bad input.
 */
export async function validateCloudFormation(text: string, opts: CfnValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const file = opts.file ?? 'template.yaml';
  const parsed = parseCfnSource(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return buildReport(
      [{ severity: 'error', message: `not valid YAML or JSON: ${message}`, file, line, column, rule: 'syntax', source: 'cfn-parse' }],
      [],
      ['Everything else: the template could not be parsed.'],
      started,
    );
  }
  // The AWS engine runs on its own thread, so it works while the spec check runs here.
  const engine = opts.full ? runEngine(opts.engine ?? sharedEngineHost(), text, file, opts.engineTimeoutMs) : undefined;
  const spec = await loadCfnSpec();
  const result = checkTemplate(parsed.source.value, spec);
  const findings: ValidationFinding[] = result.findings.map((f) => {
    const pos = parsed.source.locate(f.path);
    return { severity: f.severity, message: f.message, path: toPointer(f.path), file, ...(pos ? { line: pos.line, column: pos.column } : {}), rule: f.rule, source: 'cfn-spec' };
  });
  const checked = [
    `${parsed.source.syntax === 'json' ? 'JSON' : 'YAML'} syntax, with short-form intrinsics (!Ref, !GetAtt, !Sub, ...) resolved`,
    `Sections, logical IDs and resource types against the CloudFormation resource specification (@aws-cdk/aws-service-spec, ${spec.size} types)`,
    'Property names at every depth, required properties, value types (numeric and boolean strings accepted) and allowed values',
    'References: Ref targets, Fn::GetAtt resources and attribute names, Fn::Sub placeholders, DependsOn, condition names, Fn::FindInMap keys, circular dependencies',
  ];
  const notChecked = [...result.notChecked];
  if (engine) {
    const r = await engine;
    if (r instanceof EngineUnavailable) notChecked.push(`AWS CloudFormation validator: ${r.message}. Patterns, conditional requirements, deprecations and security warnings were not checked.`);
    else {
      const e = engineFindings(r.diagnostics, file, findings, parsed.source.locate, opts.includeInfo ?? false);
      const notes = [e.duplicates ? `${e.duplicates} repeating a spec finding` : '', e.infoDropped ? `${e.infoDropped} informational (includeInfo shows them)` : ''].filter(Boolean);
      checked.push(
        `AWS's own CloudFormation validator (@aws/cloudformation-validate ${r.version}, bundled in aws-cdk-lib): schema patterns and ranges, conditional requirements, deprecations, security and best-practice rules${notes.length ? `; diagnostics not listed: ${notes.join(', ')}` : ''}`,
      );
      findings.push(...e.findings);
    }
  } else {
    notChecked.push("AWS's own CloudFormation validator was not run (full: false): value patterns and ranges, conditional requirements, enum values the spec lacks, deprecations and security warnings.");
  }
  notChecked.push(DEPLOY_TIME);
  return buildReport(findings, checked, notChecked, started);
}

async function runEngine(host: CfnEngineHost, text: string, file: string, timeoutMs?: number): Promise<EngineResult | EngineUnavailable> {
  try {
    return await host.validate(text, file, timeoutMs);
  } catch (e) {
    if (e instanceof EngineUnavailable) return e;
    return new EngineUnavailable(e instanceof Error ? e.message : String(e));
  }
}

/**
 * AWS validator diagnostics as findings. A diagnostic that restates a spec finding (a rule of the same kind at the
 * same place) is dropped so one mistake is not listed twice; informational notes are dropped unless asked for.
 */
function engineFindings(
  diagnostics: EngineDiagnostic[],
  file: string,
  specFindings: ValidationFinding[],
  locate: (path: ReadonlyArray<string | number>) => { line: number; column: number } | undefined,
  includeInfo: boolean,
): { findings: ValidationFinding[]; infoDropped: number; duplicates: number } {
  const out: ValidationFinding[] = [];
  let infoDropped = 0;
  let duplicates = 0;
  for (const d of diagnostics) {
    const severity = d.severity === 'ERROR' || d.severity === 'FATAL' ? 'error' : d.severity === 'WARN' ? 'warning' : 'info';
    if (severity === 'info' && !includeInfo) {
      infoDropped++;
      continue;
    }
    const pathParts: Array<string | number> = [];
    if (d.entityId && d.entityType && SECTION[d.entityType]) {
      pathParts.push(SECTION[d.entityType]!, d.entityId);
      // Only resource diagnostics carry a path relative to the entity; others repeat the section in it.
      if (d.propertyPath && d.entityType === 'Resource') pathParts.push(...d.propertyPath.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    }
    let line = d.startLine;
    let column = d.startColumn;
    if (line === undefined && pathParts.length) {
      const pos = locate(pathParts);
      line = pos?.line;
      column = pos?.column;
    }
    const f: ValidationFinding = {
      severity,
      message: d.message,
      ...(pathParts.length ? { path: toPointer(pathParts) } : {}),
      file,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
      rule: d.ruleId,
      source: 'cfn-validate',
    };
    if (specFindings.some((s) => restates(f, s))) {
      duplicates++;
      continue;
    }
    out.push(f);
  }
  return { findings: out, infoDropped, duplicates };
}

/** Engine rules that say the same thing as a spec rule. */
const SAME_KIND: Record<string, readonly string[]> = {
  'resource-type': ['F3006', 'E3001'],
  'value-type': ['F3012', 'E3012'],
  ref: ['F1010', 'F1020', 'F1018', 'E1010'],
  getatt: ['F1020', 'E1010', 'E9004'],
  'property-name': ['F3002', 'E3002', 'E3011'],
  'property-required': ['F3003', 'E3003'],
  'allowed-values': ['E3030', 'W3030'],
  'circular-dependency': ['F3004'],
  'depends-on': ['E3005', 'F1020'],
  'condition-ref': ['E1028'],
  'find-in-map': ['F1012'],
  'deletion-policy': ['F3016'],
  'template-description': ['F1004'],
};

/** True when engine finding `e` is spec finding `s` again: a rule of the same kind on the same line or path. */
function restates(e: ValidationFinding, s: ValidationFinding): boolean {
  if (!e.rule || !s.rule || !SAME_KIND[s.rule]?.includes(e.rule)) return false;
  const samePlace =
    (e.line !== undefined && e.line === s.line) ||
    (!!e.path && !!s.path && (s.path === e.path || s.path.startsWith(`${e.path}/`) || e.path.startsWith(`${s.path}/`)));
  if (!samePlace) return false;
  if (s.rule === 'property-required' || s.rule === 'property-name') {
    // Several properties can be missing from one object: only the same name is a repeat.
    const name = /'([^']+)'/.exec(s.message)?.[1];
    return !!name && e.message.includes(`'${name}'`);
  }
  return true;
}
