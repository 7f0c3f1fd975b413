import { complianceStatus, getService } from '../catalog/index.js';
import type { ComplianceLookup, ComplianceStatus } from './types.js';

/**
 * The default lookup, from the catalog's copy of AWS's lists (HIPAA Eligible Services Reference; PCI DSS services in
 * scope). The PCI list is incomplete after 2022, so a service missing from it is `unconfirmed`, never `not-listed`;
 * ElastiCache is listed for the Redis engine only, so Valkey and Memcached are `unconfirmed` too.
 */
export const defaultComplianceLookup: ComplianceLookup = (service, programme, config): ComplianceStatus => {
  const entry = getService(service);
  if (!entry) return { status: programme === 'hipaa' ? 'not-listed' : 'unconfirmed', awsName: service, asOf: 'unknown', note: 'not in the service catalog' };
  const status = complianceStatus(entry);
  if (programme === 'hipaa') {
    const h = status.hipaa;
    const qualifiers = h.qualifiers.length ? h.qualifiers.join(' ') : undefined;
    return { status: h.status === 'eligible' ? 'listed' : 'not-listed', awsName: h.listedAs.join(' / ') || entry.name, asOf: h.listDate, ...(qualifiers ? { note: qualifiers } : {}) };
  }
  const p = status.pci;
  const awsName = p.listedAs.join(' / ') || entry.name;
  const asOf = p.since ?? p.listDates[p.listDates.length - 1] ?? 'unknown';
  if (p.status !== 'in-scope') return { status: 'unconfirmed', awsName, asOf, note: p.note ?? 'not on the PCI DSS list the catalog holds, which is incomplete after 2022; check AWS\'s current services-in-scope page' };
  if (service === 'elasticache' && config.engine !== 'redis') {
    return { status: 'unconfirmed', awsName, asOf, note: p.note ?? `the ${String(config.engine)} engine is not confirmed in scope` };
  }
  return { status: 'listed', awsName, asOf };
};
