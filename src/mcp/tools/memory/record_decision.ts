import { z } from 'zod';
import { LAYERS } from '../../../model/layer.js';
import { defineTool } from '../../tool.js';
import { memoryStore, NoteSummaryOut } from './shared.js';

const serviceIds = (what: string) =>
  z
    .array(z.string())
    .optional()
    .describe(`Catalog service ids ${what}, lower case: e.g. dynamodb, aurora, lambda, ecs-fargate, apigateway-websocket, sqs, or platform ids such as vpc, kms.`);

export const recordDecisionTool = defineTool({
  name: 'record_decision',
  title: 'Record an architecture decision (ADR)',
  description:
    "Writes an architecture decision record to .ai/memory/decisions/infrastructure-NNNN-<slug>.md with the next free number: context, options considered (with pros and cons), the decision and its consequences, plus front matter (status, deciders, tags, chosen/rejected service ids, layer). Use it whenever a service choice or trade-off is settled, so later sessions and select_services honour it (accepted decisions with chosen/rejected ids steer service selection). To replace an earlier decision pass supersedes: that ADR is marked superseded and linked both ways in the same step. Safe with concurrent writers: numbers are never reused.",
  input: z.object({
    title: z.string().min(1).describe('Short imperative title, e.g. "Use DynamoDB for chat message history".'),
    context: z.string().min(1).describe('Markdown: the forces at play: requirements, constraints, numbers, what prompted the decision.'),
    options: z
      .array(
        z.object({
          name: z.string().min(1).describe('Option name, e.g. "DynamoDB on-demand".'),
          description: z.string().optional().describe('One or two sentences on the option.'),
          pros: z.array(z.string()).optional().describe('Points in favour.'),
          cons: z.array(z.string()).optional().describe('Points against.'),
        }),
      )
      .optional()
      .describe('Options considered, including the chosen one.'),
    decision: z.string().min(1).describe('Markdown: what was decided and why, in full sentences. Its start becomes the summary other tools see.'),
    consequences: z.string().min(1).describe('Markdown: what becomes easier or harder, follow-up work, risks accepted.'),
    status: z.enum(['proposed', 'accepted', 'deprecated']).default('accepted').describe('proposed, accepted (default) or deprecated. Only accepted decisions steer service selection.'),
    deciders: z.array(z.string()).optional().describe('People or roles who made the decision.'),
    tags: z.array(z.string()).optional().describe('Tags for filtering and search, e.g. ["data", "chat"].'),
    supersedes: z
      .union([z.number().int().positive(), z.string().min(1)])
      .optional()
      .describe('The earlier decision this one replaces: its number (e.g. 3) or path (decisions/infrastructure-0003-....md). It is marked superseded.'),
    chosen: serviceIds('this decision chose'),
    rejected: serviceIds('this decision ruled out'),
    layer: z.enum(LAYERS).optional().describe('Architecture layer the decision is about: edge, compute, data, integration, security, observability or network.'),
  }),
  output: z.object({
    number: z.number().int().describe('The ADR number.'),
    decision: NoteSummaryOut.describe('The new ADR.'),
    superseded: NoteSummaryOut.optional().describe('The earlier ADR, now marked superseded.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, ctx) {
    const store = await memoryStore(ctx);
    const { recordDecision } = await import('../../../memory/decisions.js');
    const r = await recordDecision(store, args);
    ctx.resourcesChanged();
    const sup = r.superseded ? ` ${r.superseded.path} is now marked superseded.` : '';
    return {
      structured: { number: r.number, decision: r.note, ...(r.superseded ? { superseded: r.superseded } : {}) },
      text: `Recorded ADR ${r.number} (${r.note.status}) at ${r.note.uri}, version ${r.note.version}.${sup}`,
    };
  },
});
