import type { Architecture } from '../../model/index.js';
import { pascalCase } from '../../shared/ids.js';

/**
 * Logical-id prefixes per component: `orders-api` -> `OrdersApi`, so its resources are `OrdersApiFunction`,
 * `OrdersApiRole`, ... Two components can still produce the same id (`orders` + `DeadLetterQueue` against
 * `orders-dead-letter` + `Queue`); the generator then lists the later one in `renamed` and builds again, and a
 * renamed component gets its position appended (`OrdersDeadLetterN3`). The CDK generator applies the same rule,
 * so both targets name every resource alike.
 */
export function componentPrefixes(a: Architecture, renamed: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  a.components.forEach((c, i) => {
    const base = pascalCase(c.id);
    out.set(c.id, renamed.has(c.id) ? `${base}N${i + 1}` : base);
  });
  return out;
}
