import { complianceStatus, getService, HIPAA_LIST_DATE, PCI_LIST_DATES } from '../catalog/index.js';
import { regionInfo, regionsIn } from '../model/index.js';
import type { Conflict } from '../model/index.js';
import type { Draft } from './draft.js';

/** Eligible services that do the job of one that is not, for the "use X instead" option. */
const SUBSTITUTES: Record<string, string[]> = {
  'app-runner': ['ecs-fargate'],
  lightsail: ['ec2-asg', 'rds'],
  bedrock: ['sagemaker-endpoint'],
  timestream: ['dynamodb'],
};

/**
 * Requirements that cannot all hold at once, each explained with the ways out. Selection never silently picks a
 * side: it follows the safer reading and the conflict stays in the output.
 */
export function findConflicts(d: Draft): Conflict[] {
  const out: Conflict[] = [];
  const prefs = d.preferences;

  for (const id of prefs.preferredServices) {
    const e = getService(id);
    if (!e) continue;
    const c = complianceStatus(e);
    const subs = (SUBSTITUTES[id] ?? []).map((s) => getService(s)?.name ?? s);
    if (d.compliance.includes('hipaa') && c.hipaa.status !== 'eligible') {
      out.push({
        id: `c-hipaa-${id}`,
        description: `${e.name} is requested, but it is not on AWS's HIPAA eligible services list (${HIPAA_LIST_DATE}); PHI must not be stored or processed in it.`,
        fields: ['compliance', 'preferences.preferredServices'],
        options: [
          ...(subs.length ? [`Use ${subs.join(' or ')} instead (HIPAA eligible).`] : []),
          `Keep ${e.name} only for parts that never touch PHI, outside the BAA scope.`,
          'Drop HIPAA if the system will not hold protected health information.',
        ],
      });
    }
    if (d.compliance.includes('pci-dss') && c.pci.status !== 'in-scope') {
      out.push({
        id: `c-pci-${id}`,
        description: `${e.name} is requested, but it is not confirmed in scope for PCI DSS in the lists available here (captures of ${PCI_LIST_DATES.join(', ')}; the list is incomplete).`,
        fields: ['compliance', 'preferences.preferredServices'],
        options: [
          'Check AWS Artifact or the current services-in-scope page; if it is listed, keep it.',
          ...(subs.length ? [`Use ${subs.join(' or ')} for anything that stores, processes or transmits card data.`] : []),
          `Keep cardholder data out of ${e.name} (tokenise before it arrives).`,
        ],
      });
    }
    if (prefs.avoidServices.includes(id)) {
      out.push({
        id: `c-prefer-avoid-${id}`,
        description: `${e.name} is both requested and ruled out.`,
        fields: ['preferences.preferredServices', 'preferences.avoidServices'],
        options: [`Remove ${id} from avoidServices to use it.`, `Remove ${id} from preferredServices to rule it out.`],
      });
    }
  }

  const residency = d.regions.residency;
  if (residency) {
    const allowed = regionsIn(residency);
    const primary = d.regions.primary;
    if (primary && allowed.length && !allowed.includes(primary as never)) {
      const info = regionInfo(primary);
      out.push({
        id: 'c-residency-primary',
        description: `Data must stay in ${residency}, but the primary Region ${primary}${info ? ` (${info.name})` : ''} is in ${info?.jurisdiction ?? 'another jurisdiction'}.`,
        fields: ['regions.residency', 'regions.primary'],
        options: [`Run in ${allowed.slice(0, 3).join(', ')} (inside ${residency}).`, `Confirm that ${info?.jurisdiction ?? 'that jurisdiction'} is acceptable and drop the residency rule.`],
      });
    }
    if (allowed.length === 0) {
      out.push({
        id: 'c-residency-unknown',
        description: `No AWS Region is in the jurisdiction '${residency}'.`,
        fields: ['regions.residency'],
        options: ['Name a jurisdiction that has a Region (EU, US, UK, CA, JP, AU, IN, ...).', 'Drop the residency rule.'],
      });
    }
    const secondary = d.regions.secondary;
    if (secondary && allowed.length && !allowed.includes(secondary as never)) {
      out.push({
        id: 'c-residency-secondary',
        description: `The DR Region ${secondary} is outside ${residency}, where data must stay; replicas and backup copies would leave the jurisdiction.`,
        fields: ['regions.residency', 'regions.secondary'],
        options: [
          allowed.filter((r) => r !== d.regions.primary).length
            ? `Use ${allowed.filter((r) => r !== d.regions.primary).slice(0, 2).join(' or ')} for DR.`
            : `There is no second Region in ${residency}: rely on multi-AZ and in-Region backups.`,
          'Confirm that copies outside the jurisdiction are allowed.',
        ],
      });
    }
  }
  if (d.regions.secondary && d.regions.secondary === d.regions.primary) {
    out.push({
      id: 'c-secondary-is-primary',
      description: `The DR Region is the primary Region (${d.regions.primary}); a regional outage would take both.`,
      fields: ['regions.primary', 'regions.secondary'],
      options: ['Choose a different Region for DR.', 'Drop the DR Region and rely on multi-AZ plus backups.'],
    });
  }

  if (d.compliance.includes('fedramp')) {
    const p = d.regions.primary;
    if (p && regionInfo(p)?.jurisdiction !== 'US') {
      out.push({
        id: 'c-fedramp-region',
        description: `FedRAMP authorisations cover AWS's US Regions, but the primary Region is ${p}.`,
        fields: ['compliance', 'regions.primary'],
        options: ['Run in us-east-1, us-east-2, us-west-1 or us-west-2.', 'Confirm that FedRAMP does not apply to this system.'],
      });
    }
    out.push({
      id: 'c-fedramp-govcloud',
      description: 'FedRAMP High and ITAR/CJIS workloads usually run in AWS GovCloud (US), which this tool does not model; the design targets the commercial US Regions (FedRAMP Moderate).',
      fields: ['compliance'],
      options: ['Accept FedRAMP Moderate in a commercial US Region.', 'Plan a GovCloud deployment separately: regions, endpoints and some services differ.'],
    });
  }

  const longest = d.workload.longestJobMinutes;
  if (longest !== undefined && longest > 15 && prefs.preferredServices.includes('lambda')) {
    out.push({
      id: 'c-lambda-duration',
      description: `Jobs run up to ${longest} minutes, but Lambda stops every invocation at 15 minutes.`,
      fields: ['workload.longestJobMinutes', 'preferences.preferredServices'],
      options: ['Run the long jobs on Fargate tasks or Glue, orchestrated by Step Functions.', 'Split the work into chunks under 15 minutes with Step Functions Distributed Map.'],
    });
  }

  const tight = d.budget.sensitivity === 'tight' || (d.budget.monthlyUsd !== undefined && d.budget.monthlyUsd < 200);
  const demanding = (d.availability.targetPercent ?? 0) >= 99.99 || (d.availability.rtoMinutes !== undefined && d.availability.rtoMinutes <= 15);
  if (tight && demanding) {
    out.push({
      id: 'c-budget-availability',
      description: `A tight budget${d.budget.monthlyUsd !== undefined ? ` ($${d.budget.monthlyUsd}/month)` : ''} and ${(d.availability.targetPercent ?? 0) >= 99.99 ? `${d.availability.targetPercent} % availability` : `an RTO of ${d.availability.rtoMinutes} minutes`} pull in opposite directions: that level needs always-on capacity in a second Region.`,
      fields: ['budget', 'availability'],
      options: ['Accept a longer RTO (hours) with backup and restore, at a fraction of the cost.', 'Raise the budget for a warm standby Region.', 'Keep 99.9 % with multi-AZ in one Region.'],
    });
  }

  const payload = d.traffic.payloadKb;
  if (payload !== undefined && payload > 10_000 && (d.workload.patterns.includes('rest-api') || d.workload.patterns.includes('graphql-api'))) {
    out.push({
      id: 'c-payload-api',
      description: `Requests of ${Math.round(payload / 1000)} MB exceed API Gateway's 10 MB payload limit (and Lambda's 6 MB).`,
      fields: ['traffic.payloadKb'],
      options: ['Upload large files straight to S3 with presigned URLs and send only the key to the API.', 'Put containers behind an Application Load Balancer for large request bodies.'],
    });
  }
  return out;
}
