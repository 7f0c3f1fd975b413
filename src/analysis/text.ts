/**
 * Text helpers for requirement extraction: normalisation, numbers written the ways people write them ("50,000",
 * "50k", "1.2 million", "two years", "three nines"), and units.
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

/**
 * Lower-cases, straightens quotes and dashes, and writes number words as digits ("two years" -> "2 years",
 * "a million" -> "1000000", "twenty thousand" -> "20000") so one set of patterns reads every form.
 */
export function normalise(text: string): string {
  let t = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00A0/g, ' ')
    .toLowerCase();
  const small = Object.keys(SMALL).join('|');
  const scale = Object.keys(SCALE).join('|');
  // "two hundred thousand", "a million", "twenty-five thousand"
  t = t.replace(new RegExp(`\\b(a|an|${small})(?:[- ](${small}))?\\s+(${scale})(?:\\s+(${scale}))?\\b`, 'g'), (_m, a: string, b: string | undefined, s1: string, s2: string | undefined) => {
    const base = (a === 'a' || a === 'an' ? 1 : SMALL[a]!) + (b ? SMALL[b]! : 0);
    return String(base * SCALE[s1]! * (s2 ? SCALE[s2]! : 1));
  });
  t = t.replace(new RegExp(`\\b(${small})(?:-(${small}))?\\b`, 'g'), (_m, a: string, b: string | undefined) => String(SMALL[a]! + (b ? SMALL[b]! : 0)));
  // Briefs wrap lines mid-sentence; sentences end with punctuation, so line breaks are just spaces.
  return t.replace(/\s+/g, ' ');
}

/** A number as written: digits with thousands separators and decimals, optionally followed by k/m/bn or a scale word. */
export const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(k|m|bn|b)\b|\s*(hundred|thousand|million|billion)\b)?`;

/** Parses the captures of {@link NUMBER}. */
export function parseNumber(digits: string, suffix?: string, word?: string): number {
  let n = Number(digits.replace(/,/g, ''));
  const mult = suffix ? { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 }[suffix] ?? 1 : word ? SCALE[word] ?? 1 : 1;
  n *= mult;
  return n;
}

/** One number found in text, with where it sits. */
export interface NumberToken {
  value: number;
  start: number;
  end: number;
  /** Up to 60 characters before the number, within its sentence. */
  before: string;
  /** Up to 60 characters after the number, within its sentence. */
  after: string;
}

/** Every number in normalised text with its surroundings, clipped at sentence ends. */
export function numbers(t: string): NumberToken[] {
  const out: NumberToken[] = [];
  const re = new RegExp(NUMBER, 'g');
  for (const m of t.matchAll(re)) {
    const start = m.index!;
    // Parts of identifiers are not quantities: region codes ("us-east-1"), versions ("python3.13"), "p99".
    const prev = t[start - 1] ?? ' ';
    if (/[a-z_./]/.test(prev) || (prev === '-' && /[a-z]/.test(t[start - 2] ?? ' '))) continue;
    const end = start + m[0].length;
    out.push({
      value: parseNumber(m[1]!, m[2], m[3]),
      start,
      end,
      before: clipBefore(t.slice(Math.max(0, start - 60), start)),
      after: clipAfter(t.slice(end, end + 60)),
    });
  }
  return out;
}

function clipBefore(s: string): string {
  const i = Math.max(s.lastIndexOf('. '), s.lastIndexOf('; '), s.lastIndexOf('\n'));
  return i >= 0 ? s.slice(i + 2) : s;
}
function clipAfter(s: string): string {
  const m = /\.(\s|$)|;|\n/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Converts a duration to minutes; undefined for unknown units. */
export function toMinutes(value: number, unit: string): number | undefined {
  const u = unit.toLowerCase();
  if (/^(ms|millis|milliseconds?)$/.test(u)) return value / 60_000;
  if (/^(s|secs?|seconds?)$/.test(u)) return value / 60;
  if (/^(m|mins?|minutes?)$/.test(u)) return value;
  if (/^(h|hrs?|hours?)$/.test(u)) return value * 60;
  if (/^(d|days?)$/.test(u)) return value * 1440;
  if (/^(w|weeks?)$/.test(u)) return value * 10_080;
  if (/^(months?)$/.test(u)) return value * 43_200;
  if (/^(y|yrs?|years?)$/.test(u)) return value * 525_600;
  return undefined;
}

/** Converts a data size to KB (decimal units as people use them); undefined for unknown units. */
export function toKb(value: number, unit: string): number | undefined {
  const u = unit.toLowerCase();
  const f: Record<string, number> = { b: 1 / 1000, byte: 1 / 1000, bytes: 1 / 1000, kb: 1, kib: 1.024, mb: 1e3, mib: 1048.576, gb: 1e6, gib: 1073741.824, tb: 1e9, tib: 1099511627.776, pb: 1e12 };
  return f[u] === undefined ? undefined : value * f[u]!;
}

/** Whether a negation governs the phrase ending at `index` ("we do not need HIPAA", "never store card numbers"). */
export function negated(t: string, index: number): boolean {
  const before = clipBefore(t.slice(Math.max(0, index - 40), index));
  return /\b(no|not|never|without|non|isn't|aren't|doesn't|don't|do not|does not|won't|will not|avoid|except)\b[^,;:]*$/.test(before);
}

/** Whether the words right after a phrase deny it ("HIPAA does not apply", "GDPR is not required"). */
export function deniedAfter(t: string, end: number): boolean {
  return /^[\s)"']*(does not|doesn't|do not|don't|is not|isn't|are not|aren't|will not|won't) (apply|applies|matter|required|needed)|^[\s)"']*(is|are) not (required|needed|relevant|in scope)/.test(t.slice(end, end + 40));
}

/** Rounds to a readable number of significant digits for assumptions ("12,000", "0.35"). */
export function round(n: number, digits = 3): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  const p = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(n))));
  return Math.round(n * p) / p;
}

/** 12000 -> "12,000". */
export function fmt(n: number): string {
  return round(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
}
