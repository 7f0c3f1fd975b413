import { join } from 'node:path';
import { Document } from 'yaml';
import { LAYERS } from '../model/layer.js';
import { UserError } from '../shared/errors.js';
import { slugify } from '../shared/ids.js';
import { packageRoot } from '../shared/paths.js';
import { didYouMean } from '../shared/suggest.js';
import type { Entry } from './folder.js';
import { NoteFolder } from './folder.js';
import { checkNoteSize, checkWriteSize } from './limits.js';
import { openNote, parseNote, serializeNote, setFields } from './note.js';
import { noteUri } from './paths.js';
import { memoryRoot } from './root.js';
import type { MemoryStore } from './store.js';
import { clip, firstParagraph, sectionText } from './summary.js';
import { SERVICE_ID, type AcceptedDecision, type NoteSummary } from './types.js';

/** Folder of architecture decision records inside the memory folder. */
export const DECISIONS_DIR = 'decisions';

/** `decisions/infrastructure-0007-use-dynamodb.md`: the number is group 1. */
export const ADR_FILE = /^decisions\/infrastructure-(\d+)-[^/]*\.md$/;

/** The ADR number in a decision path, if it follows the naming scheme. */
export function adrNumber(path: string): number | undefined {
  const m = ADR_FILE.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * Resolves a `supersedes` reference as people write it (`3`, `0003`, `infrastructure-0003-x.md`,
 * `decisions/infrastructure-0003-x.md`, `memory://decisions/...`) to a path among `paths`.
 */
export function resolveDecisionRef(ref: string | number, paths: Iterable<string>): string | undefined {
  const text = String(ref).trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    for (const p of paths) if (adrNumber(p) === n) return p;
    return undefined;
  }
  let rel = text.startsWith('memory://') ? text.slice('memory://'.length) : text;
  if (!rel.includes('/')) rel = `${DECISIONS_DIR}/${rel}`;
  if (!rel.endsWith('.md')) rel = `${rel}.md`;
  for (const p of paths) if (p === rel) return p;
  return undefined;
}

/** What a decision says it decided: the Decision section, else its first paragraph, clipped. */
export function decisionSummary(body: string): string {
  return clip(sectionText(body, 'Decision') ?? firstParagraph(body) ?? '');
}

/**
 * The accepted decisions among `entries` (already merged so that a project note hides the library note of the same
 * path). A decision counts only when its front matter is sound, its status is `accepted`, it names no successor,
 * and no other note says it supersedes it (so a crash between writing a successor and marking its predecessor
 * cannot leave two accepted answers to one question).
 */
export function acceptedFrom(entries: Iterable<Entry>): AcceptedDecision[] {
  const all = [...entries];
  const paths = all.map((e) => e.path);
  const replaced = new Set<string>();
  for (const e of all) {
    if (e.parsed.problem || e.parsed.meta.supersedes === undefined) continue;
    const target = resolveDecisionRef(e.parsed.meta.supersedes, paths);
    if (target) replaced.add(target);
  }
  return all
    .filter((e) => {
      const m = e.parsed.meta;
      return !e.parsed.problem && m.type === 'decision' && m.status === 'accepted' && m.supersededBy === undefined && !replaced.has(e.path);
    })
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((e) => {
      const m = e.parsed.meta;
      return {
        uri: noteUri(e.path),
        path: e.path,
        title: m.title,
        status: 'accepted' as const,
        chosen: m.chosen,
        rejected: m.rejected,
        ...(m.layer !== undefined ? { layer: m.layer } : {}),
        tags: m.tags,
        summary: decisionSummary(e.parsed.body),
      };
    });
}

/** Merges two views of the same folder: the project's note wins over the library's at the same path. */
export function mergeSources(project: Iterable<Entry>, library: Iterable<Entry>): Entry[] {
  const byPath = new Map<string, Entry>();
  for (const e of library) byPath.set(e.path, e);
  for (const e of project) byPath.set(e.path, e);
  return [...byPath.values()];
}

/**
 * The project's accepted architecture decisions, for modules that must honour them (service selection). Reads the
 * project's `decisions/` folder and the built-in library's; a project note wins over a library note of the same
 * path. Broken notes are skipped here (memory_list reports them).
 *
 * @param projectRoot the project folder (its memory is `<projectRoot>/.ai/memory`)
 * @param memoryDir an explicit memory folder that replaces `<projectRoot>/.ai/memory`
 */
export async function acceptedDecisions(projectRoot: string, memoryDir?: string): Promise<AcceptedDecision[]> {
  const options = { prefix: DECISIONS_DIR, sweepMs: 0, now: Date.now };
  const project = new NoteFolder(memoryRoot(projectRoot, memoryDir), 'project', options);
  const library = new NoteFolder(libraryRoot(), 'library', options);
  await Promise.all([project.refresh(), library.refresh()]);
  return acceptedFrom(mergeSources(project.entries.values(), library.entries.values()));
}

/** The read-only library of notes shipped with the server (`memory/` at the package root). */
export function libraryRoot(): string {
  return join(packageRoot(), 'memory');
}

// ---------------------------------------------------------------------------------------------------------------
// Recording decisions
// ---------------------------------------------------------------------------------------------------------------

/** One option that was weighed. */
export interface DecisionOption {
  name: string;
  description?: string;
  pros?: string[];
  cons?: string[];
}

/** What {@link recordDecision} needs: the parts of an architecture decision record. */
export interface DecisionInput {
  title: string;
  /** The forces at play: requirements, constraints, what prompted the decision. */
  context: string;
  options?: DecisionOption[];
  /** What was decided, in full sentences. */
  decision: string;
  /** What becomes easier or harder because of it. */
  consequences: string;
  /** @default 'accepted' */
  status?: 'proposed' | 'accepted' | 'deprecated';
  deciders?: string[];
  tags?: string[];
  /** The decision this one replaces: its number (`3`) or path. It is marked superseded in the same locked step. */
  supersedes?: number | string;
  /** Catalog service ids this decision chose / ruled out (service selection honours accepted ones). */
  chosen?: string[];
  rejected?: string[];
  /** Architecture layer: edge, compute, data, integration, security, observability or network. */
  layer?: string;
}

export interface RecordedDecision {
  note: NoteSummary;
  number: number;
  /** The predecessor, now marked superseded. */
  superseded?: NoteSummary;
}

const NEW_DECISION_STATUSES = ['proposed', 'accepted', 'deprecated'] as const;

/** `7` -> `0007`: four digits sort well in a folder listing; numbers past 9999 simply grow. */
export const padAdr = (n: number) => String(n).padStart(4, '0');

/**
 * Writes `decisions/infrastructure-NNNN-<slug>.md` with the next free number (one above the highest in the folder),
 * and, when `supersedes` is given, marks that decision superseded in the same locked step. The lock is held across
 * processes, so concurrent writers never share a number and never lose a predecessor update.
 */
export async function recordDecision(store: MemoryStore, input: DecisionInput): Promise<RecordedDecision> {
  checkDecision(input);
  return store.exclusive(async (tx) => {
    const names = await tx.names(DECISIONS_DIR);
    const paths = names.map((n) => `${DECISIONS_DIR}/${n}`);
    const number = paths.reduce((max, p) => Math.max(max, adrNumber(p) ?? 0), 0) + 1;
    const path = `${DECISIONS_DIR}/infrastructure-${padAdr(number)}-${slugify(input.title, 50)}.md`;
    const now = tx.now();

    let predecessor: { path: string; title: string; number: number | undefined; marked: string } | undefined;
    if (input.supersedes !== undefined) {
      const ref = resolveDecisionRef(input.supersedes, paths);
      if (!ref) {
        const recent = paths.filter((p) => adrNumber(p) !== undefined).sort().slice(-5);
        throw new UserError('supersedes', `no decision '${input.supersedes}' in ${DECISIONS_DIR}/`, recent.length ? `Recent decisions: ${recent.join(', ')}.` : 'The project has no recorded decisions yet.');
      }
      const current = (await tx.read(ref))!;
      const parsed = parseNote(ref, current.content);
      if (parsed.problem) throw new UserError('supersedes', `'${ref}' cannot be marked superseded: ${parsed.problem}`, 'Fix its front matter with memory_write first.');
      if (parsed.meta.status === 'superseded' || parsed.meta.supersededBy !== undefined) {
        throw new UserError('supersedes', `'${ref}' is already superseded${parsed.meta.supersededBy ? ` by ${parsed.meta.supersededBy}` : ''}`, 'Supersede the newest decision in that chain instead.');
      }
      // Prepared before anything is written, so a predecessor that cannot be edited stops the whole step.
      let marked: string;
      try {
        marked = markSuperseded(current.content, path, number, input.title, now);
      } catch (e) {
        throw new UserError('supersedes', `'${ref}' cannot be marked superseded: ${(e as Error).message}`, 'Fix its front matter with memory_write first.');
      }
      predecessor = { path: ref, title: parsed.meta.title, number: adrNumber(ref), marked };
    }

    const text = renderDecision(number, input, now, predecessor);
    const longest = (['context', 'decision', 'consequences'] as const).reduce((a, b) => (input[b].length > input[a].length ? b : a));
    checkNoteSize(text, longest);
    const note = await tx.put(path, text);
    if (!predecessor) return { note, number };
    const superseded = await tx.put(predecessor.path, predecessor.marked);
    return { note, number, superseded };
  });
}

function checkDecision(input: DecisionInput): void {
  checkWriteSize({ ...input });
  const required = ['title', 'context', 'decision', 'consequences'] as const;
  for (const field of required) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') throw new UserError(field, `${field} is empty`, `Every ADR needs a ${field}.`);
  }
  if (input.title.length > 200) throw new UserError('title', `title is ${input.title.length} characters long; keep it under 200`, 'Put the detail in context or decision.');
  if (input.status !== undefined && !(NEW_DECISION_STATUSES as readonly string[]).includes(input.status)) {
    throw new UserError('status', `a new decision cannot be '${input.status}'`, `Use ${NEW_DECISION_STATUSES.join(', ')}; a decision becomes superseded when a later one names it in supersedes.`);
  }
  input.options?.forEach((o, i) => {
    if (!o.name?.trim()) throw new UserError(`options[${i}].name`, 'option name is empty');
  });
  for (const field of ['chosen', 'rejected'] as const) {
    input[field]?.forEach((id, i) => {
      if (!SERVICE_ID.test(id)) throw new UserError(`${field}[${i}]`, `'${id}' is not a service id`, 'Use catalog ids in lower case, e.g. dynamodb, ecs-fargate, apigateway-websocket, vpc, kms.');
    });
  }
  const both = input.chosen?.filter((id) => input.rejected?.includes(id)) ?? [];
  if (both.length) throw new UserError('rejected', `'${both[0]}' is both chosen and rejected`, 'A service is one or the other.');
  if (input.layer !== undefined && !(LAYERS as readonly string[]).includes(input.layer)) {
    throw new UserError('layer', `'${input.layer}' is not a layer${didYouMean(input.layer, LAYERS)}`, `Use one of ${LAYERS.join(', ')}.`);
  }
  if (typeof input.supersedes === 'number' && (!Number.isInteger(input.supersedes) || input.supersedes < 1)) {
    throw new UserError('supersedes', `'${input.supersedes}' is not a decision number`, 'Give the number of an earlier decision (e.g. 3) or its path.');
  }
}

const bullets = (items: string[] | undefined, label: string) => (items ?? []).filter((s) => s.trim()).map((s) => `- ${label}: ${s.trim()}`);

/** The ADR text: front matter, then Context, Options considered, Decision and Consequences (Nygard's shape, with options). */
export function renderDecision(number: number, input: DecisionInput, now: string, predecessor?: { path: string; title: string; number: number | undefined }): string {
  const doc = new Document({});
  setFields(doc, {
    type: 'decision',
    title: input.title.trim(),
    status: input.status ?? 'accepted',
    created: now,
    updated: now,
    deciders: input.deciders?.length ? input.deciders : undefined,
    tags: input.tags ?? [],
    layer: input.layer,
    chosen: input.chosen?.length ? input.chosen : undefined,
    rejected: input.rejected?.length ? input.rejected : undefined,
    supersedes: predecessor?.path,
  });
  const lines = [`# ${number}. ${input.title.trim()}`, ''];
  if (predecessor) lines.push(`Supersedes [${predecessor.number !== undefined ? `${predecessor.number}. ` : ''}${predecessor.title}](${fileName(predecessor.path)}).`, '');
  lines.push('## Context', '', input.context.trim(), '');
  if (input.options?.length) {
    lines.push('## Options considered', '');
    for (const o of input.options) {
      lines.push(`### ${o.name.trim()}`, '');
      if (o.description?.trim()) lines.push(o.description.trim(), '');
      const pc = [...bullets(o.pros, 'Pro'), ...bullets(o.cons, 'Con')];
      if (pc.length) lines.push(...pc, '');
    }
  }
  lines.push('## Decision', '', input.decision.trim(), '', '## Consequences', '', input.consequences.trim(), '');
  return serializeNote({ doc, body: lines.join('\n') });
}

/** The predecessor's new text: status superseded, a pointer to its successor in front matter and under its title. */
export function markSuperseded(content: string, successorPath: string, successorNumber: number, successorTitle: string, now: string): string {
  const note = openNote(content);
  setFields(note.doc, { status: 'superseded', superseded_by: successorPath, updated: now });
  const line = `> Superseded by [${successorNumber}. ${successorTitle.trim()}](${fileName(successorPath)}) on ${now.slice(0, 10)}.`;
  const lines = note.body.split('\n');
  const h1 = lines.findIndex((l) => /^#\s/.test(l));
  if (h1 >= 0) lines.splice(h1 + 1, 0, '', line);
  else lines.unshift(line, '');
  return serializeNote({ doc: note.doc, body: lines.join('\n') });
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
