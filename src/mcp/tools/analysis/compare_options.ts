import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { looseModel } from './shared.js';

export const compareOptionsTool = defineTool({
  name: 'compare_options',
  title: 'Compare AWS service options',
  description:
    'Two to six candidate services for one need side by side: fit, hard limits, scaling and latency, operations burden, cost shape (idle cost and cost at scale), and HIPAA/PCI status. With requirements (from analyze_requirements) each candidate is scored with the same rules select_services uses and one is recommended; without, the comparison is generic. Use it to answer "why X and not Y".',
  input: z.object({
    services: z.array(z.string().min(1)).min(2).max(6).describe('Catalog ids or names to compare, e.g. ["dynamodb", "aurora"].'),
    need: z.string().optional().describe('What the services compete for, e.g. "primary data store" or "API front door" (helps pick the rules).'),
    requirements: looseModel('requirements', 'Optional requirements from analyze_requirements, to score the candidates for this system.').optional(),
  }),
  output: z.object({
    need: z.string(),
    rows: z.array(
      z.object({
        service: z.string(),
        name: z.string(),
        layer: z.string(),
        role: z.string(),
        summary: z.string(),
        fit: z.object({ score: z.number(), reasons: z.array(z.string()), excluded: z.string().optional() }).optional().describe('Score for the need when requirements were given.'),
        limits: z.array(z.object({ what: z.string(), value: z.string(), adjustable: z.boolean(), impact: z.string() })),
        operations: z.object({ burden: z.number(), notes: z.array(z.string()) }),
        cost: z.object({ model: z.string(), idleCost: z.string(), atScale: z.string(), dimensions: z.array(z.string()), freeTier: z.string().optional() }),
        scaling: z.object({ model: z.string(), scalesToZero: z.boolean(), latency: z.string(), availability: z.string() }),
        compliance: z.object({ hipaa: z.string(), pci: z.string() }),
        goodFor: z.array(z.string()),
        badFor: z.array(z.string()),
      }),
    ),
    recommendation: z.object({ service: z.string(), score: z.number(), rationale: z.string() }).optional(),
    whenToChoose: z.array(z.string()).describe('One line per candidate: when it is the right choice.'),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args) {
    const { compareOptions } = await import('../../../analysis/index.js');
    const r = compareOptions(args.services, args.requirements, args.need);
    const lines = r.rows.map(
      (row) =>
        `- ${row.service}${row.fit ? ` (${row.fit.score})` : ''}: ops burden ${row.operations.burden}/5, idle cost ${row.cost.idleCost}, at scale ${row.cost.atScale}, scales to zero: ${row.scaling.scalesToZero ? 'yes' : 'no'}; HIPAA ${row.compliance.hipaa.split(' ')[0]}, PCI ${row.compliance.pci.split(' (')[0]}.`,
    );
    const rec = r.recommendation ? `Recommended: ${r.recommendation.service} (${r.recommendation.score}).` : 'No requirements given: see whenToChoose.';
    return { structured: r, text: [`${r.need}:`, ...lines, rec].join('\n') };
  },
});
