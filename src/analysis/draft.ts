import type { ComplianceFramework, Requirements, ValueSource, WorkloadPattern } from '../model/index.js';

type Client = Requirements['workload']['clients'][number];
type AccessPattern = Requirements['data']['accessPatterns'][number];

/**
 * Requirements while they are being assembled: everything optional, lists present. Extraction fills it from text,
 * structured fields overwrite it, derivation fills the gaps, and the result is parsed as {@link Requirements}.
 */
export interface Draft {
  name?: string;
  summary?: string;
  workload: { patterns: WorkloadPattern[]; longestJobMinutes?: number; clients: Client[]; features: string[] };
  traffic: Partial<Requirements['traffic']>;
  data: Partial<Omit<Requirements['data'], 'accessPatterns'>> & { accessPatterns: AccessPattern[] };
  latency: Partial<Requirements['latency']>;
  availability: Partial<Requirements['availability']>;
  compliance: ComplianceFramework[];
  regions: { primary?: string; secondary?: string; residency?: string; allowed: string[] };
  budget: Partial<Requirements['budget']>;
  identity: { endUserAuth?: boolean; providers: string[] };
  preferences: Partial<Omit<Requirements['preferences'], 'languages' | 'preferredServices' | 'avoidServices'>> & {
    languages: string[];
    preferredServices: string[];
    avoidServices: string[];
  };
  existing: string[];
  assumptions: Requirements['assumptions'];
  sources: Record<string, ValueSource>;
}

export function emptyDraft(): Draft {
  return {
    workload: { patterns: [], clients: [], features: [] },
    traffic: {},
    data: { accessPatterns: [] },
    latency: {},
    availability: {},
    compliance: [],
    regions: { allowed: [] },
    budget: {},
    identity: { providers: [] },
    preferences: { languages: [], preferredServices: [], avoidServices: [] },
    existing: [],
    assumptions: [],
    sources: {},
  };
}

/** Adds to a list without duplicates, keeping first-seen order. */
export function addUnique<T>(list: T[], ...items: T[]): void {
  for (const i of items) if (!list.includes(i)) list.push(i);
}

/** Reads a dotted path (`traffic.peakRps`) of a draft-like object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Writes a dotted path, creating objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur = obj;
  for (const seg of segs.slice(0, -1)) {
    if (cur[seg] === null || typeof cur[seg] !== 'object' || Array.isArray(cur[seg])) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  cur[segs[segs.length - 1]!] = value;
}
