import { defineService } from '../types.js';

export default defineService({
  id: 'nlb',
  name: 'Network Load Balancer',
  aliases: ['nlb', 'network load balancer', 'tcp load balancer', 'udp load balancer'],
  layer: 'edge',
  role: 'component',
  summary: 'Layer-4 TCP/UDP/TLS load balancer with static IPs per AZ, millions of requests per second and very low latency; also the target of PrivateLink endpoint services.',
  goodFor: ['non-HTTP protocols (MQTT brokers, game servers, databases)', 'static IP addresses for allow-listing', 'exposing a service privately to other VPCs with PrivateLink'],
  badFor: ['HTTP routing by path or host', 'AWS WAF (not supported)', 'small spiky workloads (hourly charge)'],
  limits: [
    { key: 'tcp-idle-timeout', what: 'TCP idle timeout', value: 350, unit: 'seconds', adjustable: true, impact: 'configurable 60-6,000 s; long-lived idle connections need keep-alives or a higher value' },
    { key: 'targets', what: 'Targets per load balancer per AZ', value: 500, unit: 'targets', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'automatic', scalesToZero: false, latency: 'sub-millisecond added', availability: 'one node per enabled AZ with a static IP each' },
  operations: { burden: 2, notes: ['security groups on NLBs are optional but recommended', 'TLS can terminate on the NLB or pass through'] },
  pricing: { model: 'per hour plus per network load balancer capacity unit-hour', dimensions: ['hours', 'NLCU-hours'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Elastic Load Balancing'], pci: ['Elastic Load Balancing'] },
  iac: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
    terraform: ['aws_lb', 'aws_lb_listener', 'aws_lb_target_group'],
    cdk: ['aws_elasticloadbalancingv2.NetworkLoadBalancer', 'aws_elasticloadbalancingv2.NetworkTargetGroup'],
  },
  security: [
    { setting: 'TLS listeners', recommendation: 'TLS termination with an ACM certificate for client traffic', why: 'encryption in transit' },
    { setting: 'Security groups', recommendation: 'attach one and restrict sources', why: 'NLBs pass client IPs straight to targets' },
    { setting: 'Scheme', recommendation: 'internal unless clients are on the internet', why: 'smaller attack surface' },
  ],
  related: ['ecs-fargate', 'ec2-asg'],
});
