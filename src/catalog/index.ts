import { LAYERS } from '../model/layer.js';
import type { Layer } from '../model/layer.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import { complianceOf } from './compliance.js';
import type { ComplianceStatus } from './compliance.js';
import { ENTRIES } from './entries.js';
import type { CatalogRole, ServiceEntry, ServiceLimit } from './types.js';

/**
 * The AWS service catalog: typed data, one file per service under `services/`, and lookups over it. Component
 * kinds have the same id as the model's component `service`; platform entries are emitted from architecture
 * sections; knowledge entries inform selection and comparison only.
 */
export * from './types.js';
export {
  HIPAA_CAVEAT,
  HIPAA_LIST_DATE,
  PCI_CAVEAT,
  PCI_LIST_DATES,
  complianceOf,
  hipaaListNames,
  onHipaaList,
  onPciList,
  pciListNames,
} from './compliance.js';
export type { ComplianceStatus, HipaaStatus, PciStatus } from './compliance.js';

/** Every entry, sorted by id. */
export const CATALOG: readonly ServiceEntry[] = [...ENTRIES].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(CATALOG.map((e) => [e.id, e]));
/** Lower-cased ids, official names and aliases to entries, for resolving what people type. */
const byName = new Map<string, ServiceEntry>();
for (const e of CATALOG) {
  for (const key of [e.id, e.name, ...e.aliases]) {
    const k = key.toLowerCase();
    if (!byName.has(k)) byName.set(k, e);
  }
}
const compliance = new Map<string, ComplianceStatus>();

/** All catalog ids, sorted. */
export function catalogIds(): string[] {
  return CATALOG.map((e) => e.id);
}

export function getService(id: string): ServiceEntry | undefined {
  return byId.get(id);
}

/** An id, official name or alias ("Amazon DynamoDB", "dynamo", "Lambda") to its entry. */
export function resolveService(text: string): ServiceEntry | undefined {
  const t = text.trim().toLowerCase();
  return byId.get(t) ?? byName.get(t);
}

/** Like {@link resolveService} but refuses unknown names with a did-you-mean naming `field`. */
export function requireService(text: string, field = 'service'): ServiceEntry {
  const e = resolveService(text);
  if (e) return e;
  throw new UserError(field, `unknown service '${text}'${didYouMean(text, catalogIds())}`, 'list_services shows every catalog id.');
}

/** HIPAA and PCI status of an entry from AWS's lists (cached). */
export function complianceStatus(entry: ServiceEntry): ComplianceStatus {
  let c = compliance.get(entry.id);
  if (!c) {
    c = complianceOf(entry.compliance);
    compliance.set(entry.id, c);
  }
  return c;
}

/** A named limit of an entry, e.g. `limitOf(lambda, 'max-duration')`. */
export function limitOf(entry: ServiceEntry, key: string): ServiceLimit | undefined {
  return entry.limits.find((l) => l.key === key);
}

export interface ServiceFilter {
  layer?: Layer | undefined;
  role?: CatalogRole | undefined;
  hipaa?: 'eligible' | 'not-listed' | undefined;
  pci?: 'in-scope' | 'not-confirmed' | undefined;
}

/** Entries matching every given criterion, in id order. */
export function filterServices(filter: ServiceFilter): ServiceEntry[] {
  return CATALOG.filter(
    (e) =>
      (!filter.layer || e.layer === filter.layer) &&
      (!filter.role || e.role === filter.role) &&
      (!filter.hipaa || complianceStatus(e).hipaa.status === filter.hipaa) &&
      (!filter.pci || complianceStatus(e).pci.status === filter.pci),
  );
}

/** Entries per layer, for overviews. */
export function countByLayer(): Record<Layer, number> {
  const out = Object.fromEntries(LAYERS.map((l) => [l, 0])) as Record<Layer, number>;
  for (const e of CATALOG) out[e.layer] += 1;
  return out;
}
