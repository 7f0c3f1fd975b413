import { SUMMARY_CHARS } from './limits.js';

/** Text of the markdown section under a `##`/`###` heading named `heading` (case-insensitive), headings excluded. */
export function sectionText(body: string, heading: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const want = heading.toLowerCase();
  const start = lines.findIndex((l) => {
    const m = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(l);
    return m !== null && m[2]!.toLowerCase() === want;
  });
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^(#{1,6})\s/.exec(line);
    if (m && m[1]!.length <= level) break;
    out.push(line);
  }
  const text = out.join('\n').trim();
  return text || undefined;
}

/** The first paragraph of prose in a markdown body (headings, quotes and front matter skipped). */
export function firstParagraph(body: string): string | undefined {
  for (const para of body.split(/\r?\n\s*\r?\n/)) {
    const text = para
      .split(/\r?\n/)
      .filter((l) => !/^\s*(#|>|---|```)/.test(l))
      .join(' ')
      .trim();
    if (text) return text;
  }
  return undefined;
}

/** Collapses whitespace and cuts at a word boundary near `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max = SUMMARY_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
