import type { ServerConfig } from '../../config/types.js';
import { UserError } from '../../shared/errors.js';
import type { ResourceDefinition } from '../resource.js';

const MIME: Array<[RegExp, string]> = [
  [/\.json$/, 'application/json'],
  [/\.md$/, 'text/markdown'],
  [/\.ya?ml$/, 'application/yaml'],
  [/\.tf$/, 'text/plain'],
  [/\.ts$/, 'text/typescript'],
  [/\.csv$/, 'text/csv'],
  [/\.mmd$/, 'text/vnd.mermaid'],
  [/\.drawio$/, 'application/vnd.jgraph.mxfile'],
  [/\.svg$/, 'image/svg+xml'],
  [/\.png$/, 'image/png'],
  [/\.dot$/, 'text/vnd.graphviz'],
];

export function mimeFor(file: string): string {
  return MIME.find(([re]) => re.test(file))?.[1] ?? 'text/plain';
}

async function workspace(projectRoot: () => Promise<string>) {
  const { DesignWorkspace } = await import('../../workflow/workspace.js');
  return new DesignWorkspace(await projectRoot());
}

/** Saved designs: every file under .ai/architecture/<design>/ as design://<design>/<file>. */
export function workflowResources(_config: ServerConfig): ResourceDefinition[] {
  return [
    {
      kind: 'template',
      name: 'design-file',
      uriTemplate: 'design://{design}/{+file}',
      title: 'Saved design files',
      description: 'Files of a saved design: requirements.json, architecture.json, iac/..., cost.*, review.json, diagram.*, plan.md.',
      async list(ctx) {
        const ws = await workspace(ctx.projectRoot);
        const out = [];
        for (const design of await ws.list()) {
          for (const file of await ws.files(design)) {
            out.push({ uri: `design://${design}/${file}`, name: `${design}/${file}`, mimeType: mimeFor(file) });
          }
        }
        return out;
      },
      complete: {
        async design(value, ctx) {
          const ws = await workspace(ctx.projectRoot);
          return (await ws.list()).filter((d) => d.startsWith(value));
        },
      },
      async read(uri, vars, ctx) {
        const ws = await workspace(ctx.projectRoot);
        const design = vars.design ?? '';
        const file = decodeURIComponent(vars.file ?? '');
        const data = await ws.readFile(design, file);
        if (!data) throw new UserError('uri', `no file ${file} in design ${design}`);
        const mimeType = mimeFor(file);
        return mimeType === 'image/png'
          ? [{ uri: uri.href, mimeType, blob: data.toString('base64') }]
          : [{ uri: uri.href, mimeType, text: data.toString('utf8') }];
      },
    },
  ];
}
