import { defineService } from '../types.js';

export default defineService({
  id: 'acm',
  name: 'AWS Certificate Manager',
  aliases: ['acm', 'certificate manager', 'tls certificate', 'ssl certificate', 'https'],
  layer: 'security',
  role: 'component',
  summary: 'Free public TLS certificates that renew automatically, for CloudFront, load balancers and API Gateway custom domains.',
  goodFor: ['HTTPS on custom domains', 'automatic renewal with DNS validation in Route 53'],
  badFor: ['certificates installed on your own servers (public ACM certificates cannot be exported, except the paid exportable kind)', 'private PKI for mutual TLS inside a VPC (use AWS Private CA)'],
  limits: [
    { key: 'cloudfront-region', what: 'Certificates used by CloudFront must be requested in', value: 1, unit: 'region (us-east-1)', adjustable: false, impact: 'multi-region IaC must create the CloudFront certificate in us-east-1' },
    { key: 'names-per-certificate', what: 'Domain names per certificate', value: 10, unit: 'names', adjustable: true, impact: 'use a wildcard for many subdomains' },
    { key: 'certificates', what: 'ACM certificates per account per region', value: 2500, unit: 'certificates', adjustable: true, impact: 'rarely binding' },
  ],
  scaling: { model: 'not applicable', scalesToZero: true, latency: 'none (terminated by the service using it)', availability: 'regional service; certificates are used by highly available front doors' },
  operations: { burden: 1, notes: ['DNS validation renews without human action; email validation does not'] },
  pricing: { model: 'public certificates used with integrated services are free', dimensions: ['exportable public certificates', 'private certificates (AWS Private CA)'], idleCost: 'none', atScale: 'efficient' },
  compliance: { hipaa: ['AWS Certificate Manager'], pci: ['AWS Certificate Manager'] },
  iac: {
    cloudformation: ['AWS::CertificateManager::Certificate'],
    terraform: ['aws_acm_certificate', 'aws_acm_certificate_validation'],
    cdk: ['aws_certificatemanager.Certificate'],
  },
  security: [
    { setting: 'Validation', recommendation: 'DNS validation', why: 'renewal never silently lapses' },
    { setting: 'Key algorithm', recommendation: 'RSA 2048 or ECDSA P-256', why: 'broad client support with modern strength' },
  ],
  related: ['cloudfront', 'alb', 'route53'],
});
