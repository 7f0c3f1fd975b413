import { defineService } from '../types.js';

export default defineService({
  id: 'alb',
  name: 'Application Load Balancer',
  aliases: ['alb', 'application load balancer', 'elb', 'load balancer', 'elastic load balancing'],
  layer: 'edge',
  role: 'component',
  summary: 'Layer-7 load balancer for HTTP, HTTPS, HTTP/2, gRPC and WebSockets across containers, instances or Lambda, with path and host routing, health checks and AWS WAF.',
  goodFor: ['containers on ECS or EKS and instances in auto scaling groups', 'sustained high request rates (no per-request API fee)', 'long-lived connections and WebSockets', 'WAF in front of a containerised API'],
  badFor: ['spiky low traffic (billed every hour it exists)', 'non-HTTP protocols (use an NLB)', 'request authentication beyond OIDC/Cognito login flows'],
  limits: [
    { key: 'idle-timeout', what: 'Idle timeout', value: 4000, unit: 'seconds', adjustable: false, impact: 'configurable 1-4,000 s; long-polling and WebSockets need it raised from the 60 s default' },
    { key: 'targets', what: 'Targets per load balancer', value: 1000, unit: 'targets', adjustable: true, impact: 'rarely binding' },
    { key: 'rules', what: 'Listener rules per load balancer', value: 100, unit: 'rules', adjustable: true, impact: 'very large routing tables need several load balancers' },
    { key: 'lambda-body', what: 'Request and response body with a Lambda target', value: 1, unit: 'MB', adjustable: false, impact: 'large bodies need container targets or S3' },
  ],
  scaling: { model: 'automatic in load balancer capacity units; pre-provision capacity units for sudden launches', scalesToZero: false, latency: 'adds a few ms', availability: 'nodes in every enabled AZ; needs subnets in two or more AZs' },
  operations: { burden: 2, notes: ['health check path and thresholds need tuning', 'access logs to S3 are opt-in'] },
  pricing: { model: 'per hour plus per load balancer capacity unit-hour (new connections, active connections, bytes, rule evaluations)', dimensions: ['hours', 'LCU-hours'], idleCost: 'medium', atScale: 'efficient' },
  compliance: { hipaa: ['Elastic Load Balancing'], pci: ['Elastic Load Balancing'] },
  iac: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
    terraform: ['aws_lb', 'aws_lb_listener', 'aws_lb_target_group'],
    cdk: ['aws_elasticloadbalancingv2.ApplicationLoadBalancer', 'aws_elasticloadbalancingv2.ApplicationTargetGroup'],
  },
  security: [
    { setting: 'Listeners', recommendation: 'HTTPS with an ACM certificate; HTTP redirects to HTTPS', why: 'encryption in transit' },
    { setting: 'TLS policy', recommendation: 'ELBSecurityPolicy-TLS13-1-2-2021-06', why: 'TLS 1.2+ only' },
    { setting: 'Invalid headers', recommendation: 'drop invalid header fields; desync mitigation defensive or strictest', why: 'request smuggling' },
    { setting: 'Access logs', recommendation: 'to an encrypted S3 bucket', why: 'audit and forensics' },
    { setting: 'Deletion protection', recommendation: 'on in production', why: 'accidental deletion takes the site down' },
  ],
  related: ['ecs-fargate', 'acm', 'waf', 'route53'],
});
