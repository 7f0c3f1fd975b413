import { regionInfo, regionsIn } from '../model/index.js';
import type { WorkloadPattern } from '../model/index.js';
import { slugify } from '../shared/ids.js';
import { getPath, setPath } from './draft.js';
import type { Draft } from './draft.js';
import type { Facts } from './extract.js';
import { fmt, round } from './text.js';
import { RESIDENCY_PLACES } from './vocabulary.js';

/**
 * Fills what the brief left out with stated rules of thumb, recording each as an assumption (field, value, reason)
 * so a reviewer challenges the assumption, not the design. Values already stated or given as fields are never
 * overwritten.
 */
export function derive(d: Draft, facts: Facts, description: string): void {
  const has = (p: WorkloadPattern) => d.workload.patterns.includes(p);
  const feature = (f: string) => d.workload.features.includes(f);
  const assume = (field: string, value: string | number | boolean, reason: string, source: 'derived' | 'default' = 'derived') => {
    if (getPath(d, field) !== undefined) return false;
    setPath(d as unknown as Record<string, unknown>, field, value);
    d.assumptions.push({ field, value, reason });
    d.sources[field] = source;
    return true;
  };
  const assumeList = (field: string, values: string[], reason: string) => {
    const list = getPath(d, field) as string[];
    const added = values.filter((v) => !list.includes(v));
    if (!added.length) return;
    list.push(...added);
    d.assumptions.push({ field, value: added.join(', '), reason });
    d.sources[field] ??= 'derived';
  };

  // --- workload -------------------------------------------------------------------------------------------------
  if (has('realtime') && /\b(chat|messag\w*)\b/.test(description.toLowerCase())) {
    if (!feature('media-uploads')) assumeList('workload.features', ['media-uploads'], 'Chat users share images and files; they go to S3 and out through a CDN.');
    if (!feature('message-history')) assumeList('workload.features', ['message-history'], 'Chat clients load earlier messages when a conversation opens.');
  }
  const apiShaped = (['ecommerce', 'saas-multitenant', 'internal-tool', 'ml-inference', 'search'] as const).filter(has);
  if (!has('rest-api') && !has('graphql-api')) {
    if (apiShaped.length) assumeList('workload.patterns', ['rest-api'], `${apiShaped.join(' and ')} needs a request/response API for its clients.`);
    else if (has('realtime') && (feature('media-uploads') || feature('message-history'))) assumeList('workload.patterns', ['rest-api'], 'History and upload requests fit an HTTP API beside the real-time channel.');
    else if (d.workload.clients.some((c) => c === 'mobile' || c === 'partner') && !has('static-site') && !has('file-transfer') && !has('batch-etl') && !has('iot-ingest')) assumeList('workload.patterns', ['rest-api'], 'Mobile and partner clients call the backend over an HTTP API.');
    else if (d.workload.patterns.length === 0) assumeList('workload.patterns', ['rest-api'], 'No workload pattern was recognised; a request/response API backend is assumed.');
  }
  const clients: Array<[WorkloadPattern, Draft['workload']['clients'][number]]> = [
    ['iot-ingest', 'iot'],
    ['internal-tool', 'internal'],
    ['static-site', 'web'],
    ['ecommerce', 'web'],
    ['file-transfer', 'partner'],
  ];
  for (const [p, c] of clients) if (has(p) && !d.workload.clients.includes(c)) assumeList('workload.clients', [c], `${p} implies ${c} clients.`);
  if (feature('web-frontend') && !d.workload.clients.includes('web')) assumeList('workload.clients', ['web'], 'A portal or front end is used from browsers.');

  // --- identity -------------------------------------------------------------------------------------------------
  const consumerClients = d.workload.clients.includes('web') || d.workload.clients.includes('mobile') || (d.workload.clients.length === 0 && (has('rest-api') || has('graphql-api')));
  const userFacing = has('ecommerce') || has('saas-multitenant') || has('realtime') || has('internal-tool') || (facts.personalData && consumerClients && !onlyPatterns(d, ['static-site']));
  if (d.identity.endUserAuth === undefined && userFacing) assume('identity.endUserAuth', true, 'Users have accounts (orders, messages, records), so they sign in.');
  if (d.identity.endUserAuth && d.identity.providers.length === 0) {
    if (has('internal-tool')) assumeList('identity.providers', ['saml'], 'Employees sign in with the corporate identity provider (SAML single sign-on).');
    else assumeList('identity.providers', ['email'], 'Email and password sign-in unless social or enterprise sign-in is required.');
  }

  // --- compliance and classification ----------------------------------------------------------------------------
  if (facts.cardOutOfScope && !d.compliance.includes('pci-dss')) {
    d.assumptions.push({ field: 'compliance', value: 'PCI DSS scope kept out', reason: 'Card payments go through the payment provider and card numbers are never stored here, so the system stays out of cardholder-data scope (typically SAQ A).' });
  }
  if (d.compliance.includes('fedramp') && !d.regions.residency) assume('regions.residency', 'US', 'FedRAMP authorisations cover US regions.');
  if (d.data.classification === undefined) {
    if (d.compliance.includes('hipaa')) assume('data.classification', 'phi', 'HIPAA applies, so the system holds protected health information.');
    else if (d.compliance.includes('pci-dss')) assume('data.classification', 'pci', 'PCI DSS applies, so the system holds cardholder data.');
    else if (facts.healthData) assume('data.classification', 'phi', 'The brief describes health data (patients, clinics, results).');
    else if (has('ecommerce')) assume('data.classification', 'pii', 'Shopper accounts, addresses and order history are personal data.');
    else if (facts.personalData && !onlyPatterns(d, ['static-site'])) assume('data.classification', 'pii', 'The brief mentions people (users, customers, patients, staff) whose data the system keeps: personal data.');
    else if (onlyPatterns(d, ['static-site']) && !d.identity.endUserAuth) assume('data.classification', 'public', 'Public marketing content.', 'default');
    else if (has('batch-etl') || has('file-transfer') || has('data-warehouse')) assume('data.classification', 'confidential', 'Partner and business data.', 'default');
  }

  // --- regions --------------------------------------------------------------------------------------------------
  if (d.regions.residency) {
    const allowed = regionsIn(d.regions.residency);
    if (d.regions.allowed.length === 0 && allowed.length) {
      d.regions.allowed = allowed;
      d.sources['regions.allowed'] = 'derived';
    }
    if (!d.regions.primary && allowed.length) {
      const preferred = RESIDENCY_PLACES.find(([re, j, r]) => j === d.regions.residency && r && re.test(description.toLowerCase()))?.[2];
      const region = preferred ?? allowed[0]!;
      assume('regions.primary', region, `Data must stay in ${d.regions.residency}; ${regionInfo(region)?.name ?? region} is a Region there.`);
    }
  }
  assume('regions.primary', 'us-east-1', 'No Region was named; US East (N. Virginia) has every service and the lowest prices.', 'default');

  // --- traffic --------------------------------------------------------------------------------------------------
  const t = d.traffic;
  if (t.users !== undefined && t.dailyActiveUsers === undefined) {
    const ratio = has('internal-tool') ? 0.6 : facts.healthData ? 0.1 : 0.2;
    assume('traffic.dailyActiveUsers', Math.round(t.users * ratio), `${Math.round(ratio * 100)} % of ${fmt(t.users)} users are active on a given day.`);
  }
  if (t.monthlyActiveUsers !== undefined && t.dailyActiveUsers === undefined) {
    const ratio = has('static-site') ? 1 / 30 : 0.25;
    assume('traffic.dailyActiveUsers', Math.max(1, Math.round(t.monthlyActiveUsers * ratio)), has('static-site') ? 'Monthly visitors spread over 30 days.' : 'A quarter of monthly users are active on a given day.');
  }
  if (t.dailyActiveUsers !== undefined && t.monthlyActiveUsers === undefined && d.identity.endUserAuth) {
    const mau = Math.round(t.users !== undefined ? Math.min(t.users, t.dailyActiveUsers * 2) : t.dailyActiveUsers * 2);
    assume('traffic.monthlyActiveUsers', mau, 'Half of monthly users come back on a given day (DAU/MAU 0.5); Cognito bills by MAU.');
  }
  if (facts.devices !== undefined && t.peakMessagesPerSecond === undefined) {
    const interval = facts.deviceIntervalSeconds ?? 60;
    assume('traffic.peakMessagesPerSecond', round(facts.devices / interval), `${fmt(facts.devices)} devices each sending every ${fmt(interval)} s${facts.deviceIntervalSeconds ? '' : ' (assumed interval)'} = ${fmt(facts.devices / interval)} messages/s, steady around the clock.`);
  }
  if (has('realtime') && t.dailyActiveUsers !== undefined) {
    assume('traffic.peakMessagesPerSecond', round((t.dailyActiveUsers * 40 * 3) / 86_400), `${fmt(t.dailyActiveUsers)} DAU x 40 messages a day / 86,400 s, x3 at the evening peak.`);
    assume('traffic.peakConcurrent', Math.round(t.dailyActiveUsers * 0.15), '15 % of daily users connected at the peak hour.');
  }
  const perUser = requestsPerUser(d);
  if (t.peakRps === undefined && t.avgRps === undefined && t.dailyActiveUsers !== undefined && perUser > 0) {
    const avg = (t.dailyActiveUsers * perUser) / 86_400;
    assume('traffic.avgRps', round(avg), `${fmt(t.dailyActiveUsers)} DAU x ${perUser} requests a day / 86,400 s.`);
  }
  if (t.peakRps === undefined && t.avgRps !== undefined) {
    const factor = has('internal-tool') ? 4 : 3;
    assume('traffic.peakRps', round(t.avgRps * factor), `Peak hour at ${factor}x the daily average.`);
  }
  if (t.avgRps === undefined && t.peakRps !== undefined) assume('traffic.avgRps', round(t.peakRps / 3), 'Daily average at a third of the stated peak.');
  if (t.payloadKb === undefined && (has('rest-api') || has('realtime') || has('iot-ingest') || has('streaming-analytics') || has('graphql-api'))) {
    assume('traffic.payloadKb', has('iot-ingest') ? 1 : 2, 'Typical JSON request or message size.', 'default');
  }
  if (t.readWriteRatio === undefined && (has('ecommerce') || has('search'))) assume('traffic.readWriteRatio', 10, 'Catalogue browsing is read-heavy: about 10 reads per write.');
  assume('traffic.growthFactor', 10, 'Designed for 10x the stated load without redesign.', 'default');

  // --- data -----------------------------------------------------------------------------------------------------
  const ap = d.data.accessPatterns;
  if (ap.length === 0) {
    const derived: Draft['data']['accessPatterns'] = [];
    const engines = facts.engines;
    const relationalDomain = facts.relationalHints && !has('realtime') && !has('iot-ingest') && !has('streaming-analytics');
    if (engines.includes('postgresql') || engines.includes('mysql') || has('ecommerce') || has('internal-tool') || relationalDomain) derived.push('relational');
    if (engines.includes('mongodb') || /\b(json documents?|document (store|database|model)|schemaless)\b/.test(description.toLowerCase())) derived.push('document');
    if ((has('realtime') || has('saas-multitenant') || has('rest-api') || has('graphql-api')) && !derived.includes('relational') && !derived.includes('document')) derived.push('key-value');
    if (has('iot-ingest')) derived.push('time-series');
    if (has('iot-ingest') || has('streaming-analytics') || has('batch-etl') || has('data-warehouse')) derived.push('analytics');
    if (has('search') || feature('full-text-search')) derived.push('search');
    if ((has('realtime') && !has('graphql-api')) || feature('presence') || feature('sessions') || (has('ecommerce') && (t.peakRps ?? 0) >= 500)) derived.push('cache');
    if (has('static-site') || feature('media-uploads') || feature('document-downloads') || has('ml-inference')) derived.push('blob');
    if (derived.length) assumeList('data.accessPatterns', [...new Set(derived)], 'Read from the workload patterns and features in the brief.');
  }
  if (d.data.objectStorage === undefined && (ap.includes('blob') || has('batch-etl') || has('iot-ingest') || has('streaming-analytics'))) {
    assume('data.objectStorage', true, 'Files, media or a data lake are stored as objects.');
  }
  if (d.data.growthGbPerMonth === undefined) {
    const kb = t.payloadKb ?? 2;
    if ((has('iot-ingest') || has('streaming-analytics')) && t.peakMessagesPerSecond !== undefined) {
      const gb = (t.peakMessagesPerSecond * kb * 2_592_000) / 1e6;
      assume('data.growthGbPerMonth', round(gb), `${fmt(t.peakMessagesPerSecond)} messages/s x ${fmt(kb)} KB x 30 days, before compression.`);
    } else if (facts.dailyIngestGb !== undefined) {
      assume('data.growthGbPerMonth', round(facts.dailyIngestGb * 30), `${fmt(facts.dailyIngestGb)} GB arriving a day x 30 days, if all of it is kept.`);
    } else if (has('realtime') && t.dailyActiveUsers !== undefined) {
      const gb = (t.dailyActiveUsers * 40 * kb * 30) / 1e6;
      assume('data.growthGbPerMonth', round(gb), `${fmt(t.dailyActiveUsers)} DAU x 40 messages x ${fmt(kb)} KB x 30 days.`);
    }
  }
  if (d.data.storedGb === undefined && d.data.growthGbPerMonth !== undefined) {
    const months = d.data.retentionDays !== undefined ? d.data.retentionDays / 30 : 12;
    assume('data.storedGb', round(d.data.growthGbPerMonth * months), d.data.retentionDays !== undefined ? `Steady state: ${fmt(d.data.growthGbPerMonth)} GB a month kept for ${d.data.retentionDays} days.` : `First year: ${fmt(d.data.growthGbPerMonth)} GB a month for 12 months.`);
  }

  // --- availability ---------------------------------------------------------------------------------------------
  const internalOrBatch = has('internal-tool') || onlyPatterns(d, ['batch-etl', 'file-transfer', 'data-warehouse']);
  assume('availability.targetPercent', internalOrBatch ? 99.5 : 99.9, internalOrBatch ? 'Internal or batch workload: 99.5 % (about 3.6 hours of downtime a month) is the usual target.' : 'Customer-facing production system: 99.9 % (about 43 minutes of downtime a month).', 'default');

  // --- team -----------------------------------------------------------------------------------------------------
  if (d.preferences.opsMaturity === undefined && d.preferences.teamSize !== undefined && d.preferences.teamSize <= 5) {
    assume('preferences.opsMaturity', 'low', `A team of ${d.preferences.teamSize} has little time for operations.`);
  }

  // --- name and summary -----------------------------------------------------------------------------------------
  if (!d.name) {
    d.name = designName(d, facts);
    d.sources.name = 'derived';
  }
  if (!d.summary) {
    d.summary = summarise(description);
    d.sources.summary = 'stated';
  }
}

/** True when every pattern of the draft is among `only` (and there is at least one). */
function onlyPatterns(d: Draft, only: WorkloadPattern[]): boolean {
  return d.workload.patterns.length > 0 && d.workload.patterns.every((p) => only.includes(p));
}

/** Requests a daily user makes, by the most demanding pattern present. */
function requestsPerUser(d: Draft): number {
  const table: Partial<Record<WorkloadPattern, number>> = {
    'saas-multitenant': 300,
    'internal-tool': 200,
    realtime: 150,
    'graphql-api': 150,
    'rest-api': 100,
    ecommerce: 80,
    search: 60,
    'ml-inference': 20,
    'static-site': 25,
  };
  return Math.max(0, ...d.workload.patterns.map((p) => table[p] ?? 0));
}

const PATTERN_NAMES: Array<[WorkloadPattern, string]> = [
  ['ecommerce', 'shop-api'],
  ['realtime', 'chat-backend'],
  ['iot-ingest', 'iot-telemetry'],
  ['saas-multitenant', 'saas-platform'],
  ['ml-inference', 'inference-api'],
  ['streaming-analytics', 'stream-analytics'],
  ['search', 'search-api'],
  ['batch-etl', 'etl-pipeline'],
  ['static-site', 'marketing-site'],
  ['internal-tool', 'internal-tool'],
  ['event-driven', 'event-platform'],
  ['graphql-api', 'graphql-api'],
  ['data-warehouse', 'data-warehouse'],
  ['file-transfer', 'file-exchange'],
  ['rest-api', 'api-backend'],
];

/** A valid design name: lower-case, dashes, starts with a letter, at most 40 characters. */
export function designName(d: Pick<Draft, 'workload'>, facts: Pick<Facts, 'nameHint'>): string {
  const has = (p: WorkloadPattern) => d.workload.patterns.includes(p);
  const nightly = has('batch-etl') && d.workload.features.includes('scheduled-jobs') && !has('search') && !has('rest-api') ? 'nightly-etl' : undefined;
  const mobile = has('rest-api') && d.workload.clients.includes('mobile') && !has('realtime') ? 'mobile-backend' : undefined;
  return safeName(facts.nameHint ?? nightly ?? mobile ?? PATTERN_NAMES.find(([p]) => has(p))?.[1] ?? 'backend');
}

export function safeName(text: string): string {
  let s = slugify(text, 40);
  if (!/^[a-z]/.test(s)) s = `app-${s}`;
  return s.slice(0, 40).replace(/-+$/, '') || 'backend';
}

function summarise(description: string): string {
  const clean = description.replace(/\s+/g, ' ').trim();
  const sentences = clean.match(/[^.!?]+[.!?]+/g) ?? [clean];
  let out = '';
  for (const s of sentences) {
    if (out && (out + s).length > 300) break;
    out += s;
  }
  return (out || clean).trim().slice(0, 400);
}
