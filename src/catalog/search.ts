import MiniSearch from 'minisearch';
import type { ServiceEntry } from './types.js';

/**
 * Full-text search over the catalog (names, aliases, summaries, strengths and weaknesses), with prefix and fuzzy
 * matching so "dynamo", "websockts" or "queue" find what people mean. Build once and reuse.
 */
export interface CatalogSearch {
  /** Matching entry ids, best first. */
  search(text: string): string[];
}

export function buildCatalogSearch(entries: readonly ServiceEntry[]): CatalogSearch {
  const index = new MiniSearch<{ id: string; name: string; aliases: string; summary: string; goodFor: string; badFor: string }>({
    fields: ['id', 'name', 'aliases', 'summary', 'goodFor', 'badFor'],
    storeFields: ['id'],
    searchOptions: { boost: { id: 4, name: 3, aliases: 3, summary: 1.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll(
    entries.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases.join(' '),
      summary: e.summary,
      goodFor: e.goodFor.join(' '),
      badFor: e.badFor.join(' '),
    })),
  );
  return {
    search(text: string): string[] {
      const q = text.trim();
      if (!q) return entries.map((e) => e.id);
      let hits = index.search(q);
      // Several words that never co-occur still deserve an answer: fall back to any-word matching.
      if (hits.length === 0) hits = index.search(q, { combineWith: 'OR' });
      return hits.map((h) => String(h.id));
    },
  };
}
