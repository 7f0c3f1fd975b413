import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../model/index.js';
import { splitRule } from '../acknowledge.js';
import type { PackFramework } from '../types.js';
import { PACK_FIXES, controlsOf, fallbackFix, packSeverity, pillarOf } from './nag-rules.js';

/** The cdk-nag 3 pack class of each framework. */
export const PACK_CLASS: Record<PackFramework, 'AwsSolutionsChecks' | 'HIPAASecurityChecks' | 'PCIDSS321Checks' | 'NIST80053R5Checks' | 'ServerlessChecks'> = {
  'aws-solutions': 'AwsSolutionsChecks',
  hipaa: 'HIPAASecurityChecks',
  'pci-dss': 'PCIDSS321Checks',
  'nist-800-53-r5': 'NIST80053R5Checks',
  serverless: 'ServerlessChecks',
};

interface RuleInfo {
  fn: string;
  info: string;
  explanation: string;
}

interface Pack {
  name: string;
  validateScope(scope: unknown): { success: boolean; violations: Array<{ ruleName: string; description: string; severity: string; violatingResources: Array<{ constructPath: string }> }> };
}

/**
 * aws-cdk-lib and cdk-nag, loaded once and kept warm: the first template costs about a second of module loading,
 * later ones tens of milliseconds. One App hosts a throwaway Stack per review (an App creates a temporary assembly
 * folder, so making one per call would be wasted work).
 */
export interface NagRuntime {
  /** Runs the packs over a template; throws {@link TemplateNotLoadable} when CfnInclude refuses it. */
  run(template: Record<string, unknown>, frameworks: readonly PackFramework[]): PackRun;
}

export interface PackRun {
  findings: Finding[];
  /** cdk-nag rules evaluated, by pack. */
  rules: Partial<Record<PackFramework, number>>;
}

/** CfnInclude could not load the template (SAM, Fn::ForEach, dangling references, ...). */
export class TemplateNotLoadable extends Error {
  override readonly name = 'TemplateNotLoadable';
}

let runtime: NagRuntime | undefined;

/** The process-wide pack runtime, created on first use. */
export function nagRuntime(): NagRuntime {
  runtime ??= createRuntime();
  return runtime;
}

function createRuntime(): NagRuntime {
  const require = createRequire(import.meta.url);
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { CfnInclude } = require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include');
  const nag = require('cdk-nag') as Record<string, new () => Pack>;
  // The App creates its assembly folder up front, but nothing here ever synthesizes: remove it straight away.
  const appDir = mkdtempSync(join(tmpdir(), 'aba-review-app-'));
  const app = new cdk.App({ analyticsReporting: false, outdir: join(appDir, 'out') });
  rmSync(appDir, { recursive: true, force: true });
  const infos = new Map<string, RuleInfo>();
  const packs = new Map<PackFramework, Pack>();
  const ruleCounts = new Map<PackFramework, Set<string>>();
  let seq = 0;

  const pack = (framework: PackFramework): Pack => {
    let p = packs.get(framework);
    if (p) return p;
    p = new nag[PACK_CLASS[framework]]!();
    const seen = new Set<string>();
    ruleCounts.set(framework, seen);
    // applyRule is where a pack knows the rule's function, info and explanation; violations only keep the info.
    const target = p as unknown as { applyRule(params: { ruleSuffixOverride?: string; info: string; explanation: string; rule: { name: string } }): void; packName?: string; readPackName?: string };
    const original = target.applyRule.bind(p);
    target.applyRule = (params) => {
      const id = `${target.readPackName ?? p!.name}-${params.ruleSuffixOverride ?? params.rule.name}`;
      seen.add(id);
      if (!infos.has(id)) infos.set(id, { fn: params.rule.name, info: params.info, explanation: params.explanation });
      original(params);
    };
    packs.set(framework, p);
    return p;
  };

  return {
    run(template, frameworks) {
      const stackId = `Review${++seq}`;
      // CfnInclude only reads templates from files.
      const dir = mkdtempSync(join(tmpdir(), 'aba-review-'));
      const file = join(dir, 'template.json');
      writeFileSync(file, JSON.stringify(template));
      const stack = new cdk.Stack(app, stackId, { synthesizer: new cdk.BootstraplessSynthesizer() });
      try {
        try {
          new CfnInclude(stack, 'Template', { templateFile: file });
        } catch (e) {
          throw new TemplateNotLoadable((e as Error).message.split('\n')[0]!);
        }
        const findings: Finding[] = [];
        const rules: PackRun['rules'] = {};
        for (const framework of frameworks) {
          const report = pack(framework).validateScope(stack);
          rules[framework] = ruleCounts.get(framework)!.size;
          for (const v of report.violations) findings.push(...toFindings(framework, v, infos));
        }
        return { findings, rules };
      } finally {
        app.node.tryRemoveChild(stackId);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function toFindings(framework: PackFramework, v: ReturnType<Pack['validateScope']>['violations'][number], infos: Map<string, RuleInfo>): Finding[] {
  const { base, granular } = splitRule(v.ruleName);
  const meta = infos.get(base);
  const level = v.severity === 'error' ? 'error' : 'warning';
  const threw = v.description.startsWith('Rule threw an error');
  const info = meta?.info ?? v.description;
  const control = framework === 'aws-solutions' || framework === 'serverless' ? undefined : controlsOf(info);
  const title = info.replace(/\s*-\s*\(Control IDs?:.*$/, '').trim().replace(/\.$/, '');
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const r of v.violatingResources) {
    const logicalId = r.constructPath.split('/').pop()!;
    if (seen.has(logicalId)) continue;
    seen.add(logicalId);
    out.push({
      id: `${v.ruleName}:${logicalId}`,
      rule: v.ruleName,
      framework,
      ...(control ? { control } : {}),
      pillar: pillarOf(meta?.fn),
      severity: packSeverity(meta?.fn, granular, level),
      title,
      resource: logicalId,
      evidence: threw
        ? `cdk-nag could not evaluate ${v.ruleName} on ${logicalId}, usually because a property is an intrinsic function it cannot resolve; check it by hand.`
        : `${logicalId}: ${title}${granular ? ` (${granular})` : ''}.`,
      ...(meta?.explanation ? { whyItMatters: meta.explanation } : {}),
      fix: (meta && PACK_FIXES[meta.fn]) ?? fallbackFix(info, base),
    });
  }
  return out;
}
