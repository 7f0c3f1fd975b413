import { defineService } from '../types.js';

export default defineService({
  id: 'waf',
  name: 'AWS WAF',
  aliases: ['waf', 'web application firewall', 'web acl', 'rate limiting'],
  layer: 'security',
  role: 'component',
  summary: 'Layer-7 web application firewall: managed rule groups (OWASP common exploits, known bad inputs, IP reputation, bots) and rate-based rules on CloudFront, ALB, REST APIs, AppSync and Cognito.',
  goodFor: ['public APIs and sites handling personal, health or payment data', 'rate limiting abusive clients', 'PCI DSS requirement 6.4 (protect public web applications)'],
  badFor: ['HTTP APIs (API Gateway v2) and WebSocket APIs, which cannot be associated with a web ACL', 'volumetric DDoS protection beyond Shield Standard (add Shield Advanced)'],
  limits: [
    { key: 'wcu-per-acl', what: 'Web ACL capacity units included', value: 1500, unit: 'WCU', adjustable: true, impact: 'managed groups cost WCUs; above 1,500 there is an extra charge, up to 5,000' },
    { key: 'supported-resources', what: 'Resource types a web ACL attaches to', value: 6, unit: 'types', adjustable: false, impact: 'CloudFront, ALB, REST API stages, AppSync, Cognito user pools, App Runner and Verified Access; not HTTP or WebSocket APIs' },
    { key: 'body-inspection', what: 'Request body inspected by default (ALB, AppSync)', value: 8, unit: 'KB', adjustable: true, impact: 'larger bodies are inspected only up to the limit (16 KB default on CloudFront and API Gateway, up to 64 KB)' },
  ],
  scaling: { model: 'scales with the resource it protects', scalesToZero: false, latency: 'adds well under a millisecond', availability: 'runs inside the protected service' },
  operations: { burden: 2, notes: ['start managed rules in count mode, then block', 'review sampled requests and false positives', 'rate limits need tuning to real client behaviour'] },
  pricing: { model: 'per web ACL and rule per month plus per million requests inspected', dimensions: ['web ACLs', 'rules', 'requests', 'bot control / fraud control add-ons'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: ['AWS WAF'], pci: ['AWS WAF'] },
  iac: {
    cloudformation: ['AWS::WAFv2::WebACL', 'AWS::WAFv2::WebACLAssociation'],
    terraform: ['aws_wafv2_web_acl', 'aws_wafv2_web_acl_association'],
    cdk: ['aws_wafv2.CfnWebACL', 'aws_wafv2.CfnWebACLAssociation'],
  },
  security: [
    { setting: 'Managed rule groups', recommendation: 'AWSManagedRulesCommonRuleSet, KnownBadInputsRuleSet, AmazonIpReputationList (plus SQLiRuleSet in front of SQL databases)', why: 'covers the OWASP top risks without custom rules' },
    { setting: 'Rate-based rule', recommendation: 'per-IP limit sized to real client behaviour', why: 'slows credential stuffing and scraping' },
    { setting: 'Logging', recommendation: 'web ACL logs to CloudWatch Logs, S3 or Firehose with redacted fields', why: 'evidence for incident response' },
  ],
  related: ['cloudfront', 'alb', 'apigateway-rest', 'appsync'],
});
