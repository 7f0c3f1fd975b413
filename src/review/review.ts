import type { Architecture, Finding, Framework } from '../model/index.js';
import { UserError, isUserError } from '../shared/errors.js';
import type { TemplateAcknowledgement } from './acknowledge.js';
import { applyAcknowledgements, templateAcknowledgements } from './acknowledge.js';
import { defaultComplianceLookup } from './eligibility.js';
import { runModelRules } from './engine.js';
import { DEFAULT_FRAMEWORKS, MODEL_FRAMEWORKS, PACK_FRAMEWORKS, modelFrameworks, packFrameworks, selectFrameworks } from './frameworks.js';
import type { FrameworkRun } from './report.js';
import { buildReport } from './report.js';
import { componentResolver } from './resource-map.js';
import type { MappedTemplate, TemplateContext } from './template/builder.js';
import type { CfnTemplate } from './template/cfn-parse.js';
import type { ComplianceLookup, Coverage, ReviewReport, ReviewSubject } from './types.js';
import { emptyFacts } from './types.js';

export interface ReviewOptions {
  /** Frameworks to run; default well-architected (with anti-patterns) and aws-solutions, plus the design's declared hipaa / pci-dss. */
  frameworks?: Framework[] | undefined;
  /** Frameworks to leave out, e.g. anti-patterns. */
  exclude?: Framework[] | undefined;
  /** Service eligibility for HIPAA / PCI DSS; defaults to AWS's published lists. */
  compliance?: ComplianceLookup | undefined;
}

export interface DesignReviewOptions extends ReviewOptions {
  /** Display name (the saved design's name). */
  name?: string | undefined;
  /**
   * The CloudFormation generated from the design, for the cdk-nag packs. Injected so this module does not depend
   * on a generator; returns undefined when none is available.
   */
  cloudFormation?: (() => Promise<GeneratedTemplate | undefined>) | undefined;
}

/** A template generated from a design, with the logical-id prefix of each component when the generator knows them. */
export interface GeneratedTemplate {
  template: Record<string, unknown> | string;
  prefixes?: ReadonlyMap<string, string> | undefined;
}

export interface TemplateReviewOptions extends ReviewOptions {
  format?: 'auto' | 'cloudformation' | 'terraform' | undefined;
  /** File name or label shown in the report. */
  name?: string | undefined;
  /** Targets a template cannot state (availability, RPO/RTO, data classification, environment, compliance). */
  context?: TemplateContext | undefined;
  /** Extra Terraform files reviewed together with the text (a module folder). */
  files?: Array<{ name: string; text: string }> | undefined;
}

/**
 * Reviews a design with the model rules only, synchronously: the fast path (no template, no cdk-nag) used by
 * property tests and benchmarks, and by callers that want Well-Architected, anti-pattern, DR, HIPAA and PCI checks
 * of the model alone.
 */
export function reviewModel(architecture: Architecture, opts: ReviewOptions & { name?: string | undefined } = {}): ReviewReport {
  const frameworks = selectFrameworks(opts.frameworks, opts.exclude, architecture.compliance).filter((f) => MODEL_FRAMEWORKS.has(f));
  const subject: ReviewSubject = { architecture, source: 'design', resourceOf: new Map(), facts: emptyFacts(), compliance: opts.compliance ?? defaultComplianceLookup };
  const run = runModelRules(subject, modelFrameworks(frameworks));
  const findings = applyAcknowledgements(run.findings, { architecture });
  const coverage: Coverage = { modelRules: 'run', rulesEvaluated: run.evaluated, rulesSkipped: run.skipped, templatePacks: 'not-selected', notCovered: [], notes: [] };
  return buildReport({ kind: 'design', name: opts.name ?? architecture.name }, findings, frameworks.map((framework) => ({ framework })), coverage);
}

/**
 * Reviews a design: the model rules of the selected frameworks, and the cdk-nag packs over the CloudFormation
 * generated from it, with pack findings linked back to the component each resource came from. Acknowledgements in
 * the model and in the generated template's metadata mark findings as acknowledged.
 */
export async function reviewArchitecture(architecture: Architecture, opts: DesignReviewOptions = {}): Promise<ReviewReport> {
  const frameworks = selectFrameworks(opts.frameworks, opts.exclude, architecture.compliance);
  const models = modelFrameworks(frameworks);
  const packs = packFrameworks(frameworks);
  const subject: ReviewSubject = { architecture, source: 'design', resourceOf: new Map(), facts: emptyFacts(), compliance: opts.compliance ?? defaultComplianceLookup };
  const run = runModelRules(subject, models);
  const findings: Finding[] = [...run.findings];
  const coverage: Coverage = {
    modelRules: models.size ? 'run' : 'not-selected',
    rulesEvaluated: run.evaluated,
    rulesSkipped: run.skipped,
    templatePacks: packs.length ? 'run' : 'not-selected',
    notCovered: [],
    notes: [],
  };
  let templateAcks: TemplateAcknowledgement[] = [];
  if (packs.length) {
    const generated = opts.cloudFormation ? await opts.cloudFormation() : undefined;
    const raw = generated?.template;
    if (raw === undefined) {
      coverage.templatePacks = 'not-run';
      coverage.reason = 'no CloudFormation generator is available to produce a template from the design';
    } else {
      const { parseCfn } = await import('./template/cfn-parse.js');
      const template = typeof raw === 'string' ? parseCfn(raw) : (raw as CfnTemplate);
      const outcome = await runPacks(template, packs);
      if ('reason' in outcome) {
        coverage.templatePacks = 'not-run';
        coverage.reason = outcome.reason;
      } else {
        const componentOf = componentResolver(architecture, template.Resources, generated?.prefixes);
        for (const f of outcome.findings) {
          const component = f.resource ? componentOf(f.resource) : undefined;
          findings.push(component ? { ...f, component } : f);
        }
        templateAcks = templateAcknowledgements(template.Resources);
        coverage.notes.push(`cdk-nag ran over the CloudFormation generated from the design (${Object.keys(template.Resources).length} resources).`);
      }
    }
  }
  const acknowledged = applyAcknowledgements(findings, { architecture, template: templateAcks });
  return buildReport({ kind: 'design', name: opts.name ?? architecture.name }, acknowledged, frameworkRuns(frameworks, coverage), coverage);
}

/**
 * Reviews a CloudFormation (JSON/YAML, SAM included) or Terraform template: the cdk-nag packs for CloudFormation that
 * CfnInclude can load, and the model rules over the template mapped into the model. What could not be loaded or
 * mapped is named in the coverage, never silently skipped.
 */
export async function reviewTemplate(text: string, opts: TemplateReviewOptions = {}): Promise<ReviewReport> {
  const format = opts.format && opts.format !== 'auto' ? opts.format : detectFormat(text, opts.name);
  const name = opts.name ?? (format === 'terraform' ? 'main.tf' : 'template');
  // cdk-nag packs read CloudFormation: Terraform gets them only when asked for by name (and then says why not).
  const defaults = format === 'terraform' ? DEFAULT_FRAMEWORKS.filter((f) => MODEL_FRAMEWORKS.has(f)) : DEFAULT_FRAMEWORKS;
  const frameworks = selectFrameworks(opts.frameworks, opts.exclude, opts.context?.compliance ?? [], defaults);
  const models = modelFrameworks(frameworks);
  const packs = packFrameworks(frameworks);
  let mapped: MappedTemplate;
  let template: CfnTemplate | undefined;
  if (format === 'terraform') {
    const { mapTerraform } = await import('./template/terraform.js');
    mapped = await mapTerraform([{ name, text }, ...(opts.files ?? [])], name, opts.context);
  } else {
    const { parseCfn } = await import('./template/cfn-parse.js');
    const { mapCloudFormation } = await import('./template/cfn-model.js');
    template = parseCfn(text);
    mapped = mapCloudFormation(template, name, opts.context);
  }
  const subject: ReviewSubject = { architecture: mapped.architecture, source: format, resourceOf: mapped.resourceOf, facts: mapped.facts, compliance: opts.compliance ?? defaultComplianceLookup };
  const run = runModelRules(subject, models);
  const findings: Finding[] = [...run.findings];
  const unmapped = mapped.all.filter((r) => !mapped.mapped.has(r));
  const coverage: Coverage = {
    modelRules: models.size ? 'run' : 'not-selected',
    rulesEvaluated: run.evaluated,
    rulesSkipped: run.skipped,
    templatePacks: packs.length ? 'run' : 'not-selected',
    resources: { total: mapped.all.length, mapped: mapped.all.length - unmapped.length },
    notCovered: [],
    notes: [...mapped.notes],
  };
  if (run.skipped) coverage.notes.push(`${run.skipped} design-level rules (audit trail, threat detection, pipeline, usage, DR strategy) need a design and were not evaluated on a template.`);
  if (packs.length) {
    const outcome = template ? await runPacks(template, packs) : { reason: 'cdk-nag packs evaluate CloudFormation; Terraform is reviewed with the model rules over the resources mapped into the model' };
    if ('reason' in outcome) {
      coverage.templatePacks = 'not-run';
      coverage.reason = outcome.reason;
    } else {
      const componentOf = new Map([...mapped.resourceOf].map(([c, r]) => [r, c]));
      for (const f of outcome.findings) {
        const component = f.resource ? componentOf.get(f.resource) : undefined;
        findings.push(component && component !== 'network' ? { ...f, component } : f);
      }
    }
  }
  // Without the packs, resources the model does not map are reviewed by nothing: say which, and check the template's
  // structure at least (Terraform never has the packs, so it always gets the provider-schema check).
  coverage.notCovered = coverage.templatePacks === 'run' ? [] : unmapped;
  if (coverage.templatePacks === 'not-run' || format === 'terraform') {
    const validation = await structuralValidation([{ path: name, content: text }, ...(opts.files ?? []).map((f) => ({ path: f.name, content: f.text }))], format);
    if (validation) coverage.validation = validation;
  }
  const acknowledged = applyAcknowledgements(findings, { template: template ? templateAcknowledgements(template.Resources) : [], sameAs: run.sameAs });
  return buildReport({ kind: 'template', name, format }, acknowledged, frameworkRuns(frameworks, coverage), coverage);
}

/** Which frameworks could not run: pack-only frameworks when the packs did not run. */
function frameworkRuns(frameworks: Framework[], coverage: Coverage): FrameworkRun[] {
  return frameworks.map((framework) => {
    if (coverage.templatePacks === 'not-run' && PACK_FRAMEWORKS.has(framework)) {
      if (!MODEL_FRAMEWORKS.has(framework)) return { framework, notRun: coverage.reason ?? 'the template packs could not run' };
      coverage.notes.push(`${framework}: only the model rules ran; the cdk-nag pack did not (${coverage.reason}).`);
    }
    return { framework };
  });
}

/** The validator's spec/schema checks (no AWS engine), summarised; undefined when the validator refuses the input. */
async function structuralValidation(files: Array<{ path: string; content: string }>, format: 'cloudformation' | 'terraform'): Promise<Coverage['validation']> {
  const { validateTemplateFiles } = await import('../validate/template.js');
  const { formatFinding } = await import('../validate/report.js');
  try {
    const { report } = await validateTemplateFiles({ files: format === 'cloudformation' ? files.slice(0, 1) : files, format, full: false, field: 'template' });
    const errors = report.findings.filter((f) => f.severity === 'error');
    return { errors: errors.length, warnings: report.findings.filter((f) => f.severity === 'warning').length, first: errors.slice(0, 5).map(formatFinding) };
  } catch (e) {
    if (isUserError(e)) return undefined;
    throw e;
  }
}

async function runPacks(template: CfnTemplate, packs: ReturnType<typeof packFrameworks>): Promise<{ findings: Finding[] } | { reason: string }> {
  const transform = template.Transform;
  if (transform !== undefined) {
    const names = (Array.isArray(transform) ? transform : [transform]).map((t) => (typeof t === 'string' ? t : JSON.stringify(t)));
    return { reason: `the template uses Transform ${names.join(', ')}, which CfnInclude cannot load (transforms such as SAM and Fn::ForEach expand at deploy time); the model rules reviewed the resources mapped from it` };
  }
  if (Object.keys(template.Resources).some((k) => k.startsWith('Fn::ForEach'))) {
    return { reason: 'the template uses Fn::ForEach, which CfnInclude cannot load; the model rules reviewed the resources mapped from it' };
  }
  const { nagRuntime, TemplateNotLoadable } = await import('./template/nag.js');
  try {
    return nagRuntime().run(template, packs);
  } catch (e) {
    if (e instanceof TemplateNotLoadable) return { reason: `CfnInclude could not load the template (${e.message}); the model rules reviewed the resources mapped from it` };
    throw e;
  }
}

/** CloudFormation when the text is JSON or YAML with Resources, Terraform when it has HCL blocks. */
export function detectFormat(text: string, name?: string): 'cloudformation' | 'terraform' {
  if (name && /\.tf(\.json)?$/i.test(name)) return 'terraform';
  if (name && /\.(ya?ml|template|json)$/i.test(name)) return 'cloudformation';
  if (text.trimStart().startsWith('{')) return 'cloudformation';
  if (/^\s*(resource|provider|module|data|terraform|variable|locals)\s+("[^"]*"\s*)*\{/m.test(text)) return 'terraform';
  if (/(^|\n)\s*"?(Resources|AWSTemplateFormatVersion)"?\s*:/.test(text)) return 'cloudformation';
  throw new UserError('template', 'cannot tell whether the template is CloudFormation or Terraform', 'Set templateFormat to cloudformation or terraform.');
}
