import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentationConfig, renderReadme } from '../../src/mcp/docs.js';
import { loadTools } from '../../src/mcp/tools/index.js';
import { connect, testConfig, type Connected } from '../helpers/client.js';
import { ROOT } from '../helpers/spawn.js';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema & { description?: string }>; description?: string };

describe('the tool registry', () => {
  let c: Connected;
  const config = documentationConfig(testConfig());
  beforeAll(async () => {
    c = await connect({ aws: config.aws });
  });
  afterAll(async () => c.close());

  it('lists exactly the registered tools over the protocol', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual((await loadTools(config)).map((t) => t.name).sort());
  });

  it('every tool: snake_case name under 64 characters, explicit readOnlyHint, described inputs, object output', async () => {
    const { tools } = await c.client.listTools();
    for (const t of tools) {
      expect(t.name, t.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(t.name.length, t.name).toBeLessThan(64);
      expect(typeof t.annotations?.readOnlyHint, `${t.name} readOnlyHint`).toBe('boolean');
      expect(t.title, `${t.name} title`).toBeTruthy();
      expect((t.description ?? '').length, `${t.name} description`).toBeGreaterThan(60);
      const input = t.inputSchema as JsonSchema;
      expect(input.type).toBe('object');
      for (const [field, schema] of Object.entries(input.properties ?? {})) {
        expect(schema.description, `${t.name}.${field} has no description`).toBeTruthy();
      }
      expect((t.outputSchema as JsonSchema | undefined)?.type, `${t.name} output schema`).toBe('object');
    }
  });

  it('keeps the listed definitions stable (snapshot of names, descriptions, schemas, annotations)', async () => {
    const { tools } = await c.client.listTools();
    const snap = tools
      .map((t) => ({ name: t.name, title: t.title, description: t.description, annotations: t.annotations, inputSchema: t.inputSchema, outputSchema: t.outputSchema }))
      .sort((a, b) => a.name.localeCompare(b.name));
    await expect(JSON.stringify(snap, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/tool-definitions.json');
  });

  it('the README tool and prompt tables are generated from the registry (run npm run docs after a change)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(await renderReadme(readme, config));
  });
});
