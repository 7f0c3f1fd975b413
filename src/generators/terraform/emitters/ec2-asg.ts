import { alarmAndWidget, securityGroup } from '../common.js';
import type { Emitter } from '../emitter.js';
import { noPart } from '../emitter.js';
import { blk, raw } from '../hcl.js';
import { isGraviton } from './eks.js';
import { lbSources } from './load-balancers.js';

export const ec2Asg: Emitter<'ec2-asg'> = {
  emit(c, ctx) {
    const file = ctx.fileOf(c.id);
    const n = ctx.n(c.id);
    const cfg = c.config;
    const tags = ctx.tags(c);
    securityGroup(ctx, c, `Instances of ${c.id}`, 'all');
    ctx.role(c, {
      assumedBy: ['ec2.amazonaws.com'],
      description: `Instance role of ${c.id}`,
      // Session Manager instead of SSH keys, and the CloudWatch agent for memory and disk metrics.
      managedPolicies: ['AmazonSSMManagedInstanceCore', 'CloudWatchAgentServerPolicy'],
    });
    ctx.resource(file, 'aws_iam_instance_profile', n, { name: ctx.awsName([c.id], { max: 128 }), role: raw(`aws_iam_role.${n}.name`), tags });
    const arch = isGraviton(cfg.instanceType) ? 'arm64' : 'x86_64';
    const ami = cfg.ami?.startsWith('ami-') ? cfg.ami : `resolve:ssm:${cfg.ami ?? `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`}`;
    ctx.resource(file, 'aws_launch_template', n, {
      name: ctx.awsName([c.id], { max: 128 }),
      image_id: ami,
      instance_type: cfg.instanceType,
      update_default_version: true,
      vpc_security_group_ids: [raw(`${ctx.sg(c.id)}.id`)],
      iam_instance_profile: blk('iam_instance_profile', { arn: raw(`aws_iam_instance_profile.${n}.arn`) }),
      metadata_options: blk('metadata_options', { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1, instance_metadata_tags: 'enabled' }),
      monitoring: blk('monitoring', { enabled: true }),
      block_device_mappings: blk('block_device_mappings', {
        device_name: '/dev/xvda',
        // The default EBS key: a customer-managed key would need the Auto Scaling service-linked role in its policy.
        ebs: blk('ebs', { volume_size: cfg.rootVolumeGb, volume_type: 'gp3', encrypted: true, delete_on_termination: true }),
      }),
      tag_specifications: [blk('tag_specifications', { resource_type: 'instance', tags }), blk('tag_specifications', { resource_type: 'volume', tags })],
      tags,
    });
    const targetGroups = lbSources(ctx, c.id).map((lb) => raw(`aws_lb_target_group.${ctx.n(lb.id, 'tg', c.id)}.arn`));
    ctx.resource(file, 'aws_autoscaling_group', n, {
      name: ctx.awsName([c.id], { max: 255 }),
      min_size: cfg.minSize,
      max_size: cfg.maxSize,
      desired_capacity: cfg.desiredCapacity,
      vpc_zone_identifier: ctx.subnets('compute'),
      health_check_type: targetGroups.length ? 'ELB' : 'EC2',
      health_check_grace_period: 300,
      target_group_arns: targetGroups.length ? targetGroups : undefined,
      enabled_metrics: ['GroupInServiceInstances', 'GroupDesiredCapacity', 'GroupMinSize', 'GroupMaxSize'],
      launch_template: blk('launch_template', { id: raw(`aws_launch_template.${n}.id`), version: raw(`aws_launch_template.${n}.latest_version`) }),
      instance_refresh: blk('instance_refresh', { strategy: 'Rolling', preferences: blk('preferences', { min_healthy_percentage: 90 }) }),
      tag: blk('tag', { key: 'Component', value: c.id, propagate_at_launch: true }),
      lifecycle: blk('lifecycle', { ignore_changes: [raw('desired_capacity')] }),
    });
    ctx.resource(file, 'aws_autoscaling_policy', ctx.n(c.id, 'cpu'), {
      name: 'cpu-target',
      autoscaling_group_name: raw(`aws_autoscaling_group.${n}.name`),
      policy_type: 'TargetTrackingScaling',
      target_tracking_configuration: blk('target_tracking_configuration', {
        target_value: cfg.targetCpuPercent,
        predefined_metric_specification: blk('predefined_metric_specification', { predefined_metric_type: 'ASGAverageCPUUtilization' }),
      }),
    });
    alarmAndWidget(ctx, c.id, 'in-service', `${c.id} has fewer healthy instances than its minimum`, 'AWS/AutoScaling', 'GroupInServiceInstances', { AutoScalingGroupName: raw(`aws_autoscaling_group.${n}.name`) }, 'Minimum', 'LessThanThreshold', Math.max(1, cfg.minSize), { evaluationPeriods: 2, treatMissingData: 'breaching' });
    ctx.output({ name: `${n}_autoscaling_group_name`, value: raw(`aws_autoscaling_group.${n}.name`), description: `Auto Scaling group of ${c.id}` });
  },
  ref(c, part, ctx) {
    if (part === 'arn') return [raw(`aws_autoscaling_group.${ctx.n(c.id)}.arn`)];
    if (part === 'role') return [raw(`aws_iam_role.${ctx.n(c.id)}.arn`)];
    return noPart('ec2-asg', part);
  },
};
