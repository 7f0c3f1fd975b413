import shapes from './drawio-shapes.json' with { type: 'json' };
import { CATEGORY_COLORS, type DiagramGraph, type DiagramGroup } from './graph.js';
import type { Layout, LayoutBox } from './render.js';

type Shape = { style: string; width: number; height: number };
const SHAPES = (shapes as { shapes: Record<string, Shape> }).shapes;

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const GROUP_SHAPE: Record<DiagramGroup['kind'], string> = {
  cloud: 'group:cloud',
  region: 'group:region',
  vpc: 'group:vpc',
  'public-subnet': 'group:public-subnet',
  'private-subnet': 'group:private-subnet',
  'isolated-subnet': 'group:private-subnet',
  layer: 'group:generic',
  external: 'group:generic',
};

/** Replaces or adds `key=value` in a draw.io style string (later keys win in draw.io, so append). */
function withStyle(style: string, extra: Record<string, string>): string {
  return style + Object.entries(extra).map(([k, v]) => `${k}=${v};`).join('');
}

const ICON = 48;

/**
 * draw.io XML (editable in diagrams.net) using draw.io's own AWS shape and group styles, placed by the Graphviz
 * layout of the same graph. Groups are containers, so moving the VPC moves what is in it.
 */
export function toDrawio(g: DiagramGraph, lay: Layout): string {
  const cells: string[] = ['<mxCell id="0" />', '<mxCell id="1" parent="0" />'];
  const abs = new Map<string, LayoutBox>();
  const margin = 30;
  for (const grp of g.groups) {
    const box = lay.clusters.get(grp.id);
    if (box) abs.set(`g_${grp.id}`, { x: box.x + margin, y: box.y + margin, width: box.width, height: box.height });
  }
  const parentOf = (groupId: string | undefined) => (groupId && abs.has(`g_${groupId}`) ? `g_${groupId}` : '1');
  const rel = (box: LayoutBox, parent: string): LayoutBox => {
    const p = abs.get(parent);
    return p ? { ...box, x: box.x - p.x, y: box.y - p.y } : box;
  };
  const geom = (b: LayoutBox) => `<mxGeometry x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" as="geometry" />`;

  for (const grp of g.groups) {
    const id = `g_${grp.id}`;
    const box = abs.get(id);
    if (!box) continue;
    const parent = parentOf(grp.parent);
    const base = SHAPES[GROUP_SHAPE[grp.kind]]!.style;
    const style = withStyle(base, grp.kind === 'isolated-subnet' ? { fillColor: '#EEF1F6', container: '1', collapsible: '0' } : { container: '1', collapsible: '0' });
    cells.push(`<mxCell id="${id}" value="${xml(grp.label)}" style="${xml(style)}" vertex="1" parent="${parent}">${geom(rel(box, parent))}</mxCell>`);
  }
  for (const n of g.nodes) {
    const slot = lay.nodes.get(n.id);
    if (!slot) continue;
    const shape = SHAPES[n.shape] ?? SHAPES['client']!;
    // The icon sits centred at the top of the node's layout slot; the label goes underneath it.
    const box: LayoutBox = { x: slot.x + margin + (slot.width - ICON) / 2, y: slot.y + margin + 2, width: ICON, height: ICON };
    const parent = parentOf(n.group);
    const label = n.service ? `${xml(n.label)}&lt;br&gt;&lt;font style=&quot;font-size: 10px&quot; color=&quot;#545B64&quot;&gt;${xml(n.service)}&lt;/font&gt;` : xml(n.label);
    const style = n.shape in SHAPES ? shape.style : withStyle(shape.style, { fillColor: CATEGORY_COLORS[n.category] });
    cells.push(`<mxCell id="n_${xml(n.id)}" value="${label}" style="${xml(style)}" vertex="1" parent="${parent}">${geom(rel(box, parent))}</mxCell>`);
  }
  const edgeStyle = 'edgeStyle=orthogonalEdgeStyle;html=1;endArrow=block;elbow=vertical;startArrow=none;endFill=1;strokeColor=#545B64;rounded=0;fontSize=10;';
  g.edges.forEach((e, i) => {
    const style = e.style === 'solid' ? edgeStyle : `${edgeStyle}dashed=1;`;
    cells.push(
      `<mxCell id="e_${i}" value="${xml(e.label)}" style="${xml(style)}" edge="1" parent="1" source="n_${xml(e.from)}" target="n_${xml(e.to)}"><mxGeometry relative="1" as="geometry" /></mxCell>`,
    );
  });
  const w = Math.ceil(lay.width + 2 * margin);
  const h = Math.ceil(lay.height + 2 * margin);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="aws-backend-architect" type="device">`,
    `  <diagram id="architecture" name="${xml(g.title)}">`,
    `    <mxGraphModel dx="${w}" dy="${h}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="${w}" pageHeight="${h}" math="0" shadow="0">`,
    '      <root>',
    ...cells.map((c) => `        ${c}`),
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}
