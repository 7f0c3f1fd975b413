import { logGroup, policyDocument, securityGroup } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw, tpl } from '../hcl.js';

/** Graviton instance families carry a `g` after the generation digit: m7g, c7gn, r8g. */
export function isGraviton(instanceType: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType);
}

function serviceRole(ctx: Parameters<Emitter<'eks'>['emit']>[1], file: string, local: string, name: ReturnType<typeof tpl>, service: string, policies: string[], description: string, tags: ReturnType<typeof ctx.tags>): void {
  const assume = policyDocument(ctx, file, ctx.n(local, 'assume'), [{ actions: ['sts:AssumeRole'], resources: [], principals: { type: 'Service', identifiers: [service] } }]);
  ctx.resource(file, 'aws_iam_role', local, { name, description, assume_role_policy: assume, tags });
  for (const p of policies) {
    ctx.resource(file, 'aws_iam_role_policy_attachment', ctx.n(local, p), { role: raw(`aws_iam_role.${local}.name`), policy_arn: tpl`arn:${raw('data.aws_partition.current.partition')}:iam::aws:policy/${p}` });
  }
}

export const eks: Emitter<'eks'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    const name = ctx.awsName([c.id], { max: 100 });
    const clusterRole = ctx.n(c.id, 'cluster');
    const nodeRole = ctx.n(c.id, 'nodes');
    serviceRole(ctx, file, clusterRole, ctx.awsName([c.id, 'cluster'], { max: 64 }), 'eks.amazonaws.com', ['AmazonEKSClusterPolicy'], `EKS control plane of ${c.id}`, tags);
    serviceRole(ctx, file, nodeRole, ctx.awsName([c.id, 'nodes'], { max: 64 }), 'ec2.amazonaws.com', ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonSSMManagedInstanceCore'], `Worker nodes of ${c.id}`, tags);
    const key = ctx.kms();
    if (key) {
      const doc = policyDocument(ctx, file, ctx.n(c.id, 'cluster', 'kms'), [{ sid: 'EncryptSecrets', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey'], resources: [key] }]);
      ctx.resource(file, 'aws_iam_role_policy', ctx.n(c.id, 'cluster', 'kms'), { name: 'secrets-encryption', role: raw(`aws_iam_role.${clusterRole}.id`), policy: doc });
    }
    securityGroup(ctx, c, `Cluster ${c.id}`, 'all');
    const logs = logGroup(ctx, file, c.id, tpl`/aws/eks/${name}/cluster`, tags);
    ctx.resource(file, 'aws_eks_cluster', n, {
      name,
      version: cfg.version,
      role_arn: raw(`aws_iam_role.${clusterRole}.arn`),
      enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      vpc_config: blk('vpc_config', {
        subnet_ids: ctx.subnets('compute'),
        security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
        endpoint_private_access: true,
        endpoint_public_access: cfg.endpointPublicAccess,
      }),
      access_config: blk('access_config', { authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true }),
      encryption_config: key ? blk('encryption_config', { resources: ['secrets'], provider: blk('provider', { key_arn: key }) }) : undefined,
      tags,
      depends_on: [raw(`aws_iam_role_policy_attachment.${ctx.n(clusterRole, 'AmazonEKSClusterPolicy')}`), raw(logs)],
    });
    ctx.resource(file, 'aws_launch_template', ctx.n(c.id, 'nodes'), {
      name: ctx.awsName([c.id, 'nodes'], { max: 128 }),
      update_default_version: true,
      block_device_mappings: blk('block_device_mappings', {
        device_name: '/dev/xvda',
        // The default EBS key: a customer-managed key would need the Auto Scaling service-linked role in its policy.
        ebs: blk('ebs', { volume_size: cfg.nodeDiskGb, volume_type: 'gp3', encrypted: true, delete_on_termination: true }),
      }),
      metadata_options: blk('metadata_options', { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 2 }),
      tags,
    });
    ctx.resource(file, 'aws_eks_node_group', n, {
      cluster_name: raw(`aws_eks_cluster.${n}.name`),
      node_group_name: 'default',
      node_role_arn: raw(`aws_iam_role.${nodeRole}.arn`),
      subnet_ids: ctx.subnets('compute'),
      instance_types: [cfg.nodeInstanceType],
      ami_type: isGraviton(cfg.nodeInstanceType) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
      capacity_type: 'ON_DEMAND',
      scaling_config: blk('scaling_config', { desired_size: cfg.desiredNodes, min_size: cfg.minNodes, max_size: cfg.maxNodes }),
      update_config: blk('update_config', { max_unavailable: 1 }),
      launch_template: blk('launch_template', { id: raw(`aws_launch_template.${ctx.n(c.id, 'nodes')}.id`), version: raw(`aws_launch_template.${ctx.n(c.id, 'nodes')}.latest_version`) }),
      tags,
      lifecycle: blk('lifecycle', { ignore_changes: [raw('scaling_config[0].desired_size')] }),
      depends_on: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'].map((p) => raw(`aws_iam_role_policy_attachment.${ctx.n(nodeRole, p)}`)),
    });
    for (const addon of ['vpc-cni', 'kube-proxy', 'coredns', 'eks-pod-identity-agent']) {
      ctx.resource(file, 'aws_eks_addon', ctx.n(c.id, addon), {
        cluster_name: raw(`aws_eks_cluster.${n}.name`),
        addon_name: addon,
        resolve_conflicts_on_update: 'OVERWRITE',
        depends_on: addon === 'coredns' ? [raw(`aws_eks_node_group.${n}`)] : undefined,
      });
    }
    // Workloads get the connection grants through EKS Pod Identity, bound to the service account named after the component.
    const role = ctx.role(c, { assumedBy: ['pods.eks.amazonaws.com'], trustActions: ['sts:TagSession'], description: `Pod Identity role of the ${c.id} workloads` });
    ctx.resource(file, 'aws_eks_pod_identity_association', n, {
      cluster_name: raw(`aws_eks_cluster.${n}.name`),
      namespace: 'default',
      service_account: c.id,
      role_arn: role,
    });
    ctx.note(`EKS ${c.id}: run workloads under the Kubernetes service account \`default/${c.id}\` to receive the permissions of its connections; \`aws eks update-kubeconfig --name <cluster_name output>\` gives kubectl access.`);
    ctx.output({ name: `${n}_cluster_name`, value: raw(`aws_eks_cluster.${n}.name`), description: `EKS cluster ${c.id}` });
    ctx.output({ name: `${n}_cluster_endpoint`, value: raw(`aws_eks_cluster.${n}.endpoint`), description: `API endpoint of EKS cluster ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_eks_cluster.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('eks', part);
  },
};
