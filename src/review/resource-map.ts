import type { Architecture } from '../model/index.js';
import { pascalCase } from '../shared/ids.js';

/**
 * Finds the model component a generated template resource belongs to, so a pack finding on `OrdersTableXyz` links back
 * to component `orders-table`. In order: a metadata or tag value naming the component, then the longest component
 * prefix that starts the logical id: the generator's own prefixes when given (it renames a component whose ids would
 * collide), else the PascalCase component id. Platform resources (VPC, trail, key, alarms) belong to no component.
 */
export function componentResolver(a: Architecture, resources: Record<string, unknown>, given?: ReadonlyMap<string, string>): (logicalId: string) => string | undefined {
  const ids = new Set(a.components.map((c) => c.id));
  const prefixes = a.components.map((c) => ({ id: c.id, prefix: given?.get(c.id) ?? pascalCase(c.id) })).sort((x, y) => y.prefix.length - x.prefix.length);
  const cache = new Map<string, string | undefined>();
  const fromMetadata = (res: unknown): string | undefined => {
    const r = res as { Metadata?: Record<string, unknown>; Properties?: { Tags?: unknown } } | undefined;
    for (const [k, v] of Object.entries(r?.Metadata ?? {})) {
      if (/component/i.test(k) && typeof v === 'string' && ids.has(v)) return v;
      if (v && typeof v === 'object') {
        for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) if (/component/i.test(k2) && typeof v2 === 'string' && ids.has(v2)) return v2;
      }
    }
    const tags = r?.Properties?.Tags;
    if (Array.isArray(tags)) {
      for (const t of tags) {
        const tag = t as { Key?: unknown; Value?: unknown };
        if (typeof tag.Key === 'string' && /component/i.test(tag.Key) && typeof tag.Value === 'string' && ids.has(tag.Value)) return tag.Value;
      }
    }
    return undefined;
  };
  return (logicalId) => {
    if (cache.has(logicalId)) return cache.get(logicalId);
    const found = fromMetadata(resources[logicalId]) ?? prefixes.find((p) => logicalId.startsWith(p.prefix) && !/^[a-z0-9]/.test(logicalId.slice(p.prefix.length, p.prefix.length + 1)))?.id;
    cache.set(logicalId, found);
    return found;
  };
}
