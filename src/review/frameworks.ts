import type { Framework } from '../model/index.js';
import { FRAMEWORKS } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import type { ModelFramework, PackFramework } from './types.js';

export const MODEL_FRAMEWORKS: ReadonlySet<Framework> = new Set<ModelFramework>(['well-architected', 'anti-patterns', 'hipaa', 'pci-dss']);
export const PACK_FRAMEWORKS: ReadonlySet<Framework> = new Set<PackFramework>(['aws-solutions', 'hipaa', 'pci-dss', 'nist-800-53-r5', 'serverless']);

/** The frameworks a review runs when none are named. */
export const DEFAULT_FRAMEWORKS: readonly Framework[] = ['well-architected', 'anti-patterns', 'aws-solutions'];

/**
 * Resolves the frameworks to run: the request (anti-patterns ride along with well-architected), or the defaults plus
 * hipaa / pci-dss when the design declares them; then removes exclusions.
 */
export function selectFrameworks(
  requested: readonly Framework[] | undefined,
  exclude: readonly Framework[] | undefined,
  compliance: readonly string[] = [],
  defaults: readonly Framework[] = DEFAULT_FRAMEWORKS,
): Framework[] {
  const chosen = new Set<Framework>(requested?.length ? requested : defaults);
  if (chosen.has('well-architected')) chosen.add('anti-patterns');
  if (!requested?.length) {
    if (compliance.includes('hipaa')) chosen.add('hipaa');
    if (compliance.includes('pci-dss')) chosen.add('pci-dss');
  }
  for (const f of exclude ?? []) chosen.delete(f);
  if (!chosen.size) throw new UserError('exclude', 'every framework was excluded, so there is nothing to review', `Keep at least one of: ${FRAMEWORKS.join(', ')}.`);
  return FRAMEWORKS.filter((f) => chosen.has(f));
}

export const modelFrameworks = (fs: readonly Framework[]): Set<ModelFramework> => new Set(fs.filter((f): f is ModelFramework => MODEL_FRAMEWORKS.has(f)));
export const packFrameworks = (fs: readonly Framework[]): PackFramework[] => fs.filter((f): f is PackFramework => PACK_FRAMEWORKS.has(f));
