import { isRegionCode, REGION_CODES } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { didYouMean } from '../shared/suggest.js';
import { addUnique, emptyDraft } from './draft.js';
import type { Draft } from './draft.js';
import { deniedAfter, negated, normalise, numbers, toKb, toMinutes } from './text.js';
import {
  AUTH_RULE,
  AVOID_WORDS,
  CARD_OUT_OF_SCOPE,
  CLIENT_RULES,
  COMPLIANCE_RULES,
  COMPUTE_RULES,
  ENGINE_RULES,
  FEATURE_RULES,
  FLEXIBLE_BUDGET,
  HEALTH_DATA,
  HIGH_OPS,
  LANGUAGE_RULES,
  LOW_OPS,
  PATTERN_RULES,
  PERSONAL_DATA,
  PREFER_WORDS,
  PROVIDER_RULES,
  REGION_NAMES,
  RESIDENCY_CUE,
  RESIDENCY_PLACES,
  SERVICE_NAMES,
  TIGHT_BUDGET,
} from './vocabulary.js';

/** What the text says beyond the Requirements fields, for derivation. */
export interface Facts {
  devices?: number;
  /** Seconds between messages of one device. */
  deviceIntervalSeconds?: number;
  /** Data arriving per day in GB ("2 TB every night"). */
  dailyIngestGb?: number;
  /** Window of recent data that must be fast to query, in hours ("last 24 hours"). */
  hotWindowHours?: number;
  backupRetentionDays?: number;
  emails: string[];
  domains: string[];
  engines: string[];
  /** The residency phrase was "Europe", which may or may not include the UK and Switzerland. */
  residencyAmbiguous?: boolean;
  /** Card payments go through a provider and card data is never stored here. */
  cardOutOfScope?: boolean;
  healthData: boolean;
  personalData: boolean;
  cardData: boolean;
  /** Entities that are usually relational: appointments, bookings, invoices, inventory. */
  relationalHints: boolean;
  /** Count of distinct signals found; zero means the text says nothing about a system. */
  signals: number;
  /** Words that name a system ("chat", "patient portal") for the design name. */
  nameHint?: string;
}

export interface Extraction {
  draft: Draft;
  facts: Facts;
}

const REGION_CODE = /\b([a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d{1,2})\b/g;
const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/g;
const DOMAIN = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|dev|app|co|eu|de|uk|fr|es|it|nl|se|ch|ca|au|jp|in|br|us|health|shop|store|cloud|ai)\b/g;
const DR_CUE = /\b(dr|disaster|failover|fail over|secondary|standby|backup region|replicate(d)? to|replica|recovery)\b[^.;]{0,40}$/;

const USER_NOUNS = /^\s*(\+\s*)?([a-z-]+ )?(users|customers|patients|members|employees|players|subscribers|accounts|students|drivers|riders|clients|shoppers|visitors|people|staff|applicants|citizens|residents|guests|travell?ers|learners|readers|viewers|listeners|fans|buyers|sellers)\b/;

/**
 * Reads a free-text brief into a {@link Draft} of stated values (each recorded in `sources` as `stated`) and
 * {@link Facts} for derivation. Unknown Region codes are refused with a suggestion.
 */
export function extract(description: string): Extraction {
  const t = normalise(description);
  const d = emptyDraft();
  const facts: Facts = { emails: [], domains: [], engines: [], healthData: false, personalData: false, cardData: false, relationalHints: false, signals: 0 };
  const stated = (path: string) => {
    d.sources[path] = 'stated';
    facts.signals += 1;
  };

  // Patterns, features, clients: keyword rules, ignoring negated mentions.
  // "GraphQL API" names the GraphQL pattern, not a REST API.
  const restText = t.replace(/\bgraphql (api|apis|endpoint)\b/g, 'graphql');
  for (const [pattern, re] of PATTERN_RULES) if (matches(pattern === 'rest-api' ? restText : t, re)) addUnique(d.workload.patterns, pattern);
  if (d.workload.patterns.length) stated('workload.patterns');
  for (const [feature, re] of FEATURE_RULES) if (matches(t, re)) addUnique(d.workload.features, feature);
  if (d.workload.features.length) stated('workload.features');
  for (const [client, re] of CLIENT_RULES) if (matches(t, re)) addUnique(d.workload.clients, client);
  if (d.workload.clients.length) stated('workload.clients');
  // "search" as in "search for products" is the search pattern; "research" never matched thanks to \b.
  if (d.workload.patterns.includes('search')) addUnique(d.workload.features, 'full-text-search');

  quantities(t, d, facts, stated);
  compliance(t, d, facts, stated);
  regions(t, d, facts, stated);
  preferences(t, d, stated);

  for (const m of description.matchAll(EMAIL)) addUnique(facts.emails, m[0].toLowerCase());
  for (const m of t.replace(EMAIL, ' ').matchAll(DOMAIN)) if (!/\.(js|ts|py|net)$/.test(m[0]) || m[0].endsWith('.net')) addUnique(facts.domains, m[0]);
  if (facts.emails.length) addUnique(d.workload.features, `alerts-to:${facts.emails[0]}`);
  if (facts.domains.length) addUnique(d.workload.features, `domain:${facts.domains[0]}`);
  if (facts.backupRetentionDays) addUnique(d.workload.features, `backup-retention-days:${facts.backupRetentionDays}`);
  if (facts.hotWindowHours) addUnique(d.workload.features, `hot-window-hours:${facts.hotWindowHours}`);
  for (const e of facts.engines) addUnique(d.workload.features, `engine:${e}`);

  facts.nameHint = nameHint(t);
  if (/\b(backend|system|service|platform|application|app|website|site|api|pipeline|portal|tool)\b/.test(t)) facts.signals += 1;
  return { draft: d, facts };
}

/** True when `re` matches somewhere not governed by a negation. */
function matches(t: string, re: RegExp): boolean {
  const g = new RegExp(re.source, 'g');
  for (const m of t.matchAll(g)) if (!negated(t, m.index!) && !deniedAfter(t, m.index! + m[0].length)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers with units
// ---------------------------------------------------------------------------------------------------------------

const SIZE_UNIT = /^\s*-?\s*(bytes?|b|kib|kb|mib|mb|gib|gb|tib|tb|pb)\b/;
const TIME_UNIT = /^\s*-?\s*(ms|millis(?:econds?)?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|yrs?)\b/;
const RANGE_TAIL = /^\s*(?:to|-|and|or)\s*\d[\d,.]*\s*/;
const PER_SECOND = /^\s*(?:\/|per|a|each|every)\s*(s|sec|second)\b/;
const PER_MINUTE = /^\s*(?:\/|per|a|each|every)\s*(min|minute)\b/;
const PER_HOUR = /^\s*(?:\/|per|an?|each|every)\s*(h|hr|hour)\b/;
const PER_DAY = /^\s*(?:\/|per|a|each|every)\s*(day|night)\b|^\s*(daily|nightly)\b/;
const RATE_NOUNS = '(requests?|reqs?|calls|hits|transactions?|queries|api calls|page ?views|rps|qps|tps|messages?|msgs?|events?|records?|readings?|orders?|writes?|reads?)';
const RATE_STRICT = new RegExp(`^\\s*(\\+\\s*)?${RATE_NOUNS}\\b`);
/**
 * "20 million tokenisation calls a month": up to two describing words before the noun, taken as a rate only when a
 * time unit follows, so "100 concurrent requests" still reads as concurrency.
 */
const RATE_LOOSE = new RegExp(`^\\s*(\\+\\s*)?(?!(?:concurrent|simultaneous|daily|monthly|active)\\b)(?:[a-z][a-z-]*\\s+){1,2}?${RATE_NOUNS}\\b`);

const PER_MONTH = /^\s*(?:\/|per|a|each|every)\s*(mo|month)\b|^\s*monthly\b/;

function rateDivisor(after: string): number | undefined {
  if (PER_SECOND.test(after)) return 1;
  if (PER_MINUTE.test(after)) return 60;
  if (PER_HOUR.test(after)) return 3600;
  if (PER_DAY.test(after)) return 86_400;
  if (PER_MONTH.test(after)) return 2_592_000;
  return undefined;
}

function quantities(t: string, d: Draft, facts: Facts, stated: (p: string) => void): void {
  const toks = numbers(t);
  const rps: Array<{ v: number; peak: boolean }> = [];
  const msgs: Array<{ v: number; peak: boolean }> = [];
  const jobs: number[] = [];
  const retention: number[] = [];

  toks.forEach((tok, i) => {
    const { value: v, before, after } = tok;
    // A range "40 to 90 minutes" takes its unit from the end of the range.
    const unitText = RANGE_TAIL.test(after) ? after.replace(RANGE_TAIL, '') : after;
    const isPeak = /\b(peak(s|ing)?|spikes?|burst|black friday|busiest|max(imum)?|up to|at most|rush)\b[^.;]*$/.test(before.slice(-40)) || /^[^.;,]{0,40}\b(at (the )?peak|at peak times|at the busiest|during peaks?)\b/.test(after);

    // Money: "$500 a month", "budget of 2,000 usd"
    if (/\$\s*$/.test(before) || /^\s*(usd|dollars|\$)/.test(after) || /^\s*(eur|euros?|€)/.test(after)) {
      const per = /^\s*(k\b)?\s*(usd|dollars|eur|euros?)?\s*(\/|per|a|each)\s*(mo|month)/.test(after) || /\bbudget\b/.test(before);
      if (per) {
        d.budget.monthlyUsd = v * (/^\s*k\b/.test(after) ? 1000 : 1);
        stated('budget.monthlyUsd');
      }
      return;
    }
    // Availability: "99.95%", "99.9 % availability", "3 nines"
    if (/^\s*nines\b/.test(after) && v >= 2 && v <= 6) {
      d.availability.targetPercent = Number((100 - 100 * Math.pow(10, -v)).toFixed(v));
      stated('availability.targetPercent');
      return;
    }
    if (/^\s*(%|percent)/.test(after)) {
      if (v >= 90 && v < 100 && (v >= 99 || /\b(availab|uptime|sla|slo)\w*/.test(before + after))) {
        d.availability.targetPercent = v;
        stated('availability.targetPercent');
      } else if (/^\s*(%|percent)\s*(of )?(the )?(traffic |requests )?(are |is )?reads?\b/.test(after) && v > 0 && v < 100) {
        d.traffic.readWriteRatio = Number((v / (100 - v)).toFixed(2));
        stated('traffic.readWriteRatio');
      }
      return;
    }
    if (v >= 90 && v < 100 && !Number.isInteger(v) && /\b(availab|uptime|sla|slo)\w*/.test(before.slice(-30) + after.slice(0, 20))) {
      d.availability.targetPercent = v;
      stated('availability.targetPercent');
      return;
    }
    // Growth: "10x", "grow 10 times"
    if (/^\s*(x|times)\b/.test(after) && /\b(grow|growth|scale|increase|more|load|traffic|expect)\w*/.test(before + after)) {
      d.traffic.growthFactor = v;
      stated('traffic.growthFactor');
      return;
    }

    // Durations
    const tu = TIME_UNIT.exec(unitText);
    if (tu) {
      const minutes = toMinutes(v, tu[1]!);
      if (minutes === undefined) return;
      const near = before.slice(-30);
      const rpoAt = lastIndexOfAny(near, [/\brpo\b/g, /recovery point/g]);
      const rtoAt = lastIndexOfAny(near, [/\brto\b/g, /recovery time/g]);
      if (rpoAt > rtoAt && rpoAt >= 0) {
        d.availability.rpoMinutes = minutes;
        stated('availability.rpoMinutes');
      } else if (rtoAt >= 0) {
        d.availability.rtoMinutes = minutes;
        stated('availability.rtoMinutes');
      } else if (/\b(p(99|95|90)|latency|respond|response|responses|within|under|below|less than|faster than)\b[^.;]*$/.test(before) && minutes < 1 && /\b(p\d\d|latency|respon)/.test(before + after)) {
        const ms = minutes * 60_000;
        if (/\b(p50|median|average)\b[^.;]*$/.test(before)) {
          d.latency.p50Ms = ms;
          stated('latency.p50Ms');
        } else {
          d.latency.p99Ms = ms;
          stated('latency.p99Ms');
        }
      } else if (/\b(every|each)\s*$/.test(before)) {
        facts.deviceIntervalSeconds = minutes * 60;
      } else if (/\b(last|past|recent|latest)\s*$/.test(before) && minutes <= 7 * 1440) {
        facts.hotWindowHours = minutes / 60;
      } else if (/\bbackups?\b/.test(before + after.slice(0, 20))) {
        facts.backupRetentionDays = Math.round(minutes / 1440);
      } else if (/\b(jobs?|tasks?|transformations?|batch|process(es|ing)?|takes?|etl|exports?|imports?|render\w*|training)\b/.test(before.slice(-50) + unitText.slice(0, 25)) && minutes >= 1 && minutes <= 7 * 1440) {
        jobs.push(minutes);
        // the start of a range shares its unit with the end
        if (RANGE_TAIL.test(after)) {
          const end = toks[i + 1];
          if (end) jobs.push(toMinutes(end.value, tu[1]!) ?? minutes);
        }
      } else if (/\b(keep|kept|retain\w*|retention|history|store[ds]?|archive[ds]?|for|last|past)\b/.test(before.slice(-40) + unitText.slice(0, 30)) && minutes >= 1440) {
        retention.push(Math.round(minutes / 1440));
      }
      return;
    }

    // Data sizes
    const su = SIZE_UNIT.exec(unitText);
    if (su) {
      const kb = toKb(v, su[1]!);
      if (kb === undefined) return;
      const rest = unitText.slice(su[0].length);
      const div = rateDivisor(rest.replace(/^\s*(of [a-z ,]+?)(?=\s*(\/|per|a|each|every|daily|nightly)\b)/, ''));
      const ingestCue = /\b(every (night|day)|nightly|daily|per day|a day|each day)\b/.test(before.slice(-40) + rest.slice(0, 50));
      if (div !== undefined || ingestCue) {
        const perDayGb = (kb / 1e6) * (div !== undefined ? 86_400 / div : 1);
        facts.dailyIngestGb = perDayGb;
      } else if (/\b(messages?|payloads?|requests?|readings?|events?|records?|items?|documents?|bodies|body|responses?|each|under|small|up to|average|typical)\b/.test(before.slice(-40) + rest.slice(0, 20)) && kb <= 10_000_000) {
        d.traffic.payloadKb = kb;
        stated('traffic.payloadKb');
      } else if (kb >= 1e6 || /\b(store|stored|data|database|total|have|holds?|size)\b/.test(before + rest)) {
        d.data.storedGb = kb / 1e6;
        stated('data.storedGb');
      }
      return;
    }

    // Rates: "5,000 requests/second", "300 rps", "12,000 messages per second"
    const strict = RATE_STRICT.exec(after);
    const loose = strict ? null : RATE_LOOSE.exec(after);
    const rate = strict ?? loose;
    if (rate) {
      const noun = rate[2]!;
      const rest = after.slice(rate[0].length);
      let div = /^(rps|qps|tps)$/.test(noun) ? 1 : rateDivisor(rest);
      if (div === undefined && /\b(per|a|each)\s*(second|sec)\b/.test(rest.slice(0, 25))) div = 1;
      if (div === undefined) {
        if (strict) return;
      } else {
        const perSecond = v / div;
        if (/^(messages?|msgs?|events?|records?|readings?|orders?)$/.test(noun)) msgs.push({ v: perSecond, peak: isPeak });
        else rps.push({ v: perSecond, peak: isPeak });
        return;
      }
    }

    // Counts of people, devices and team members
    if (/^\s*(\+\s*)?(daily active users|dau|daily users|users (a|per|each) day|visitors (a|per) day|daily visitors)\b/.test(after)) {
      d.traffic.dailyActiveUsers = v;
      stated('traffic.dailyActiveUsers');
      return;
    }
    if (/^\s*(\+\s*)?(monthly active users|mau|monthly users|(users|visitors|visits) (a|per|each) month|monthly visitors)\b/.test(after)) {
      d.traffic.monthlyActiveUsers = v;
      stated('traffic.monthlyActiveUsers');
      return;
    }
    if (/^\s*(\+\s*)?(concurrent|simultaneous)\b/.test(after) || (/\b(peak(ing)? at|up to)\s*$/.test(before) && /^\s*(concurrent|connections|open connections|sockets)/.test(after))) {
      d.traffic.peakConcurrent = v;
      stated('traffic.peakConcurrent');
      return;
    }
    if (/^\s*(\+\s*)?(\w+ )?(sensors|devices|machines|vehicles|meters|trackers|things|gateways)\b/.test(after)) {
      facts.devices = v;
      return;
    }
    if (/^\s*(\w+ ){0,2}(developers|engineers|devs|programmers)\b/.test(after) || (/\bteam of\s*$/.test(before) && v <= 500)) {
      d.preferences.teamSize = Math.round(v);
      stated('preferences.teamSize');
      return;
    }
    if (USER_NOUNS.test(after)) {
      if (/^\s*visitors\b/.test(after) && /\b(a|per) month\b/.test(after.slice(0, 30))) {
        d.traffic.monthlyActiveUsers = v;
        stated('traffic.monthlyActiveUsers');
      } else if (/\b(a|per|each) day\b|\bdaily\b/.test(after.slice(0, 30))) {
        d.traffic.dailyActiveUsers = v;
        stated('traffic.dailyActiveUsers');
      } else if (/\b(a|per|each) month\b|\bmonthly\b/.test(after.slice(0, 30))) {
        d.traffic.monthlyActiveUsers = v;
        stated('traffic.monthlyActiveUsers');
      } else {
        d.traffic.users = Math.max(v, d.traffic.users ?? 0);
        stated('traffic.users');
      }
    }
  });

  if (rps.length) {
    const peaks = rps.filter((r) => r.peak);
    const others = rps.filter((r) => !r.peak);
    const peak = peaks.length ? Math.max(...peaks.map((r) => r.v)) : others.length > 1 ? Math.max(...others.map((r) => r.v)) : undefined;
    const avg = others.length ? Math.min(...others.map((r) => r.v)) : undefined;
    if (peak !== undefined) {
      d.traffic.peakRps = peak;
      stated('traffic.peakRps');
    }
    if (avg !== undefined && avg !== peak) {
      d.traffic.avgRps = avg;
      stated('traffic.avgRps');
    }
  }
  if (msgs.length) {
    d.traffic.peakMessagesPerSecond = Math.max(...msgs.map((m) => m.v));
    stated('traffic.peakMessagesPerSecond');
  }
  if (jobs.length) {
    d.workload.longestJobMinutes = Math.max(...jobs);
    stated('workload.longestJobMinutes');
  }
  if (retention.length) {
    d.data.retentionDays = Math.max(...retention);
    stated('data.retentionDays');
  }
}

function lastIndexOfAny(s: string, res: RegExp[]): number {
  let best = -1;
  for (const re of res) for (const m of s.matchAll(re)) best = Math.max(best, m.index!);
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Compliance and data sensitivity
// ---------------------------------------------------------------------------------------------------------------

function compliance(t: string, d: Draft, facts: Facts, stated: (p: string) => void): void {
  facts.healthData = matches(t, HEALTH_DATA);
  facts.personalData = matches(t, new RegExp(PERSONAL_DATA.source));
  facts.cardData = /\b(card numbers?|credit cards?|cardholder|card payments?|card data)\b/.test(t);
  facts.cardOutOfScope = facts.cardData && CARD_OUT_OF_SCOPE.test(t);
  facts.relationalHints = /\b(appointments?|bookings?|reservations?|scheduling|invoices?|billing|ledger|inventory|reporting|joins?|transactions across|case management|approvals?|grants?)\b/.test(t);
  for (const [framework, re] of COMPLIANCE_RULES) {
    if (framework === 'pci-dss' && facts.cardOutOfScope && !/\bpci(-| )?dss\b/.test(t)) continue;
    if (matches(t, re)) addUnique(d.compliance, framework);
  }
  if (d.compliance.length) stated('compliance');
  for (const [engine, re] of ENGINE_RULES) if (matches(t, re)) addUnique(facts.engines, engine);
}

// ---------------------------------------------------------------------------------------------------------------
// Regions and residency
// ---------------------------------------------------------------------------------------------------------------

function regions(t: string, d: Draft, facts: Facts, stated: (p: string) => void): void {
  const found: Array<{ code: string; secondary: boolean; at: number }> = [];
  for (const m of t.matchAll(REGION_CODE)) {
    const code = m[1]!;
    if (!isRegionCode(code)) {
      const gov = code.includes('-gov-') || code.includes('-iso');
      throw new UserError(
        'description',
        `unknown region '${code}'${didYouMean(code, REGION_CODES)}`,
        gov
          ? 'AWS GovCloud (US) and isolated regions are not modelled; use a commercial Region such as us-east-1 and say FedRAMP in the description so the design notes it.'
          : 'Use one of the 34 commercial Region codes, e.g. us-east-1, eu-west-1 or ap-southeast-2.',
      );
    }
    found.push({ code, secondary: DR_CUE.test(t.slice(Math.max(0, m.index! - 50), m.index!)), at: m.index! });
  }
  for (const [re, code] of REGION_NAMES) {
    const g = new RegExp(`${re.source}\\s+region|region\\s+(of\\s+)?${re.source}|\\(${re.source}\\)`, 'g');
    for (const m of t.matchAll(g)) found.push({ code, secondary: DR_CUE.test(t.slice(Math.max(0, m.index! - 50), m.index!)), at: m.index! });
  }
  found.sort((a, b) => a.at - b.at);
  const primary = found.find((f) => !f.secondary);
  const secondary = found.find((f) => f.secondary && f.code !== primary?.code) ?? found.find((f) => f !== primary && f.code !== primary?.code);
  if (primary) {
    d.regions.primary = primary.code;
    stated('regions.primary');
  }
  if (secondary) {
    d.regions.secondary = secondary.code;
    stated('regions.secondary');
  }

  for (const m of t.matchAll(RESIDENCY_CUE)) {
    const phrase = (m[3] ?? m[6] ?? m[7] ?? '').trim();
    for (const [place, jurisdiction] of RESIDENCY_PLACES) {
      if (place.test(phrase)) {
        d.regions.residency = jurisdiction;
        facts.residencyAmbiguous = /\beurope\b/.test(phrase) && !/\b(eu|european union)\b/.test(phrase);
        stated('regions.residency');
        return;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Team, identity and preferences
// ---------------------------------------------------------------------------------------------------------------

function preferences(t: string, d: Draft, stated: (p: string) => void): void {
  // "Merchants authenticate with IAM (SigV4)" or "API keys" is machine authentication, not end-user sign-in.
  const machineAuth = /\bauthenticat\w* (with|using|via) (aws )?(iam|sigv4|api keys?|mtls|client certificates?)\b/.test(t);
  if (machineAuth) addUnique(d.workload.features, 'machine-auth');
  if (/\b(iam|sigv4)\b/.test(t) && machineAuth) addUnique(d.workload.features, 'iam-auth');
  if (AUTH_RULE.test(t.replace(/\bauthenticat\w* (with|using|via) (aws )?(iam|sigv4|api keys?|mtls|client certificates?)\b/g, ' '))) {
    d.identity.endUserAuth = true;
    stated('identity.endUserAuth');
  }
  for (const [provider, re] of PROVIDER_RULES) if (matches(t, re)) addUnique(d.identity.providers, provider);
  if (d.identity.providers.includes('google') && /\be-?mail\b/.test(t) && AUTH_RULE.test(t)) addUnique(d.identity.providers, 'email');
  if (d.identity.providers.length) {
    d.identity.endUserAuth = true;
    stated('identity.providers');
  }

  // The compute model stated with a preference verb wins over one merely mentioned.
  let compute: (typeof COMPUTE_RULES)[number][0] | undefined;
  let bestAt = -1;
  for (const [model, re] of COMPUTE_RULES) {
    for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
      if (negated(t, m.index!)) continue;
      const cue = /\b(prefer|rather|want|like|knows?|experienced|familiar|standardi[sz]ed|use|using|run(s|ning)? on|built on|love)\b/.test(t.slice(Math.max(0, m.index! - 40), m.index!)) || model === 'serverless';
      const rank = cue ? 2 : 1;
      if (rank > bestAt) {
        compute = model;
        bestAt = rank;
      }
    }
  }
  if (compute) {
    d.preferences.compute = compute;
    stated('preferences.compute');
  }
  for (const [lang, re] of LANGUAGE_RULES) if (matches(t, re)) addUnique(d.preferences.languages, lang);
  if (d.preferences.languages.length) stated('preferences.languages');
  if (/\bterraform\b/.test(t)) d.preferences.iac = 'terraform';
  else if (/\b(aws )?cdk\b/.test(t)) d.preferences.iac = 'cdk';
  else if (/\bcloudformation\b/.test(t)) d.preferences.iac = 'cloudformation';
  if (d.preferences.iac) stated('preferences.iac');
  if (LOW_OPS.test(t)) {
    d.preferences.opsMaturity = 'low';
    stated('preferences.opsMaturity');
  } else if (HIGH_OPS.test(t)) {
    d.preferences.opsMaturity = 'high';
    stated('preferences.opsMaturity');
  }

  for (const [id, re] of SERVICE_NAMES) {
    for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
      const before = t.slice(Math.max(0, m.index! - 40), m.index!);
      if (AVOID_WORDS.test(before) || negated(t, m.index!)) addUnique(d.preferences.avoidServices, id);
      else if (PREFER_WORDS.test(before) || /\b(must|should|will|want to) (use|run on|be on)\b/.test(before)) addUnique(d.preferences.preferredServices, id);
    }
  }
  // A compute model is a preference, not a service pick; Kubernetes, Fargate and Lambda mentions stay preferences only.
  d.preferences.preferredServices = d.preferences.preferredServices.filter((s) => !['lambda', 'ecs-fargate', 'eks'].includes(s) || /\b(must|have to|need to) (use|run on)\b/.test(t));
  if (d.preferences.preferredServices.length) stated('preferences.preferredServices');
  if (d.preferences.avoidServices.length) stated('preferences.avoidServices');

  if (TIGHT_BUDGET.test(t)) {
    d.budget.sensitivity = 'tight';
    stated('budget.sensitivity');
  } else if (FLEXIBLE_BUDGET.test(t)) {
    d.budget.sensitivity = 'flexible';
    stated('budget.sensitivity');
  }
  if (/\b(existing|already have|legacy|on-?prem(ises)?)\b/.test(t)) {
    const m = /\b(existing|already have( an?)?|legacy|on-?prem(ises)?)\s+([a-z0-9 .-]{3,40}?)(?=[,.;]|$| and )/.exec(t);
    if (m) addUnique(d.existing, m[0].trim());
  }
}

/** A few words naming the system, for its design name ("patient portal", "chat"). */
function nameHint(t: string): string | undefined {
  const stop = /^(a|an|the|our|my|web|for|this|new|simple|small|online|saas|multi-tenant|its|their|your|we|us|of|to|and)$/;
  const m = /\b(?:([a-z][a-z-]*)\s+)?([a-z][a-z-]*)\s+(portal|platform|marketplace|pipeline|tool|dashboard|system)\b/.exec(t);
  if (!m) return undefined;
  const words = [m[1], m[2]!].filter((w): w is string => w !== undefined && !stop.test(w));
  if (!words.length) return undefined;
  // "case management system" -> case-management; "patient portal" -> patient-portal
  return m[3] === 'system' ? words.join('-') : `${words.join('-')}-${m[3]}`;
}
