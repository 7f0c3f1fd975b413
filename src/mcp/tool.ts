import type { z } from 'zod';
import type { ServerConfig } from '../config/types.js';
import type { LogLevel } from '../shared/log.js';

/** Extra content a tool may attach besides its text rendering (pictures, links to written files). */
export type ExtraContent =
  | { type: 'image'; data: string; mimeType: string }
  | { type: 'resource_link'; uri: string; name: string; mimeType?: string; description?: string };

/** What a handler returns: the structured result, a short text rendering, and optional extras. */
export interface ToolOutput<O> {
  structured: O;
  /** Short human/LLM-readable rendering; large artifacts go to files and links, not here. */
  text: string;
  extra?: ExtraContent[];
}

/** A JSON-schema-ish description of a question to ask the user through elicitation. */
export interface ElicitSchema {
  type: 'object';
  properties: Record<string, { type: 'string' | 'number' | 'integer' | 'boolean'; title?: string; description?: string; enum?: string[] }>;
  required?: string[];
}

/** Services a handler may use. Nothing here exposes SDK types, so handlers stay testable without a transport. */
export interface ToolContext {
  config: ServerConfig;
  /** The project root: explicit config, else the client's first file:// root, else the working directory. */
  projectRoot(): Promise<string>;
  /** Reports progress when the client asked for it; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends a log notification scoped to this request (works in stateless HTTP too). */
  log(level: LogLevel, message: string): Promise<void>;
  /** Asks the user through the client when it supports elicitation; undefined when not supported or declined. */
  elicit(message: string, schema: ElicitSchema): Promise<Record<string, unknown> | undefined>;
  /** Tells clients the resource list changed (memory notes or designs were written). */
  resourcesChanged(): void;
  /** Per-server lazy singletons (stores, loaded catalogs): `memo('prices', () => load())`. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
  signal: AbortSignal;
}

export interface ToolAnnotations {
  /** Explicit on every tool: true when it changes nothing outside the server. */
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  /** True when it talks to AWS or another outside system. */
  openWorldHint?: boolean;
}

/**
 * A tool is a value: its name, documentation, schemas, annotations and handler. The registry lists these; the MCP
 * layer registers them; the README table and the snapshot test are generated from them.
 */
export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** snake_case, under 64 characters. */
  name: string;
  title: string;
  /** What the model reads to decide when to call it: purpose, when to use, what comes back. */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  handler(args: z.output<I>, ctx: ToolContext): Promise<ToolOutput<z.output<O>>>;
}

/** Identity function that keeps the generic types of a tool definition. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(def: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return def;
}

/** A tool whose generic types were erased for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any, any>;

/** A registry entry: loads the tool's module on first use; `when` keeps it out of configurations it does not serve. */
export interface ToolEntry {
  load(): Promise<AnyTool>;
  when?: (config: ServerConfig) => boolean;
}
