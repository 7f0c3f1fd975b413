/**
 * Reading literal values out of templates. CloudFormation and Terraform both let numbers and booleans arrive as
 * strings, and any value may be an expression we cannot evaluate offline: those read as `undefined`, so a rule never
 * reports something the template does not literally say.
 */

export function get(o: unknown, path: string): unknown {
  let cur = o;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

/** A literal string (not an expression such as `${var.x}` or an intrinsic function). */
export function str(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  return /\$\{/.test(v) ? undefined : v;
}

export function arr(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Clamps into a schema range so a mapped value never makes the model invalid. */
export function clamp(v: number | undefined, min: number, max: number): number | undefined {
  return v === undefined ? undefined : Math.min(max, Math.max(min, Math.round(v)));
}

/** `one-of` for enums: the value when it is allowed, otherwise undefined (the model default applies). */
export function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** CloudWatch Logs accepts these retention values only; the model does too. */
export const LOG_RETENTION_VALUES = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
