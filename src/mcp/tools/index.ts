import type { ServerConfig } from '../../config/types.js';
import type { AnyTool, ToolEntry } from '../tool.js';
import { analysisTools } from './analysis/index.js';
import { awsTools } from './aws/index.js';
import { costTools } from './cost/index.js';
import { iacTools } from './iac/index.js';
import { memoryTools } from './memory/index.js';
import { reviewTools } from './review/index.js';
import { workflowTools } from './workflow/index.js';

/**
 * The one list of tools, in listing order. Each area folder owns its tools (one file per tool); nothing else keeps a
 * list of names. Entries load their module on first use, so start-up builds no tool schema (the bundle lists tools
 * from a manifest generated at build time, see scripts/build.mjs).
 */
export const TOOL_ENTRIES: readonly ToolEntry[] = [
  ...analysisTools,
  ...iacTools,
  ...costTools,
  ...reviewTools,
  ...workflowTools,
  ...memoryTools,
  ...awsTools,
];

/** Entries enabled under this configuration, with their position in {@link TOOL_ENTRIES}. */
export function enabledEntries(config: ServerConfig): Array<{ index: number; entry: ToolEntry }> {
  return TOOL_ENTRIES.map((entry, index) => ({ index, entry })).filter(({ entry }) => !entry.when || entry.when(config));
}

/** Every tool enabled under this configuration, loaded (docs, tests, the manifest build). */
export async function loadTools(config: ServerConfig): Promise<AnyTool[]> {
  return Promise.all(enabledEntries(config).map(({ entry }) => entry.load()));
}
