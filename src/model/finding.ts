import { z } from 'zod';
import { FRAMEWORKS, PILLARS, SEVERITIES } from './constants.js';

export { FRAMEWORKS, PILLARS, SEVERITIES };

export const Severity = z.enum(SEVERITIES).describe('info, low, medium, high or critical.');
export type Severity = z.infer<typeof Severity>;

export const Pillar = z.enum(PILLARS).describe('Well-Architected pillar.');
export type Pillar = z.infer<typeof Pillar>;

export const Framework = z.enum(FRAMEWORKS).describe('well-architected, anti-patterns, aws-solutions, hipaa, pci-dss, nist-800-53-r5 or serverless.');
export type Framework = z.infer<typeof Framework>;

/** One problem found by a review, placed precisely enough for a client to fix the design and regenerate. */
export const Finding = z.object({
  id: z.string().describe('Unique within the report, e.g. WA-REL-1:orders-db.'),
  rule: z.string().describe('Rule id, e.g. WA-REL-1 or AwsSolutions-S1.'),
  framework: Framework,
  /** Control within the framework, e.g. HIPAA `164.312(a)(2)(iv)` or PCI `3.4`. */
  control: z.string().optional().describe('Control id within the framework.'),
  pillar: Pillar.optional(),
  severity: Severity,
  title: z.string().describe('What is wrong, in one line.'),
  /** Model component the finding belongs to (link back to the design). */
  component: z.string().optional().describe('Component id in the model the finding belongs to.'),
  /** Template logical id or Terraform address, when reviewing a template. */
  resource: z.string().optional().describe('Template logical id or Terraform address.'),
  evidence: z.string().describe('What was observed.'),
  whyItMatters: z.string().optional().describe('The risk.'),
  fix: z.string().describe('How to fix it.'),
  acknowledged: z.object({ reason: z.string() }).optional().describe('Set when the team accepted the finding, with the reason.'),
});
export type Finding = z.infer<typeof Finding>;
