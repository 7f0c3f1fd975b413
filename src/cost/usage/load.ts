import type { Requirements } from '../../model/index.js';
import { RULES } from './rules.js';
import { DAYS_PER_MONTH, SECONDS_PER_MONTH, fmt } from './time.js';

/** What the requirements say about load and data, in the units the derivation works in (per month). */
export interface Load {
  /** Requirements were given: without them every figure is a nominal default. */
  stated: boolean;
  /** Requests a month at the entry points. */
  requests?: number;
  /** Messages or events a month; `messagesStated` says whether the requirements gave a rate of their own. */
  messages?: number;
  messagesStated: boolean;
  payloadKb: number;
  readWriteRatio: number;
  /** Data the system holds today (only when the user stated it, not when the analysis projected it). */
  storedTodayGb?: number;
  /** Data volume when the requirements give nothing else: a stated or projected figure. */
  storedGb?: number;
  growthGbPerMonth?: number;
  retentionDays?: number;
  /** Window a hot store keeps (the analysis's `hot-window-hours:N` feature). */
  hotWindowDays?: number;
  mau?: number;
  dau?: number;
  peakConcurrent?: number;
  /** Devices that stay connected (IoT). */
  devices?: number;
  /** Device telemetry arrives at a fixed interval: the average rate is the peak rate. */
  steady: boolean;
  staticSite: boolean;
  realtime: boolean;
  longestJobMinutes?: number;
}

/** Reads the load out of the requirements; each derived figure adds a line to `notes`. */
export function loadFrom(req: Requirements | undefined, notes: string[]): Load {
  const t = req?.traffic;
  const out: Load = { stated: req !== undefined, payloadKb: t?.payloadKb ?? 2, readWriteRatio: t?.readWriteRatio ?? 4, messagesStated: false, steady: false, staticSite: false, realtime: false };
  if (!req) return out;
  out.steady = req.workload.patterns.includes('iot-ingest');
  out.staticSite = req.workload.patterns.includes('static-site');
  out.realtime = req.workload.patterns.includes('realtime');
  if (req.workload.longestJobMinutes !== undefined) out.longestJobMinutes = req.workload.longestJobMinutes;
  if (t?.avgRps !== undefined) {
    out.requests = t.avgRps * SECONDS_PER_MONTH;
    notes.push(`requests: ${fmt(t.avgRps)} rps average x 2,628,000 s/month = ${fmt(out.requests)} per month (requirements traffic.avgRps)`);
  } else if (t?.peakRps !== undefined) {
    out.requests = (t.peakRps / RULES.peakToAverage) * SECONDS_PER_MONTH;
    notes.push(`requests: average taken as a third of the ${fmt(t.peakRps)} rps peak = ${fmt(out.requests)} per month (requirements traffic.peakRps)`);
  } else if (t?.dailyActiveUsers !== undefined) {
    out.requests = t.dailyActiveUsers * 50 * 30;
    notes.push(`requests: ${fmt(t.dailyActiveUsers)} DAU x 50 requests a day x 30 days = ${fmt(out.requests)} per month`);
  }
  if (t?.peakMessagesPerSecond !== undefined) {
    out.messagesStated = true;
    if (out.steady) {
      out.messages = t.peakMessagesPerSecond * SECONDS_PER_MONTH;
      notes.push(`messages: devices report at a fixed interval, so the ${fmt(t.peakMessagesPerSecond)}/s rate holds around the clock = ${fmt(out.messages)} per month`);
    } else {
      out.messages = (t.peakMessagesPerSecond / RULES.peakToAverage) * SECONDS_PER_MONTH;
      notes.push(`messages: average taken as a third of the ${fmt(t.peakMessagesPerSecond)}/s peak = ${fmt(out.messages)} per month`);
    }
  } else if (out.requests !== undefined) {
    out.messages = out.requests;
  }

  const d = req.data;
  const projected = req.sources['data.storedGb'] === 'derived' || req.sources['data.storedGb'] === 'default';
  if (d.storedGb !== undefined) {
    out.storedGb = d.storedGb;
    if (!projected) out.storedTodayGb = d.storedGb;
  }
  if (d.growthGbPerMonth !== undefined) out.growthGbPerMonth = d.growthGbPerMonth;
  if (d.retentionDays !== undefined && d.retentionDays > 0) out.retentionDays = d.retentionDays;
  if (d.storedGb !== undefined || d.growthGbPerMonth !== undefined) {
    notes.push(
      `data: ${d.growthGbPerMonth !== undefined ? `${fmt(d.growthGbPerMonth)} GB arriving a month` : 'no growth stated'}${out.retentionDays ? `, kept ${fmt(out.retentionDays)} days` : ''}${out.storedTodayGb !== undefined ? `, ${fmt(out.storedTodayGb)} GB stored today` : d.storedGb !== undefined ? ` (the ${fmt(d.storedGb)} GB the analysis projects is not added on top)` : ''}`,
    );
  }
  const hot = req.workload.features.map((f) => f.match(/^hot-window-hours:(\d+(?:\.\d+)?)$/)).find(Boolean);
  if (hot) out.hotWindowDays = Number(hot[1]) / 24;

  if (t?.monthlyActiveUsers !== undefined) out.mau = t.monthlyActiveUsers;
  else if (t?.dailyActiveUsers !== undefined) {
    out.mau = t.dailyActiveUsers * RULES.mauPerDau;
    notes.push(`monthly active users: 3 x ${fmt(t.dailyActiveUsers)} DAU = ${fmt(out.mau)}`);
  } else if (t?.users !== undefined) {
    out.mau = t.users * 0.5;
    notes.push(`monthly active users: half of ${fmt(t.users)} users = ${fmt(out.mau)}`);
  }
  if (t?.dailyActiveUsers !== undefined) out.dau = t.dailyActiveUsers;
  if (t?.peakConcurrent !== undefined) out.peakConcurrent = t.peakConcurrent;
  out.devices = t?.peakConcurrent ?? devicesFromAssumptions(req);
  return out;
}

/** The device count the analysis used for the message rate ("120,000 devices each sending every 10 s ..."). */
function devicesFromAssumptions(req: Requirements): number | undefined {
  const a = req.assumptions.find((x) => x.field === 'traffic.peakMessagesPerSecond');
  const m = a?.reason.match(/^([\d,]+) devices\b/);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** Daily active users: stated, or counted from the request rate. */
export function activeUsers(load: Load): { dau: number; why: string } | undefined {
  if (load.dau !== undefined) return { dau: load.dau, why: `${fmt(load.dau)} daily active users` };
  if (load.requests !== undefined) {
    const dau = load.requests / DAYS_PER_MONTH / RULES.requestsPerActiveUserDay;
    return { dau, why: `${fmt(dau)} daily active users (${fmt(load.requests / DAYS_PER_MONTH)} requests a day / ${RULES.requestsPerActiveUserDay} per user)` };
  }
  return undefined;
}
