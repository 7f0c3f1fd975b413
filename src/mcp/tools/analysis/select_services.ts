import { z } from 'zod';
import { UserError } from '../../../shared/errors.js';
import type { ExtraContent } from '../../tool.js';
import { defineTool } from '../../tool.js';
import { workspaceFor } from '../shared/design-input.js';
import { ConflictOut, firstReason, looseModel } from './shared.js';

const DecisionOut = z.object({
  id: z.string().describe('Stable id, e.g. d-data-primary-store.'),
  layer: z.string(),
  need: z.string().describe('The need this decision answers.'),
  chosen: z.string().describe('Catalog id of the chosen service.'),
  components: z.array(z.string()).describe('Component ids that implement it.'),
  score: z.number().describe('0-100.'),
  rationale: z.string().describe('Why, tied to the requirements (and to accepted memory decisions, cited by URI).'),
  alternatives: z.array(z.object({ service: z.string(), score: z.number(), whyNot: z.string() })).describe('Rejected candidates and why each lost.'),
  basedOn: z.array(z.string()).describe('Requirement paths and memory note URIs it rests on.'),
});

export const selectServicesTool = defineTool({
  name: 'select_services',
  title: 'Select AWS services',
  description:
    'Phase 2 of the workflow: turns requirements (from analyze_requirements) into an Architecture: for each need (API, compute, data store, cache, search, queues, streams, identity, edge protection, network, DR) the chosen service with a score, the rationale tied to the requirements, and every rejected alternative with the reason. Honours team preferences, compliance eligibility (only HIPAA-eligible services under HIPAA; conflicts are explained, not hidden), hard limits (a 40-minute job is not a Lambda), availability (multi-AZ at 99.9 % and above, a DR strategy from RPO/RTO), 10x headroom, and accepted decisions in .ai/memory (cited). With design="name" it saves requirements.json and architecture.json to .ai/architecture/<name>/ (replacing a design of the same name) and returns links; the other tools then take design="name". Given only design, it re-selects from that design\'s saved requirements.',
  input: z.object({
    requirements: looseModel('requirements', 'The requirements object returned by analyze_requirements (validated in full here; problems name the field). May be omitted with design to reuse that design\'s saved requirements.').optional(),
    design: z.string().optional().describe('Save the result as this named design (lower-case letters, digits, dashes), e.g. "chat-backend"; later tools accept design="chat-backend".'),
    useMemory: z.boolean().default(true).describe('Honour accepted architecture decisions from .ai/memory/decisions (chosen services preferred, rejected ones excluded).'),
  }),
  output: z.object({
    name: z.string().describe('System name.'),
    region: z.string(),
    componentCount: z.number().int(),
    decisions: z.array(DecisionOut).describe('One decision per need, in the order they were made.'),
    conflicts: z.array(ConflictOut).describe('Conflicts from the requirements and from selection, with options.'),
    warnings: z.array(z.string()).describe('Model warnings (normally none).'),
    memory: z.object({ accepted: z.number().int().describe('Accepted decisions read from memory.'), cited: z.array(z.string()).describe('Memory note URIs cited by the decisions.') }),
    architecture: looseModel('architecture', 'The full design, when it was not saved (pass it as architecture to generate_iac, estimate_cost, review_architecture, generate_diagram).').optional(),
    saved: z.object({ design: z.string(), files: z.array(z.string()).describe('design:// URIs of the written files.') }).optional(),
  }),
  // Saving replaces architecture.json, the source every other artifact is generated from.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const [{ selectServices }, { Requirements }] = await Promise.all([import('../../../analysis/index.js'), import('../../../model/index.js')]);
    const workspace = args.design ? await workspaceFor(ctx) : undefined;
    if (args.design) workspace!.checkName(args.design);
    let input = args.requirements;
    if (!input) {
      if (!args.design || !workspace) throw new UserError('requirements', 'no requirements given', 'Pass the requirements from analyze_requirements, or design="<name>" of a saved design.');
      const saved = await workspace.loadRequirements(args.design);
      if (!saved) throw new UserError('requirements', `design '${args.design}' has no saved requirements.json`, 'Pass the requirements from analyze_requirements.');
      input = saved as unknown as Record<string, unknown>;
    }
    const prior = args.useMemory ? await priorDecisions(ctx) : [];
    const result = selectServices(input, { priorDecisions: prior });
    const a = result.architecture;
    const cited = [...new Set(a.decisions.flatMap((d) => d.basedOn.filter((b) => b.startsWith('memory://'))))];

    let saved: { design: string; files: string[] } | undefined;
    const extra: ExtraContent[] = [];
    if (args.design && workspace) {
      const requirements = Requirements.parse(input);
      const files = [await workspace.saveRequirements(args.design, requirements), await workspace.saveArchitecture(args.design, a)];
      saved = { design: args.design, files };
      ctx.resourcesChanged();
      extra.push(
        { type: 'resource_link', uri: files[1]!, name: `${args.design}/architecture.json`, mimeType: 'application/json', description: 'The selected architecture.' },
        { type: 'resource_link', uri: files[0]!, name: `${args.design}/requirements.json`, mimeType: 'application/json', description: 'The requirements it was selected for.' },
      );
    }
    const lines = [
      `${a.name} in ${a.region}: ${a.components.length} components, ${a.resilience.multiAz ? 'multi-AZ' : 'single-AZ'}, DR ${a.resilience.drStrategy}${a.resilience.secondaryRegion ? ` to ${a.resilience.secondaryRegion}` : ''}${a.network ? `, VPC with ${a.network.natGateways === 'none' ? 'no NAT' : `${a.network.natGateways} NAT`}` : ', no VPC'}.`,
      ...a.decisions.map((d) => `- ${d.need}: ${d.chosen} (${d.score}). ${firstReason(d.rationale)}`),
      result.conflicts.length ? `Conflicts:\n${result.conflicts.map((c) => `- ${c.description}`).join('\n')}` : '',
      cited.length ? `Follows ${cited.length} accepted decision(s) from memory.` : '',
      saved ? `Saved as design "${saved.design}": ${saved.files.join(', ')}.` : 'Not saved; pass design="<name>" to save it.',
    ].filter(Boolean);
    return {
      structured: {
        name: a.name,
        region: a.region,
        componentCount: a.components.length,
        decisions: a.decisions,
        conflicts: result.conflicts,
        warnings: result.warnings.map((w) => `${w.path}: ${w.message}`),
        memory: { accepted: prior.length, cited },
        ...(saved ? { saved } : { architecture: a as unknown as Record<string, unknown> }),
      },
      text: lines.join('\n'),
      extra,
    };
  },
});

/** Accepted ADRs of the project (and the built-in library), as selection reads them. */
async function priorDecisions(ctx: Parameters<typeof workspaceFor>[0] & { config: { memoryDir?: string | undefined } }) {
  const { acceptedDecisions } = await import('../../../memory/index.js');
  const decisions = await acceptedDecisions(await ctx.projectRoot(), ctx.config.memoryDir);
  return decisions.map((d) => ({ uri: d.uri, title: d.title, chosen: d.chosen, rejected: d.rejected, layer: d.layer, summary: d.summary }));
}
