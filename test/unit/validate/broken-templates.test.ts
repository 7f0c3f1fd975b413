import { describe, expect, it } from 'vitest';
import { validateCloudFormation, validateTerraform } from '../../../src/validate/index.js';
import { template } from './helpers.js';

interface Case {
  file: string;
  what: string;
  rule: string;
  message: string;
  path: string;
  line: number;
}

const { cases } = JSON.parse(template('broken/cases.json')) as { cases: Case[] };

describe('validators catch seeded mistakes (test/fixtures/templates/broken/cases.json)', () => {
  it('has at least 8 CloudFormation and 7 Terraform cases', () => {
    expect(cases.filter((c) => !c.file.endsWith('.tf')).length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.file.endsWith('.tf')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.what}`, c] as const))('%s', async (_name, c) => {
    const text = template(`broken/${c.file}`);
    const report = c.file.endsWith('.tf') ? await validateTerraform([{ path: c.file, content: text }]) : await validateCloudFormation(text, { file: c.file });
    expect(report.valid).toBe(false);
    const hit = report.findings.find((f) => f.rule === c.rule && f.message.includes(c.message));
    expect(hit, `no ${c.rule} finding containing "${c.message}"; got:\n${report.findings.map((f) => `${f.line} ${f.path} ${f.message}`).join('\n')}`).toBeDefined();
    expect(hit).toMatchObject({ severity: 'error', path: c.path, line: c.line, file: c.file });
    expect(hit!.column).toBeGreaterThan(0);
    // One seeded mistake, no collateral noise: every error is one the table expects for this file.
    const expected = cases.filter((x) => x.file === c.file);
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBe(expected.length);
  });
});
