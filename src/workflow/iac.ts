import type { Architecture, GeneratedFile, ValidationFinding as Finding } from '../model/index.js';

/** What validating generated IaC found, in the shape tools and the plan report. */
export interface ValidationSummary {
  ran: boolean;
  valid: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
  checked: string[];
  notChecked: string[];
}

/**
 * Validates the files a generator produced with the real validators: CloudFormation against the resource spec (and
 * AWS's engine when `full`), Terraform against the provider schema, a CDK app through its CloudFormation-equivalent
 * template (and tsc plus synthesis when `synth`). One place, used by generate_iac and the plan.
 */
export async function validateGeneratedIac(
  a: Architecture,
  format: 'cloudformation' | 'terraform' | 'cdk',
  files: GeneratedFile[],
  o: { pipeline: 'github-actions' | 'codepipeline' | 'both' | 'none'; full: boolean; synth: boolean; maxFindings?: number; onProgress?: (step: number, total: number, message: string) => unknown },
): Promise<ValidationSummary> {
  const progress = async (step: number, total: number, message: string) => {
    await o.onProgress?.(step, total, message);
  };
  const v = await import('../validate/index.js');
  const findings: Finding[] = [];
  const checked: string[] = [];
  const notChecked: string[] = [];
  const add = (r: { findings: Finding[]; checked: string[]; notChecked: string[] }, prefix?: string) => {
    findings.push(...r.findings);
    checked.push(...r.checked.map((c) => (prefix ? `${prefix}: ${c}` : c)));
    notChecked.push(...r.notChecked.map((c) => (prefix ? `${prefix}: ${c}` : c)));
  };
  if (o.full) await progress(0, 2, "Running AWS's CloudFormation validator");
  if (format === 'cloudformation') {
    const t = files.find((f) => /^template\.(yaml|json)$/.test(f.path))!;
    if (t.format === 'json') add(await v.validateCloudFormation(t.content, { file: t.path, full: o.full }));
    else {
      // Parsing 300 KB of YAML with positions costs ~10x the checks: check the JSON rendering of the same template
      // object (the YAML writer's round trip is tested), and re-read the YAML only to place findings on its lines.
      const { buildTemplate, renderTemplate } = await import('../generators/cloudformation/index.js');
      const json = renderTemplate(buildTemplate(a, { pipeline: o.pipeline }), 'json');
      const r = await v.validateCloudFormation(json, { file: t.path, full: o.full });
      add(r.findings.length ? await v.validateCloudFormation(t.content, { file: t.path, full: o.full }) : r);
    }
  } else if (format === 'terraform') {
    add(await v.validateTerraform(files.filter((f) => f.path.endsWith('.tf')).map((f) => ({ path: f.path, content: f.content }))));
  } else {
    // The app declares the same resources as the CloudFormation generator's template; check that template.
    const { buildTemplate, renderTemplate } = await import('../generators/cloudformation/index.js');
    const equivalent = renderTemplate(buildTemplate(a, { pipeline: o.pipeline }), 'json');
    add(await v.validateCloudFormation(equivalent, { file: 'equivalent-template.json', full: o.full }), 'CloudFormation-equivalent template');
    if (o.synth) {
      await progress(1, 2, 'Type-checking and synthesizing the CDK app');
      const { cdkAppEntry } = await import('../generators/cdk/index.js');
      const { checkCdkApps, compareTemplates } = await import('../validate/cdk.js');
      const [r] = await checkCdkApps([{ name: a.name, files, entry: cdkAppEntry(a) }]);
      findings.push(...r!.findings);
      if (r!.typechecked) checked.push('CDK app type-checked with tsc --noEmit (strict)');
      if (r!.synthesized) {
        const stacks = Object.keys(r!.templates);
        checked.push(`CDK app synthesized offline with aws-cdk-lib (${stacks.length} stack${stacks.length === 1 ? '' : 's'})`);
        const last = r!.templates[stacks[stacks.length - 1]!]!;
        const diff = compareTemplates(JSON.parse(JSON.stringify(buildTemplate(a, { pipeline: o.pipeline }).template)) as Record<string, unknown>, last);
        for (const c of diff.counts) findings.push({ severity: 'error', message: `${c.type}: ${c.cdk} in the synthesized stack, ${c.cloudformation} in the CloudFormation template`, source: 'cdk-synth' });
        if (!diff.counts.length) checked.push('Synthesized resource types and counts match the CloudFormation template for the same design');
      } else notChecked.push('The synthesized template (synthesis failed; see the findings)');
    } else {
      notChecked.push('The CDK app itself was not type-checked or synthesized (pass synth: true; it takes several seconds)');
    }
  }
  const oidc = files.find((f) => f.path === 'pipeline/github-oidc.yaml');
  if (oidc) add(await v.validateCloudFormation(oidc.content, { file: oidc.path }), oidc.path);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return {
    ran: true,
    valid: errors === 0,
    errors,
    warnings,
    findings: [...findings].sort((x, y) => rank[x.severity] - rank[y.severity]).slice(0, o.maxFindings ?? 50),
    checked,
    notChecked: [...new Set(notChecked)],
  };
}

