import type { z } from 'zod';
import { formatPath } from './errors.js';
import { didYouMean } from './suggest.js';

/** One readable line per zod issue: `field: message`, with "did you mean" for enum values. */
export function describeZodIssues(error: z.ZodError, input?: unknown, root = ''): Array<{ field: string; message: string }> {
  return error.issues.map((issue) => {
    const field = formatPath(issue.path, root) || root || '(arguments)';
    let message = issue.message;
    if (issue.code === 'invalid_value' && Array.isArray((issue as { values?: unknown[] }).values)) {
      const values = (issue as unknown as { values: unknown[] }).values.map(String);
      const given = valueAt(input, issue.path);
      if (typeof given === 'string') {
        const hint = didYouMean(given, values);
        message = values.length <= 12 ? `'${given}' is not one of ${values.join(', ')}${hint}` : `'${given}' is not a valid value${hint}`;
      }
    } else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      message = `required (${issue.message.replace(/^Invalid input: /, '')})`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown field(s) ${(issue as { keys?: string[] }).keys?.map((k) => `'${k}'`).join(', ')}`;
    }
    return { field, message };
  });
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}
