import type { Architecture } from '../model/index.js';
import { toDot } from './dot.js';
import { toDrawio } from './drawio.js';
import { buildGraph, type DiagramGraph, type GraphOptions } from './graph.js';
import { toMermaid } from './mermaid.js';
import { dotToSvg, layout, svgToPng } from './render.js';

export { buildGraph, toDot, toMermaid, toDrawio };
export type { DiagramGraph };

export const DIAGRAM_FORMATS = ['mermaid', 'drawio', 'svg', 'png', 'dot'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface RenderedDiagram {
  format: DiagramFormat;
  /** File name in the design workspace. */
  file: string;
  mimeType: string;
  /** Text formats as text; PNG as base64. */
  content: string;
  encoding: 'utf8' | 'base64';
}

const FILES: Record<DiagramFormat, { file: string; mimeType: string }> = {
  mermaid: { file: 'diagram.mmd', mimeType: 'text/vnd.mermaid' },
  drawio: { file: 'diagram.drawio', mimeType: 'application/vnd.jgraph.mxfile' },
  svg: { file: 'diagram.svg', mimeType: 'image/svg+xml' },
  png: { file: 'diagram.png', mimeType: 'image/png' },
  dot: { file: 'diagram.dot', mimeType: 'text/vnd.graphviz' },
};

/** Renders the design in the requested formats from one graph; Graphviz runs at most once for layout and SVG. */
export async function renderDiagrams(a: Architecture, formats: readonly DiagramFormat[], opts: GraphOptions & { pngWidth?: number } = {}): Promise<{ graph: DiagramGraph; diagrams: RenderedDiagram[] }> {
  const graph = buildGraph(a, opts);
  const dot = toDot(graph);
  const out: RenderedDiagram[] = [];
  let svg: string | undefined;
  const getSvg = async () => (svg ??= await dotToSvg(dot));
  for (const format of formats) {
    const meta = FILES[format];
    let content: string;
    let encoding: RenderedDiagram['encoding'] = 'utf8';
    switch (format) {
      case 'mermaid':
        content = toMermaid(graph);
        break;
      case 'dot':
        content = dot;
        break;
      case 'svg':
        content = await getSvg();
        break;
      case 'png':
        content = (await svgToPng(await getSvg(), opts.pngWidth)).toString('base64');
        encoding = 'base64';
        break;
      case 'drawio':
        content = toDrawio(graph, await layout(dot));
        break;
    }
    out.push({ format, ...meta, content, encoding });
  }
  return { graph, diagrams: out };
}
