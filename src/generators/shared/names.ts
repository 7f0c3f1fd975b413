import { createHash } from 'node:crypto';
import type { Architecture } from '../../model/index.js';
import { pascalCase } from '../../shared/ids.js';

/**
 * Logical-id prefixes per component: `orders-api` -> `OrdersApi`, so its resources are `OrdersApiFunction`,
 * `OrdersApiRole`, ... Two components can still produce the same id (`orders` + `DeadLetterQueue` against
 * `orders-dead-letter` + `Queue`); the generator then lists the later one in `renamed` and builds again, and a
 * renamed component gets its position appended (`OrdersDeadLetterN3`). CloudFormation and the CDK name every
 * resource by this one rule, so the synthesized stack and the template share their logical ids.
 */
export function componentPrefixes(a: Architecture, renamed: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  a.components.forEach((c, i) => {
    const base = pascalCase(c.id);
    out.set(c.id, renamed.has(c.id) ? `${base}N${i + 1}` : base);
  });
  return out;
}

const NAMED = new WeakMap<Architecture, ReadonlySet<string>>();

/**
 * Functions and state machines that get a fixed name (`<system>-<stage>-<id>`): those on a cycle of connections
 * among them. Each passes the next one's name or ARN in its environment or definition; with generated names that
 * is a circular dependency, with fixed ones the value is known without referring to the resource.
 */
export function fixedNameComponents(a: Architecture): ReadonlySet<string> {
  let out = NAMED.get(a);
  if (out) return out;
  const lambdas = new Set(a.components.filter((c) => c.service === 'lambda' || c.service === 'step-functions').map((c) => c.id));
  const next = new Map<string, string[]>();
  for (const x of a.connections) {
    if (x.kind === 'authenticate' || x.kind === 'protect' || !lambdas.has(x.from) || !lambdas.has(x.to) || x.from === x.to) continue;
    next.set(x.from, [...(next.get(x.from) ?? []), x.to]);
  }
  // A function is on a cycle when it can reach itself.
  const reaches = (from: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(next.get(from) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === goal) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(next.get(n) ?? []));
    }
    return false;
  };
  out = new Set([...lambdas].filter((id) => reaches(id, id)));
  NAMED.set(a, out);
  return out;
}

/**
 * The fixed name of a function or state machine as a `Fn::Sub` string: at most 64 characters for any stage name
 * (up to 16), the system and component parts shortened with a hash of the whole when they are too long.
 */
export function fixedName(a: Architecture, id: string): string {
  const budget = 64 - 16 - 2;
  if (a.name.length + id.length + 1 <= budget) return `${a.name}-\${EnvironmentName}-${id}`;
  const hash = createHash('sha256').update(`${a.name}/${id}`).digest('hex').slice(0, 6);
  const system = a.name.slice(0, 16).replace(/-+$/, '');
  const component = id.slice(0, budget - system.length - hash.length - 2).replace(/-+$/, '');
  return `${system}-\${EnvironmentName}-${component}-${hash}`;
}
