import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerConfig } from '../../config/types.js';
import { packageRoot } from '../../shared/paths.js';
import type { ResourceDefinition } from '../resource.js';

/** The plan output template and the JSON Schemas of the model. */
export function coreResources(_config: ServerConfig): ResourceDefinition[] {
  return [
    {
      kind: 'static',
      name: 'plan-template',
      uri: 'aws-architect://templates/plan',
      title: 'Architecture plan template',
      description: 'The markdown skeleton of the AWS backend architecture plan (the output format of the workflow).',
      mimeType: 'text/markdown',
      async read() {
        const text = await readFile(join(packageRoot(), 'prompts', 'templates', 'plan.md'), 'utf8');
        return [{ uri: 'aws-architect://templates/plan', mimeType: 'text/markdown', text }];
      },
    },
    schemaResource('architecture', 'Architecture model schema', 'JSON Schema of the Architecture model that generate_iac, estimate_cost, review_architecture, generate_diagram and create_plan accept inline.'),
    schemaResource('requirements', 'Requirements model schema', 'JSON Schema of the Requirements model that analyze_requirements returns and select_services accepts.'),
  ];
}

function schemaResource(which: 'architecture' | 'requirements', title: string, description: string): ResourceDefinition {
  const uri = `aws-architect://schema/${which}`;
  return {
    kind: 'static',
    name: `${which}-schema`,
    uri,
    title,
    description,
    mimeType: 'application/schema+json',
    async read() {
      const [{ z }, model] = await Promise.all([import('zod'), import('../../model/index.js')]);
      const schema = z.toJSONSchema(which === 'architecture' ? model.Architecture : model.Requirements, { io: 'input', unrepresentable: 'any' });
      return [{ uri, mimeType: 'application/schema+json', text: JSON.stringify(schema, null, 2) }];
    },
  };
}
