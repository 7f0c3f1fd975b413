import { defineService } from '../types.js';

export default defineService({
  id: 'transfer-family',
  name: 'AWS Transfer Family',
  aliases: ['transfer family', 'sftp', 'ftps', 'ftp', 'as2', 'file transfer'],
  layer: 'integration',
  role: 'component',
  summary: 'Managed SFTP, FTPS, FTP and AS2 endpoints that store files directly in S3 or EFS, for partners who exchange files.',
  goodFor: ['partners who deliver files over SFTP', 'replacing self-managed SFTP servers', 'B2B file exchange with audit logs'],
  badFor: ['occasional transfers on a tight budget (billed per protocol per hour while the endpoint exists)', 'your own applications (upload to S3 directly)'],
  limits: [
    { key: 'servers', what: 'Servers per account per region', value: 50, unit: 'servers', adjustable: true, impact: 'rarely binding' },
    { key: 'file-size', what: 'Largest file (S3 object)', value: 50, unit: 'TB', adjustable: false, impact: 'not binding for partner files' },
  ],
  scaling: { model: 'automatic', scalesToZero: false, latency: 'transfer-rate bound', availability: 'endpoint across the AZs of its subnets' },
  operations: { burden: 1, notes: ['manage partner users and SSH keys', 'managed workflows can post-process uploads'] },
  pricing: { model: 'per protocol per hour while the server exists plus per GB uploaded and downloaded', dimensions: ['protocol hours', 'GB transferred'], idleCost: 'high', atScale: 'efficient' },
  compliance: { hipaa: ['AWS Transfer Family'], pci: ['AWS Transfer Family'] },
  iac: {
    cloudformation: ['AWS::Transfer::Server', 'AWS::Transfer::User'],
    terraform: ['aws_transfer_server', 'aws_transfer_user', 'aws_transfer_ssh_key'],
    cdk: ['aws_transfer.CfnServer', 'aws_transfer.CfnUser'],
  },
  security: [
    { setting: 'Protocols', recommendation: 'SFTP only (no plain FTP)', why: 'encryption in transit' },
    { setting: 'Security policy', recommendation: 'latest TransferSecurityPolicy', why: 'modern ciphers only' },
    { setting: 'User scope', recommendation: 'logical home directories per partner, scoped IAM role', why: 'partners see only their own files' },
    { setting: 'Logging', recommendation: 'structured logs to CloudWatch', why: 'who sent which file' },
  ],
  related: ['s3', 'step-functions'],
});
