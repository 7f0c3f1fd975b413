import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Architecture, Requirements, parseArchitecture } from '../model/index.js';
import type { ModelIssue } from '../model/index.js';
import { UserError } from '../shared/errors.js';
import { readIfExists, resolveInside, writeAtomic } from '../shared/fs-safe.js';
import { stableStringify } from '../shared/json.js';
import { didYouMean } from '../shared/suggest.js';

/** Design names: what a user types, safe as a folder name. */
export const DESIGN_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Folder of saved designs under the project root. */
export const WORKSPACE_DIR = '.ai/architecture';

/** `design://<design>/<file>`: how tools point at files they wrote instead of pasting them. */
export function designUri(design: string, file: string): string {
  return `design://${design}/${file}`;
}

/**
 * Saved designs in `<project>/.ai/architecture/<design>/`: requirements.json, architecture.json, iac/, cost.*,
 * review.json, diagram.*, plan.md. Writes are atomic and every path is checked against the root.
 */
export class DesignWorkspace {
  readonly root: string;

  constructor(projectRoot: string) {
    this.root = join(projectRoot, WORKSPACE_DIR);
  }

  checkName(design: string, field = 'design'): string {
    if (!DESIGN_NAME.test(design)) {
      throw new UserError(field, `'${design}' is not a valid design name`, 'Use lower-case letters, digits and dashes, e.g. chat-backend.');
    }
    return design;
  }

  /** Absolute path of a file in a design, checked against the workspace root. */
  async path(design: string, file: string, field = 'file'): Promise<string> {
    this.checkName(design);
    return resolveInside(this.root, `${design}/${file}`, field);
  }

  async list(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && DESIGN_NAME.test(e.name)).map((e) => e.name).sort();
  }

  async exists(design: string): Promise<boolean> {
    return (await readIfExists(await this.path(design, 'architecture.json'))) !== undefined;
  }

  async writeFile(design: string, file: string, content: string | Buffer): Promise<string> {
    const p = await this.path(design, file);
    await writeAtomic(p, content);
    return designUri(design, file);
  }

  async readFile(design: string, file: string): Promise<Buffer | undefined> {
    const p = await this.path(design, file);
    try {
      return await readFile(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Relative paths of every file in a design, sorted. */
  async files(design: string): Promise<string[]> {
    const base = await this.path(design, '.keep');
    const dir = base.slice(0, -'/.keep'.length);
    const out: string[] = [];
    const walk = async (rel: string) => {
      const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(r);
        else if (e.isFile()) out.push(r);
      }
    };
    await walk('');
    return out.sort();
  }

  async saveArchitecture(design: string, architecture: Architecture): Promise<string> {
    return this.writeFile(design, 'architecture.json', stableStringify(architecture) + '\n');
  }

  async saveRequirements(design: string, requirements: Requirements): Promise<string> {
    return this.writeFile(design, 'requirements.json', stableStringify(requirements) + '\n');
  }

  /** Loads and validates a saved design; a missing design names the ones that exist. */
  async loadArchitecture(design: string, field = 'design'): Promise<{ architecture: Architecture; issues: ModelIssue[] }> {
    this.checkName(design, field);
    const raw = await this.readFile(design, 'architecture.json');
    if (!raw) {
      const known = await this.list();
      throw new UserError(
        field,
        `no saved design '${design}'${didYouMean(design, known)}`,
        known.length ? `Saved designs: ${known.join(', ')}.` : 'Save one with select_services (design argument) or run create_plan.',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      throw new UserError(field, `design '${design}' has a corrupt architecture.json: ${(e as Error).message}`);
    }
    const parsed = parseArchitecture(json, `${design}/architecture.json`);
    if (!parsed.ok) {
      throw new UserError(field, `design '${design}' is invalid: ${parsed.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    return { architecture: parsed.value, issues: parsed.issues };
  }

  async loadRequirements(design: string): Promise<Requirements | undefined> {
    const raw = await this.readFile(design, 'requirements.json');
    if (!raw) return undefined;
    const r = Requirements.safeParse(JSON.parse(raw.toString('utf8')));
    return r.success ? r.data : undefined;
  }

  async modified(design: string, file: string): Promise<Date | undefined> {
    const s = await stat(await this.path(design, file)).catch(() => undefined);
    return s?.mtime;
  }
}

export { Architecture };
