import { describe, expect, it } from 'vitest';
import { detectFormat, validateTemplateFiles } from '../../../src/validate/index.js';
import { UserError } from '../../../src/shared/errors.js';
import { template } from './helpers.js';

const one = (content: string, path = 'template') => [{ path, content }];

async function userError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('template format detection and bad input', () => {
  it('detects the format from the file name and the content', () => {
    expect(detectFormat('', 'main.tf')).toBe('terraform');
    expect(detectFormat('{"AWSTemplateFormatVersion": "2010-09-09"}')).toBe('cloudformation');
    expect(detectFormat('Resources:\n  A:\n    Type: AWS::SNS::Topic\n')).toBe('cloudformation');
    expect(detectFormat('resource "aws_s3_bucket" "b" {\n}\n')).toBe('terraform');
    expect(detectFormat('locals {\n  a = 1\n}\n')).toBe('terraform');
    expect(detectFormat('just: yaml\n')).toBeUndefined();
    expect(detectFormat('just: yaml\n', 'infra/stack.yml')).toBe('cloudformation');
  });

  it('gives text that is not YAML/JSON a UserError with its line and column', async () => {
    const e = await userError(validateTemplateFiles({ files: one(template('broken/not-yaml.yaml'), 'not-yaml.yaml'), field: 'template' }));
    expect(e.field).toBe('template');
    expect(e.message).toMatch(/^not-yaml\.yaml line 7, column 1: not valid YAML or JSON: /);
  });

  it('gives text that is not HCL a UserError with its line and column', async () => {
    const e = await userError(validateTemplateFiles({ files: one(template('broken/not-hcl.tf'), 'not-hcl.tf'), field: 'path' }));
    expect(e.field).toBe('path');
    expect(e.message).toBe('not-hcl.tf line 2, column 11: not valid HCL: Invalid expression: Expected the start of an expression, but found an invalid expression token.');
  });

  it('asks for the format when neither is recognisable, and locates syntax errors even then', async () => {
    expect((await userError(validateTemplateFiles({ files: one('hello: world\n'), field: 'template' }))).message).toContain('cannot tell whether this is CloudFormation or Terraform');
    expect((await userError(validateTemplateFiles({ files: one('a: [1, 2\nb: {'), field: 'template' }))).message).toMatch(/neither YAML\/JSON nor HCL: line \d+, column \d+/);
    expect((await userError(validateTemplateFiles({ files: [], field: 'template' }))).message).toBe('no template given');
  });

  it('keeps the report when only some Terraform files fail to parse', async () => {
    const { report } = await validateTemplateFiles({
      files: [
        { path: 'ok.tf', content: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' },
        { path: 'bad.tf', content: template('broken/not-hcl.tf') },
      ],
      field: 'path',
    });
    expect(report.valid).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ file: 'bad.tf', line: 2, rule: 'syntax', source: 'hcl-parse' })]);
  });

  it('reports a resource declared twice across files', async () => {
    const q = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n';
    const { report } = await validateTemplateFiles({ files: [{ path: 'a.tf', content: q }, { path: 'b.tf', content: `\n${q}` }], field: 'path' });
    expect(report.findings).toEqual([expect.objectContaining({ file: 'b.tf', line: 2, rule: 'duplicate', message: 'aws_sqs_queue.q is declared more than once (first in a.tf)' })]);
  });
});
