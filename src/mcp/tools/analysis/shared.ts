import { z } from 'zod';
import type { ToolContext } from '../../tool.js';
import type { CatalogSearch } from '../../../catalog/search.js';

/** Loaded on first use: the catalog is 60 modules of data, kept off the start-up path. */
export function loadCatalog() {
  return import('../../../catalog/index.js');
}

/** One full-text index of the catalog per server. */
export function catalogSearch(ctx: Pick<ToolContext, 'memo'>): Promise<CatalogSearch> {
  return ctx.memo('analysis:catalog-search', async () => {
    const [{ CATALOG }, { buildCatalogSearch }] = await Promise.all([loadCatalog(), import('../../../catalog/search.js')]);
    return buildCatalogSearch(CATALOG);
  });
}

/** A conflict as tools return it. */
export const ConflictOut = z.object({
  id: z.string().describe('Stable id, e.g. c-hipaa-app-runner.'),
  description: z.string().describe('What conflicts with what.'),
  fields: z.array(z.string()).describe('Requirement paths involved.'),
  options: z.array(z.string()).describe('Ways to resolve it.'),
});

/** A loose model object: the full schema is a resource, not part of tools/list. */
export function looseModel(what: 'architecture' | 'requirements', text: string) {
  return z.record(z.string(), z.unknown()).describe(`${text} Full JSON Schema: resource aws-architect://schema/${what}.`);
}

/** The first reason of a rationale ("Name: reason; reason. Watch: ..."), as one short sentence. */
export function firstReason(rationale: string, max = 140): string {
  const body = rationale.replace(/^[^:]{1,80}: /, '');
  let s = (/^(.+?)(?:;|\.(?:\s|$))/.exec(body)?.[1] ?? body).trim();
  if (s.length > max) s = `${s.slice(0, max - 3)}...`;
  return s ? `${s[0]!.toUpperCase()}${s.slice(1)}${/[.?!]$/.test(s) ? '' : '.'}` : '';
}
