import type { Component } from '../../../model/index.js';
import { pascalCase } from '../../../shared/ids.js';

/** `orders-api` -> `ORDERS_API`, the stem of environment variable names. */
export function envKey(id: string): string {
  return id.replace(/-/g, '_').toUpperCase();
}

export { pascalCase };

/** `GET /orders/{id}` -> { method: 'GET', path: '/orders/{id}' }; `ANY` and unknown verbs stay as given. */
export function parseRoute(route: string): { method: string; path: string } {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(route);
  if (!m) return { method: 'ANY', path: route.startsWith('/') ? route : `/${route}` };
  const path = m[2]!.startsWith('/') ? m[2]! : `/${m[2]!}`;
  return { method: m[1]!.toUpperCase(), path: path.length > 1 ? path.replace(/\/+$/, '') : path };
}

/** `/orders/{id}` -> `OrdersId`, `/` -> `Root`, `{proxy+}` -> `Proxy`. */
export function pathId(path: string): string {
  const p = pascalCase(path.replace(/[{}+]/g, ' '));
  return p || 'Root';
}

/** Graviton instance families end their generation with `g` (m7g, r8g, c7gn, t4g). */
export function isArmInstance(instanceType: string): boolean {
  const family = instanceType.replace(/^(ml|db|cache)\./, '').split('.')[0] ?? '';
  return /^[a-z]+\d+g[a-z]*$/.test(family);
}

/** The connection scope, when the model narrows an edge to a route or path. */
export function scopeOf(components: { from: string; to: string; scope?: string | undefined }[], from: Component, to: Component): string | undefined {
  return components.find((x) => x.from === from.id && x.to === to.id)?.scope;
}

/** Whether a runtime can take inline code (CloudFormation ZipFile) with the given handler. */
export function inlineRuntime(runtime: string, handler: string): 'node' | 'python' | undefined {
  const module = handler.split('.')[0];
  if (module !== 'index') return undefined;
  if (runtime.startsWith('nodejs')) return 'node';
  if (runtime.startsWith('python')) return 'python';
  return undefined;
}

/** Starter handler so the stack deploys as is; the delivery pipeline replaces the code with the real build. */
export function starterCode(kind: 'node' | 'python', id: string, handlerFn: string): string {
  if (kind === 'node') {
    return [
      `// ${id}: starter handler deployed with the stack; the pipeline ships the real code.`,
      `exports.${handlerFn} = async (event, context) => {`,
      `  console.log(JSON.stringify({ component: '${id}', requestId: context.awsRequestId, eventKeys: Object.keys(event || {}) }));`,
      `  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ component: '${id}', ok: true }) };`,
      '};',
      '',
    ].join('\n');
  }
  return [
    `# ${id}: starter handler deployed with the stack; the pipeline ships the real code.`,
    'import json',
    '',
    '',
    `def ${handlerFn}(event, context):`,
    `    print(json.dumps({"component": "${id}", "requestId": context.aws_request_id, "eventKeys": list((event or {}).keys())}))`,
    `    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps({"component": "${id}", "ok": True})}`,
    '',
  ].join('\n');
}

/** Secrets Manager rotation function for a secret the system owns: four steps, a fresh random value each time. */
export const ROTATION_CODE = [
  '// Rotates a secret the system owns (key material, tokens): each rotation stores a new random value.',
  "const { SecretsManagerClient, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, UpdateSecretVersionStageCommand, GetRandomPasswordCommand } = require('@aws-sdk/client-secrets-manager');",
  'const sm = new SecretsManagerClient({});',
  'exports.handler = async (event) => {',
  '  const { SecretId, ClientRequestToken: token, Step } = event;',
  '  const meta = await sm.send(new DescribeSecretCommand({ SecretId }));',
  "  if (!meta.RotationEnabled) throw new Error('rotation is not enabled');",
  '  const stages = (meta.VersionIdsToStages || {})[token] || [];',
  "  if (stages.includes('AWSCURRENT')) return;",
  "  if (!stages.includes('AWSPENDING')) throw new Error('version is not pending');",
  "  if (Step === 'createSecret') {",
  "    try { await sm.send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' })); return; } catch (e) { if (e.name !== 'ResourceNotFoundException') throw e; }",
  '    const { RandomPassword } = await sm.send(new GetRandomPasswordCommand({ PasswordLength: 64, ExcludePunctuation: true }));',
  "    await sm.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: RandomPassword, VersionStages: ['AWSPENDING'] }));",
  "  } else if (Step === 'setSecret' || Step === 'testSecret') {",
  "    await sm.send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }));",
  "  } else if (Step === 'finishSecret') {",
  "    const current = Object.entries(meta.VersionIdsToStages || {}).find(([, s]) => s.includes('AWSCURRENT'));",
  "    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current && current[0] }));",
  '  } else {',
  "    throw new Error('unknown step ' + Step);",
  '  }',
  '};',
  '',
].join('\n');
