import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

export const TEMPLATES = join(FIXTURES_DIR, 'templates');

export function template(rel: string): string {
  return readFileSync(join(TEMPLATES, rel), 'utf8');
}

/** The .tf files of a fixture folder, as validateTerraform takes them. */
export function tfFolder(rel: string): Array<{ path: string; content: string }> {
  return readdirSync(join(TEMPLATES, rel))
    .filter((n) => n.endsWith('.tf'))
    .sort()
    .map((n) => ({ path: `${rel}/${n}`, content: template(`${rel}/${n}`) }));
}
