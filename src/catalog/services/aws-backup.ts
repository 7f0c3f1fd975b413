import { defineService } from '../types.js';

export default defineService({
  id: 'aws-backup',
  name: 'AWS Backup',
  aliases: ['backup', 'aws backup', 'backups', 'snapshots', 'disaster recovery'],
  layer: 'security',
  role: 'platform',
  emittedFrom: 'resilience',
  summary: 'Central backup plans for DynamoDB, Aurora, RDS, DocumentDB, S3, EFS and EBS: schedules, retention, cross-region and cross-account copies and vault lock.',
  goodFor: ['retention requirements (35 days, 7 years)', 'cross-region backup copies for backup-and-restore DR', 'immutable backups against ransomware (vault lock)'],
  badFor: ['low RPO or RTO across regions (replication: Global Database, global tables, S3 CRR)'],
  limits: [
    { key: 'retention', what: 'Longest retention', value: 100, unit: 'years', adjustable: false, impact: 'not binding' },
    { key: 'frequency', what: 'Most frequent scheduled backup', value: 1, unit: 'hour', adjustable: false, impact: 'continuous backups (PITR) give minutes of RPO in-region' },
  ],
  scaling: { model: 'automatic', scalesToZero: true, latency: 'not applicable', availability: 'vaults per region; copies to other regions' },
  operations: { burden: 1, notes: ['test restores regularly; an untested backup is a hope', 'restore testing plans automate it'] },
  pricing: { model: 'per GB-month of backup storage by resource type plus restores and cross-region transfer', dimensions: ['backup GB-months', 'restore GB', 'cross-region copy GB'], idleCost: 'low', atScale: 'neutral' },
  compliance: { hipaa: ['AWS Backup'], pci: ['AWS Backup'] },
  iac: {
    cloudformation: ['AWS::Backup::BackupVault', 'AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'],
    terraform: ['aws_backup_vault', 'aws_backup_plan', 'aws_backup_selection'],
    cdk: ['aws_backup.BackupVault', 'aws_backup.BackupPlan'],
  },
  security: [
    { setting: 'Vault encryption', recommendation: 'customer-managed KMS key', why: 'backups stay encrypted under your control' },
    { setting: 'Vault lock', recommendation: 'compliance-mode vault lock for regulated data', why: 'backups cannot be deleted early' },
  ],
  related: ['dynamodb', 'aurora', 's3'],
});
