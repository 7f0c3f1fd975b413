/** Seconds in the 730-hour month AWS prices by. */
export const SECONDS_PER_MONTH = 730 * 3600;
export const HOURS_PER_MONTH = 730;
export const MINUTES_PER_MONTH = 730 * 60;
/** Days in the 730-hour month. */
export const DAYS_PER_MONTH = 730 / 24;
export const GB_PER_KB = 1 / (1024 * 1024);

/** Runs per month of an EventBridge schedule expression (rate or cron), approximately. */
export function runsPerMonth(expr: string): number {
  const rate = expr.match(/^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/);
  if (rate) {
    const n = Number(rate[1]);
    const per = rate[2]!.startsWith('minute') ? MINUTES_PER_MONTH : rate[2]!.startsWith('hour') ? HOURS_PER_MONTH : 730 / 24;
    return per / n;
  }
  const cron = expr.match(/^cron\((\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/);
  if (cron) {
    const [, min, hour, dom, , dow] = cron;
    const perDay = (min!.includes('/') ? 60 / Number(min!.split('/')[1]) : min === '*' ? 60 : 1) * (hour!.includes('/') ? 24 / Number(hour!.split('/')[1]) : hour === '*' ? 24 : hour!.split(',').length);
    const days = dom !== '*' && dom !== '?' ? dom!.split(',').length : dow !== '*' && dow !== '?' ? (30 / 7) * dow!.split(',').length : 30;
    return perDay * days;
  }
  return 30;
}

/** A figure as assumption lines show it: whole numbers with separators from 1,000, else up to three decimals. */
export function fmt(n: number): string {
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 1000) / 1000);
}

/**
 * Average data held over the first year by a store that receives `gbPerMonth` and deletes data after
 * `retentionDays` (none: keeps everything). Data builds up linearly until the retention window is full, then stays
 * flat: with R the window in months, the first-year average is g x (R - R^2/24) for R up to 12, and 6 g (half a
 * year of growth) when nothing expires within the year.
 */
export function firstYearAverageGb(gbPerMonth: number, retentionDays?: number): number {
  const months = retentionDays === undefined ? Infinity : retentionDays / DAYS_PER_MONTH;
  if (months >= 12) return gbPerMonth * 6;
  return gbPerMonth * (months - (months * months) / 24);
}
