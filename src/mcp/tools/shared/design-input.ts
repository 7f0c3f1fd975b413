import { z } from 'zod';
import type { Architecture, ModelIssue } from '../../../model/index.js';
import { UserError } from '../../../shared/errors.js';
import type { DesignWorkspace } from '../../../workflow/workspace.js';
import type { ToolContext } from '../../tool.js';

/**
 * Input fields shared by every tool that works on a design: a saved design's name, or an inline model. The inline
 * model is typed loosely here (its full JSON Schema is the resource aws-architect://schema/architecture) so that
 * tools/list stays small; it is validated in full by {@link resolveArchitecture}, and problems come back naming
 * the exact field.
 */
export const designInputShape = {
  design: z
    .string()
    .optional()
    .describe('Name of a saved design in .ai/architecture/ (e.g. "chat-backend"). Use this or architecture.'),
  architecture: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Inline Architecture model (JSON Schema: resource aws-architect://schema/architecture). Use this or design.'),
};

export interface ResolvedDesign {
  architecture: Architecture;
  /** Set when the design came from (and results may be written to) the workspace. */
  design?: string;
  workspace?: DesignWorkspace;
  /** Non-fatal model warnings. */
  warnings: ModelIssue[];
}

/** The project's design workspace. Loaded on demand: the model schemas it validates with are not needed at start-up. */
export async function workspaceFor(ctx: Pick<ToolContext, 'projectRoot'>): Promise<DesignWorkspace> {
  const { DesignWorkspace } = await import('../../../workflow/workspace.js');
  return new DesignWorkspace(await ctx.projectRoot());
}

/** Loads the saved design or validates the inline one; exactly one must be given. */
export async function resolveArchitecture(
  args: { design?: string | undefined; architecture?: Record<string, unknown> | undefined },
  ctx: Pick<ToolContext, 'projectRoot'>,
): Promise<ResolvedDesign> {
  if (args.design && args.architecture) throw new UserError('design', 'give either design or architecture, not both');
  if (args.design) {
    const workspace = await workspaceFor(ctx);
    const { architecture, issues } = await workspace.loadArchitecture(args.design);
    return { architecture, design: args.design, workspace, warnings: issues };
  }
  if (args.architecture) {
    const { parseArchitecture } = await import('../../../model/index.js');
    const parsed = parseArchitecture(args.architecture, 'architecture');
    if (!parsed.ok) {
      const errors = parsed.issues.filter((i) => i.severity === 'error');
      const first = errors[0]!;
      const rest = errors.slice(1, 8).map((i) => `${i.path}: ${i.message}`);
      throw new UserError(first.path, first.message, [first.fix, rest.length ? `Also: ${rest.join('; ')}` : undefined].filter(Boolean).join(' '));
    }
    return { architecture: parsed.value, warnings: parsed.issues };
  }
  throw new UserError('design', 'no design given', 'Pass design (a saved design name) or architecture (an inline model).');
}
