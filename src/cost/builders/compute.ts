import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../usage.js';
import { type Builder, dim, inst, n } from './common.js';

export const lambda: Builder<'lambda'> = (c, u) => {
  const arch = c.config.architecture;
  const label = arch === 'arm64' ? 'arm64' : 'x86_64';
  const requests = u.requestsPerMonth ?? 0;
  const seconds = (requests * (u.avgDurationMs ?? 0)) / 1000;
  const memGb = c.config.memoryMb / 1024;
  const gbSeconds = seconds * memGb;
  const out = [dim(c, 'lambda', `requests-${label}`, `requests (${label})`, requests)];
  const how = `${n(requests)} x ${n(u.avgDurationMs ?? 0)} ms x ${n(memGb)} GB`;
  if (c.config.provisionedConcurrency > 0) {
    // Invocations up to the provisioned capacity run on it at the lower provisioned duration rate.
    const capacity = c.config.provisionedConcurrency * memGb * SECONDS_PER_MONTH;
    const onProvisioned = Math.min(gbSeconds, capacity);
    out.push(dim(c, 'lambda', `provisioned-concurrency-${label}`, `provisioned concurrency (${label})`, capacity, `${c.config.provisionedConcurrency} x ${n(memGb)} GB kept warm all month`));
    out.push(dim(c, 'lambda', `provisioned-duration-${label}`, `duration on provisioned concurrency (${label})`, onProvisioned, how));
    if (gbSeconds > onProvisioned) out.push(dim(c, 'lambda', `duration-${label}`, `duration (${label})`, gbSeconds - onProvisioned, 'beyond provisioned capacity'));
  } else {
    out.push(dim(c, 'lambda', `duration-${label}`, `duration (${label})`, gbSeconds, how));
  }
  if (c.config.ephemeralStorageMb > 512) {
    out.push(dim(c, 'lambda', `ephemeral-storage-${label}`, `ephemeral storage above 512 MB (${label})`, seconds * ((c.config.ephemeralStorageMb - 512) / 1024)));
  }
  return out;
};

export const ecsFargate: Builder<'ecs-fargate'> = (c, u) => {
  const arch = c.config.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const tasks = u.avgInstances ?? c.config.desiredCount;
  const hours = u.hoursPerMonth ?? HOURS_PER_MONTH;
  const vcpu = Number(c.config.cpu) / 1024;
  const gb = c.config.memoryMb / 1024;
  const spot = c.config.spot ? '; Fargate Spot discount not applied (spot prices are not in the price list)' : '';
  return [
    dim(c, 'fargate', `vcpu-${arch}`, `vCPU (${arch})`, tasks * hours * vcpu, `${n(tasks)} tasks x ${n(hours)} h x ${n(vcpu)} vCPU${spot}`),
    dim(c, 'fargate', `memory-${arch}`, `memory (${arch})`, tasks * hours * gb, `${n(tasks)} tasks x ${n(hours)} h x ${n(gb)} GB${spot}`),
  ];
};

export const eks: Builder<'eks'> = (c, u) => {
  const nodes = u.avgInstances ?? c.config.desiredNodes;
  return [
    dim(c, 'eks', 'cluster-hours', 'cluster control plane', HOURS_PER_MONTH, `Kubernetes ${c.config.version} in standard support`),
    inst(c, 'ec2', 'linux', c.config.nodeInstanceType, `nodes (${c.config.nodeInstanceType})`, nodes * HOURS_PER_MONTH, `${n(nodes)} nodes x 730 h`),
    dim(c, 'ebs', 'gp3-storage', 'node volumes (gp3)', nodes * c.config.nodeDiskGb, `${n(nodes)} x ${c.config.nodeDiskGb} GB`),
  ];
};

export const ec2Asg: Builder<'ec2-asg'> = (c, u) => {
  const count = u.avgInstances ?? c.config.desiredCapacity;
  return [
    inst(c, 'ec2', 'linux', c.config.instanceType, `instances (${c.config.instanceType})`, count * HOURS_PER_MONTH, `${n(count)} instances x 730 h`),
    dim(c, 'ebs', 'gp3-storage', 'root volumes (gp3)', count * c.config.rootVolumeGb, `${n(count)} x ${c.config.rootVolumeGb} GB`),
  ];
};

const DPU: Record<string, number> = { 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8 };

export const glueJob: Builder<'glue-job'> = (c, u) => {
  const hours = u.hoursPerMonth ?? 0;
  const dpus = c.config.jobType === 'pythonshell' ? 0.0625 : c.config.numberOfWorkers * (DPU[c.config.workerType] ?? 1);
  return [dim(c, 'glue', 'dpu-hours', 'DPU-hours', dpus * hours, `${n(dpus)} DPUs x ${n(hours)} h`)];
};

const SERVERLESS_PRICE_NOTE = 'serverless inference billed per GB-second of configured memory';

export const sagemakerEndpoint: Builder<'sagemaker-endpoint'> = (c, u) => {
  if (c.config.mode === 'serverless') {
    const gbs = ((u.requestsPerMonth ?? 0) * (u.avgDurationMs ?? 0)) / 1000 * (Number(c.config.serverlessMemoryMb) / 1024);
    return [dim(c, 'sagemaker', 'serverless-inference', 'serverless inference', gbs, SERVERLESS_PRICE_NOTE)];
  }
  const count = u.avgInstances ?? c.config.instanceCount;
  return [inst(c, 'sagemaker', 'realtime-instances', c.config.instanceType, `real-time instances (${c.config.instanceType})`, count * HOURS_PER_MONTH, `${n(count)} instances x 730 h`)];
};

