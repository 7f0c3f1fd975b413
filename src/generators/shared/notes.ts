import type { Architecture, Component, ValidationFinding } from '../../model/index.js';

/** Services that need subnets in more Availability Zones than one: AWS refuses them otherwise. */
const MIN_AZS: Partial<Record<Component['service'], { azs: number; what: string }>> = {
  alb: { azs: 2, what: 'an Application Load Balancer needs subnets in two Availability Zones' },
  rds: { azs: 2, what: 'a DB subnet group must cover two Availability Zones' },
  aurora: { azs: 2, what: 'a DB subnet group must cover two Availability Zones' },
  documentdb: { azs: 2, what: 'a DB subnet group must cover two Availability Zones' },
  eks: { azs: 2, what: 'an EKS cluster needs subnets in two Availability Zones' },
};

/**
 * Warnings for components the design's network is too narrow for (network.azCount below what the service
 * accepts): the template is written as designed and the deploy would fail, so say so before it does.
 */
export function zoneWarnings(a: Architecture, source: string): ValidationFinding[] {
  const azCount = a.network?.azCount;
  if (azCount === undefined) return [];
  const out: ValidationFinding[] = [];
  for (const c of a.components) {
    let need = MIN_AZS[c.service];
    if (c.service === 'redshift' && c.config.mode === 'serverless') need = { azs: 3, what: 'a Redshift Serverless workgroup needs subnets in three Availability Zones' };
    if (need && azCount < need.azs) out.push({ severity: 'warning', message: `${c.id}: ${need.what}, and the design's VPC spans ${azCount}; set network.azCount to ${need.azs} or more`, path: 'network.azCount', source });
  }
  return out;
}

/** Tells the user which components' logical ids got a position suffix, and why. */
export function renameNotes(a: Architecture, renamed: ReadonlySet<string>, source: string): ValidationFinding[] {
  return [...renamed].map((id) => ({
    severity: 'info' as const,
    message: `component '${id}' would produce the same logical ids as another component, so its logical ids carry its position (N${a.components.findIndex((c) => c.id === id) + 1}); a different component id avoids it`,
    path: `components.${id}`,
    source,
  }));
}
