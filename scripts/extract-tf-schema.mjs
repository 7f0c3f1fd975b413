#!/usr/bin/env node
// Build-time extractor of the Terraform AWS provider schema that validateTerraform checks against.
//
// There is no `terraform` binary and no provider registry offline, but the prebuilt CDK Terrain bindings
// (@cdktn/provider-aws, MPL-2.0) carry the provider's schema in their jsii manifest: every resource, data source and
// nested block is a typed interface whose docs link to the argument's real name (`...#function_name`). This script
// downloads that package with `npm pack` into a temporary folder (it is 46 MB packed, 480 MB unpacked, so it is never a
// dependency), reads its `.jsii`, and writes a compact, deduplicated schema with a header recording the input and date.
//
// Usage: node --max-old-space-size=4096 scripts/extract-tf-schema.mjs [--version 25.7.0] [--jsii path/to/.jsii]
//        [--out data/terraform/aws-provider-schema.json.gz]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const PACKAGE = '@cdktn/provider-aws';
const DEFAULT_VERSION = '25.7.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    version: { type: 'string', default: DEFAULT_VERSION },
    jsii: { type: 'string' },
    out: { type: 'string', default: join(root, 'data/terraform/aws-provider-schema.json.gz') },
  },
});

const started = Date.now();
let tmp;
let jsiiPath = values.jsii;
let input = `${PACKAGE}@${values.version}`;
if (!jsiiPath) {
  tmp = mkdtempSync(join(tmpdir(), 'aba-tf-schema-'));
  process.stderr.write(`npm pack ${input} -> ${tmp}\n`);
  const packed = execFileSync('npm', ['pack', input, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(tmp, packed), '-C', tmp, 'package/.jsii']);
  jsiiPath = join(tmp, 'package/.jsii');
} else {
  input = `${jsiiPath} (given with --jsii)`;
}

try {
  const raw = readFileSync(jsiiPath, 'utf8');
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const jsii = JSON.parse(raw);
  const schema = extract(jsii);
  const header = {
    format: 1,
    provider: 'registry.terraform.io/hashicorp/aws',
    providerVersion: schema.providerVersion,
    input: `${jsii.name}@${jsii.version}`,
    inputSha256: sha256,
    extracted: new Date().toISOString().slice(0, 10),
    extractor: 'scripts/extract-tf-schema.mjs',
    license: `Facts taken from ${jsii.name} (${jsii.license}), which is generated from the hashicorp/aws provider schema (MPL-2.0).`,
    legend: {
      defs: 'deduplicated blocks: a = arguments (1 required, 0 optional), b = nested blocks ([def index, 1 required / 0 optional]), c = attributes that are only computed',
      resources: 'resource type -> def index',
      dataSources: 'data source type -> def index',
      ephemeralResources: 'ephemeral resource type -> def index',
      provider: 'def index of the provider block',
    },
  };
  const out = { header, defs: schema.defs, provider: schema.provider, resources: schema.resources, dataSources: schema.dataSources, ephemeralResources: schema.ephemeralResources };
  const json = JSON.stringify(out);
  const gz = gzipSync(json, { level: 9 });
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, gz);
  process.stderr.write(
    `${input} -> ${values.out}: hashicorp/aws ${schema.providerVersion}, ${Object.keys(schema.resources).length} resources, ` +
      `${Object.keys(schema.dataSources).length} data sources, ${Object.keys(schema.ephemeralResources).length} ephemeral, ` +
      `${schema.defs.length} distinct blocks; ${(json.length / 1024).toFixed(0)} KB JSON, ${(gz.length / 1024).toFixed(0)} KB gz, ${Date.now() - started} ms\n`,
  );
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** Turns the jsii type system into defs keyed by Terraform names. */
function extract(jsii) {
  const types = jsii.types;
  const assembly = jsii.name;
  const defs = [];
  const memo = new Map(); // interface fqn (+ computed attributes) -> def index
  let providerVersion;

  const docsOf = (p) => `${p.docs?.summary ?? ''} ${p.docs?.remarks ?? ''}`;
  const snake = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  // The docs link of each property ends with `#<terraform_name>`: the only place the real name survives camelCasing.
  const tfName = (p) => /#([a-z0-9_]+)[\s}]/.exec(docsOf(p))?.[1] ?? snake(p.name);

  /** The nested datatype a property holds (directly, in a list/set, or next to IResolvable), if any. */
  const nestedFqn = (type) => {
    if (!type) return undefined;
    if (type.fqn) {
      const t = types[type.fqn];
      return t && t.assembly === assembly && t.kind === 'interface' && t.datatype ? type.fqn : undefined;
    }
    if (type.collection) return nestedFqn(type.collection.elementtype);
    if (type.union) for (const u of type.union.types) {
      const f = nestedFqn(u);
      if (f) return f;
    }
    return undefined;
  };

  /** Index of the def for a config interface (one per interface; {@link dedupe} merges identical ones later). */
  const build = (fqn, computedOnly = []) => {
    const key = `${fqn}|${computedOnly.join(',')}`;
    if (memo.has(key)) return memo.get(key);
    // Reserve the slot first so a block that contains itself (wafv2 statements) points back at its own def.
    const slot = defs.length;
    defs.push(null);
    memo.set(key, slot);
    const a = {};
    const b = {};
    for (const p of allProperties(fqn)) {
      const name = tfName(p);
      const nested = nestedFqn(p.type);
      if (nested) b[name] = [build(nested), p.optional ? 0 : 1];
      else a[name] = p.optional ? 0 : 1;
    }
    const def = { a: sortObj(a) };
    if (Object.keys(b).length) def.b = sortObj(b);
    if (computedOnly.length) def.c = [...new Set(computedOnly)].sort();
    defs[slot] = def;
    return slot;
  };

  /** Properties of an interface including the ones it inherits from interfaces of the same assembly. */
  const allProperties = (fqn) => {
    const t = types[fqn];
    const out = [...(t.properties ?? [])];
    for (const parent of t.interfaces ?? []) if (types[parent]?.assembly === assembly) out.push(...allProperties(parent));
    return out;
  };

  /** Read-only getters of a resource class that are not arguments: the attributes only Terraform computes. */
  const computedOf = (cls, configFqn) => {
    const argNames = new Set(allProperties(configFqn).map((p) => p.name));
    return (cls.properties ?? [])
      .filter((p) => !p.static && p.immutable && !p.name.endsWith('Input') && !argNames.has(p.name))
      .map((p) => snake(p.name));
  };

  const resources = {};
  const dataSources = {};
  const ephemeralResources = {};
  let provider;
  for (const cls of Object.values(types)) {
    if (cls.kind !== 'class' || cls.assembly !== assembly) continue;
    const link = /registry\.terraform\.io\/providers\/hashicorp\/aws\/([^/]+)\/docs(?:\/([a-z-]+)\/[a-z0-9_]+)?\s+([a-z0-9_]+)\}/.exec(cls.docs?.summary ?? '');
    if (!link) continue;
    const [, version, kind, tfType] = link;
    // The config interface is usually <Class>Config, but jsii renames it on a clash (Wafv2WebAclAssociationConfigA).
    const configFqn = cls.initializer?.parameters?.find((p) => p.name === 'config')?.type?.fqn;
    if (!configFqn || !types[configFqn]) continue;
    providerVersion ??= version;
    if (cls.base === 'cdktn.TerraformResource' && kind === 'resources') resources[tfType] = build(configFqn, computedOf(cls, configFqn));
    else if (cls.base === 'cdktn.TerraformDataSource' && kind === 'data-sources') dataSources[tfType] = build(configFqn, computedOf(cls, configFqn));
    else if (cls.base === 'cdktn.TerraformEphemeralResource' && kind === 'ephemeral-resources') ephemeralResources[tfType] = build(configFqn, computedOf(cls, configFqn));
    else if (cls.base === 'cdktn.TerraformProvider') provider = build(configFqn);
  }
  if (!providerVersion || provider === undefined) throw new Error('no provider class found in the jsii manifest: has its layout changed?');
  const { defs: merged, remap } = dedupe(defs);
  const re = (o) => Object.fromEntries(Object.entries(sortObj(o)).map(([k, v]) => [k, remap[v]]));
  return { providerVersion, defs: merged, provider: remap[provider], resources: re(resources), dataSources: re(dataSources), ephemeralResources: re(ephemeralResources) };
}

/**
 * Merges defs that are identical once their children are merged (timeouts blocks, tag filters, ...), repeating until
 * nothing changes, and renumbers what is left. Returns the old-index -> new-index map.
 */
function dedupe(defs) {
  let remap = defs.map((_, i) => i);
  for (;;) {
    const canon = new Map();
    let changed = false;
    const next = remap.slice();
    defs.forEach((def, i) => {
      if (remap[i] !== i) return;
      const key = JSON.stringify({ ...def, b: def.b && Object.fromEntries(Object.entries(def.b).map(([k, [d, r]]) => [k, [remap[d], r]])) });
      const seen = canon.get(key);
      if (seen === undefined) canon.set(key, i);
      else {
        next[i] = seen;
        changed = true;
      }
    });
    // Point every index at its representative (chains collapse because representatives map to themselves).
    remap = next.map((r) => next[r]);
    if (!changed) break;
  }
  const kept = defs.map((_, i) => i).filter((i) => remap[i] === i);
  const newIndex = new Map(kept.map((old, n) => [old, n]));
  const final = defs.map((_, i) => newIndex.get(remap[i]));
  const out = kept.map((i) => {
    const def = defs[i];
    return def.b ? { ...def, b: Object.fromEntries(Object.entries(def.b).map(([k, [d, r]]) => [k, [final[d], r]])) } : def;
  });
  return { defs: out, remap: final };
}

function sortObj(o) {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
