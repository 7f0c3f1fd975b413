/** Plain constant lists, free of zod, so start-up code (prompt completions) can use them cheaply. */

/** Workload patterns the analyser recognises; selection keys its rules off these. */
export const WORKLOAD_PATTERNS = [
  'rest-api',
  'graphql-api',
  'realtime',
  'ecommerce',
  'iot-ingest',
  'streaming-analytics',
  'batch-etl',
  'ml-inference',
  'static-site',
  'saas-multitenant',
  'event-driven',
  'file-transfer',
  'search',
  'data-warehouse',
  'internal-tool',
] as const;
/** Compliance regimes. Only `hipaa` and `pci-dss` are checked against AWS's eligibility lists. */
export const COMPLIANCE_FRAMEWORKS = ['hipaa', 'pci-dss', 'soc2', 'gdpr', 'fedramp', 'iso27001'] as const;
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const PILLARS = [
  'operational-excellence',
  'security',
  'reliability',
  'performance-efficiency',
  'cost-optimization',
  'sustainability',
] as const;
/** Rule sets a review can apply. Model rules are `well-architected` and `anti-patterns`; the rest are cdk-nag packs. */
export const FRAMEWORKS = [
  'well-architected',
  'anti-patterns',
  'aws-solutions',
  'hipaa',
  'pci-dss',
  'nist-800-53-r5',
  'serverless',
] as const;
