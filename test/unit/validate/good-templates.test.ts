import { describe, expect, it } from 'vitest';
import { validateCloudFormation, validateTerraform } from '../../../src/validate/index.js';
import { template, tfFolder } from './helpers.js';

describe('good templates come back clean (spec check)', () => {
  it.each(['cfn-serverless-api.yaml', 'cfn-modern.yaml', 'cfn-large.json'])('%s has no findings', async (file) => {
    const report = await validateCloudFormation(template(`good/${file}`), { file });
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.checked.join(' ')).toContain('1828 types');
    expect(report.notChecked.join(' ')).toContain("AWS's own CloudFormation validator was not run");
  });

  it('checks the large template (245 resources) quickly once the spec is loaded', async () => {
    const text = template('good/cfn-large.json');
    await validateCloudFormation(text);
    const report = await validateCloudFormation(text);
    expect(report.valid).toBe(true);
    expect(report.durationMs).toBeLessThan(1000);
  });

  it('accepts a SAM template, warns only about references to resources SAM generates, and says the check is partial', async () => {
    const report = await validateCloudFormation(template('good/cfn-sam.yaml'), { file: 'cfn-sam.yaml' });
    expect(report.valid).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.notChecked.join(' ')).toContain('SAM template: the spec check is partial');
  });

  it('accepts a multi-file Terraform configuration with dynamic blocks, count, for_each, modules and heredocs', async () => {
    const report = await validateTerraform(tfFolder('good/tf-app'));
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.checked.join(' ')).toMatch(/hashicorp\/aws 6\.\d+\.\d+ provider schema \(extracted \d{4}-\d{2}-\d{2} from @cdktn\/provider-aws@/);
    expect(report.notChecked.join(' ')).toContain('terraform validate and provider-side validation are not run offline');
    expect(report.notChecked.join(' ')).toContain('providers other than aws (random)');
  });
});
