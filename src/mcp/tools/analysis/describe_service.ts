import { z } from 'zod';
import { defineTool } from '../../tool.js';
import { loadCatalog } from './shared.js';

const Limit = z.object({
  key: z.string(),
  what: z.string(),
  value: z.number(),
  unit: z.string(),
  adjustable: z.boolean().describe('True when a quota request can raise it.'),
  impact: z.string().describe('What it means for a design.'),
});

export const describeService = defineTool({
  name: 'describe_service',
  title: 'Describe an AWS service',
  description:
    'One catalog entry in full: what the service is good and bad for, the hard limits that drive designs (with whether a quota increase can raise them), scaling and latency profile, operational burden, pricing model, HIPAA eligibility and PCI DSS status from AWS\'s published lists (with their dates), the CloudFormation, Terraform and CDK types that implement it, and its security-relevant settings. Accepts an id, the official name or a common alias ("dynamo", "Amazon DynamoDB"); unknown names get suggestions.',
  input: z.object({
    service: z.string().min(1).describe('Catalog id, official name or alias, e.g. "lambda", "AWS Lambda", "websockets" or "kafka".'),
  }),
  output: z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    layer: z.string(),
    role: z.string().describe('component, platform or knowledge.'),
    emittedFrom: z.string().optional().describe('For platform entries: the architecture section that emits it.'),
    summary: z.string(),
    goodFor: z.array(z.string()),
    badFor: z.array(z.string()),
    limits: z.array(Limit),
    scaling: z.object({ model: z.string(), scalesToZero: z.boolean(), latency: z.string(), availability: z.string() }),
    operations: z.object({ burden: z.number().describe('1 (AWS runs everything) to 5 (the team runs servers).'), notes: z.array(z.string()) }),
    pricing: z.object({ model: z.string(), dimensions: z.array(z.string()), idleCost: z.string(), atScale: z.string(), freeTier: z.string().optional(), notes: z.string().optional() }),
    compliance: z.object({
      hipaa: z.object({ status: z.string(), listedAs: z.array(z.string()), listDate: z.string(), qualifiers: z.array(z.string()), note: z.string().optional() }),
      pci: z.object({ status: z.string(), listedAs: z.array(z.string()), since: z.string().optional(), listDates: z.array(z.string()), qualifiers: z.array(z.string()), note: z.string().optional() }),
    }),
    iac: z.object({ cloudformation: z.array(z.string()), terraform: z.array(z.string()), cdk: z.array(z.string()) }),
    security: z.array(z.object({ setting: z.string(), recommendation: z.string(), why: z.string() })),
    related: z.array(z.string()),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args) {
    const cat = await loadCatalog();
    const e = cat.requireService(args.service, 'service');
    const c = cat.complianceStatus(e);
    const strip = <T extends { source?: string }>(x: T) => {
      const { source: _s, ...rest } = x;
      return rest;
    };
    const compliance = { hipaa: strip(c.hipaa), pci: { ...strip(c.pci), listDates: [...c.pci.listDates] } };
    const hard = e.limits.filter((l) => !l.adjustable).slice(0, 3);
    const text = [
      `${e.name} (${e.id}; ${e.layer}, ${e.role}${e.emittedFrom ? `, emitted from ${e.emittedFrom}` : ''})`,
      e.summary,
      hard.length ? `Hard limits: ${hard.map((l) => `${l.what} ${l.value} ${l.unit}`).join('; ')}.` : '',
      `HIPAA: ${c.hipaa.status} (list of ${c.hipaa.listDate}). PCI DSS: ${c.pci.status === 'in-scope' ? `in scope (listed ${c.pci.since})` : 'not confirmed (the list is incomplete)'}.`,
      `Pricing: ${e.pricing.model}; idle cost ${e.pricing.idleCost}.`,
      `IaC: ${e.iac.cloudformation[0]}, ${e.iac.terraform[0]}, ${e.iac.cdk[0]}.`,
    ].filter(Boolean);
    return {
      structured: { ...e, compliance },
      text: text.join('\n'),
      extra: [{ type: 'resource_link', uri: `aws-architect://catalog/${e.id}`, name: e.name, mimeType: 'application/json', description: 'The catalog entry as a resource.' }],
    };
  },
});
