import data from './compliance.json' with { type: 'json' };
import type { ComplianceMapping } from './types.js';

/**
 * HIPAA eligibility and PCI DSS scope from AWS's published lists, as compiled in `compliance.json` (built by
 * scripts/build-compliance.mjs, with list dates and sources). The PCI list is incomplete, so a service missing from
 * it is `not-confirmed`, never "out of scope".
 */

interface ListData {
  title: string;
  caveat: string;
  qualifiers: Array<{ subject: string; text: string }>;
  /** name -> [as-of date, source index] */
  services: Record<string, [string, number]>;
  sources: string[];
}

// JSON tuples type as arrays; the build script guarantees the shape.
const HIPAA = data.hipaa as unknown as ListData & { listDate: string };
const PCI = data.pci as unknown as ListData & { listDates: string[] };

/** Date of the HIPAA eligible services list the catalog was built from. */
export const HIPAA_LIST_DATE: string = HIPAA.listDate;
/** Dates of the PCI DSS captures combined in the catalog's list (oldest first). */
export const PCI_LIST_DATES: readonly string[] = PCI.listDates;
export const HIPAA_CAVEAT: string = HIPAA.caveat;
export const PCI_CAVEAT: string = PCI.caveat;

export interface HipaaStatus {
  status: 'eligible' | 'not-listed';
  /** Names found on the list. */
  listedAs: string[];
  listDate: string;
  /** Scope qualifiers the list attaches to the service. */
  qualifiers: string[];
  source?: string;
  note?: string;
}

export interface PciStatus {
  /** `in-scope`: on AWS's list at `since`; `not-confirmed`: not on the (incomplete) list. */
  status: 'in-scope' | 'not-confirmed';
  listedAs: string[];
  /** Date of the capture that lists it (the latest, when several names are listed). */
  since?: string;
  listDates: readonly string[];
  qualifiers: string[];
  source?: string;
  note?: string;
}

export interface ComplianceStatus {
  hipaa: HipaaStatus;
  pci: PciStatus;
}

/** Whether `name` is on each list (exact official name, as normalised in the source data). */
export function onHipaaList(name: string): boolean {
  return Object.hasOwn(HIPAA.services, name);
}
export function onPciList(name: string): boolean {
  return Object.hasOwn(PCI.services, name);
}

/** Every official name on each list, for tests and tools that show the raw lists. */
export function hipaaListNames(): string[] {
  return Object.keys(HIPAA.services);
}
export function pciListNames(): string[] {
  return Object.keys(PCI.services);
}

function qualifiersFor(list: ListData, subjects: string[] | undefined): string[] {
  if (!subjects?.length) return [];
  return list.qualifiers.filter((q) => subjects.includes(q.subject)).map((q) => q.text);
}

/** Resolves an entry's list names against both lists. */
export function complianceOf(mapping: ComplianceMapping): ComplianceStatus {
  const hipaaRows = mapping.hipaa.map((n) => HIPAA.services[n]);
  const hipaaOk = mapping.hipaa.length > 0 && hipaaRows.every(Boolean);
  const pciRows = mapping.pci.map((n) => PCI.services[n]);
  const pciOk = mapping.pci.length > 0 && pciRows.every(Boolean);
  const latest = pciOk ? pciRows.map((r) => r![0]).sort().at(-1) : undefined;
  const hipaaSource = hipaaOk ? HIPAA.sources[hipaaRows[0]![1]] : undefined;
  const pciSource = pciOk ? PCI.sources[pciRows.find((r) => r![0] === latest)![1]] : undefined;
  return {
    hipaa: {
      status: hipaaOk ? 'eligible' : 'not-listed',
      listedAs: mapping.hipaa.filter((n) => HIPAA.services[n]),
      listDate: HIPAA.listDate,
      qualifiers: qualifiersFor(HIPAA, mapping.qualifier),
      ...(hipaaSource ? { source: hipaaSource } : {}),
      ...(mapping.note ? { note: mapping.note } : {}),
    },
    pci: {
      status: pciOk ? 'in-scope' : 'not-confirmed',
      listedAs: mapping.pci.filter((n) => PCI.services[n]),
      ...(latest ? { since: latest } : {}),
      listDates: PCI.listDates,
      qualifiers: qualifiersFor(PCI, mapping.qualifier),
      ...(pciSource ? { source: pciSource } : {}),
      ...(mapping.note ? { note: mapping.note } : {}),
    },
  };
}
