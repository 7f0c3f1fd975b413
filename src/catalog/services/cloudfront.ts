import { defineService } from '../types.js';

export default defineService({
  id: 'cloudfront',
  name: 'Amazon CloudFront',
  aliases: ['cloudfront', 'cdn', 'content delivery network', 'edge cache'],
  layer: 'edge',
  role: 'component',
  summary: 'Global content delivery network: caches static files and media at edge locations close to users and fronts S3 buckets, load balancers and APIs with TLS.',
  goodFor: ['static sites and single-page apps on S3', 'images, video and downloads to many users', 'one TLS endpoint with a custom domain', 'absorbing traffic spikes and layer-3/4 DDoS at the edge'],
  badFor: ['personalised responses that cannot be cached (adds a hop and little benefit)', 'uploads of large files (use S3 presigned URLs)', 'workloads that must stay inside one jurisdiction at the edge (edge locations are global)'],
  limits: [
    { key: 'origin-response-timeout', what: 'Origin response timeout', value: 60, unit: 'seconds', adjustable: true, impact: 'slow API origins time out at the edge; default 30 s, raise per origin up to 60 s (more on request)' },
    { key: 'requests-per-second', what: 'Requests per second per distribution', value: 250000, unit: 'requests/second', adjustable: true, impact: 'far above most workloads; ask before a launch that could exceed it' },
    { key: 'certificate-region', what: 'ACM certificates for custom domains must be issued in', value: 1, unit: 'region (us-east-1)', adjustable: false, impact: 'a design in another region still needs its CloudFront certificate in us-east-1' },
  ],
  scaling: { model: 'automatic at the edge, no capacity to manage', scalesToZero: true, latency: 'cache hits in a few ms from the nearest edge location', availability: 'global edge network; origin failover groups can switch origins' },
  operations: { burden: 1, notes: ['invalidate paths after deployments or use versioned file names', 'origin access control keeps the S3 bucket private'] },
  pricing: { model: 'per GB transferred out and per 10,000 requests, by edge region; flat-rate plans also exist', dimensions: ['data transfer out', 'HTTPS requests', 'invalidations beyond 1,000 paths/month'], idleCost: 'none', atScale: 'efficient', freeTier: '1 TB out and 10 million requests a month, always free' },
  compliance: { hipaa: ['Amazon CloudFront'], pci: ['Amazon CloudFront'], qualifier: ['CloudFront'] },
  iac: {
    cloudformation: ['AWS::CloudFront::Distribution', 'AWS::CloudFront::OriginAccessControl'],
    terraform: ['aws_cloudfront_distribution', 'aws_cloudfront_origin_access_control'],
    cdk: ['aws_cloudfront.Distribution', 'aws_cloudfront_origins.S3BucketOrigin'],
  },
  security: [
    { setting: 'Viewer protocol policy', recommendation: 'redirect-to-https', why: 'no plaintext HTTP to viewers' },
    { setting: 'Minimum TLS policy', recommendation: 'TLSv1.2_2021', why: 'drops legacy ciphers' },
    { setting: 'Origin access', recommendation: 'origin access control (OAC) with a private bucket', why: 'the bucket is reachable only through the distribution' },
    { setting: 'Web ACL', recommendation: 'attach a CLOUDFRONT-scoped AWS WAF web ACL for dynamic or sensitive content', why: 'blocks common exploits at the edge' },
    { setting: 'Access logs', recommendation: 'standard logging to S3 or CloudWatch', why: 'audit trail of who fetched what' },
  ],
  related: ['s3', 'acm', 'route53', 'waf'],
});
