import { join } from 'node:path';
import { packageRoot } from '../shared/paths.js';
import type { Entry } from './folder.js';
import { NoteFolder } from './folder.js';
import { noteUri } from './paths.js';
import { memoryRoot } from './root.js';
import { clip, firstParagraph, sectionText } from './summary.js';
import type { AcceptedDecision } from './types.js';

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
