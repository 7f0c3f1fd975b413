import MiniSearch from 'minisearch';
import { clip, firstParagraph } from './summary.js';

/** What the index holds per note. */
export interface IndexedNote {
  path: string;
  title: string;
  tags: string[];
  body: string;
}

export interface IndexHit {
  path: string;
  score: number;
  /** Indexed words that matched (after prefix and fuzzy expansion), for snippets. */
  terms: string[];
}

// Words so common in architecture notes that they only slow the OR query down and blur the ranking.
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'this', 'that', 'to', 'with']);

/**
 * Ranked full-text search over notes (MiniSearch, BM25+): title and tags weigh more than the body; the last word
 * of a query also matches as a prefix and longer words tolerate a typo. Updated one note at a time.
 */
export class NoteIndex {
  private readonly ms = new MiniSearch<IndexedNote>({
    idField: 'path',
    fields: ['title', 'tags', 'body'],
    extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : (doc as unknown as Record<string, string>)[field]),
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOP_WORDS.has(t) ? null : t;
    },
    searchOptions: {
      boost: { title: 3, tags: 2 },
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });

  get size(): number {
    return this.ms.documentCount;
  }

  /** Adds a note or replaces its previous version. */
  set(doc: IndexedNote): void {
    if (this.ms.has(doc.path)) this.ms.discard(doc.path);
    this.ms.add(doc);
  }

  remove(path: string): void {
    if (this.ms.has(path)) this.ms.discard(path);
  }

  /** Every match, best first, keeping only paths `keep` accepts. */
  search(query: string, keep?: (path: string) => boolean): IndexHit[] {
    const results = this.ms.search(query, keep ? { filter: (r) => keep(r.id as string) } : {});
    return results.map((r) => ({ path: r.id as string, score: r.score, terms: r.terms }));
  }
}

/** How many of the best hits {@link rerankByProximity} looks at. */
const RERANK_TOP = 50;

/** Lower-case words of a text, punctuation and markup dropped, as one space-separated string. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Raises hits whose text has the query's words next to each other ("origin access control" as a phrase, not the
 * three words scattered): BM25 scores words independently, and for architecture vocabulary the phrase is the
 * concept. Only the best {@link RERANK_TOP} hits are looked at, so the cost stays flat as the store grows.
 */
export function rerankByProximity(hits: IndexHit[], query: string, textOf: (path: string) => string): IndexHit[] {
  const terms = words(query)
    .split(' ')
    .filter((t) => t && !STOP_WORDS.has(t));
  if (terms.length < 2 || hits.length < 2) return hits;
  const pairs = terms.slice(1).map((t, i) => ` ${terms[i]} ${t}`);
  const phrase = ` ${terms.join(' ')}`;
  const top = hits.slice(0, RERANK_TOP).map((h) => {
    const text = ` ${words(textOf(h.path))}`;
    const found = pairs.filter((p) => text.includes(p)).length;
    const factor = 1 + 0.5 * (found / pairs.length) + (terms.length > 2 && text.includes(phrase) ? 0.25 : 0);
    return { ...h, score: h.score * factor };
  });
  top.sort((a, b) => b.score - a.score);
  return [...top, ...hits.slice(RERANK_TOP)];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A window of about `width` characters of `body` holding as many different matched words as possible, cut at word
 * boundaries. Falls back to the first paragraph when the words matched only the title or tags.
 */
export function snippet(markdown: string, terms: string[], width = 220): string {
  const body = plainText(markdown);
  const hits: Array<{ at: number; term: string }> = [];
  for (const term of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(term)}`, 'giu');
    let m: RegExpExecArray | null;
    let count = 0;
    while ((m = re.exec(body)) !== null && count++ < 50) hits.push({ at: m.index, term });
  }
  if (hits.length === 0) return clip(firstParagraph(markdown) ?? '', width);
  hits.sort((a, b) => a.at - b.at);
  let best = { start: hits[0]!.at, distinct: 0 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.at - hits[i]!.at < width * 0.8; j++) seen.add(hits[j]!.term);
    if (seen.size > best.distinct) best = { start: hits[i]!.at, distinct: seen.size };
  }
  // Start a little before the first hit so it reads in context, on a word boundary.
  let start = Math.max(0, best.start - Math.floor(width * 0.2));
  if (start > 0) {
    const space = body.slice(start, best.start).search(/\s/);
    start = space >= 0 ? start + space + 1 : best.start;
  }
  let end = Math.min(body.length, start + width);
  if (end < body.length) {
    const space = body.slice(0, end).search(/\s\S*$/);
    if (space > best.start) end = space;
  }
  const text = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${text}${end < body.length ? '…' : ''}`;
}

/** Markdown reduced to readable text for snippets: heading and quote markers, link targets, emphasis and fences go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^[ \t]{0,3}(```|~~~).*$/gm, '')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\*\*|`/g, '');
}
