import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import {
  CallToolRequestSchema,
  ElicitResultSchema,
  ListToolsRequestSchema,
  ListRootsResultSchema,
  RootsListChangedNotificationSchema,
  type CallToolResult,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ServerConfig } from '../config/types.js';
import { isUserError } from '../shared/errors.js';
import { packageVersion } from '../shared/paths.js';
import { describeZodIssues } from '../shared/zod.js';
import { INSTRUCTIONS } from './instructions.js';
import { completionsFor, loadPrompts, renderPrompt } from './prompts.js';
import type { ResourceContext, ResourceDefinition } from './resource.js';
import { allResources } from './resources/index.js';
import { listDefinition, toolManifest } from './listing.js';
import type { AnyTool, ElicitSchema, ExtraContent, ToolContext } from './tool.js';
import { enabledEntries, TOOL_ENTRIES } from './tools/index.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface CreatedServer {
  mcp: McpServer;
}

/**
 * Builds an MCP server over the registry: every tool, prompt and resource, the workflow instructions, completions
 * and logging. One per connection (stdio, each stateless HTTP request, or each HTTP session); the `shared` map
 * lets those servers share lazily loaded singletons.
 */
export function createServer(config: ServerConfig, shared: Map<string, Promise<unknown>> = new Map()): CreatedServer {
  const mcp = new McpServer(
    { name: 'aws-backend-architect', title: 'AWS Backend Architect', version: packageVersion() },
    {
      instructions: INSTRUCTIONS,
      capabilities: { logging: {}, tools: { listChanged: true }, prompts: { listChanged: true }, resources: { listChanged: true } },
    },
  );

  const memo = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let p = shared.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      shared.set(key, p);
      // A failed load is not cached: the next call tries again.
      p.catch(() => shared.delete(key));
    }
    return p;
  };

  let rootsCache: Promise<string | undefined> | undefined;
  mcp.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
    rootsCache = undefined;
  });

  const clientRoot = (extra?: Extra): Promise<string | undefined> => {
    if (!config.useClientRoots || !mcp.server.getClientCapabilities()?.roots) return Promise.resolve(undefined);
    rootsCache ??= (async () => {
      try {
        const res = extra
          ? await extra.sendRequest({ method: 'roots/list' }, ListRootsResultSchema, { timeout: 5000 })
          : await mcp.server.listRoots(undefined, { timeout: 5000 });
        const first = res.roots.find((r) => r.uri.startsWith('file://'));
        return first ? fileURLToPath(first.uri) : undefined;
      } catch (e) {
        config.logger.log('warning', `roots/list failed; using the working directory: ${(e as Error).message}`);
        rootsCache = undefined;
        return undefined;
      }
    })();
    return rootsCache;
  };

  const projectRoot = async (extra?: Extra) => config.projectDir ?? (await clientRoot(extra)) ?? config.cwd;
  const resourcesChanged = () => {
    if (mcp.isConnected()) mcp.sendResourceListChanged();
  };

  const resourceCtx: ResourceContext = { config, projectRoot: () => projectRoot(), memo, resourcesChanged };

  // Tools load on first use. The bundle lists them from the build-time manifest; a source run loads the modules.
  const enabled = enabledEntries(config);
  const loading = new Map<number, Promise<AnyTool>>();
  const load = (index: number): Promise<AnyTool> => {
    let p = loading.get(index);
    if (!p) {
      p = TOOL_ENTRIES[index]!.load();
      loading.set(index, p);
    }
    return p;
  };
  let names: Promise<Map<string, number>> | undefined;
  const byName = (): Promise<Map<string, number>> => {
    names ??= (async () => {
      const manifest = toolManifest();
      const allowed = new Set(enabled.map((e) => e.index));
      if (manifest) return new Map(manifest.filter((r) => allowed.has(r.index)).map((r) => [r.tool.name, r.index]));
      const tools = await Promise.all(enabled.map(async (e) => [await load(e.index), e.index] as const));
      const map = new Map<string, number>();
      for (const [tool, index] of tools) {
        if (map.has(tool.name)) throw new Error(`tool ${tool.name} is registered twice`);
        map.set(tool.name, index);
      }
      return map;
    })();
    return names;
  };

  mcp.server.setRequestHandler(ListToolsRequestSchema, async () => {
    const manifest = toolManifest();
    if (manifest) {
      const allowed = new Set(enabled.map((e) => e.index));
      return { tools: manifest.filter((r) => allowed.has(r.index)).map((r) => r.tool) };
    }
    await byName();
    return { tools: await Promise.all(enabled.map(async (e) => listDefinition(await load(e.index)))) };
  });

  // Our own tools/call: arguments are parsed once here so that every user-fixable problem comes back as an
  // isError result naming the field, with a suggestion, and a bug is logged and reported without details leaking.
  mcp.server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: rawArgs } = request.params;
    const names = await byName();
    const index = names.get(name);
    if (index === undefined) return errorResult(`Unknown tool '${name}'. Available tools: ${[...names.keys()].join(', ')}.`);
    const tool = await load(index);
    const parsed = await tool.input.safeParseAsync(rawArgs ?? {});
    if (!parsed.success) {
      const lines = describeZodIssues(parsed.error, rawArgs ?? {}).map((i) => `- ${i.field}: ${i.message}`);
      return errorResult(`Invalid arguments for ${name}:\n${lines.join('\n')}`);
    }
    const ctx = toolContext(extra);
    try {
      const out = await tool.handler(parsed.data, ctx);
      const checked = tool.output.safeParse(out.structured);
      if (!checked.success) {
        const detail = describeZodIssues(checked.error, out.structured).map((i) => `${i.field}: ${i.message}`).join('; ');
        throw new Error(`tool ${name} produced output that does not match its schema: ${detail}`);
      }
      return {
        content: [{ type: 'text', text: out.text }, ...(out.extra ?? [])],
        structuredContent: checked.data as Record<string, unknown>,
      };
    } catch (e) {
      if (isUserError(e)) return errorResult(e.describe());
      config.logger.log('error', `tool ${name} failed`, e instanceof Error ? e.stack : e);
      return errorResult(`Internal error in ${name}: ${e instanceof Error ? e.message : String(e)}. This is a bug; the server keeps running.`);
    }
  });

  function toolContext(extra: Extra): ToolContext {
    const token = extra._meta?.progressToken;
    return {
      config,
      projectRoot: () => projectRoot(extra),
      memo,
      resourcesChanged,
      signal: extra.signal,
      async progress(progress, total, message) {
        if (token === undefined) return;
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, total, message } });
      },
      async log(level, message) {
        await extra.sendNotification({ method: 'notifications/message', params: { level, logger: 'aws-backend-architect', data: message } });
      },
      async elicit(message: string, schema: ElicitSchema) {
        if (!mcp.server.getClientCapabilities()?.elicitation) return undefined;
        try {
          const res = await extra.sendRequest({ method: 'elicitation/create', params: { message, requestedSchema: schema as never } }, ElicitResultSchema, { timeout: 10 * 60_000 });
          return res.action === 'accept' ? (res.content as Record<string, unknown> | undefined) : undefined;
        } catch (e) {
          config.logger.log('warning', `elicitation failed: ${(e as Error).message}`);
          return undefined;
        }
      },
    };
  }

  for (const prompt of loadPrompts()) {
    const shape: Record<string, z.ZodType<string | undefined>> = {};
    for (const arg of prompt.arguments) {
      const values = completionsFor(arg.complete);
      const complete = (v: string | undefined) => (values ?? []).filter((x) => x.startsWith(v ?? ''));
      const base = z.string().describe(arg.description);
      // SDK 1.32 looks for the completer on the unwrapped schema when registering and on the field itself when
      // completing, so an optional argument carries it on both.
      const inner = values ? completable(base, complete) : base;
      const field = arg.required ? inner : inner.optional();
      shape[arg.name] = values && !arg.required ? completable(field, complete) : field;
    }
    mcp.registerPrompt(prompt.name, { title: prompt.title, description: prompt.description, argsSchema: shape }, (args) => ({
      description: prompt.description,
      messages: [{ role: 'user', content: { type: 'text', text: renderPrompt(prompt, args as Record<string, string | undefined>) } }],
    }));
  }

  for (const res of allResources(config)) registerResource(mcp, res, resourceCtx);

  return { mcp };
}

function registerResource(mcp: McpServer, res: ResourceDefinition, ctx: ResourceContext): void {
  if (res.kind === 'static') {
    mcp.registerResource(res.name, res.uri, { title: res.title, description: res.description, mimeType: res.mimeType }, async () => ({
      contents: (await res.read(ctx)) as never,
    }));
    return;
  }
  const complete = res.complete
    ? Object.fromEntries(Object.entries(res.complete).map(([k, fn]) => [k, (value: string) => fn(value, ctx)]))
    : undefined;
  const list = res.list;
  const template = new ResourceTemplate(res.uriTemplate, {
    list: list ? async () => ({ resources: await list(ctx) }) : undefined,
    ...(complete ? { complete } : {}),
  });
  mcp.registerResource(res.name, template, { title: res.title, description: res.description, ...(res.mimeType ? { mimeType: res.mimeType } : {}) }, async (uri, vars) => ({
    contents: (await res.read(uri, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : String(v)])), ctx)) as never,
  }));
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

export type { ExtraContent };
