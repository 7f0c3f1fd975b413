import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchitecture, type Architecture } from '../../src/model/index.js';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Names of the architecture fixtures (scenario designs plus the kitchen sink with every kind). */
export function architectureFixtureNames(): string[] {
  return readdirSync(join(FIXTURES_DIR, 'architectures'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** The raw JSON of a fixture, as a client would send it. */
export function rawArchitectureFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'architectures', `${name}.json`), 'utf8'));
}

/** A parsed, validated fixture (throws if the fixture itself is broken). */
export function architectureFixture(name: string): Architecture {
  const r = parseArchitecture(rawArchitectureFixture(name));
  if (!r.ok) throw new Error(`fixture ${name} is invalid: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.value;
}
