/**
 * Architecture and template review: Well-Architected pillars, the seed's anti-patterns, DR against the stated
 * RPO/RTO, HIPAA and PCI DSS over the model, and cdk-nag packs (AwsSolutions, HIPAA Security, PCI DSS 3.2.1,
 * NIST 800-53 rev 5, Serverless) over CloudFormation. Heavy dependencies (aws-cdk-lib, cdk-nag, the HCL parser) load
 * only when a template is reviewed.
 */
export { reviewArchitecture, reviewModel, reviewTemplate, detectFormat } from './review.js';
export type { DesignReviewOptions, GeneratedTemplate, ReviewOptions, TemplateReviewOptions } from './review.js';
export { runModelRules } from './engine.js';
export { MODEL_RULES, MODEL_RULES_BY_ID, DR_CAPABILITY } from './rules/index.js';
export { selectFrameworks, DEFAULT_FRAMEWORKS, MODEL_FRAMEWORKS, PACK_FRAMEWORKS } from './frameworks.js';
export { applyAcknowledgements, templateAcknowledgements, MIN_REASON_LENGTH } from './acknowledge.js';
export { buildReport, renderText, sortFindings, visibleFindings, FAILING } from './report.js';
export { defaultComplianceLookup } from './eligibility.js';
export type { TemplateContext } from './template/builder.js';
export type * from './types.js';
