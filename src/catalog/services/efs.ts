import { defineService } from '../types.js';

export default defineService({
  id: 'efs',
  name: 'Amazon Elastic File System',
  aliases: ['efs', 'elastic file system', 'nfs', 'shared file system'],
  layer: 'data',
  role: 'knowledge',
  summary: 'Serverless NFS file system shared by Lambda, containers and instances across AZs, with lifecycle to infrequent-access and archive classes.',
  goodFor: ['shared files between containers or functions', 'legacy software that needs a POSIX file system'],
  badFor: ['object storage served to browsers (S3)', 'databases on a file share'],
  limits: [
    { key: 'file-size', what: 'Largest file', value: 47.9, unit: 'TiB', adjustable: false, impact: 'not binding' },
  ],
  scaling: { model: 'automatic storage; elastic throughput', scalesToZero: true, latency: 'low single-digit ms per operation', availability: 'regional (multi-AZ) or One Zone' },
  operations: { burden: 1, notes: ['access points per application'] },
  pricing: { model: 'per GB-month by storage class plus throughput charges (elastic)', dimensions: ['storage GB-months', 'data read and written (elastic throughput)'], idleCost: 'none', atScale: 'neutral' },
  compliance: { hipaa: ['Amazon Elastic File System'], pci: ['Amazon Elastic File System'] },
  iac: {
    cloudformation: ['AWS::EFS::FileSystem', 'AWS::EFS::MountTarget', 'AWS::EFS::AccessPoint'],
    terraform: ['aws_efs_file_system', 'aws_efs_mount_target', 'aws_efs_access_point'],
    cdk: ['aws_efs.FileSystem', 'aws_efs.AccessPoint'],
  },
  security: [
    { setting: 'Encryption', recommendation: 'at rest (KMS) and in transit (TLS mount)', why: 'encryption everywhere' },
  ],
  related: ['lambda', 'ecs-fargate'],
});
