import { readdir, readFile } from 'node:fs/promises';
import { UserError } from '../shared/errors.js';
import { resolveInside, writeAtomic } from '../shared/fs-safe.js';
import { didYouMean } from '../shared/suggest.js';
import { acceptedFrom, DECISIONS_DIR } from './decisions.js';
import { NoteFolder, parentOf, type Entry } from './folder.js';
import { checkNoteSize, checkWriteSize, LIST_LIMIT_MAX, MAX_NOTE_BYTES, SEARCH_LIMIT_MAX } from './limits.js';
import { WriteLock } from './lock.js';
import { docData, firstHeading, frontMatterIssues, noteVersion, openNote, parseNote, serializeNote, setFields, titleFromPath, typeFromPath, type EditableNote } from './note.js';
import { checkNotePath, noteUri, resolveNote } from './paths.js';
import { NoteIndex, queryTokens, RERANK_TOP, rerankByProximity, snippet } from './search.js';
import { NOTE_TYPES, type AcceptedDecision, type DecisionStatus, type Note, type NoteSource, type NoteSummary, type NoteType } from './types.js';

export interface MemoryStoreOptions {
  /** The project's memory folder (`<project>/.ai/memory` or an explicit one). It need not exist until a write. */
  root: string;
  /** The read-only library listed alongside (the package's `memory/`). */
  libraryRoot?: string;
  /** Clock for `created`/`updated`; tests pin it. */
  now?: () => Date;
  /** How often a full stat sweep looks for in-place edits by other programs; see {@link NoteFolder}. @default 2000 */
  sweepMs?: number;
  /** After how long a write lock left by a dead process is taken over. @default 10000 */
  lockStaleMs?: number;
}

export interface ListOptions {
  type?: NoteType;
  tag?: string;
  status?: DecisionStatus;
  source?: NoteSource;
  /** Folder to list, e.g. `decisions`. */
  folder?: string;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** @default 50 */
  limit?: number;
}

export interface NoteProblem {
  path: string;
  source: NoteSource;
  problem: string;
}

export interface ListResult {
  notes: NoteSummary[];
  /** Notes matching the filters, on every page. */
  total: number;
  nextCursor?: string;
  /** Notes whose front matter cannot be used, whatever the filters. */
  problems: NoteProblem[];
}

export interface SearchOptions {
  query: string;
  type?: NoteType;
  tag?: string;
  status?: DecisionStatus;
  /** @default 10 */
  limit?: number;
}

export interface SearchHit extends NoteSummary {
  score: number;
  snippet: string;
}

export interface SearchResult {
  /** Every note that matched, before the limit. */
  total: number;
  /**
   * `all`: the notes contain every word of the query; `any`: too few did, so notes with some of the words follow;
   * `fuzzy`: still too few, so words within a typo or two were matched as well.
   */
  mode: 'all' | 'any' | 'fuzzy';
  results: SearchHit[];
}

export interface WriteInput {
  path: string;
  /** Markdown, with or without front matter. Without, the note's current front matter is kept. */
  content: string;
  /** Front-matter fields to set over whatever `content` says; `undefined` values are ignored. */
  set?: Record<string, unknown>;
  /** The version the caller read; required to update an existing note. */
  expectedVersion?: string;
}

export interface WriteResult {
  note: NoteSummary;
  created: boolean;
  previousVersion?: string;
}

/** A project note read inside a write transaction. */
export interface RawNote {
  content: string;
  version: string;
}

/**
 * Operations valid only inside {@link MemoryStore.exclusive}: the write lock is held, so what `read` returns is what
 * `put` replaces.
 */
export interface Transaction {
  /** A project note fresh from disk (never the library). */
  read(rel: string): Promise<RawNote | undefined>;
  /** File names in a project folder. */
  names(dir: string): Promise<string[]>;
  /** Writes a project note atomically; the caller has done its checks under this lock. */
  put(rel: string, content: string): Promise<NoteSummary>;
  now(): string;
}

/**
 * The project's `.ai/memory` with the built-in library listed alongside (a project note of the same path wins).
 * Reads go to disk (cheap checks keep a cached view current, also when other processes write); writes are atomic,
 * version-checked and serialised across processes; search uses an index kept current on every change.
 */
export class MemoryStore {
  readonly root: string;
  readonly libraryRoot: string | undefined;
  private readonly project: NoteFolder;
  private readonly library: NoteFolder | undefined;
  private readonly lock: WriteLock;
  private readonly clock: () => Date;
  private index: NoteIndex | undefined;

  constructor(options: MemoryStoreOptions) {
    this.root = options.root;
    this.libraryRoot = options.libraryRoot;
    this.clock = options.now ?? (() => new Date());
    const now = () => performance.now();
    this.project = new NoteFolder(options.root, 'project', { sweepMs: options.sweepMs ?? 2000, now });
    // The library is read-only while the server runs: one full scan, then only folder checks.
    this.library = options.libraryRoot ? new NoteFolder(options.libraryRoot, 'library', { sweepMs: Number.POSITIVE_INFINITY, now }) : undefined;
    this.lock = new WriteLock(options.root, options.lockStaleMs);
  }

  /** Brings the cached view (and the index, once built) up to date with the disk. */
  async refresh(): Promise<void> {
    const [changed, libChanged] = await Promise.all([this.project.refresh(), this.library?.refresh() ?? Promise.resolve([])]);
    if (this.index) for (const path of new Set([...changed, ...libChanged])) this.reindex(path);
  }

  /** Every note path, project and library, sorted. */
  async paths(): Promise<string[]> {
    await this.refresh();
    return this.effective().map((e) => e.path);
  }

  /** Every note (project and library, the project's winning), sorted by path, without paging. */
  async all(): Promise<NoteSummary[]> {
    await this.refresh();
    return this.effective().map((e) => this.summary(e));
  }

  async list(options: ListOptions = {}): Promise<ListResult> {
    await this.refresh();
    const limit = clampLimit(options.limit, 50, LIST_LIMIT_MAX, 'limit');
    const after = options.cursor !== undefined ? decodeCursor(options.cursor) : undefined;
    const folder = options.folder?.replace(/^\/+|\/+$/g, '');
    const tag = options.tag?.toLowerCase();
    const all = this.effective();
    const matching = all.filter((e) => {
      const m = e.parsed.meta;
      if (options.type && m.type !== options.type) return false;
      if (options.status && m.status !== options.status) return false;
      if (options.source && e.source !== options.source) return false;
      if (tag && !m.tags.some((t) => t.toLowerCase() === tag)) return false;
      if (folder && !e.path.startsWith(`${folder}/`)) return false;
      return true;
    });
    const from = after === undefined ? 0 : matching.findIndex((e) => e.path > after);
    const page = from < 0 ? [] : matching.slice(from, from + limit);
    const last = page.at(-1);
    const more = from >= 0 && from + limit < matching.length;
    return {
      notes: page.map((e) => this.summary(e)),
      total: matching.length,
      ...(more && last ? { nextCursor: encodeCursor(last.path) } : {}),
      problems: all.filter((e) => e.parsed.problem).map((e) => ({ path: e.path, source: e.source, problem: e.parsed.problem! })),
    };
  }

  /** Reads a note from disk: the project's if it has one at that path, else the library's. */
  async read(path: string, field = 'path'): Promise<Note> {
    const rel = checkNotePath(path, field);
    await this.library?.refresh();
    const own = await readNoteFile(await resolveInside(this.root, rel, field), field, rel);
    if (own) return this.note(rel, 'project', own);
    if (this.libraryRoot) {
      const lib = await readNoteFile(await resolveInside(this.libraryRoot, rel, field), field, rel);
      if (lib) return this.note(rel, 'library', lib);
    }
    const known = await this.paths();
    throw new UserError(field, `no note '${rel}'${didYouMean(rel, known)}`, 'memory_list shows the notes that exist; memory_write creates one.');
  }

  /**
   * Creates or updates a project note. Updating needs the version the caller read (`expectedVersion`); if the note
   * changed since, nothing is written and the error carries the current version and content. Front matter: fields in
   * `content` are kept as written (unknown ones too), `set` overrides, `created` is kept, `updated` is now.
   */
  async write(input: WriteInput): Promise<WriteResult> {
    checkWriteSize({ content: input.content, ...(input.set ?? {}) });
    const { rel } = await resolveNote(this.root, input.path, 'path', true);
    return this.exclusive(async (tx) => {
      const current = await tx.read(rel);
      const libraryNote = current ? undefined : await this.libraryRaw(rel);
      if (current) {
        if (input.expectedVersion === undefined) {
          throw conflict(rel, current, `note '${rel}' already exists (version ${current.version}); updating it needs the version you read`);
        }
        if (input.expectedVersion !== current.version) {
          throw conflict(rel, current, `note '${rel}' changed since version ${input.expectedVersion} was read; the current version is ${current.version}`);
        }
      } else if (input.expectedVersion !== undefined && input.expectedVersion !== libraryNote?.version) {
        throw new UserError('expectedVersion', `note '${rel}' does not exist (it may have been deleted since it was read)`, 'Omit expectedVersion to create it again.');
      }
      const text = composeNote(rel, input, current?.content ?? libraryNote?.content, tx.now());
      checkNoteSize(text, 'content');
      const note = await tx.put(rel, text);
      return { note, created: current === undefined, ...(current ? { previousVersion: current.version } : {}) };
    });
  }

  /** Ranked full-text search over title, tags and body, with filters and a snippet per hit. */
  async search(options: SearchOptions): Promise<SearchResult> {
    const query = options.query.trim();
    if (!query) throw new UserError('query', 'query is empty', 'Give a few words, e.g. "websocket connection limits".');
    if (queryTokens(query).length === 0) throw new UserError('query', `'${query}' has only common words`, 'Add a distinctive word: a service, a concept or a name.');
    const limit = clampLimit(options.limit, 10, SEARCH_LIMIT_MAX, 'limit');
    await this.refresh();
    const index = this.ensureIndex();
    const tag = options.tag?.toLowerCase();
    const filtered = options.type !== undefined || options.status !== undefined || tag !== undefined;
    const accept = (path: string) => {
      const m = this.entry(path)?.parsed.meta;
      if (!m) return false;
      if (options.type && m.type !== options.type) return false;
      if (options.status && m.status !== options.status) return false;
      if (tag && !m.tags.some((t) => t.toLowerCase() === tag)) return false;
      return true;
    };
    const { hits: matches, total, mode } = index.search(query, limit, Math.max(limit, RERANK_TOP), filtered ? accept : undefined);
    const hits = rerankByProximity(
      matches.filter((h) => this.entry(h.path)),
      query,
      (path) => {
        const e = this.entry(path)!;
        return `${e.parsed.meta.title}\n${e.parsed.body}`;
      },
    );
    const results = hits.slice(0, limit).map((h) => {
      const e = this.entry(h.path)!;
      return { ...this.summary(e), score: Math.round(h.score * 1000) / 1000, snippet: snippet(e.parsed.body, h.terms) };
    });
    return { total, mode, results };
  }

  /** Accepted decisions in `decisions/`, project and library; see {@link acceptedFrom}. */
  async acceptedDecisions(): Promise<AcceptedDecision[]> {
    await this.refresh();
    return acceptedFrom(this.effective().filter((e) => e.path.startsWith(`${DECISIONS_DIR}/`)));
  }

  /**
   * Runs `fn` holding the store's write lock (this process and every other one). Use it for anything that reads,
   * decides and writes, such as numbering a new ADR.
   */
  exclusive<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      let open = true;
      const guard = () => {
        if (!open) throw new Error('memory transaction used after it ended');
      };
      const tx: Transaction = {
        read: async (rel) => {
          guard();
          const raw = await readNoteFile(await resolveInside(this.root, rel), 'path', rel);
          return raw ? { content: raw.toString('utf8'), version: noteVersion(raw) } : undefined;
        },
        names: async (dir) => {
          guard();
          const abs = await resolveInside(this.root, dir);
          return (await readdir(abs, { withFileTypes: true }).catch(() => [])).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name);
        },
        put: async (rel, content) => {
          guard();
          return this.put(rel, content);
        },
        now: () => isoNow(this.clock()),
      };
      try {
        return await fn(tx);
      } finally {
        open = false;
      }
    });
  }

  private async put(rel: string, content: string): Promise<NoteSummary> {
    const abs = await resolveInside(this.root, rel);
    const raw = Buffer.from(content, 'utf8');
    const dirBefore = this.project.dirSignature(parentOf(rel));
    try {
      await writeAtomic(abs, raw);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR' || code === 'EEXIST') throw new UserError('path', `'${rel}' goes through a file as if it were a folder`, 'Pick a path whose folders are folders.');
      if (code === 'EISDIR') throw new UserError('path', `'${rel}' is a folder, not a note`);
      throw e;
    }
    const entry = this.project.noteWritten(rel, raw, dirBefore) ?? this.project.entryFor(rel, raw, 'unknown');
    if (this.index) this.reindex(rel);
    return this.summary(entry);
  }

  private async libraryRaw(rel: string): Promise<RawNote | undefined> {
    if (!this.libraryRoot) return undefined;
    const raw = await readNoteFile(await resolveInside(this.libraryRoot, rel), 'path', rel);
    return raw ? { content: raw.toString('utf8'), version: noteVersion(raw) } : undefined;
  }

  private entry(path: string): Entry | undefined {
    return this.project.entries.get(path) ?? this.library?.entries.get(path);
  }

  /** The notes as callers see them: the project's, plus the library's where the project has none; sorted by path. */
  private effective(): Entry[] {
    const out = [...this.project.entries.values()];
    if (this.library) for (const e of this.library.entries.values()) if (!this.project.entries.has(e.path)) out.push(e);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private ensureIndex(): NoteIndex {
    if (!this.index) {
      const index = new NoteIndex();
      for (const e of this.effective()) index.set(indexed(e));
      this.index = index;
    }
    return this.index;
  }

  private reindex(path: string): void {
    const e = this.entry(path);
    if (e) this.index!.set(indexed(e));
    else this.index!.remove(path);
  }

  private summary(e: Entry): NoteSummary {
    const m = e.parsed.meta;
    return {
      path: e.path,
      uri: noteUri(e.path),
      source: e.source,
      type: m.type,
      title: m.title,
      tags: m.tags,
      ...(m.status !== undefined ? { status: m.status } : {}),
      ...(m.created !== undefined ? { created: m.created } : {}),
      ...(m.updated !== undefined ? { updated: m.updated } : {}),
      version: e.version,
      ...(e.parsed.problem !== undefined ? { problem: e.parsed.problem } : {}),
      ...(e.source === 'project' && this.library?.entries.has(e.path) ? { overridesLibrary: true } : {}),
    };
  }

  private note(rel: string, source: NoteSource, raw: Buffer): Note {
    const content = raw.toString('utf8');
    const parsed = parseNote(rel, content);
    const entry: Entry = { path: rel, source, version: noteVersion(raw), sig: '', bytes: raw.length, parsed };
    return { ...this.summary(entry), frontMatter: parsed.data, body: parsed.body, content };
  }
}

/** ISO 8601 to the second, UTC: what `created` and `updated` hold. */
export function isoNow(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function indexed(e: Entry) {
  return { path: e.path, title: e.parsed.meta.title, tags: e.parsed.meta.tags, body: e.parsed.body };
}

async function readNoteFile(abs: string, field: string, rel: string): Promise<Buffer | undefined> {
  try {
    const raw = await readFile(abs);
    if (raw.length > MAX_NOTE_BYTES) {
      throw new UserError(field, `note '${rel}' is ${Math.ceil(raw.length / 1024)} KB, over the ${MAX_NOTE_BYTES / 1024} KB limit of a note`, 'Split it into smaller notes outside the server.');
    }
    return raw;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new UserError(field, `'${rel}' is a folder, not a note`);
    throw e;
  }
}

/** Largest current content quoted back in a conflict error; a bigger note must be read with memory_read. */
const CONFLICT_QUOTE_BYTES = 16 * 1024;

function conflict(rel: string, current: RawNote, message: string): UserError {
  const quote =
    Buffer.byteLength(current.content) <= CONFLICT_QUOTE_BYTES
      ? ` The current note follows; merge your change into it and retry with expectedVersion '${current.version}'.\n\n${current.content}`
      : ` Read it with memory_read, merge your change and retry with expectedVersion '${current.version}'.`;
  return new UserError('expectedVersion', message, quote.trim(), { path: rel, currentVersion: current.version, currentContent: current.content });
}

/**
 * The text to store for a write: the caller's front matter (or, when the content has none, the note's current one),
 * the `set` overrides, kept `created`, fresh `updated`, and fallbacks for `type` and `title`; then validated.
 */
function composeNote(rel: string, input: WriteInput, base: string | undefined, now: string): string {
  let editable: EditableNote & { hasFrontMatter: boolean };
  try {
    editable = openNote(input.content);
  } catch (e) {
    throw new UserError('content', (e as Error).message, 'Fix the YAML between the --- lines, or send the note without front matter to keep its current front matter.');
  }
  let baseData: Record<string, unknown> = {};
  if (base !== undefined) {
    try {
      const prev = openNote(base);
      baseData = docData(prev.doc);
      if (!editable.hasFrontMatter) editable = { ...prev, body: editable.body, hasFrontMatter: prev.hasFrontMatter };
    } catch {
      // The stored front matter is broken; the caller's content replaces it whole, which is how it gets fixed.
    }
  }
  const set = Object.fromEntries(Object.entries(input.set ?? {}).filter(([, v]) => v !== undefined));
  const data = docData(editable.doc);
  const type = (set.type ?? data.type ?? typeFromPath(rel)) as string;
  const status = set.status ?? data.status;
  if (status !== undefined && type !== 'decision') {
    throw new UserError(set.status !== undefined ? 'status' : 'content', `status applies to decisions only, and this note's type is '${type}'`, 'Drop status, or set type to decision.');
  }
  if (!(NOTE_TYPES as readonly string[]).includes(type)) {
    throw new UserError(set.type !== undefined ? 'type' : 'content', `'${type}' is not a note type`, `Use one of ${NOTE_TYPES.join(', ')}.`);
  }
  setFields(editable.doc, {
    ...set,
    type,
    title: set.title ?? data.title ?? firstHeading(editable.body) ?? titleFromPath(rel),
    tags: set.tags ?? (data.tags === undefined ? [] : undefined),
    status: status ?? (type === 'decision' ? 'proposed' : undefined),
    created: set.created ?? data.created ?? baseData.created ?? now,
    updated: now,
  });
  const issue = frontMatterIssues(docData(editable.doc));
  if (issue) throw new UserError('content', `front matter: ${issue}`);
  return serializeNote(editable);
}

function clampLimit(value: number | undefined, fallback: number, max: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UserError(field, `${field} must be a whole number from 1 to ${max}, got ${value}`);
  return value;
}

function encodeCursor(path: string): string {
  return Buffer.from(JSON.stringify({ after: path }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof v.after === 'string') return v.after;
  } catch {
    // fall through
  }
  throw new UserError('cursor', 'the cursor is not one this server gave out', 'Pass nextCursor from the previous page unchanged, or omit it for the first page.');
}

