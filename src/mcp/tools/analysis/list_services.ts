import { z } from 'zod';
import { CATALOG_ROLES } from '../../../catalog/types.js';
import { LAYERS } from '../../../model/layer.js';
import { defineTool } from '../../tool.js';
import { catalogSearch, loadCatalog } from './shared.js';

const ROW_LIMIT = 30;

export const listServices = defineTool({
  name: 'list_services',
  title: 'List AWS services in the catalog',
  description:
    'Lists the AWS services this server knows (each with limits, pricing model, security settings, IaC types and HIPAA/PCI status from AWS\'s lists). Filter by layer, role (component: can be placed in a design; platform: emitted from network/security/observability sections; knowledge: weighed and explained but not generated), HIPAA eligibility, PCI DSS status, or words ("queue", "websocket", "time series"). Returns short rows; call describe_service for one service in full or compare_options to weigh two or more.',
  input: z.object({
    layer: z.enum(LAYERS).optional().describe('Only this architecture layer: edge, compute, data, integration, security, observability or network.'),
    role: z.enum(CATALOG_ROLES).optional().describe('component (a box in a design), platform (emitted from architecture sections) or knowledge (not generated).'),
    hipaa: z.enum(['eligible', 'not-listed']).optional().describe("Only services on (eligible) or missing from (not-listed) AWS's HIPAA eligible services list."),
    pci: z.enum(['in-scope', 'not-confirmed']).optional().describe('Only services listed in PCI DSS scope, or not confirmed (the list is incomplete: not confirmed is not "out of scope").'),
    text: z.string().optional().describe('Words to search in names, aliases and descriptions, e.g. "message queue" or "graphql". Forgives typos.'),
  }),
  output: z.object({
    count: z.number().int().describe('Services matching.'),
    services: z
      .array(
        z.object({
          id: z.string().describe('Catalog id (the component service id for component kinds).'),
          name: z.string(),
          layer: z.string(),
          role: z.string(),
          hipaa: z.string().describe('eligible or not-listed.'),
          pci: z.string().describe('in-scope or not-confirmed.'),
          summary: z.string(),
        }),
      )
      .describe('Matching services, best text match first when text is given, else by id.'),
    lists: z.object({ hipaa: z.string().describe('Date of the HIPAA list.'), pci: z.array(z.string()).describe('Dates of the PCI captures.') }),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const cat = await loadCatalog();
    let entries = cat.filterServices(args);
    if (args.text?.trim()) {
      const order = (await catalogSearch(ctx)).search(args.text);
      const allowed = new Set(entries.map((e) => e.id));
      entries = order.filter((id) => allowed.has(id)).map((id) => cat.getService(id)!);
    }
    const services = entries.map((e) => {
      const c = cat.complianceStatus(e);
      return { id: e.id, name: e.name, layer: e.layer, role: e.role, hipaa: c.hipaa.status, pci: c.pci.status, summary: e.summary };
    });
    const lines = services.slice(0, ROW_LIMIT).map((s) => `- ${s.id}: ${s.name} (${s.layer}, ${s.role}; HIPAA ${s.hipaa}, PCI ${s.pci})`);
    const more = services.length > ROW_LIMIT ? `\n... and ${services.length - ROW_LIMIT} more in the structured result.` : '';
    const head = services.length ? `${services.length} service(s):` : 'No service matches; try fewer filters or other words.';
    return {
      structured: { count: services.length, services, lists: { hipaa: cat.HIPAA_LIST_DATE, pci: [...cat.PCI_LIST_DATES] } },
      text: `${head}\n${lines.join('\n')}${more}`.trim(),
    };
  },
});
