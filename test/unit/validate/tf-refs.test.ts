import { getReferencesInExpression, parse } from '@cdktf/hcl2json';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencesInTemplate } from '../../../src/validate/tf/refs.js';
import { childBlock, scanHcl } from '../../../src/validate/tf/locate.js';
import { TEMPLATES, template, tfFolder } from './helpers.js';

/** Every string value of an hcl2json tree that holds an expression. */
function expressions(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string' && /[$%]\{/.test(v)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => expressions(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => expressions(x, out));
  return out;
}

/** hcl2json writes index steps as `."key"` / `.0`; ours writes `[]`. Compare the named steps only. */
const named = (s: string) => s.split('.').filter((p) => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)).join('.');

describe('Terraform references', () => {
  const files = [...tfFolder('good/tf-app'), ...readdirSync(join(TEMPLATES, 'broken')).filter((n) => n.endsWith('.tf') && n !== 'not-hcl.tf').map((n) => ({ path: n, content: template(`broken/${n}`) }))];

  it('finds the same references as hcl2json getReferencesInExpression in every fixture expression', async () => {
    let compared = 0;
    for (const f of files) {
      const json = await parse(f.path, f.content);
      for (const expr of expressions(json)) {
        const theirs = (await getReferencesInExpression(f.path, expr)).sort((a, b) => a.startPosition - b.startPosition).map((r) => named(r.value));
        const ours = referencesInTemplate(expr).sort((a, b) => a.offset - b.offset).map((r) => named(r.parts.join('.')));
        expect(ours.length, expr).toBe(theirs.length);
        // hcl2json stops at a splat (`aws_subnet.private[*]`); ours keeps the attribute after it, to check it.
        ours.forEach((o, k) => expect(o === theirs[k] || o.startsWith(`${theirs[k]}.`), `${expr}: ${o} vs ${theirs[k]}`).toBe(true));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('reads indexes, splats, nested strings and escapes', () => {
    const refs = (s: string) => referencesInTemplate(s).map((r) => r.parts.join('.'));
    expect(refs('${aws_subnet.private[count.index].id}')).toEqual(['count.index', 'aws_subnet.private.[].id']);
    expect(refs('${aws_instance.web.*.id}-${aws_instance.web[*].arn}')).toEqual(['aws_instance.web.[].id', 'aws_instance.web.[].arn']);
    expect(refs('${jsonencode({ k = var.a, "q" = "${local.b}" })}')).toEqual(['var.a', 'local.b']);
    expect(refs('$${not.a_ref} ${upper(var.name)}')).toEqual(['var.name']);
    expect(refs('%{ if var.on }yes%{ endif }')).toEqual(['var.on']);
  });
});

describe('HCL source positions', () => {
  it('finds blocks, labels, nested and dynamic blocks, and attributes by line', () => {
    const { blocks } = scanHcl(template('good/tf-app/main.tf'));
    const sg = blocks.find((b) => b.type === 'resource' && b.labels.join('.') === 'aws_security_group.web')!;
    expect(sg.line).toBe(58);
    expect(sg.attrs.get('vpc_id')?.line).toBe(60);
    const dyn = childBlock(sg, 'dynamic', 0, 'ingress')!;
    expect(dyn.line).toBe(62);
    expect(childBlock(dyn, 'content', 0)?.attrs.get('cidr_blocks')?.line).toBe(69);
    expect(childBlock(sg, 'lifecycle', 0)?.attrs.get('create_before_destroy')?.line).toBe(81);
    const policy = blocks.find((b) => b.labels.join('.') === 'aws_iam_policy.readonly')!;
    // The heredoc's braces and quotes do not open blocks.
    expect(policy.blocks).toEqual([]);
    expect([...policy.attrs.keys()]).toEqual(['name', 'policy']);
    const afterHeredoc = blocks.find((b) => b.type === 'module');
    expect(afterHeredoc?.attrs.get('function_name')?.line).toBe(235);
  });

  it('does not fail on text it cannot read', () => {
    for (const t of ['', '}}}', 'resource "a" {', 'x = "unterminated', 'a = <<EOF\nno end', '/* open comment']) expect(() => scanHcl(t)).not.toThrow();
  });
});
