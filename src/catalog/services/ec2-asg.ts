import { defineService } from '../types.js';

export default defineService({
  id: 'ec2-asg',
  name: 'Amazon EC2 Auto Scaling',
  aliases: ['ec2', 'virtual machines', 'vms', 'instances', 'auto scaling group', 'asg', 'servers'],
  layer: 'compute',
  role: 'component',
  summary: 'EC2 instances in an auto scaling group with a launch template: full control of the operating system, instance families (GPU, memory, storage optimised) and licensing.',
  goodFor: ['software that needs OS access, specific kernels, GPUs or local NVMe', 'lift-and-shift of existing server applications', 'bring-your-own-licence software', 'very large steady workloads with Savings Plans'],
  badFor: ['small teams without operations capacity (patching, AMIs, agents)', 'spiky workloads (instances take minutes to launch)'],
  limits: [
    { key: 'launch-time', what: 'Typical instance launch to in-service', value: 3, unit: 'minutes', adjustable: false, impact: 'use warm pools or keep headroom for spikes; request On-Demand vCPU quota (per instance family, low in new accounts) before launch' },
  ],
  scaling: { model: 'target tracking, step or scheduled scaling in instances', scalesToZero: false, latency: 'no per-request overhead; scale-out takes minutes', availability: 'spread instances across AZs; unhealthy instances are replaced' },
  operations: { burden: 4, notes: ['OS and package patching (Systems Manager Patch Manager)', 'golden AMI pipeline', 'log and metric agents', 'instance refreshes for updates'] },
  pricing: { model: 'per second of instance time by type, plus EBS volumes; Savings Plans and Spot reduce it', dimensions: ['instance hours', 'EBS GB-months', 'data transfer'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Amazon Elastic Compute Cloud', 'Amazon EC2 Auto Scaling'], pci: ['Amazon Elastic Compute Cloud', 'Amazon EC2 Auto Scaling'] },
  iac: {
    cloudformation: ['AWS::AutoScaling::AutoScalingGroup', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::ScalingPolicy'],
    terraform: ['aws_autoscaling_group', 'aws_launch_template', 'aws_autoscaling_policy'],
    cdk: ['aws_autoscaling.AutoScalingGroup', 'aws_ec2.LaunchTemplate'],
  },
  security: [
    { setting: 'Instance metadata', recommendation: 'IMDSv2 required, hop limit 1 (2 for containers)', why: 'blocks SSRF credential theft' },
    { setting: 'Access', recommendation: 'Systems Manager Session Manager, no SSH keys or open port 22', why: 'audited access without bastions' },
    { setting: 'Volumes', recommendation: 'EBS encryption by default', why: 'encryption at rest' },
    { setting: 'Patching', recommendation: 'Patch Manager baseline with maintenance windows', why: 'known vulnerabilities are closed' },
  ],
  related: ['alb', 'vpc'],
});
