
/** A property type as the spec states it (primitive, array, map, union, or reference to a nested type). */
export type SpecType =
  | { type: 'string'; allowedValues?: string[] }
  | { type: 'integer'; allowedValues?: number[] }
  | { type: 'number' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'union'; types: SpecType[] }
  | { type: 'ref'; reference: { $ref: string } };

export interface SpecProperty {
  type: SpecType;
  previousTypes?: SpecType[];
  required?: boolean;
  deprecated?: unknown;
}

export interface SpecResource {
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, unknown>;
  cloudFormationTransform?: string;
}

export interface SpecTypeDefinition {
  name: string;
  properties: Record<string, SpecProperty>;
}

/** The CloudFormation resource specification, indexed for validation. */
export interface CfnSpec {
  /** Number of resource types. */
  readonly size: number;
  resource(type: string): SpecResource | undefined;
  typeDefinition(ref: { $ref: string }): SpecTypeDefinition | undefined;
  /** Every resource type name, for "did you mean". */
  resourceTypes(): readonly string[];
  /** Resource types of one namespace (`AWS::S3`), for closer suggestions. */
  typesInNamespace(namespace: string): readonly string[];
  /** Milliseconds the first load took. */
  readonly loadMs: number;
}

let loading: Promise<CfnSpec> | undefined;

/**
 * Loads `@aws-cdk/aws-service-spec` (a 2.6 MB gzipped database, ~0.5 s and ~100 MB) once per process; later calls
 * share the same promise. A failed load is not cached.
 */
export function loadCfnSpec(): Promise<CfnSpec> {
  if (!loading) {
    loading = load();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/**
 * Reads the package's own database file directly: the same entities `loadAwsServiceSpec()` serves, without building
 * the query indexes we do not use (that takes most of its ~0.9 s; parsing the file alone is ~0.25 s).
 */
async function readDatabase(): Promise<{ resources: SpecResource[]; typeDefinitions: Record<string, SpecTypeDefinition> }> {
  const [{ readFile }, { gunzip }, { createRequire }, { promisify }] = await Promise.all([import('node:fs/promises'), import('node:zlib'), import('node:module'), import('node:util')]);
  const file = createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const raw = await promisify(gunzip)(await readFile(file));
  const db = JSON.parse(raw.toString('utf8')) as { schema?: { resource?: { entities?: Record<string, SpecResource> }; typeDefinition?: { entities?: Record<string, SpecTypeDefinition> } } };
  const resources = db.schema?.resource?.entities;
  const typeDefinitions = db.schema?.typeDefinition?.entities;
  if (!resources || !typeDefinitions) throw new Error(`unexpected layout of ${file}: no schema.resource / schema.typeDefinition entities`);
  // References point at an entity's `$id`, which is not its key in the store.
  const byId: Record<string, SpecTypeDefinition> = {};
  for (const t of Object.values(typeDefinitions)) byId[(t as unknown as { $id: string }).$id] = t;
  return { resources: Object.values(resources), typeDefinitions: byId };
}

async function load(): Promise<CfnSpec> {
  const started = performance.now();
  const { resources, typeDefinitions } = await readDatabase();
  const byType = new Map<string, SpecResource>();
  const byNamespace = new Map<string, string[]>();
  for (const res of resources) {
    byType.set(res.cloudFormationType, res);
    const ns = namespaceOf(res.cloudFormationType);
    const list = byNamespace.get(ns) ?? [];
    list.push(res.cloudFormationType);
    byNamespace.set(ns, list);
  }
  const types = [...byType.keys()].sort();
  const loadMs = performance.now() - started;
  return {
    size: byType.size,
    loadMs,
    resource: (type) => byType.get(type),
    typeDefinition: (ref) => typeDefinitions[ref.$ref],
    resourceTypes: () => types,
    typesInNamespace: (namespace) => byNamespace.get(namespace) ?? [],
  };
}

/** `AWS::S3::Bucket` -> `AWS::S3`. */
export function namespaceOf(type: string): string {
  const parts = type.split('::');
  return parts.slice(0, 2).join('::');
}
