import { defineService } from '../types.js';

export default defineService({
  id: 'xray',
  name: 'AWS X-Ray',
  aliases: ['x-ray', 'xray', 'tracing', 'distributed tracing'],
  layer: 'observability',
  role: 'platform',
  emittedFrom: 'observability',
  summary: 'Distributed tracing across API Gateway, Lambda, containers and AWS SDK calls: where the latency is and which call failed.',
  goodFor: ['finding the slow hop in a request path', 'service maps of a distributed system'],
  badFor: ['100 % sampling at high volume (sample instead)'],
  limits: [
    { key: 'segment-size', what: 'Segment document size', value: 64, unit: 'KB', adjustable: false, impact: 'annotate, do not dump payloads' },
    { key: 'retention', what: 'Trace retention', value: 30, unit: 'days', adjustable: false, impact: 'long-term analysis exports elsewhere' },
  ],
  scaling: { model: 'automatic with sampling rules', scalesToZero: true, latency: 'negligible overhead with sampling', availability: 'regional managed service' },
  operations: { burden: 1, notes: ['OpenTelemetry (ADOT) instrumentation is the portable option'] },
  pricing: { model: 'per million traces recorded and retrieved or scanned', dimensions: ['traces recorded', 'traces retrieved', 'traces scanned'], idleCost: 'none', atScale: 'neutral', freeTier: '100,000 traces recorded a month, always free' },
  compliance: { hipaa: ['AWS X-Ray'], pci: ['AWS X-Ray'] },
  iac: {
    cloudformation: ['AWS::XRay::SamplingRule'],
    terraform: ['aws_xray_sampling_rule'],
    cdk: ['aws_xray.CfnSamplingRule'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'KMS encryption of trace data for regulated systems', why: 'traces can carry identifiers' },
    { setting: 'Annotations', recommendation: 'no PHI or card data in annotations or metadata', why: 'traces are broadly readable' },
  ],
  related: ['lambda', 'cloudwatch'],
});
