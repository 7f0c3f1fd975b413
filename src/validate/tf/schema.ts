import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { packageRoot } from '../../shared/paths.js';

/** One block of the provider schema: arguments (1 = required), nested blocks ([def, required]) and computed-only attributes. */
export interface TfBlockDef {
  a: Record<string, 0 | 1>;
  b?: Record<string, [number, 0 | 1]>;
  c?: string[];
}

export interface TfSchemaHeader {
  format: number;
  provider: string;
  providerVersion: string;
  input: string;
  inputSha256: string;
  extracted: string;
  extractor: string;
  license: string;
}

/** The compact AWS provider schema written by scripts/extract-tf-schema.mjs. */
export interface TfSchema {
  header: TfSchemaHeader;
  defs: TfBlockDef[];
  provider: number;
  resources: Record<string, number>;
  dataSources: Record<string, number>;
  ephemeralResources: Record<string, number>;
  /** Milliseconds the first load took. */
  loadMs: number;
}

/** Where the extracted schema ships inside the package. */
export function tfSchemaPath(): string {
  return join(packageRoot(), 'data', 'terraform', 'aws-provider-schema.json.gz');
}

let loading: Promise<TfSchema> | undefined;

/** Loads the provider schema once per process (175 KB gzipped, ~10-30 ms). A failed load is not cached. */
export function loadTfSchema(path = tfSchemaPath()): Promise<TfSchema> {
  if (path !== tfSchemaPath()) return load(path);
  if (!loading) {
    loading = load(path);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

async function load(path: string): Promise<TfSchema> {
  const started = performance.now();
  const raw = await promisify(gunzip)(await readFile(path));
  const json = JSON.parse(raw.toString('utf8')) as Omit<TfSchema, 'loadMs'>;
  if (json.header?.format !== 1) throw new Error(`${path}: unknown schema format ${String(json.header?.format)}; rerun scripts/extract-tf-schema.mjs`);
  return { ...json, loadMs: performance.now() - started };
}
