import type { Architecture } from '../../model/index.js';
import type { Deriver } from './derive.js';
import type { Load } from './load.js';
import { RULES } from './rules.js';
import { GB_PER_KB, fmt } from './time.js';

export interface DesignFigures {
  dataOutGb: number;
  natProcessedGb: number;
  logsIngestedGb: number;
  crossAzGb: number;
}

const COMPUTE_KINDS = new Set(['lambda', 'ecs-fargate', 'eks', 'ec2-asg', 'glue-job', 'sagemaker-endpoint']);
const VPC_DATA = new Set(['aurora', 'rds', 'elasticache', 'documentdb', 'opensearch', 'redshift']);

/**
 * Design-wide figures for a design that states no usage of its own: CloudWatch Logs ingestion from what writes
 * logs (functions, API access and execution logs, workflows, containers), NAT and cross-AZ traffic. Each figure is
 * listed as an assumption with its parts.
 */
export function deriveDesignWide(arch: Architecture, d: Deriver, load: Load, design: DesignFigures, lines: string[]): void {
  const usage = (id: string) => d.node(id)!.usage;
  const compute = arch.components.filter((c) => COMPUTE_KINDS.has(c.service));
  if (design.logsIngestedGb === 0 && compute.length > 0) {
    let gb = 0;
    const parts: string[] = [];
    const add = (count: number, perKb: number, what: string) => {
      if (count <= 0) return;
      gb += count * perKb * GB_PER_KB;
      parts.push(`${fmt(count)} ${what} x ${perKb} KB`);
    };
    let invocations = 0;
    let accessLogged = 0;
    let restRequests = 0;
    let transitions = 0;
    let served = 0;
    for (const c of arch.components) {
      const u = usage(c.id);
      if (c.service === 'lambda') invocations += u.requestsPerMonth ?? 0;
      else if (c.service === 'apigateway-http') accessLogged += u.requestsPerMonth ?? 0;
      else if (c.service === 'apigateway-websocket') accessLogged += u.messagesPerMonth ?? 0;
      else if (c.service === 'apigateway-rest') {
        accessLogged += u.requestsPerMonth ?? 0;
        restRequests += u.requestsPerMonth ?? 0;
      } else if (c.service === 'step-functions') transitions += u.messagesPerMonth ?? 0;
      else if ((c.service === 'ecs-fargate' && c.config.mode !== 'scheduled-task') || c.service === 'eks' || c.service === 'ec2-asg') served += d.node(c.id)!.items ?? 0;
    }
    add(invocations, RULES.lambdaLogKb, 'Lambda invocations (platform START/END/REPORT lines and a line of application log)');
    add(accessLogged, RULES.accessLogKb, 'API Gateway access log lines');
    add(restRequests, RULES.restExecutionLogKb, 'REST API requests logged at INFO');
    add(transitions, RULES.stepFunctionsLogKbPerTransition, 'Step Functions state transitions logged at ALL');
    add(served, RULES.containerLogKbPerRequest, 'requests served by containers or instances');
    design.logsIngestedGb = Math.max(compute.length * 1, gb);
    lines.push(`logsIngestedGb = ${fmt(design.logsIngestedGb)}: ${parts.length ? parts.join(' + ') : 'no logged traffic'}, at least 1 GB per compute component`);
  }
  if (design.natProcessedGb === 0 && arch.network && arch.network.natGateways !== 'none') {
    design.natProcessedGb = 10;
    lines.push('natProcessedGb = 10: default outbound traffic through NAT (package downloads, third-party APIs)');
  }
  if (design.crossAzGb === 0 && arch.network && arch.network.azCount > 1) {
    // VPC compute talks to data stores in the VPC; half of it lands in another AZ.
    let gb = 0;
    const parts: string[] = [];
    for (const c of arch.components) {
      const inVpc = c.service === 'ecs-fargate' || c.service === 'eks' || c.service === 'ec2-asg' || (c.service === 'lambda' && c.config.inVpc);
      if (!inVpc) continue;
      const stores = arch.connections.filter((e) => e.from === c.id && ['read', 'write', 'read-write'].includes(e.kind) && VPC_DATA.has(arch.components.find((x) => x.id === e.to)?.service ?? '')).length;
      const items = d.node(c.id)!.items ?? 0;
      if (!stores || !items || !load.stated) continue;
      const g = items * load.payloadKb * 2 * stores * RULES.crossAzShare * GB_PER_KB;
      gb += g;
      parts.push(`${c.id}: ${fmt(items)} requests x ${fmt(load.payloadKb * 2)} KB to and from ${stores} data store(s) x ${RULES.crossAzShare * 100} %`);
    }
    const containers = arch.components.some((c) => ['ecs-fargate', 'ec2-asg', 'eks'].includes(c.service));
    if (gb > 10) {
      design.crossAzGb = gb;
      lines.push(`crossAzGb = ${fmt(gb)}: ${parts.join('; ')} crosses an AZ boundary`);
    } else if (containers || gb > 0) {
      design.crossAzGb = 10;
      lines.push('crossAzGb = 10: default traffic between tasks and data stores in other AZs');
    }
  }
}
