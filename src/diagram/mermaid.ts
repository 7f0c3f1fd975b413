import { CATEGORY_COLORS, childGroups, type Category, type DiagramGraph, type DiagramNode } from './graph.js';

/** Mermaid ids must avoid keywords such as `end`; a prefix and underscores keep every id safe. */
function mid(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Text inside a quoted Mermaid label: quotes and angle brackets become entities. */
function text(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function nodeLine(n: DiagramNode): string {
  const label = n.service ? `${text(n.label)}<br/><i>${text(n.service)}</i>` : text(n.label);
  const q = `"${label}"`;
  if (n.category === 'actor') return `${mid(n.id)}((${q}))`;
  if (n.store) return `${mid(n.id)}[(${q})]`;
  return `${mid(n.id)}(${q})`;
}

/**
 * A Mermaid flowchart: subgraphs for the cloud, the region, the VPC and its subnet tiers, and the layers; edges
 * labelled with what flows. Renders on GitHub and in chat clients.
 */
export function toMermaid(g: DiagramGraph): string {
  const lines: string[] = ['flowchart LR'];
  const emit = (parent: string | undefined, indent: string) => {
    for (const grp of childGroups(g, parent)) {
      lines.push(`${indent}subgraph ${mid(`g_${grp.id}`)}["${text(grp.label)}"]`);
      for (const n of g.nodes.filter((x) => x.group === grp.id)) lines.push(`${indent}  ${nodeLine(n)}`);
      emit(grp.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  emit(undefined, '  ');
  for (const n of g.nodes.filter((x) => !g.groups.some((grp) => grp.id === x.group))) lines.push(`  ${nodeLine(n)}`);
  for (const e of g.edges) {
    const arrow = e.style === 'solid' ? '-->' : '-.->';
    lines.push(`  ${mid(e.from)} ${arrow}|"${text(e.label)}"| ${mid(e.to)}`);
  }
  const used = new Set(g.nodes.map((n) => n.category));
  for (const cat of Object.keys(CATEGORY_COLORS) as Category[]) {
    if (!used.has(cat)) continue;
    lines.push(`  classDef ${cat} fill:${CATEGORY_COLORS[cat]},stroke:#232F3E,color:#ffffff`);
    lines.push(`  class ${g.nodes.filter((n) => n.category === cat).map((n) => mid(n.id)).join(',')} ${cat}`);
  }
  for (const grp of g.groups) {
    const style =
      grp.kind === 'vpc' ? 'fill:#ffffff,stroke:#8C4FFF' :
      grp.kind === 'public-subnet' ? 'fill:#F2F6E8,stroke:#7AA116' :
      grp.kind === 'private-subnet' || grp.kind === 'isolated-subnet' ? 'fill:#E6F6F7,stroke:#147EBA' :
      grp.kind === 'external' ? 'fill:#ffffff,stroke:#232F3E,stroke-dasharray: 4 4' :
      'fill:#ffffff,stroke:#879196';
    lines.push(`  style ${mid(`g_${grp.id}`)} ${style}`);
  }
  return lines.join('\n') + '\n';
}
