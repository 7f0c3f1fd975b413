import type { ComponentOfService } from '../../../model/index.js';
import type { Target } from '../target.js';
import { isArmInstance } from './common.js';
import { routedBy } from './ecs-fargate.js';
import { emitter, noPart } from './types.js';

type Fleet = ComponentOfService<'ec2-asg'>;

/**
 * An Auto Scaling group of instances from a launch template (latest Amazon Linux 2023 unless an AMI is given,
 * IMDSv2, detailed monitoring, encrypted gp3 root volume, no public IP, Session Manager instead of SSH), ELB
 * health checks behind load balancers, scaling notifications and CPU target tracking.
 */
export const ec2Asg = emitter('ec2-asg', {
  emit(c: Fleet, ctx: Target) {
    const cfg = c.config;
    const { role } = ctx.role(c, ctx.id(c, 'InstanceRole'), {
      services: ['ec2.amazonaws.com'],
      description: `Role of the ${c.id} instances`,
      managedPolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', reason: 'Session Manager access (no SSH keys or open ports) with the permissions AWS maintains for the SSM agent' }],
      grants: true,
    });
    const profile = ctx.resource(c, ctx.id(c, 'InstanceProfile'), 'AWS::IAM::InstanceProfile', { Roles: [ctx.ref(role)] });
    const sg = ctx.securityGroup(c, `Fleet ${c.id}: traffic from its load balancers only`);
    const arm = isArmInstance(cfg.instanceType);
    const ami = cfg.ami
      ? cfg.ami.startsWith('/') ? `{{resolve:ssm:${cfg.ami}}}` : cfg.ami
      : `{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arm ? 'arm64' : 'x86_64'}}}`;
    const lt = ctx.resource(c, ctx.id(c, 'LaunchTemplate'), 'AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: {
        ImageId: ami,
        InstanceType: cfg.instanceType,
        IamInstanceProfile: { Arn: ctx.att(profile, 'Arn') },
        SecurityGroupIds: [ctx.ref(sg)],
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
        Monitoring: { Enabled: true },
        EbsOptimized: true,
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: cfg.rootVolumeGb, VolumeType: 'gp3', Encrypted: true, KmsKeyId: ctx.keyArn(), DeleteOnTermination: true } }],
        TagSpecifications: [{ ResourceType: 'instance', Tags: ctx.tagList(c) }, { ResourceType: 'volume', Tags: ctx.tagList(c) }],
      },
    });
    const routes = routedBy(ctx, c);
    const asg = ctx.resource(
      c,
      ctx.id(c, 'AutoScalingGroup'),
      'AWS::AutoScaling::AutoScalingGroup',
      {
        LaunchTemplate: { LaunchTemplateId: ctx.ref(lt), Version: ctx.att(lt, 'LatestVersionNumber') },
        MinSize: String(cfg.minSize),
        MaxSize: String(cfg.maxSize),
        DesiredCapacity: String(cfg.desiredCapacity),
        VPCZoneIdentifier: ctx.computeSubnets(),
        HealthCheckType: routes.length ? 'ELB' : 'EC2',
        HealthCheckGracePeriod: 300,
        Cooldown: '300',
        TargetGroupARNs: routes.length ? routes.map((r) => ctx.ref(r.targetGroup)) : undefined,
        MetricsCollection: [{ Granularity: '1Minute' }],
        NotificationConfigurations: [{ TopicARN: ctx.alarmTopicArn(), NotificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_LAUNCH_ERROR', 'autoscaling:EC2_INSTANCE_TERMINATE', 'autoscaling:EC2_INSTANCE_TERMINATE_ERROR'] }],
      },
      { dependsOn: routes.flatMap((r) => r.listeners) },
    );
    if (!routes.length) ctx.ack(asg, 'No load balancer routes to this fleet, so EC2 status checks are the health check', 'AwsSolutions-AS2', 'HIPAA.Security-AutoScalingGroupELBHealthCheckRequired', 'PCI.DSS.321-AutoScalingGroupELBHealthCheckRequired');
    ctx.ack(asg, 'Instances are replaceable members of an Auto Scaling group; state lives in the design\'s data stores', 'HIPAA.Security-EC2EBSInBackupPlan');
    ctx.resource(c, ctx.id(c, 'CpuScaling'), 'AWS::AutoScaling::ScalingPolicy', {
      AutoScalingGroupName: ctx.ref(asg),
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { TargetValue: cfg.targetCpuPercent, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } },
    });
    ctx.alarm(c, ctx.id(c, 'CpuAlarm'), { description: `${c.id}: CPU above 90% even after scaling out`, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: { AutoScalingGroupName: `\${${asg}}` }, statistic: 'Average', threshold: 90, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 3, datapointsToAlarm: 3 });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return ctx.sub(`arn:\${AWS::Partition}:autoscaling:\${AWS::Region}:\${AWS::AccountId}:autoScalingGroup:*:autoScalingGroupName/\${${ctx.id(c, 'AutoScalingGroup')}}`);
    if (part === 'role') return ctx.att(ctx.id(c, 'InstanceRole'), 'Arn');
    return noPart('ec2-asg', part);
  },
  env() {
    return {};
  },
});
