import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS, WORKLOAD_PATTERNS } from '../../../model/constants.js';
import { UserError } from '../../../shared/errors.js';
import { didYouMean } from '../../../shared/suggest.js';
import type { ElicitSchema } from '../../tool.js';
import { defineTool } from '../../tool.js';
import { ConflictOut, loadCatalog, looseModel } from './shared.js';

/** How many open questions to ask through elicitation at most. */
const ASK_AT_MOST = 3;

export const analyzeRequirementsTool = defineTool({
  name: 'analyze_requirements',
  title: 'Analyze backend requirements',
  description:
    'Phase 1 of the workflow: turns a free-text brief into checkable requirements. Extracts numbers with units (users, DAU, requests per second or minute, payload sizes, data volumes and growth, latency percentiles, availability nines, RPO/RTO), compliance regimes (HIPAA, PCI DSS, SOC 2, GDPR, FedRAMP), data residency ("EU only"), workload patterns (REST/GraphQL API, real-time, e-commerce, IoT, streaming, batch/ETL, ML inference, static site, multi-tenant SaaS, event-driven) and team preferences. Derives what is missing with recorded assumptions, returns conflicts with options and the open questions that would change the design, most important first. Structured fields override the text. With ask=true and a client that supports elicitation, it asks the top questions there and then. Pass the returned requirements to select_services.',
  input: z.object({
    description: z.string().describe('The brief in the user\'s words: what the system does, who uses it and how much, where it runs, compliance needs, team preferences.'),
    name: z.string().optional().describe('Short system name, e.g. "chat-backend" (derived from the brief when absent).'),
    region: z.string().optional().describe('Primary AWS Region code, e.g. us-east-1 (overrides the text).'),
    secondaryRegion: z.string().optional().describe('Disaster-recovery Region code, e.g. us-west-2.'),
    residency: z.string().optional().describe('Jurisdiction data must stay in, e.g. EU or US.'),
    patterns: z.array(z.enum(WORKLOAD_PATTERNS)).optional().describe('Workload patterns, replacing those read from the text.'),
    compliance: z.array(z.enum(COMPLIANCE_FRAMEWORKS)).optional().describe('Compliance regimes that apply, replacing those read from the text ([] for none).'),
    dailyActiveUsers: z.number().nonnegative().optional().describe('Daily active users.'),
    peakRps: z.number().nonnegative().optional().describe('Peak requests per second.'),
    availabilityPercent: z.number().min(90).max(100).optional().describe('Availability target in percent, e.g. 99.9.'),
    rpoMinutes: z.number().nonnegative().optional().describe('Recovery point objective in minutes.'),
    rtoMinutes: z.number().nonnegative().optional().describe('Recovery time objective in minutes.'),
    monthlyBudgetUsd: z.number().nonnegative().optional().describe('Monthly infrastructure budget in USD.'),
    compute: z.enum(['serverless', 'containers', 'vms', 'kubernetes', 'any']).optional().describe('Preferred compute model.'),
    languages: z.array(z.string()).optional().describe('Languages the team writes, e.g. ["typescript"].'),
    preferredServices: z.array(z.string()).optional().describe('Services the team wants, by catalog id or name, e.g. ["aurora"].'),
    avoidServices: z.array(z.string()).optional().describe('Services the team ruled out, by catalog id or name.'),
    fields: z.record(z.string(), z.unknown()).optional().describe('Any other Requirements fields as a partial object, e.g. {"data": {"retentionDays": 90}}; they override the text. Schema: resource aws-architect://schema/requirements.'),
    ask: z.boolean().default(false).describe('Ask the user the top open questions through the client (elicitation) and fold the answers in; ignored when the client cannot.'),
  }),
  output: z.object({
    requirements: looseModel('requirements', 'The normalised Requirements; pass it unchanged to select_services.'),
    summary: z.object({
      name: z.string(),
      patterns: z.array(z.string()),
      region: z.string().optional(),
      residency: z.string().optional(),
      compliance: z.array(z.string()),
      classification: z.string(),
      peakRps: z.number().optional(),
      availabilityPercent: z.number().optional(),
    }).describe('The key facts at a glance.'),
    assumptions: z.array(z.object({ field: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), reason: z.string() })).describe('Every value that was derived or defaulted, with why.'),
    openQuestions: z.array(z.object({ id: z.string(), priority: z.number().int(), question: z.string(), whyItMatters: z.string(), affects: z.array(z.string()) })).describe('Questions that would change the design, most important first.'),
    conflicts: z.array(ConflictOut).describe('Requirements that cannot all hold, with options.'),
    elicited: z.object({ asked: z.array(z.string()), answered: z.boolean() }).optional().describe('Questions asked through elicitation and whether the user answered.'),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { analyzeRequirements, answersToFields } = await import('../../../analysis/index.js');
    let fields = await structuredFields(args);
    let result = analyzeRequirements({ description: args.description, fields });
    let elicited: { asked: string[]; answered: boolean } | undefined;
    if (args.ask) {
      const top = result.requirements.openQuestions.filter((q) => result.ask.has(q.id)).slice(0, ASK_AT_MOST);
      if (top.length) {
        const specs = top.flatMap((q) => result.ask.get(q.id)!);
        const schema: ElicitSchema = {
          type: 'object',
          properties: Object.fromEntries(specs.map((s) => [s.key, { type: s.type, title: s.title, description: s.description, ...(s.enum ? { enum: s.enum } : {}) }])),
        };
        const message = `A few answers would change the design:\n${top.map((q, i) => `${i + 1}. ${q.question}`).join('\n')}`;
        const answers = await ctx.elicit(message, schema);
        elicited = { asked: top.map((q) => q.id), answered: answers !== undefined };
        if (answers) {
          fields = answersToFields(answers, specs, fields);
          result = analyzeRequirements({ description: args.description, fields });
        }
      }
    }
    const r = result.requirements;
    const summary = {
      name: r.name,
      patterns: r.workload.patterns,
      ...(r.regions.primary ? { region: r.regions.primary } : {}),
      ...(r.regions.residency ? { residency: r.regions.residency } : {}),
      compliance: r.compliance,
      classification: r.data.classification,
      ...(r.traffic.peakRps !== undefined ? { peakRps: r.traffic.peakRps } : {}),
      ...(r.availability.targetPercent !== undefined ? { availabilityPercent: r.availability.targetPercent } : {}),
    };
    const lines = [
      `Requirements for ${r.name}: ${r.workload.patterns.join(', ') || 'no pattern'}; ${r.regions.primary ?? 'no region'}${r.regions.residency ? ` (data stays in ${r.regions.residency})` : ''}; ${r.compliance.length ? r.compliance.join(', ') : 'no compliance regime'}; ${r.data.classification} data.`,
      r.assumptions.length ? `${r.assumptions.length} assumption(s), e.g. ${r.assumptions.slice(0, 3).map((a) => `${a.field} = ${a.value}`).join('; ')}.` : 'No assumptions needed.',
      r.openQuestions.length ? `Top questions:\n${r.openQuestions.slice(0, 3).map((q) => `${q.priority}. ${q.question}`).join('\n')}` : 'No open questions.',
      r.conflicts.length ? `Conflicts:\n${r.conflicts.map((c) => `- ${c.description}`).join('\n')}` : '',
      elicited ? (elicited.answered ? `Asked ${elicited.asked.length} question(s); answers folded in.` : 'Asked the user; no answers came back.') : '',
      'Next: select_services with these requirements.',
    ].filter(Boolean);
    return {
      structured: {
        requirements: r as unknown as Record<string, unknown>,
        summary,
        assumptions: r.assumptions,
        openQuestions: r.openQuestions.map(({ id, priority, question, whyItMatters, affects }) => ({ id, priority, question, whyItMatters, affects })),
        conflicts: r.conflicts,
        ...(elicited ? { elicited } : {}),
      },
      text: lines.join('\n'),
    };
  },
});

type Args = {
  name?: string | undefined;
  region?: string | undefined;
  secondaryRegion?: string | undefined;
  residency?: string | undefined;
  patterns?: string[] | undefined;
  compliance?: string[] | undefined;
  dailyActiveUsers?: number | undefined;
  peakRps?: number | undefined;
  availabilityPercent?: number | undefined;
  rpoMinutes?: number | undefined;
  rtoMinutes?: number | undefined;
  monthlyBudgetUsd?: number | undefined;
  compute?: string | undefined;
  languages?: string[] | undefined;
  preferredServices?: string[] | undefined;
  avoidServices?: string[] | undefined;
  fields?: Record<string, unknown> | undefined;
};

/** The flat convenience arguments as a partial Requirements, over `fields`; service names resolved to catalog ids. */
async function structuredFields(args: Args): Promise<Record<string, unknown>> {
  const f: Record<string, Record<string, unknown> | unknown> = structuredClone(args.fields ?? {});
  const put = (section: string, key: string, value: unknown) => {
    if (value === undefined) return;
    const s = (f[section] ??= {}) as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) throw new UserError(`fields.${section}`, 'must be an object');
    s[key] = value;
  };
  for (const key of ['region', 'secondaryRegion'] as const) {
    const code = args[key];
    if (code !== undefined) {
      const { isRegionCode, REGION_CODES } = await import('../../../model/region-data.js');
      if (!isRegionCode(code)) throw new UserError(key, `unknown region '${code}'${didYouMean(code, REGION_CODES)}`, 'Use one of the 34 commercial Region codes, e.g. us-east-1 or eu-central-1.');
    }
  }
  if (args.name !== undefined) f.name = args.name;
  if (args.compliance !== undefined) f.compliance = args.compliance;
  put('regions', 'primary', args.region);
  put('regions', 'secondary', args.secondaryRegion);
  put('regions', 'residency', args.residency);
  put('workload', 'patterns', args.patterns);
  put('traffic', 'dailyActiveUsers', args.dailyActiveUsers);
  put('traffic', 'peakRps', args.peakRps);
  put('availability', 'targetPercent', args.availabilityPercent);
  put('availability', 'rpoMinutes', args.rpoMinutes);
  put('availability', 'rtoMinutes', args.rtoMinutes);
  put('budget', 'monthlyUsd', args.monthlyBudgetUsd);
  put('preferences', 'compute', args.compute);
  put('preferences', 'languages', args.languages);
  if (args.preferredServices || args.avoidServices) {
    const cat = await loadCatalog();
    const resolve = (list: string[], field: string) =>
      list.map((s, i) => {
        const e = cat.resolveService(s);
        if (!e) throw new UserError(`${field}[${i}]`, `unknown service '${s}'${didYouMean(s, cat.catalogIds())}`, 'Use a catalog id; list_services shows them all.');
        return e.id;
      });
    if (args.preferredServices) put('preferences', 'preferredServices', resolve(args.preferredServices, 'preferredServices'));
    if (args.avoidServices) put('preferences', 'avoidServices', resolve(args.avoidServices, 'avoidServices'));
  }
  return f as Record<string, unknown>;
}
