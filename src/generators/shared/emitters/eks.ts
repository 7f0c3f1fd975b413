import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { isArmInstance } from './common.js';
import { emitter, noPart } from './types.js';

type Eks = ComponentOfService<'eks'>;

const EKS_LOGS = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

/**
 * An EKS cluster with a private API endpoint, all control-plane logs (retained), secrets envelope-encrypted with
 * the design's key, a managed node group on encrypted gp3 volumes with IMDSv2, and EKS Pod Identity so workloads
 * get the design's grants through their own role.
 */
export const eks = emitter('eks', {
  emit(c: Eks, ctx: Target) {
    const cfg = c.config;
    const name = ctx.sub(`${ctx.a.name}-\${EnvironmentName}-${c.id}`);
    const clusterRole = ctx.role(c, ctx.id(c, 'ClusterRole'), {
      services: ['eks.amazonaws.com'],
      description: `Control plane role of ${c.id}`,
      managedPolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy', reason: 'AWS maintains the permissions the EKS control plane needs; EKS documents this managed policy as the cluster role' }],
    });
    const sg = ctx.securityGroup(c, `Cluster ${c.id}: API and node traffic from its clients only`);
    const logGroup = ctx.logGroup(c, ctx.id(c, 'LogGroup'), ctx.sub(`/aws/eks/${ctx.a.name}-\${EnvironmentName}-${c.id}/cluster`));
    const cluster = ctx.resource(
      c,
      ctx.id(c, 'Cluster'),
      'AWS::EKS::Cluster',
      {
        Name: name,
        Version: cfg.version,
        RoleArn: ctx.att(clusterRole.role, 'Arn'),
        ResourcesVpcConfig: { SubnetIds: ctx.computeSubnets(), SecurityGroupIds: [ctx.ref(sg)], EndpointPublicAccess: cfg.endpointPublicAccess, EndpointPrivateAccess: true },
        Logging: { ClusterLogging: { EnabledTypes: EKS_LOGS.map((Type) => ({ Type })) } },
        EncryptionConfig: ctx.cmk ? [{ Provider: { KeyArn: ctx.keyArn() } }] : undefined,
        AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: true },
        UpgradePolicy: { SupportType: 'STANDARD' },
      },
      { dependsOn: [logGroup] },
    );
    if (cfg.endpointPublicAccess) ctx.ack(cluster, 'The design opens the Kubernetes API endpoint publicly (endpointPublicAccess: true); access still needs IAM authentication', 'AwsSolutions-EKS1');
    const nodeRole = ctx.role(c, ctx.id(c, 'NodeRole'), {
      services: ['ec2.amazonaws.com'],
      description: `Worker node role of ${c.id}`,
      managedPolicyArns: [
        { arn: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy', reason: 'AWS maintains the node permissions EKS needs; EKS documents this managed policy for node roles' },
        { arn: 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy', reason: 'The VPC CNI plugin needs AWS\'s maintained ENI permissions' },
        { arn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly', reason: 'Nodes pull images from ECR with AWS\'s maintained pull-only policy' },
      ],
    });
    const arm = isArmInstance(cfg.nodeInstanceType);
    const lt = ctx.resource(c, ctx.id(c, 'NodeLaunchTemplate'), 'AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: {
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: cfg.nodeDiskGb, VolumeType: 'gp3', Encrypted: true, KmsKeyId: ctx.keyArn(), DeleteOnTermination: true } }],
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
        Monitoring: { Enabled: true },
      },
    });
    ctx.resource(c, ctx.id(c, 'NodeGroup'), 'AWS::EKS::Nodegroup', {
      ClusterName: ctx.ref(cluster),
      NodeRole: ctx.att(nodeRole.role, 'Arn'),
      Subnets: ctx.computeSubnets(),
      InstanceTypes: [cfg.nodeInstanceType],
      AmiType: arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
      ScalingConfig: { MinSize: cfg.minNodes, DesiredSize: cfg.desiredNodes, MaxSize: cfg.maxNodes },
      UpdateConfig: { MaxUnavailable: 1 },
      LaunchTemplate: { Id: ctx.ref(lt), Version: ctx.att(lt, 'LatestVersionNumber') },
    });
    ctx.resource(c, ctx.id(c, 'PodIdentityAgent'), 'AWS::EKS::Addon', { AddonName: 'eks-pod-identity-agent', ClusterName: ctx.ref(cluster), ResolveConflicts: 'OVERWRITE' });
    // Pod Identity also needs sts:TagSession in the trust policy.
    const workload = ctx.role(c, ctx.id(c, 'WorkloadRole'), {
      services: ['pods.eks.amazonaws.com'],
      description: `Role the ${c.id} workloads (service account ${c.id}) run as`,
      grants: true,
      sessionTags: true,
    });
    ctx.resource(c, ctx.id(c, 'PodIdentity'), 'AWS::EKS::PodIdentityAssociation', { ClusterName: ctx.ref(cluster), Namespace: 'default', ServiceAccount: c.id, RoleArn: ctx.att(workload.role, 'Arn') });
    ctx.output(`${ctx.prefixes.get(c.id)}ClusterName`, ctx.ref(cluster), `EKS cluster ${c.id}`);
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.att(ctx.id(c, 'Cluster'), 'Arn');
    if (part === 'role') return ctx.att(ctx.id(c, 'WorkloadRole'), 'Arn');
    return noPart('eks', part);
  },
  env() {
    return {};
  },
});
