import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/client.js';

describe('MCP server basics (in-memory client)', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it('announces itself with instructions and capabilities', () => {
    expect(c.client.getServerVersion()?.name).toBe('aws-backend-architect');
    expect(c.client.getInstructions()).toContain('analyze_requirements');
    const caps = c.client.getServerCapabilities();
    expect(caps?.tools).toBeDefined();
    expect(caps?.prompts).toBeDefined();
    expect(caps?.resources).toBeDefined();
    expect(caps?.logging).toBeDefined();
    expect(caps?.completions).toBeDefined();
  });

  it('answers an unknown tool with isError naming the tools that exist', async () => {
    const text = await c.err('no_such_tool', {});
    expect(text).toContain("Unknown tool 'no_such_tool'");
  });

  it('serves the model schemas as resources', async () => {
    const r = await c.client.readResource({ uri: 'aws-architect://schema/architecture' });
    const schema = JSON.parse((r.contents[0] as { text: string }).text);
    expect(schema.properties.components).toBeDefined();
    expect(JSON.stringify(schema)).toContain('apigateway-websocket');
  });

  it('completes region arguments of prompts', async () => {
    const r = await c.client.complete({ ref: { type: 'ref/prompt', name: 'design-backend' }, argument: { name: 'region', value: 'eu-w' } });
    expect(r.completion.values).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
  });
});
