import type { DiagramFormat } from '../diagram/index.js';
import type { Architecture, CostReport, Framework, GeneratedFile, Requirements } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { stableStringify } from '../shared/json.js';
import type { PlanInputs } from './plan-doc.js';
import { DesignWorkspace, designUri } from './workspace.js';

export type IacFormat = 'cloudformation' | 'terraform' | 'cdk';

/** A brief: free text plus optional structured fields that override what the text says. */
export interface Brief {
  description: string;
  fields?: Record<string, unknown>;
}

export interface PlanRequest {
  projectRoot: string;
  memoryDir?: string | undefined;
  /** Run every phase from a brief... */
  brief?: Brief | undefined;
  /** ...or start from a saved design (or an inline one, saved under `name`). */
  design?: string | undefined;
  architecture?: Architecture | undefined;
  /** Design name; from the brief's requirements when absent. */
  name?: string | undefined;
  format?: IacFormat | undefined;
  /** Extra review frameworks; Well-Architected, anti-patterns and the design's compliance regimes always run. */
  frameworks?: Framework[] | undefined;
  /** Run the cdk-nag packs on the generated CloudFormation and AWS's validator engine (seconds). Default true. */
  thorough?: boolean | undefined;
  diagrams?: DiagramFormat[] | undefined;
  /** Record the design's decisions as ADRs in .ai/memory. */
  recordDecisions?: boolean | undefined;
  /** The price catalog, loaded once by the caller (the server memoises it). */
  priceCatalog: () => Promise<import('../cost/catalog/load.js').PriceCatalog>;
  onProgress?: (step: number, total: number, message: string) => void | Promise<void>;
}

export interface PlanStep {
  phase: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface PlanResult {
  design: string;
  /** URIs of every file written, `design://<design>/...`. */
  files: string[];
  steps: PlanStep[];
  requirements?: Requirements;
  architecture: Architecture;
  summary: {
    components: number;
    monthlyUsd?: number;
    monthlyUsdAt10x?: number;
    unpricedItems?: number;
    review?: Array<{ framework: string; passed: boolean; findings: number }>;
    iac?: { format: IacFormat; files: number; errors: number; warnings: number };
    openQuestions: string[];
    adrs: string[];
  };
}


/**
 * The five phases end to end: requirements and service selection (from a brief) or a saved design, then IaC with
 * validation, cost at 1x and 10x, review, diagrams and the plan document, all written atomically to
 * `.ai/architecture/<design>/`. Each phase reports progress; a phase that fails stops the run with a clear error.
 */
export async function runPlan(req: PlanRequest): Promise<PlanResult> {
  const ws = new DesignWorkspace(req.projectRoot);
  const files: string[] = [];
  const steps: PlanStep[] = [];
  // requirements, architecture, code, cost, review, diagrams, plan (+ decision records)
  const total = 7 + (req.recordDecisions ? 1 : 0);
  let n = 0;
  const step = async <T>(phase: string, work: () => Promise<{ value: T; detail: string }>): Promise<T> => {
    await req.onProgress?.(n, total, `${phase}...`);
    const t0 = performance.now();
    try {
      const { value, detail } = await work();
      steps.push({ phase, ok: true, detail, ms: Math.round(performance.now() - t0) });
      n++;
      await req.onProgress?.(n, total, `${phase}: ${detail}`);
      return value;
    } catch (e) {
      steps.push({ phase, ok: false, detail: (e as Error).message, ms: Math.round(performance.now() - t0) });
      throw e;
    }
  };

  let requirements: Requirements | undefined;
  let architecture: Architecture;
  let design: string;

  if (req.brief) {
    const { analyzeRequirements, selectServices } = await import('../analysis/index.js');
    requirements = await step('requirements', async () => {
      const r = analyzeRequirements({ description: req.brief!.description, fields: req.brief!.fields ?? {} });
      return { value: r.requirements, detail: `${r.requirements.workload.patterns.join(', ') || 'general'}; ${r.requirements.assumptions.length} assumptions, ${r.requirements.openQuestions.length} open questions` };
    });
    design = ws.checkName(req.name ?? slugName(requirements.name), 'name');
    const { acceptedDecisions } = await import('../memory/index.js');
    const prior = await acceptedDecisions(req.projectRoot, req.memoryDir);
    architecture = await step('architecture', async () => {
      const sel = selectServices(requirements!, { priorDecisions: prior, name: design });
      files.push(await ws.saveRequirements(design, requirements!), await ws.saveArchitecture(design, sel.architecture));
      return { value: sel.architecture, detail: `${sel.architecture.components.length} components, ${sel.decisions.length} decisions${prior.length ? `, ${prior.length} accepted decision(s) from memory considered` : ''}` };
    });
  } else if (req.design || req.architecture) {
    design = ws.checkName(req.design ?? req.name ?? req.architecture!.name, req.design ? 'design' : 'name');
    architecture = await step('architecture', async () => {
      if (req.architecture) {
        files.push(await ws.saveArchitecture(design, req.architecture));
        return { value: req.architecture, detail: `${req.architecture.components.length} components (inline design saved)` };
      }
      const loaded = await ws.loadArchitecture(design);
      return { value: loaded.architecture, detail: `${loaded.architecture.components.length} components (saved design)` };
    });
    requirements = await ws.loadRequirements(design);
    n = Math.max(n, 2);
  } else {
    throw new UserError('brief', 'nothing to plan', 'Give a brief (a description of the backend) or the name of a saved design.');
  }

  const format = req.format ?? requirements?.preferences.iac ?? 'cloudformation';
  const thorough = req.thorough ?? true;

  // Infrastructure as code, validated as it is written.
  const { generate } = await import('../generators/index.js');
  const generated = await step('infrastructure as code', async () => {
    const out: GeneratedFile[] = generate(architecture, format);
    const { validateGeneratedIac } = await import('./iac.js');
    const report = await validateGeneratedIac(architecture, format, out, { pipeline: architecture.delivery.pipeline, full: thorough, synth: false });
    for (const f of out) files.push(await ws.writeFile(design, `iac/${format}/${f.path}`, f.content));
    const checked = report.checked.length ? ` (${report.checked.length} check${report.checked.length === 1 ? '' : 's'})` : '';
    return { value: { files: out, errors: report.errors, warnings: report.warnings }, detail: `${out.length} files, ${report.errors} validation error(s), ${report.warnings} warning(s)${checked}` };
  });

  const cost = await step('cost', async () => {
    const [{ estimateCost }, { renderCsv, renderMarkdown }] = await Promise.all([import('../cost/estimate.js'), import('../cost/render.js')]);
    const catalog = await req.priceCatalog();
    const report = estimateCost(architecture, catalog, { region: architecture.region, factors: [10], freeTier: true, ...(requirements ? { requirements } : {}), scenarioLineItems: true });
    files.push(
      await ws.writeFile(design, 'cost.json', stableStringify(report) + '\n'),
      await ws.writeFile(design, 'cost.md', renderMarkdown(report, `Cost estimate: ${architecture.name}`)),
      await ws.writeFile(design, 'cost.csv', renderCsv(report)),
    );
    const ten = report.scenarios.find((s) => s.factor === 10);
    return { value: report as CostReport, detail: `$${report.totals.monthly.toFixed(2)}/month, $${(ten?.monthly ?? 0).toFixed(2)} at 10x${report.totals.unpricedItems ? `, ${report.totals.unpricedItems} unpriced` : ''}` };
  });

  const review = await step('review', async () => {
    const { reviewArchitecture } = await import('../review/index.js');
    const frameworks: Framework[] = ['well-architected', 'anti-patterns', ...(thorough ? (['aws-solutions'] as Framework[]) : []), ...(req.frameworks ?? [])];
    const cfnFile = format === 'cloudformation' ? generated.files.find((f) => f.path === 'template.yaml' || f.path === 'template.json') : undefined;
    const report = await reviewArchitecture(architecture, {
      name: design,
      frameworks: [...new Set(frameworks)],
      ...(thorough
        ? {
            cloudFormation: async () => {
              if (cfnFile) return { template: cfnFile.content };
              const { generate: gen } = await import('../generators/index.js');
              const t = gen(architecture, 'cloudformation').find((f) => f.path === 'template.yaml');
              return t ? { template: t.content } : undefined;
            },
          }
        : {}),
    });
    files.push(await ws.writeFile(design, 'review.json', stableStringify(report) + '\n'));
    const summary = report.frameworks.map((f) => ({ framework: f.framework, passed: f.status === 'pass', findings: f.findings, status: f.status }));
    return { value: { findings: report.findings, frameworks: summary }, detail: summary.map((f) => `${f.framework} ${f.status}`).join(', ') };
  });

  const diagram = await step('diagrams', async () => {
    const { renderDiagrams } = await import('../diagram/index.js');
    const formats = req.diagrams ?? (['mermaid', 'drawio', 'svg', 'png'] as DiagramFormat[]);
    const { diagrams, graph } = await renderDiagrams(architecture, formats.includes('mermaid') ? formats : ['mermaid', ...formats]);
    for (const d of diagrams) files.push(await ws.writeFile(design, d.file, Buffer.from(d.content, d.encoding)));
    return { value: { mermaid: diagrams.find((d) => d.format === 'mermaid')!.content, files: diagrams.map((d) => d.file) }, detail: `${graph.nodes.length} boxes, ${graph.edges.length} edges: ${diagrams.map((d) => d.file).join(', ')}` };
  });

  const adrs: string[] = [];
  if (req.recordDecisions) {
    await step('decision records', async () => {
      const { openMemoryStore, recordDecision } = await import('../memory/index.js');
      const store = openMemoryStore(req.projectRoot, req.memoryDir);
      for (const d of architecture.decisions) {
        const rec = await recordDecision(store, {
            title: `${d.need}: ${d.chosen}`,
            context: `${architecture.name}: ${d.need} (${d.layer} layer).${requirements ? ` ${requirements.summary}` : ''}`,
            options: [{ name: d.chosen, pros: [d.rationale] }, ...d.alternatives.map((x) => ({ name: x.service, cons: [x.whyNot] }))],
            decision: `Use ${d.chosen}. ${d.rationale}`,
            consequences: d.alternatives.length ? `Rejected: ${d.alternatives.map((x) => `${x.service} (${x.whyNot})`).join('; ')}.` : 'No alternative was competitive for this need.',
            status: 'accepted',
            tags: [architecture.name, d.layer],
            chosen: [d.chosen],
            rejected: d.alternatives.map((x) => x.service),
            layer: d.layer,
        });
        adrs.push(rec.note.uri);
      }
      return { value: undefined, detail: `${adrs.length} ADR(s) in .ai/memory/decisions/` };
    });
  }

  const inputs: PlanInputs = {
    architecture,
    ...(requirements ? { requirements } : {}),
    cost,
    review,
    iac: { format, dir: `.ai/architecture/${design}/iac/${format}`, files: generated.files.map((f) => f.path), errors: generated.errors, warnings: generated.warnings },
    diagram,
    ...(adrs.length ? { adrs } : {}),
  };
  await step('plan document', async () => {
    const { renderPlan } = await import('./plan-doc.js');
    const md = renderPlan(inputs);
    files.push(await ws.writeFile(design, 'plan.md', md));
    return { value: undefined, detail: `${md.split('\n## ').length - 1} sections, ${designUri(design, 'plan.md')}` };
  });

  const ten = cost.scenarios.find((s) => s.factor === 10);
  return {
    design,
    files: [...new Set(files)],
    steps,
    ...(requirements ? { requirements } : {}),
    architecture,
    summary: {
      components: architecture.components.length,
      monthlyUsd: cost.totals.monthly,
      ...(ten ? { monthlyUsdAt10x: ten.monthly } : {}),
      unpricedItems: cost.totals.unpricedItems,
      review: review.frameworks,
      iac: { format, files: generated.files.length, errors: generated.errors, warnings: generated.warnings },
      openQuestions: (requirements?.openQuestions ?? []).slice(0, 3).map((q) => q.question),
      adrs,
    },
  };
}

function slugName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'design';
}
