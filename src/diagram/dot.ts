import { CATEGORY_COLORS, childGroups, type DiagramGraph } from './graph.js';

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const CLUSTER_STYLE: Record<string, string> = {
  cloud: 'color="#232F3E"; style="rounded"; penwidth=1.5',
  region: 'color="#147EBA"; style="rounded,dashed"',
  vpc: 'color="#8C4FFF"; style="rounded"; penwidth=1.5',
  'public-subnet': 'color="#7AA116"; style="rounded,filled"; fillcolor="#F2F6E8"',
  'private-subnet': 'color="#147EBA"; style="rounded,filled"; fillcolor="#E6F6F7"',
  'isolated-subnet': 'color="#147EBA"; style="rounded,filled"; fillcolor="#EEF1F6"',
  layer: 'color="#879196"; style="rounded,dashed"',
  external: 'color="#232F3E"; style="rounded,dotted"',
};

/**
 * Graphviz DOT: the same groups as clusters, nodes coloured by AWS category. Node sizes are fixed so the layout
 * can also place draw.io icons.
 */
export function toDot(g: DiagramGraph): string {
  const out: string[] = [
    `digraph ${q(g.title)} {`,
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.35, ranksep=0.9, compound=true, newrank=true, pad=0.3];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, fontcolor="#ffffff", color="#232F3E", width=2.1, height=0.8, fixedsize=true];',
    '  edge [fontname="Helvetica", fontsize=9, color="#545B64", fontcolor="#232F3E", arrowsize=0.7];',
  ];
  const emit = (parent: string | undefined, indent: string) => {
    for (const grp of childGroups(g, parent)) {
      out.push(`${indent}subgraph ${q(`cluster_${grp.id}`)} {`);
      out.push(`${indent}  label=${q(grp.label)}; labeljust="l"; ${CLUSTER_STYLE[grp.kind] ?? ''};`);
      for (const n of g.nodes.filter((x) => x.group === grp.id)) out.push(`${indent}  ${nodeLine(n)}`);
      emit(grp.id, `${indent}  `);
      out.push(`${indent}}`);
    }
  };
  const nodeLine = (n: DiagramGraph['nodes'][number]) => {
    const label = n.service ? `<${html(n.label)}<BR/><FONT POINT-SIZE="9">${html(n.service)}</FONT>>` : q(n.label);
    const shape = n.category === 'actor' ? ', shape=ellipse, fillcolor="#232F3E"' : n.store ? `, shape=cylinder, fillcolor=${q(CATEGORY_COLORS[n.category])}` : `, fillcolor=${q(CATEGORY_COLORS[n.category])}`;
    return `${q(n.id)} [label=${label}${shape}];`;
  };
  emit(undefined, '  ');
  for (const n of g.nodes.filter((x) => !g.groups.some((grp) => grp.id === x.group))) out.push(`  ${nodeLine(n)}`);
  // Operations services have no edges; tie them after the sinks so they sit at the right, not before the users.
  const ops = g.nodes.filter((n) => n.group === 'operations');
  const hasOut = new Set(g.edges.map((e) => e.from));
  const sinks = g.nodes.filter((n) => n.group !== 'operations' && n.category !== 'actor' && !hasOut.has(n.id));
  for (const o of ops) for (const s of sinks) out.push(`  ${q(s.id)} -> ${q(o.id)} [style=invis];`);
  for (const e of g.edges) {
    out.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${e.style === 'solid' ? '' : `, style=${e.style}`}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
