import { describe, expect, it } from 'vitest';
import { generateTerraform } from '../../../../src/generators/terraform/index.js';
import type { ComponentService } from '../../../../src/model/index.js';
import { COMPONENT_SERVICES, CONNECTION_KINDS, VPC_BOUND, parseArchitecture } from '../../../../src/model/index.js';

const BLOCK = /^(resource|data) "([a-z0-9_]+)" "([a-z0-9_-]+)" \{(?:\}$|$([\s\S]*?)^\}$)/gm;
const REF = /(?<![\w.])((?:data\.)?aws_[a-z0-9_]+\.[a-z0-9_-]+)/g;

/** Top-level blocks of HCL text by address, with the addresses each refers to (cheap: no parser). */
function graph(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(BLOCK)) {
    const addr = `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`;
    const refs = new Set<string>();
    for (const r of (m[4] ?? '').matchAll(REF)) if (r[1] !== addr) refs.add(r[1]!);
    out.set(addr, refs);
  }
  return out;
}

function cycle(g: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, number>();
  const stack: string[] = [];
  let found: string[] | undefined;
  const visit = (a: string): void => {
    state.set(a, 1);
    stack.push(a);
    for (const b of g.get(a) ?? []) {
      if (found) return;
      if (state.get(b) === 1) found = [...stack.slice(stack.indexOf(b)), b];
      else if (!state.has(b) && g.has(b)) visit(b);
    }
    stack.pop();
    state.set(a, 2);
  };
  for (const a of g.keys()) if (!state.has(a) && !found) visit(a);
  return found;
}

const config = (s: ComponentService) => (s === 'lambda' ? { inVpc: true } : {});

describe('every connection the model allows', () => {
  it('generates with every reference resolved and no dependency cycle, for each pair of kinds and connection kind', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const from of COMPONENT_SERVICES) {
      for (const to of COMPONENT_SERVICES) {
        for (const kind of CONNECTION_KINDS) {
          const vpc = VPC_BOUND.has(from) || VPC_BOUND.has(to) || from === 'lambda' || to === 'lambda';
          const r = parseArchitecture({
            name: 'pair',
            ...(vpc ? { network: {} } : {}),
            security: { auditTrail: false },
            components: [
              { id: 'src', service: from, config: config(from) },
              { id: 'dst', service: to, config: config(to) },
            ],
            connections: [{ from: 'src', to: 'dst', kind }],
          });
          if (!r.ok) continue;
          checked++;
          const text = generateTerraform(r.value)
            .filter((f) => f.path.endsWith('.tf'))
            .map((f) => f.content)
            .join('\n');
          const g = graph(text);
          const missing = [...new Set([...g.values()].flatMap((refs) => [...refs]))].filter((ref) => !g.has(ref));
          if (missing.length) problems.push(`${from} ${kind} ${to}: undeclared ${missing.join(', ')}`);
          const loop = cycle(g);
          if (loop) problems.push(`${from} ${kind} ${to}: cycle ${loop.join(' -> ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  }, 120_000);
});
