import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, renderDiagrams, toMermaid } from '../../../src/diagram/index.js';
import { architectureFixture, architectureFixtureNames } from '../../helpers/fixtures.js';

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  // mermaid's parser needs a DOM for its sanitiser; jsdom provides one.
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
}, 60_000);

describe('diagram graph', () => {
  it('places components in the VPC tiers, layers and the global edge', () => {
    const g = buildGraph(architectureFixture('realtime-chat'));
    const where = Object.fromEntries(g.nodes.map((n) => [n.id, n.group]));
    expect(where['presence']).toBe('subnet-isolated');
    expect(where['ws-handler']).toBe('subnet-private');
    expect(where['media-cdn']).toBe('global-edge');
    expect(where['messages']).toBe('layer-data');
    expect(g.groups.find((x) => x.id === 'vpc')?.label).toBe('VPC 10.0.0.0/16');
    expect(g.groups.find((x) => x.id === 'subnet-private')?.label).toBe('Private subnets (2 AZs)');
  });

  it('labels edges with what flows and connects users to the entry points', () => {
    const g = buildGraph(architectureFixture('realtime-chat'));
    expect(g.edges).toContainEqual({ from: 'ws-api', to: 'ws-handler', label: 'chat frames', style: 'solid' });
    const userTargets = g.edges.filter((e) => e.from === 'actor-users').map((e) => e.to).sort();
    expect(userTargets).toEqual(['http-api', 'media-cdn', 'ws-api']);
  });

  it('draws devices for IoT and partners for SFTP', () => {
    const iot = buildGraph(architectureFixture('iot-telemetry'));
    expect(iot.edges).toContainEqual(expect.objectContaining({ from: 'actor-devices', to: 'iot' }));
    const etl = buildGraph(architectureFixture('nightly-etl'));
    expect(etl.edges).toContainEqual(expect.objectContaining({ from: 'actor-partners', to: 'sftp' }));
  });

  it('has no VPC group when the design has no network', () => {
    const g = buildGraph(architectureFixture('static-site'));
    expect(g.groups.map((x) => x.kind)).not.toContain('vpc');
  });
});

describe.each(architectureFixtureNames())('diagrams of %s', (name) => {
  const a = architectureFixture(name);
  let out: Awaited<ReturnType<typeof renderDiagrams>>;
  beforeAll(async () => {
    out = await renderDiagrams(a, ['mermaid', 'drawio', 'svg', 'png', 'dot']);
  }, 60_000);
  const get = (f: string) => out.diagrams.find((d) => d.format === f)!;

  it('Mermaid parses with mermaid\'s own parser and has every component', async () => {
    const text = get('mermaid').content;
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    for (const c of a.components) expect(text).toContain(`n_${c.id.replace(/-/g, '_')}`);
  });

  it('draw.io XML is well formed, uses draw.io AWS shapes, and every edge has both ends', () => {
    const xml = get('drawio').content;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const cells = doc.mxfile.diagram.mxGraphModel.root.mxCell as Array<Record<string, string>>;
    const vertices = new Set(cells.filter((c) => c.vertex === '1').map((c) => c.id));
    const edges = cells.filter((c) => c.edge === '1');
    expect(edges.length).toBe(out.graph.edges.length);
    for (const e of edges) {
      expect(vertices.has(e.source!), `edge ${e.id} source ${e.source}`).toBe(true);
      expect(vertices.has(e.target!), `edge ${e.id} target ${e.target}`).toBe(true);
    }
    for (const c of a.components) {
      const cell = cells.find((x) => x.id === `n_${c.id}`);
      expect(cell?.style, c.id).toMatch(/mxgraph\.aws4\./);
    }
    for (const c of cells.filter((x) => x.vertex === '1')) {
      const parent = c.parent!;
      expect(parent === '1' || vertices.has(parent), `${c.id} parent ${parent}`).toBe(true);
    }
  });

  it('SVG is well-formed Graphviz output and the PNG decodes', () => {
    const svg = get('svg').content;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<svg');
    const png = PNG.sync.read(Buffer.from(get('png').content, 'base64'));
    expect(png.width).toBe(1600);
    expect(png.height).toBeGreaterThan(200);
  });
});

describe('escaping', () => {
  it('keeps quotes and angle brackets in names from breaking Mermaid', async () => {
    const a = architectureFixture('static-site');
    a.components[0]!.name = 'The "main" <zone>';
    a.connections[0]!.description = 'end "quoted" flow';
    await expect(mermaid.parse(toMermaid(buildGraph(a)))).resolves.toBeTruthy();
  });
});
