import type { ToolEntry } from '../../tool.js';

/** Tools of infrastructure as code, one file each in this folder, loaded on first use. */
export const iacTools: ToolEntry[] = [
  { load: async () => (await import('./generate_iac.js')).generateIacTool },
  { load: async () => (await import('./validate_template.js')).validateTemplateTool },
];
