import type { ToolEntry } from '../../tool.js';

/** Tools of requirements analysis, service selection and the catalog, one file each in this folder, loaded on first use. */
export const analysisTools: ToolEntry[] = [
  { load: async () => (await import('./analyze_requirements.js')).analyzeRequirementsTool },
  { load: async () => (await import('./select_services.js')).selectServicesTool },
  { load: async () => (await import('./compare_options.js')).compareOptionsTool },
  { load: async () => (await import('./list_services.js')).listServices },
  { load: async () => (await import('./describe_service.js')).describeService },
];
