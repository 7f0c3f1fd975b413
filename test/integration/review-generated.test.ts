import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchitecture } from '../../src/model/index.js';
import { generateCloudFormation } from '../../src/generators/cloudformation/index.js';
import { generateTerraform } from '../../src/generators/terraform/index.js';
import { reviewTemplate } from '../../src/review/index.js';
import { cloudFormationFor } from '../../src/mcp/tools/review/shared.js';
import { connect, type Connected } from '../helpers/client.js';
import { architectureFixtureNames, rawArchitectureFixture } from '../helpers/fixtures.js';

/**
 * Our own output must pass: the CloudFormation generated for every fixture has no unacknowledged error-level
 * AwsSolutions finding, the HIPAA fixture passes HIPAA Security and the PCI fixture PCI DSS 3.2.1, and every
 * acknowledgement the generator writes carries a reason. A failure lists rule ids and resources, for the generator.
 */
const PACKS: Record<string, Array<'aws-solutions' | 'hipaa' | 'pci-dss'>> = {
  'hipaa-patient-portal': ['aws-solutions', 'hipaa'],
  'pci-payments': ['aws-solutions', 'pci-dss'],
};

let c: Connected;
beforeAll(async () => {
  c = await connect();
});
afterAll(async () => {
  await c.close();
});

interface ToolFinding {
  rule: string;
  framework: string;
  severity: string;
  resource?: string;
  component?: string;
  evidence: string;
  acknowledged?: { reason: string };
}

describe('generated CloudFormation passes the cdk-nag packs', () => {
  it.each(architectureFixtureNames())('%s', async (name) => {
    const frameworks = PACKS[name] ?? ['aws-solutions'];
    const r = await c.ok<{ frameworks: Array<{ framework: string; status: string; reason?: string }>; findings: ToolFinding[]; totalFindings: number; coverage: { templatePacks: string; reason?: string } }>(
      'review_architecture',
      { architecture: rawArchitectureFixture(name), frameworks, maxFindings: 500 },
    );
    expect(r.coverage.templatePacks, r.coverage.reason).toBe('run');
    expect(r.findings.length).toBe(r.totalFindings);

    const blocking = r.findings.filter((f) => frameworks.includes(f.framework as never) && !f.acknowledged && (f.severity === 'high' || f.severity === 'critical'));
    const listing = blocking.map((f) => `${f.rule} on ${f.resource ?? '?'}${f.component ? ` (component ${f.component})` : ''}: ${f.evidence}`).join('\n');
    expect(blocking, `${name}: ${blocking.length} error-level finding(s) the generator must fix:\n${listing}`).toEqual([]);
    for (const fr of r.frameworks) expect(fr.status, `${name} ${fr.framework}`).toBe('pass');

    const unexplained = r.findings.filter((f) => f.acknowledged && f.acknowledged.reason.trim().length < 10);
    expect(unexplained.map((f) => `${f.rule} on ${f.resource}`), `${name}: acknowledgements without a reason`).toEqual([]);
  });

  it.each(architectureFixtureNames())('%s: the generated YAML reviewed as a plain template loads and passes AwsSolutions too', async (name) => {
    const parsed = parseArchitecture(rawArchitectureFixture(name));
    if (!parsed.ok) throw new Error(`fixture ${name} is invalid`);
    const [file] = generateCloudFormation(parsed.value, { syntax: 'yaml', pipeline: parsed.value.delivery.pipeline });
    const r = await c.ok<{ frameworks: Array<{ framework: string; status: string }>; findings: ToolFinding[]; coverage: { templatePacks: string; reason?: string; notCovered: string[] } }>('review_architecture', {
      template: file!.content,
      frameworks: ['aws-solutions'],
      maxFindings: 500,
    });
    expect(r.coverage.templatePacks, r.coverage.reason).toBe('run');
    expect(r.coverage.notCovered).toEqual([]);
    const blocking = r.findings.filter((f) => !f.acknowledged && (f.severity === 'high' || f.severity === 'critical'));
    expect(blocking.map((f) => `${f.rule} on ${f.resource}`)).toEqual([]);
  });

  it.each(architectureFixtureNames())('%s: the generated Terraform maps into the model with no critical finding', async (name) => {
    const parsed = parseArchitecture(rawArchitectureFixture(name));
    if (!parsed.ok) throw new Error(`fixture ${name} is invalid`);
    const files = generateTerraform(parsed.value, {}).filter((f) => f.path.endsWith('.tf'));
    const r = await reviewTemplate(files[0]!.content, { format: 'terraform', name: files[0]!.path, files: files.slice(1).map((f) => ({ name: f.path, text: f.content })), frameworks: ['well-architected'] });
    expect(r.findings.filter((f) => f.severity === 'critical').map((f) => `${f.rule} ${f.resource}: ${f.evidence}`)).toEqual([]);
    expect(r.coverage.resources!.mapped / r.coverage.resources!.total, `unmapped: ${r.coverage.notCovered.join(', ')}`).toBeGreaterThan(0.8);
  });

  it('every acknowledgement the generator writes into the templates names a rule and gives a reason', async () => {
    const problems: string[] = [];
    for (const name of architectureFixtureNames()) {
      const parsed = parseArchitecture(rawArchitectureFixture(name));
      if (!parsed.ok) throw new Error(`fixture ${name} is invalid`);
      const { template } = await cloudFormationFor(parsed.value);
      for (const [id, res] of Object.entries((template as { Resources: Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress?: Array<{ id?: string; reason?: string }> } } }> }).Resources)) {
        for (const s of res.Metadata?.cdk_nag?.rules_to_suppress ?? []) {
          if (!s.id || !/^[A-Za-z.0-9]+-[A-Za-z0-9]+/.test(s.id) || !s.reason || s.reason.trim().length < 10) problems.push(`${name} ${id}: ${JSON.stringify(s)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('links pack findings on generated resources back to the component that produced them', async () => {
    const raw = rawArchitectureFixture('kitchen-sink');
    const r = await c.ok<{ findings: ToolFinding[] }>('review_architecture', { architecture: raw, frameworks: ['aws-solutions'], maxFindings: 500 });
    const parsed = parseArchitecture(raw);
    if (!parsed.ok) throw new Error('kitchen-sink is invalid');
    const { prefixes } = await cloudFormationFor(parsed.value);
    const pack = r.findings.filter((f) => f.framework === 'aws-solutions');
    const linked = pack.filter((f) => f.component);
    expect(linked.length).toBeGreaterThan(20);
    for (const f of linked) expect(f.resource!.startsWith(prefixes!.get(f.component!)!), `${f.resource} -> ${f.component}`).toBe(true);
    // Platform resources (trail, VPC, backup, key) belong to no component.
    for (const f of pack.filter((x) => /^(Trail|Vpc|Backup|Key)/.test(x.resource ?? ''))) expect(f.component, f.resource).toBeUndefined();
  });
});
