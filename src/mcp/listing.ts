import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../shared/paths.js';
import type { AnyTool } from './tool.js';

/** A tool as tools/list shows it: the same JSON Schema (draft-07, input/output views) the SDK would publish. */
export interface ListedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

export function listDefinition(tool: AnyTool): ListedTool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }) as Record<string, unknown>,
    outputSchema: z.toJSONSchema(tool.output, { target: 'draft-7', io: 'output' }) as Record<string, unknown>,
    annotations: { title: tool.title, ...tool.annotations },
  };
}

/** One manifest row: the tool's position in TOOL_ENTRIES and its listing. */
export interface ManifestRow {
  index: number;
  tool: ListedTool;
}

let cached: ManifestRow[] | null | undefined;

/**
 * The listing generated at build time (dist/tool-manifest.json), so the bundled server answers tools/list without
 * loading a single tool module. Source runs (tests, development) have none and list from the modules themselves.
 */
export function toolManifest(): ManifestRow[] | undefined {
  if (cached !== undefined) return cached ?? undefined;
  const file = join(packageRoot(), 'dist', 'tool-manifest.json');
  cached = import.meta.url.includes('/dist/') && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ManifestRow[]) : null;
  return cached ?? undefined;
}
