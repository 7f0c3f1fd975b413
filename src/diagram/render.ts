/**
 * Graphviz (WASM, @viz-js/viz) for SVG and for the layout that places draw.io shapes, and resvg for PNG. Both are
 * loaded on first use only: they are the heavy part of diagramming.
 */

type Viz = Awaited<ReturnType<typeof import('@viz-js/viz')['instance']>>;
let vizPromise: Promise<Viz> | undefined;

export function viz(): Promise<Viz> {
  vizPromise ??= import('@viz-js/viz').then((m) => m.instance());
  return vizPromise;
}

export async function dotToSvg(dot: string): Promise<string> {
  const v = await viz();
  const r = v.render(dot, { format: 'svg' });
  if (r.status !== 'success') throw new Error(`Graphviz failed: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.output;
}

export interface LayoutBox {
  /** Top-left corner and size in pixels, y growing downwards (draw.io coordinates). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, LayoutBox>;
  clusters: Map<string, LayoutBox>;
}

const PX_PER_PT = 96 / 72;

/** Runs Graphviz's layout on the DOT and returns node and cluster boxes in pixels. */
export async function layout(dot: string): Promise<Layout> {
  const v = await viz();
  const j = v.renderJSON(dot) as { bb: string; objects?: Array<{ name: string; bb?: string; pos?: string; width?: string; height?: string }> };
  const [, , bw, bh] = j.bb.split(',').map(Number) as [number, number, number, number];
  const nodes = new Map<string, LayoutBox>();
  const clusters = new Map<string, LayoutBox>();
  for (const o of j.objects ?? []) {
    if (o.bb && o.name.startsWith('cluster_')) {
      const [x1, y1, x2, y2] = o.bb.split(',').map(Number) as [number, number, number, number];
      clusters.set(o.name.slice('cluster_'.length), { x: x1 * PX_PER_PT, y: (bh - y2) * PX_PER_PT, width: (x2 - x1) * PX_PER_PT, height: (y2 - y1) * PX_PER_PT });
    } else if (o.pos) {
      const [cx, cy] = o.pos.split(',').map(Number) as [number, number];
      const w = Number(o.width) * 72 * PX_PER_PT;
      const h = Number(o.height) * 72 * PX_PER_PT;
      nodes.set(o.name, { x: cx * PX_PER_PT - w / 2, y: (bh - cy) * PX_PER_PT - h / 2, width: w, height: h });
    }
  }
  return { width: bw * PX_PER_PT, height: bh * PX_PER_PT, nodes, clusters };
}

/** Rasterises an SVG to PNG with resvg, using the system fonts. */
export async function svgToPng(svg: string, width = 1600): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return r.render().asPng();
}
