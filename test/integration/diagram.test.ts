import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesignWorkspace } from '../../src/workflow/workspace.js';
import { connect, type Connected } from '../helpers/client.js';
import { architectureFixture, rawArchitectureFixture } from '../helpers/fixtures.js';

describe('generate_diagram through the MCP client', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
    await new DesignWorkspace(c.config.projectDir!).saveArchitecture('chat', architectureFixture('realtime-chat'));
  });
  afterAll(async () => c.close());

  it('returns Mermaid inline for an inline architecture', async () => {
    const r = await c.ok<{ mermaid: string; nodes: number; files: unknown[] }>('generate_diagram', { architecture: rawArchitectureFixture('static-site') });
    expect(r.mermaid).toMatch(/^flowchart LR/);
    expect(r.nodes).toBeGreaterThanOrEqual(7);
  });

  it('writes every format into the design workspace, links them, and shows the PNG as an image', async () => {
    const r = await c.call('generate_diagram', { design: 'chat', formats: ['mermaid', 'drawio', 'svg', 'png'] });
    expect(r.isError).toBeFalsy();
    const links = r.content.filter((x) => x.type === 'resource_link').map((x) => (x as { uri: string }).uri);
    expect(links).toEqual(['design://chat/diagram.mmd', 'design://chat/diagram.drawio', 'design://chat/diagram.svg', 'design://chat/diagram.png']);
    const image = r.content.find((x) => x.type === 'image') as { data: string; mimeType: string };
    expect(image.mimeType).toBe('image/png');
    expect(Buffer.from(image.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    for (const f of ['diagram.mmd', 'diagram.drawio', 'diagram.svg', 'diagram.png']) {
      expect(existsSync(join(c.config.projectDir!, '.ai/architecture/chat', f)), f).toBe(true);
    }
  });

  it('names the field when the design is unknown or the format does not exist', async () => {
    expect(await c.err('generate_diagram', { design: 'chatt' })).toMatch(/design: no saved design 'chatt' \(did you mean 'chat'\?\)/);
    expect(await c.err('generate_diagram', { design: 'chat', formats: ['visio'] })).toMatch(/formats\[0\]: 'visio' is not one of mermaid, drawio, svg, png, dot/);
    expect(await c.err('generate_diagram', { architecture: { name: 'x', components: [{ id: 'a', service: 'lambdaa' }] } })).toMatch(/architecture\.components\[0\]\.service: unknown service 'lambdaa' \(did you mean 'lambda'\?\)/);
  });
});

describe('design resources', () => {
  it('lists and reads the files of saved designs as design:// resources', async () => {
    const c = await connect();
    try {
      const ws = new DesignWorkspace(c.config.projectDir!);
      await ws.saveArchitecture('shop', architectureFixture('ecommerce-api'));
      await c.ok('generate_diagram', { design: 'shop', formats: ['mermaid', 'png'] });
      const { resources } = await c.client.listResources();
      const uris = resources.map((r) => r.uri).filter((u) => u.startsWith('design://'));
      expect(uris).toEqual(['design://shop/architecture.json', 'design://shop/diagram.mmd', 'design://shop/diagram.png']);
      const arch = await c.client.readResource({ uri: 'design://shop/architecture.json' });
      expect(JSON.parse((arch.contents[0] as { text: string }).text).name).toBe('shop-api');
      const png = await c.client.readResource({ uri: 'design://shop/diagram.png' });
      expect((png.contents[0] as { blob: string }).blob.length).toBeGreaterThan(1000);
      await expect(c.client.readResource({ uri: 'design://shop/../../etc/passwd' })).rejects.toThrow();
    } finally {
      await c.close();
    }
  });
});
