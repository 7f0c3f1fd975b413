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
  /** The search step that found it (0: every word, 1: any word, 2: typos too); earlier steps rank first. */
  step: number;
  /** Indexed words that matched (after prefix and fuzzy expansion), for snippets. */
  terms: string[];
}

/**
 * English function words: about half of running text, they carry no meaning for search, and indexing them would
 * make every OR query touch nearly every note.
 */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing ' +
    'down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more ' +
    'most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours yourself yourselves'
  ).split(' '),
);

/**
 * Term frequency kept per word and field. BM25 saturates (with k1 = 1.2 a third occurrence adds 14% and a tenth
 * almost nothing), so capping at three keeps the ranking and saves index work on repetitive notes.
 */
const TF_CAP = 1;
const SPLIT = /[^\p{L}\p{N}]+/u;

/** Lower-case words without stop words, each repeated at most {@link TF_CAP} times. */
function indexTokens(text: string): string[] {
  const counts = new Map<string, number>();
  for (const raw of text.split(SPLIT)) {
    if (!raw) continue;
    const t = raw.toLowerCase();
    if (STOP_WORDS.has(t)) continue;
    counts.set(t, Math.min(TF_CAP, (counts.get(t) ?? 0) + 1));
  }
  const out: string[] = [];
  for (const [t, n] of counts) for (let i = 0; i < n; i++) out.push(t);
  return out;
}

/** The query's words, lower-case, without stop words and repeats. */
export function queryTokens(query: string): string[] {
  return [...new Set(query.split(SPLIT).map((w) => w.toLowerCase()))].filter((t) => t && !STOP_WORDS.has(t));
}

export interface IndexSearch {
  /** The best hits, best first (at most `keep`): notes with every word, then (when those are fewer than wanted) notes with some of the words. */
  hits: IndexHit[];
  /** Every note that matched, beyond the hits kept. */
  total: number;
  /** The widest step that found something: every word required, any word enough, or words one or two typos away. */
  mode: 'all' | 'any' | 'fuzzy';
}

/**
 * Ranked full-text search over notes (MiniSearch, BM25+): title and tags weigh more than the body, the last word of
 * a query also matches as a prefix, and typos are tolerated when exact words find too little. Updated one note at a
 * time.
 */
export class NoteIndex {
  private readonly ms = new MiniSearch<IndexedNote>({
    idField: 'path',
    fields: ['title', 'tags', 'body'],
    extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : (doc as unknown as Record<string, string>)[field]),
    tokenize: indexTokens,
    // Tokens come out of indexTokens already lower-case and filtered.
    processTerm: (term) => term,
    searchOptions: {
      tokenize: queryTokens,
      processTerm: (term) => term,
      boost: { title: 3, tags: 2 },
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
      fuzzy: false,
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

  /**
   * Searches in widening steps and stops as soon as `want` notes are found: first notes with every word (what people
   * expect from a search box, and cheap, because requiring every word keeps a query of common words from scoring most
   * of the store), then notes with any of the words, then words within one or two typos (fuzzy matching walks the
   * whole vocabulary, so it runs only when exact words found too little). Each step's hits follow the previous ones.
   * Only the best `keep` hits are returned (with the total), so a query matching most notes costs no more than MiniSearch's
   * own scoring.
   */
  search(query: string, want: number, keep: number, accept?: (path: string) => boolean): IndexSearch {
    const filter = accept ? { filter: (r: { id: unknown }) => accept(r.id as string) } : {};
    const several = queryTokens(query).length > 1;
    const steps = [
      { mode: 'all' as const, options: { combineWith: 'AND' as const } },
      ...(several ? [{ mode: 'any' as const, options: { combineWith: 'OR' as const } }] : []),
      { mode: 'fuzzy' as const, options: { combineWith: 'OR' as const, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 2 } },
    ];
    const hits: IndexHit[] = [];
    // A later step runs only when earlier ones found fewer than `want` notes, so this set stays small.
    let seen: Set<string> | undefined;
    let total = 0;
    let mode: IndexSearch['mode'] = 'all';
    for (const [i, step] of steps.entries()) {
      for (const r of this.ms.search(query, { ...filter, ...step.options })) {
        const path = r.id as string;
        if (seen?.has(path)) continue;
        total++;
        mode = step.mode;
        if (hits.length < keep) hits.push({ path, score: r.score, step: i, terms: r.terms });
      }
      if (total >= want) break;
      seen = new Set(hits.map((h) => h.path));
    }
    return { hits, total, mode };
  }
}

/** How many of the best hits {@link rerankByProximity} looks at. */
export const RERANK_TOP = 30;

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
  const terms = queryTokens(query);
  if (terms.length < 2 || hits.length < 2) return hits;
  const pairs = terms.slice(1).map((t, i) => ` ${terms[i]} ${t}`);
  const phrase = ` ${terms.join(' ')}`;
  const top = hits.slice(0, RERANK_TOP).map((h) => {
    const text = ` ${words(textOf(h.path))}`;
    const found = pairs.filter((p) => text.includes(p)).length;
    const factor = 1 + 0.5 * (found / pairs.length) + (terms.length > 2 && text.includes(phrase) ? 0.25 : 0);
    return { ...h, score: h.score * factor };
  });
  top.sort((a, b) => a.step - b.step || b.score - a.score);
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

/**
 * Markdown reduced to readable text for snippets: heading and quote markers, link targets, emphasis, fences and
 * table rules go, and table cells read as a list.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^[ \t]{0,3}(```|~~~).*$/gm, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}.*$/gm, '')
    .replace(/^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$/gm, '')
    .replace(/[ \t]*\|[ \t]*/g, '; ')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\*\*|`/g, '');
}
