import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS, FRAMEWORKS } from '../model/constants.js';
import { REGION_CODES } from '../model/region-data.js';
import { packageRoot } from '../shared/paths.js';

/** Front matter of a prompt file in prompts/*.md. */
export const PromptFrontMatter = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  arguments: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
        description: z.string().min(1),
        required: z.boolean().default(false),
        /** Completion source for the argument. */
        complete: z.enum(['region', 'compliance', 'framework', 'format']).optional(),
        /** Text used when the argument is not given. */
        default: z.string().optional(),
      }),
    )
    .default([]),
});

export interface PromptFile extends z.infer<typeof PromptFrontMatter> {
  body: string;
  file: string;
}

/** A prompt file after front-matter parsing, before validation. */
interface RawPrompt {
  file: string;
  data: unknown;
  content: string;
}

/**
 * Parses prompts/*.md with gray-matter. The bundled server reads the same parse, done at build time
 * (dist/prompts.json by scripts/build.mjs), so start-up does not pay for a YAML parser.
 */
export function parsePromptFiles(dir: string): RawPrompt[] {
  const matter = createRequire(import.meta.url)('gray-matter') as (s: string) => { data: unknown; content: string };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const parsed = matter(readFileSync(join(dir, file), 'utf8'));
      return { file, data: parsed.data, content: parsed.content };
    });
}

/** Every prompt, validated. A malformed file is a packaging bug, so it throws with the file name. */
export function loadPrompts(dir?: string): PromptFile[] {
  const compiled = join(packageRoot(), 'dist', 'prompts.json');
  const raw: RawPrompt[] =
    !dir && import.meta.url.includes('/dist/') && existsSync(compiled)
      ? (JSON.parse(readFileSync(compiled, 'utf8')) as RawPrompt[])
      : parsePromptFiles(dir ?? join(packageRoot(), 'prompts'));
  return raw.map(({ file, data, content }) => {
    const fm = PromptFrontMatter.safeParse(data);
    if (!fm.success) throw new Error(`prompts/${file}: invalid front matter: ${fm.error.message}`);
    return { ...fm.data, body: content.trim(), file };
  });
}

export function completionsFor(kind: PromptFile['arguments'][number]['complete']): readonly string[] | undefined {
  switch (kind) {
    case 'region':
      return REGION_CODES;
    case 'compliance':
      return COMPLIANCE_FRAMEWORKS;
    case 'framework':
      return FRAMEWORKS;
    case 'format':
      return ['cloudformation', 'terraform', 'cdk'];
    default:
      return undefined;
  }
}

/**
 * Fills `{{arg}}` placeholders. `{{#arg}}...{{/arg}}` keeps its text only when the argument was given, so a prompt
 * can mention optional context without printing "undefined".
 */
export function renderPrompt(prompt: PromptFile, args: Record<string, string | undefined>): string {
  const value = (name: string) => {
    const v = args[name]?.trim();
    if (v) return v;
    return prompt.arguments.find((a) => a.name === name)?.default ?? '';
  };
  return prompt.body
    .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, name: string, inner: string) => (args[name]?.trim() ? inner : ''))
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => value(name));
}
