import { z } from 'zod';
import { defineTool, type ExtraContent } from '../../tool.js';
import { designInputShape, resolveArchitecture } from '../shared/design-input.js';

const FORMATS = ['mermaid', 'drawio', 'svg', 'png', 'dot'] as const;

export const generateDiagram = defineTool({
  name: 'generate_diagram',
  title: 'Generate architecture diagram',
  description:
    'Draws the design as a diagram: Mermaid (renders on GitHub and in chat), draw.io XML with AWS icons (editable in diagrams.net), SVG and PNG rendered with Graphviz, or DOT. Groups show the AWS cloud, the region, the VPC with its public, private and isolated subnets, and the layers; edges are labelled with what flows. With a saved design the files are written to .ai/architecture/<design>/diagram.* and returned as links; PNG also comes back as an image.',
  input: z.object({
    ...designInputShape,
    formats: z
      .array(z.enum(FORMATS))
      .min(1)
      .default(['mermaid'])
      .describe('Formats to produce: mermaid, drawio, svg, png, dot. Default mermaid.'),
    platform: z.boolean().default(true).describe('Also draw platform services: NAT gateways, VPC endpoints, CloudWatch, CloudTrail, KMS, GuardDuty, AWS Backup.'),
  }),
  output: z.object({
    design: z.string().optional().describe('Saved design the files were written to.'),
    nodes: z.number().int().describe('Boxes drawn.'),
    edges: z.number().int().describe('Edges drawn.'),
    groups: z.array(z.string()).describe('Groups drawn (cloud, region, VPC, subnets, layers).'),
    files: z
      .array(z.object({ format: z.enum(FORMATS), file: z.string(), uri: z.string().optional(), mimeType: z.string(), bytes: z.number().int() }))
      .describe('One entry per produced format.'),
    mermaid: z.string().optional().describe('Mermaid source, when requested (small enough to show in chat).'),
    content: z.record(z.string(), z.string()).optional().describe('Text of drawio/svg/dot when no design was given (no workspace to write to).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, ctx) {
    const { architecture, design, workspace } = await resolveArchitecture(args, ctx);
    const { renderDiagrams } = await import('../../../diagram/index.js');
    await ctx.progress(0, 2, 'laying out');
    const { graph, diagrams } = await renderDiagrams(architecture, args.formats, { platform: args.platform });
    await ctx.progress(1, 2, 'writing');
    const files: Array<{ format: (typeof FORMATS)[number]; file: string; uri?: string; mimeType: string; bytes: number }> = [];
    const extra: ExtraContent[] = [];
    const content: Record<string, string> = {};
    for (const d of diagrams) {
      const buf = Buffer.from(d.content, d.encoding);
      let uri: string | undefined;
      if (workspace && design) {
        uri = await workspace.writeFile(design, d.file, buf);
        extra.push({ type: 'resource_link', uri, name: d.file, mimeType: d.mimeType, description: `${d.format} diagram of ${design}` });
      } else if (d.format !== 'mermaid' && d.format !== 'png') {
        content[d.format] = d.content;
      }
      if (d.format === 'png') extra.push({ type: 'image', data: d.content, mimeType: 'image/png' });
      files.push({ format: d.format, file: d.file, ...(uri ? { uri } : {}), mimeType: d.mimeType, bytes: buf.length });
    }
    if (workspace) ctx.resourcesChanged();
    const mermaid = diagrams.find((d) => d.format === 'mermaid')?.content;
    await ctx.progress(2, 2, 'done');
    const summary = `${graph.nodes.length} boxes, ${graph.edges.length} edges in ${graph.groups.length} groups; ${files.map((f) => f.uri ?? f.file).join(', ')}`;
    return {
      structured: {
        ...(design ? { design } : {}),
        nodes: graph.nodes.length,
        edges: graph.edges.length,
        groups: graph.groups.map((g) => g.label),
        files,
        ...(mermaid ? { mermaid } : {}),
        ...(Object.keys(content).length ? { content } : {}),
      },
      text: mermaid ? `${summary}\n\n\`\`\`mermaid\n${mermaid}\`\`\`` : summary,
      extra,
    };
  },
});
