import { defineService } from '../types.js';

export default defineService({
  id: 'lightsail',
  name: 'Amazon Lightsail',
  aliases: ['lightsail', 'vps', 'virtual private server'],
  layer: 'compute',
  role: 'knowledge',
  summary: 'Fixed-price virtual servers, managed databases and containers bundled with storage and transfer, for simple sites and small applications.',
  goodFor: ['a WordPress site or small app with predictable monthly cost'],
  badFor: ['HIPAA and PCI workloads (on neither list)', 'auto scaling and multi-AZ designs', 'integration with the wider AWS service set'],
  limits: [],
  scaling: { model: 'manual: pick a bigger bundle', scalesToZero: false, latency: 'not applicable', availability: 'single instance unless you build more' },
  operations: { burden: 3, notes: ['OS patching on instances'] },
  pricing: { model: 'fixed monthly bundle price', dimensions: ['bundles'], idleCost: 'low', atScale: 'costly' },
  compliance: { hipaa: [], pci: [], note: 'On neither list; the README of the lists calls it probably not in PCI scope.' },
  iac: {
    cloudformation: ['AWS::Lightsail::Instance', 'AWS::Lightsail::Database'],
    terraform: ['aws_lightsail_instance', 'aws_lightsail_database'],
    cdk: ['aws_lightsail.CfnInstance', 'aws_lightsail.CfnDatabase'],
  },
  security: [
    { setting: 'Firewall', recommendation: 'open only the ports served', why: 'smaller attack surface' },
  ],
  related: [],
});
