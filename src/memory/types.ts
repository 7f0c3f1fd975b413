/**
 * The memory store's vocabulary, with no dependencies, so that tool and resource modules can import it at start-up
 * without loading the YAML, search and lock libraries the store itself needs.
 */

/** What a note is: a reusable pattern, an architecture decision record, the project's configuration, or anything else. */
export const NOTE_TYPES = ['pattern', 'decision', 'project', 'note'] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

/** Life cycle of an architecture decision record. */
export const DECISION_STATUSES = ['proposed', 'accepted', 'superseded', 'deprecated'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Lower-case service or platform id as used by the catalog (`dynamodb`, `ecs-fargate`, `vpc`, `kms`). */
export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Where a note comes from: the project's own `.ai/memory`, or the read-only library shipped with the server. */
export type NoteSource = 'project' | 'library';

/** URI scheme of notes as MCP resources: `memory://decisions/infrastructure-0001-use-dynamodb.md`. */
export const MEMORY_SCHEME = 'memory://';

/** One note as listed: metadata, no body. */
export interface NoteSummary {
  /** Relative path inside the memory folder, e.g. `patterns/aws-serverless-api.md`. */
  path: string;
  uri: string;
  source: NoteSource;
  type: NoteType;
  title: string;
  tags: string[];
  status?: DecisionStatus;
  created?: string;
  updated?: string;
  /** Content hash; quote it as `expectedVersion` to update the note. */
  version: string;
  /** Why the note's front matter could not be used (the note is still listed, read and searched). */
  problem?: string;
  /** A project note that hides the library note of the same path. */
  overridesLibrary?: boolean;
}

/** One note as read: its metadata, its raw front matter and its full text. */
export interface Note extends NoteSummary {
  /** The front matter as data, unknown fields included. */
  frontMatter: Record<string, unknown>;
  /** The markdown after the front matter. */
  body: string;
  /** The whole file as stored. */
  content: string;
}

/**
 * An accepted architecture decision, as other modules read it (service selection honours these). Superseded,
 * proposed and deprecated decisions are never returned; neither are notes whose front matter is broken.
 */
export interface AcceptedDecision {
  /** `memory://decisions/...`: cite it in a Decision's `basedOn`. */
  uri: string;
  path: string;
  title: string;
  status: 'accepted';
  /** Catalog service ids the decision chose, e.g. `['dynamodb']`. */
  chosen: string[];
  /** Catalog service ids the decision ruled out. */
  rejected: string[];
  /** Architecture layer the decision is about, when it says. */
  layer?: string;
  tags: string[];
  /** The Decision section (or the first paragraph), at most about 300 characters. */
  summary: string;
}
