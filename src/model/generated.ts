import { z } from 'zod';

/** A problem a validator found in a template, placed by JSON path and, where known, line. */
export const ValidationFinding = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** JSON-pointer-like path, e.g. `/Resources/Fn/Properties/MemorySize`, or a Terraform address. */
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  rule: z.string().optional().describe('Validator rule id, e.g. E3002.'),
  /** Which validator reported it. */
  source: z.string().describe('Validator: cfn-spec, cfn-validate, hcl-parse, tf-schema, cdk-synth, tsc.'),
});
export type ValidationFinding = z.infer<typeof ValidationFinding>;

export const GeneratedFormat = z.enum(['yaml', 'json', 'hcl', 'typescript', 'markdown', 'mermaid', 'drawio', 'dot', 'svg', 'png', 'csv', 'text']);
export type GeneratedFormat = z.infer<typeof GeneratedFormat>;

/** A file a generator produced, relative to its output folder. */
export const GeneratedFile = z.object({
  path: z.string().describe('Relative path, e.g. template.yaml or lib/stack.ts.'),
  content: z.string().describe('File content (base64 for png).'),
  format: GeneratedFormat,
  findings: z.array(ValidationFinding).default([]),
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;
