import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import { describe, expect, it } from 'vitest';
import { Block, Heredoc, blk, comment, concat, entries, jsonencode, obj, printFile, printValueText, raw, tpl } from '../../../../src/generators/terraform/hcl.js';

const resource = (body: ConstructorParameters<typeof Block>[2]) => printFile([{ block: new Block('resource', ['aws_s3_bucket', 'b'], body) }]);

describe('HCL printer', () => {
  it('aligns = across consecutive one-line attributes and restarts after multi-line values and blocks', () => {
    const text = resource({
      bucket: 'x',
      force_destroy: false,
      tags: obj({ A: '1', Longer: '2' }),
      id: 'y',
      rule: blk('rule', { status: 'Enabled' }),
      region: 'eu-west-1',
    });
    expect(text).toBe(
      [
        'resource "aws_s3_bucket" "b" {',
        '  bucket        = "x"',
        '  force_destroy = false',
        '  tags = {',
        '    A      = "1"',
        '    Longer = "2"',
        '  }',
        '  id = "y"',
        '',
        '  rule {',
        '    status = "Enabled"',
        '  }',
        '',
        '  region = "eu-west-1"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('prints exactly what terraform fmt prints, for lists, calls, nested objects, comments and empty blocks', async () => {
    const text = printFile([
      {
        comments: ['why this exists'],
        block: new Block('resource', ['aws_iam_role_policy', 'p'], {
          name: 'p',
          '#why': comment('least privilege'),
          policy: jsonencode(obj({ Version: '2012-10-17', Statement: [obj({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: raw('aws_s3_bucket.b.arn') })] })),
          list: Array.from({ length: 12 }, (_, i) => `item-number-${i}`),
          short: [raw('aws_subnet.a.id'), 1, true, null],
          empty: blk('empty', {}),
          keys: entries([['with space', 1], ['dash-key', 2], ['plain', 3]]),
          lifecycle: blk('lifecycle', { ignore_changes: [raw('tags')] }),
        }),
      },
    ]);
    expect(await format(text)).toBe(text);
    expect(text).toContain('  empty {}');
    expect(text).toMatch(/"dash-key" +\= 2/);
    expect(text).toContain('# why this exists\nresource');
  });

  it('escapes template sequences, quotes and newlines so values survive parsing unchanged', async () => {
    const tricky = 'topic ${topic()} and %{if} "quoted" back\\slash\nnew line\ttab';
    const text = resource({ bucket: tricky, sql: "SELECT * FROM 'a/+/b'" });
    expect(text).toContain('$${topic()}');
    expect(text).toContain('%%{if}');
    const json = (await parse('t.tf', text)) as { resource: { aws_s3_bucket: { b: Array<Record<string, string>> } } };
    // hcl2json writes expressions as ${...} itself, so it keeps literal template sequences escaped.
    expect(json.resource.aws_s3_bucket.b[0]!.bucket).toBe(tricky.replace('${', () => '$${').replace('%{', () => '%%{'));
    expect(await format(text)).toBe(text);
  });

  it('builds templates from literal text and expressions, inlining nested templates', () => {
    const env = raw('var.environment');
    const name = tpl`shop-${env}-orders`;
    expect(name.text).toBe('"shop-${var.environment}-orders"');
    expect(tpl`/aws/lambda/${name}`.text).toBe('"/aws/lambda/shop-${var.environment}-orders"');
    const nested = tpl`x_${raw('replace(var.environment, "-", "_")')}`;
    expect(tpl`/rules/${nested}/errors`.text).toBe('"/rules/x_${replace(var.environment, "-", "_")}/errors"');
    expect(concat(['a', raw('var.b'), 'c']).text).toBe('"a${var.b}c"');
  });

  it('prints heredocs as one alignable line with an untouched, escaped body', async () => {
    const text = resource({ name: 'x', schema: new Heredoc('GRAPHQL', 'type Query {\n  a: ${b}\n}\n'), xray_enabled: true });
    expect(text).toContain('  schema       = <<-GRAPHQL\n    type Query {\n      a: $${b}\n    }\n    GRAPHQL\n  xray_enabled = true');
    expect(await format(text)).toBe(text);
  });

  it('prints standalone values for documentation', () => {
    expect(printValueText(obj({}))).toBe('{}');
    expect(printValueText(['a', 'b'])).toBe('["a", "b"]');
    expect(printValueText(obj({ a: 1 }))).toBe('{\n  a = 1\n}');
  });
});
