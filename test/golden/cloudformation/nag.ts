import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NagResult {
  pack: string;
  /** Error-level rule ids with the resources that violate them. */
  errors: Array<{ rule: string; resources: string[] }>;
  warnings: string[];
  /** Acknowledgements found in the template metadata. */
  acknowledgements: Array<{ resource: string; id: string; reason: string }>;
}

/**
 * Runs cdk-nag 3 packs over a template the way the reviewer does: CfnInclude into a stack, acknowledge what the
 * template's `cdk_nag.rules_to_suppress` metadata lists, then `validateScope`.
 */
export async function nag(template: string, packs: Array<'AwsSolutions' | 'HIPAA' | 'PCI'>, ext: 'yaml' | 'json' = 'yaml'): Promise<NagResult[]> {
  const cdk = await import('aws-cdk-lib');
  const { CfnInclude } = await import('aws-cdk-lib/cloudformation-include');
  const nagLib = await import('cdk-nag');
  const dir = mkdtempSync(join(tmpdir(), 'aba-nag-'));
  try {
    const file = join(dir, `template.${ext}`);
    writeFileSync(file, template);
    const app = new cdk.App({ analyticsReporting: false });
    const stack = new cdk.Stack(app, 'Generated', { synthesizer: new cdk.BootstraplessSynthesizer() });
    new CfnInclude(stack, 'T', { templateFile: file });
    const acknowledgements: NagResult['acknowledgements'] = [];
    for (const c of stack.node.findAll()) {
      if (!cdk.CfnResource.isCfnResource(c)) continue;
      const md = c.getMetadata('cdk_nag') as { rules_to_suppress?: Array<{ id: string; reason: string }> } | undefined;
      for (const s of md?.rules_to_suppress ?? []) {
        acknowledgements.push({ resource: c.logicalId, id: s.id, reason: s.reason });
        cdk.Validations.of(c).acknowledge({ id: s.id, reason: s.reason });
      }
    }
    const classes = { AwsSolutions: nagLib.AwsSolutionsChecks, HIPAA: nagLib.HIPAASecurityChecks, PCI: nagLib.PCIDSS321Checks };
    return packs.map((p) => {
      const report = new classes[p]().validateScope(stack);
      return {
        pack: p,
        errors: report.violations.filter((v) => v.severity === 'error').map((v) => ({ rule: v.ruleName, resources: v.violatingResources.map((r) => (r.constructPath ?? r.resourceLogicalId ?? '').replace('Generated/T/', '')) })),
        warnings: report.violations.filter((v) => v.severity !== 'error').map((v) => v.ruleName),
        acknowledgements,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The packs a design's compliance regimes ask for. */
export function packsFor(compliance: string[]): Array<'AwsSolutions' | 'HIPAA' | 'PCI'> {
  return ['AwsSolutions', ...(compliance.includes('hipaa') ? (['HIPAA'] as const) : []), ...(compliance.includes('pci-dss') ? (['PCI'] as const) : [])];
}
