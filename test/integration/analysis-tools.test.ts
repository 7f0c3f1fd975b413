import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connected } from '../helpers/client.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';

const brief = (name: string) => readFileSync(join(FIXTURES_DIR, 'scenarios', `${name}.md`), 'utf8');

type Decision = { id: string; need: string; chosen: string; rationale: string; basedOn: string[]; alternatives: Array<{ service: string; whyNot: string }> };
type Selected = { decisions: Decision[]; conflicts: Array<{ id: string; description: string; options: string[] }>; architecture?: { components: Array<{ id: string; service: string }> }; saved?: { design: string; files: string[] }; memory: { accepted: number; cited: string[] } };
type Analyzed = { requirements: Record<string, any>; summary: Record<string, any>; assumptions: unknown[]; openQuestions: Array<{ id: string; priority: number }>; conflicts: Array<{ id: string; options: string[] }>; elicited?: { asked: string[]; answered: boolean } };

describe('catalog tools and resources', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it('list_services filters by layer, role, compliance and text', async () => {
    const all = await c.ok<{ count: number; services: Array<{ id: string; layer: string; role: string; hipaa: string }> }>('list_services', {});
    expect(all.count).toBeGreaterThanOrEqual(40);
    const data = await c.ok<{ services: Array<{ layer: string }> }>('list_services', { layer: 'data', role: 'component' });
    expect(data.services.every((s) => s.layer === 'data')).toBe(true);
    const notHipaa = await c.ok<{ services: Array<{ id: string }> }>('list_services', { hipaa: 'not-listed' });
    expect(notHipaa.services.map((s) => s.id)).toEqual(expect.arrayContaining(['app-runner', 'lightsail']));
    const ws = await c.ok<{ services: Array<{ id: string }> }>('list_services', { text: 'websockets' });
    expect(ws.services[0]!.id).toBe('apigateway-websocket');
  });

  it('describe_service resolves aliases and returns limits, compliance and IaC types', async () => {
    const r = await c.ok<{ id: string; limits: Array<{ key: string; value: number }>; compliance: { hipaa: { status: string; listDate: string }; pci: { status: string } }; iac: { cloudformation: string[] } }>('describe_service', { service: 'dynamo' });
    expect(r.id).toBe('dynamodb');
    expect(r.limits.find((l) => l.key === 'item-size')?.value).toBe(400);
    expect(r.compliance.hipaa).toMatchObject({ status: 'eligible', listDate: '2026-05-22' });
    expect(r.iac.cloudformation).toContain('AWS::DynamoDB::Table');
    const res = await c.call('describe_service', { service: 'bedrock' });
    expect(res.content.some((x) => x.type === 'resource_link')).toBe(true);
    expect((res.structuredContent as { compliance: { pci: { status: string } } }).compliance.pci.status).toBe('not-confirmed');
  });

  it('describe_service refuses an unknown service with a suggestion', async () => {
    const text = await c.err('describe_service', { service: 'dynamdb' });
    expect(text).toContain('service');
    expect(text).toContain("did you mean 'dynamodb'");
  });

  it('serves the catalog index and entries as resources with completion', async () => {
    const index = JSON.parse(((await c.client.readResource({ uri: 'aws-architect://catalog' })).contents[0] as { text: string }).text);
    expect(index.services.length).toBeGreaterThanOrEqual(40);
    expect(index.hipaaListDate).toBe('2026-05-22');
    const lambda = JSON.parse(((await c.client.readResource({ uri: 'aws-architect://catalog/lambda' })).contents[0] as { text: string }).text);
    expect(lambda.limits.find((l: { key: string }) => l.key === 'max-duration').value).toBe(900);
    const done = await c.client.complete({ ref: { type: 'ref/resource', uri: 'aws-architect://catalog/{service}' }, argument: { name: 'service', value: 'dyn' } });
    expect(done.completion.values).toEqual(['dynamodb']);
  });

  it('compare_options scores candidates for the requirements and recommends one', async () => {
    const chat = await c.ok<Analyzed>('analyze_requirements', { description: brief('realtime-chat') });
    const kv = await c.ok<{ recommendation?: { service: string }; rows: Array<{ service: string; fit?: { score: number } }> }>('compare_options', { services: ['dynamodb', 'aurora'], requirements: chat.requirements });
    expect(kv.recommendation?.service).toBe('dynamodb');
    expect(kv.rows.every((r) => typeof r.fit?.score === 'number')).toBe(true);
    const shop = await c.ok<Analyzed>('analyze_requirements', { description: brief('ecommerce-api') });
    const sql = await c.ok<{ recommendation?: { service: string } }>('compare_options', { services: ['DynamoDB', 'Amazon Aurora'], requirements: shop.requirements });
    expect(sql.recommendation?.service).toBe('aurora');
    const generic = await c.ok<{ recommendation?: unknown; whenToChoose: string[]; rows: Array<{ cost: { idleCost: string } }> }>('compare_options', { services: ['sqs', 'kinesis-streams'] });
    expect(generic.recommendation).toBeUndefined();
    expect(generic.rows.map((r) => r.cost.idleCost)).toEqual(['none', 'low']);
    expect(await c.err('compare_options', { services: ['sqs', 'kinesis-stream', 'nope-service'] })).toContain('services[');
  });
});

describe('analyze_requirements', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it('reads the chat brief into requirements with assumptions and ranked questions', async () => {
    const r = await c.ok<Analyzed>('analyze_requirements', { description: brief('realtime-chat') });
    expect(r.summary).toMatchObject({ region: 'us-east-1', patterns: expect.arrayContaining(['realtime']) });
    expect(r.requirements.traffic).toMatchObject({ dailyActiveUsers: 50000, peakConcurrent: 8000, payloadKb: 2 });
    expect(r.requirements.data.retentionDays).toBe(90);
    expect(r.requirements.identity.providers).toEqual(expect.arrayContaining(['google', 'email']));
    expect(r.requirements.preferences).toMatchObject({ compute: 'serverless', languages: ['typescript'], teamSize: 4 });
    expect(r.requirements.sources['traffic.dailyActiveUsers']).toBe('stated');
    expect(r.requirements.sources['traffic.peakRps']).toBe('derived');
    expect(r.assumptions.length).toBeGreaterThan(3);
    expect(r.openQuestions.map((q) => q.priority)).toEqual(r.openQuestions.map((_, i) => i + 1));
    expect(r.openQuestions[0]!.id).toBe('q-rpo-rto');
  });

  it('lets structured fields override the text', async () => {
    const r = await c.ok<Analyzed>('analyze_requirements', {
      description: brief('realtime-chat'),
      region: 'eu-west-1',
      compliance: ['gdpr'],
      peakRps: 900,
      fields: { data: { retentionDays: 30 } },
    });
    expect(r.requirements.regions.primary).toBe('eu-west-1');
    expect(r.requirements.sources['regions.primary']).toBe('field');
    expect(r.requirements.compliance).toEqual(['gdpr']);
    expect(r.requirements.traffic.peakRps).toBe(900);
    expect(r.requirements.data.retentionDays).toBe(30);
  });

  it('refuses empty and meaningless text with what to describe', async () => {
    const empty = await c.err('analyze_requirements', { description: '   ' });
    expect(empty).toMatch(/^description: the description is empty\. Describe the system/);
    const noise = await c.err('analyze_requirements', { description: 'asdf qwerty zxcv hjkl' });
    expect(noise).toContain('description: the description does not say what system to design');
    expect(noise).toContain('Describe the system');
  });

  it('refuses unknown regions with a suggestion, in the text and in fields', async () => {
    const inText = await c.err('analyze_requirements', { description: 'A REST API for 10,000 users in eu-west-9.' });
    expect(inText).toContain("unknown region 'eu-west-9'");
    expect(inText).toMatch(/did you mean 'eu-west-[123]'/);
    const inField = await c.err('analyze_requirements', { description: 'A REST API for 10,000 users.', region: 'us-est-1' });
    expect(inField).toMatch(/^region: unknown region 'us-est-1' \(did you mean 'us-east-1'/);
    const nested = await c.err('analyze_requirements', { description: 'A REST API.', fields: { regions: { secondary: 'eu-centrall-1' } } });
    expect(nested).toContain('fields.regions.secondary');
    expect(nested).toContain("did you mean 'eu-central-1'");
    const badField = await c.err('analyze_requirements', { description: 'A REST API.', fields: { trafic: { peakRps: 3 } } });
    expect(badField).toContain("fields.trafic: unknown requirements field 'trafic' (did you mean 'traffic'?)");
  });

  it('explains a HIPAA conflict with a preferred service that is not eligible, and selection keeps PHI off it', async () => {
    const r = await c.ok<Analyzed>('analyze_requirements', {
      description: 'A patient portal storing protected health information for 20,000 patients. It must be HIPAA compliant. The team wants to run the API on App Runner.',
      preferredServices: ['App Runner'],
    });
    const conflict = r.conflicts.find((x) => x.id === 'c-hipaa-app-runner');
    expect(conflict).toBeDefined();
    expect(conflict!.options.join(' ')).toContain('Amazon ECS on AWS Fargate');
    const s = await c.ok<Selected>('select_services', { requirements: r.requirements });
    const compute = s.decisions.find((d) => d.id === 'd-compute-api')!;
    expect(compute.chosen).not.toBe('app-runner');
    expect(compute.alternatives.find((a) => a.service === 'app-runner')?.whyNot).toContain('HIPAA eligible services list');
    expect(s.conflicts.map((x) => x.id)).toContain('c-hipaa-app-runner');
  });

  it('refuses an unknown preferred service by name', async () => {
    const text = await c.err('analyze_requirements', { description: 'A REST API for 5,000 users.', preferredServices: ['dynamo-db'] });
    expect(text).toContain("preferredServices[0]: unknown service 'dynamo-db'");
  });
});

describe('analyze_requirements with elicitation', () => {
  it('asks the top questions through the client and folds the answers in', async () => {
    const c = await connect({}, { elicitation: {} });
    let message = '';
    let keys: string[] = [];
    c.client.setRequestHandler(ElicitRequestSchema, async (req) => {
      message = req.params.message;
      keys = Object.keys((req.params as { requestedSchema: { properties: Record<string, unknown> } }).requestedSchema.properties);
      return { action: 'accept', content: { dailyActiveUsers: 2000, peakRps: 40, rpoMinutes: 60, rtoMinutes: 240 } };
    });
    try {
      const r = await c.ok<Analyzed>('analyze_requirements', { description: 'A backend API for our web app where customers manage their accounts.', ask: true });
      expect(message).toContain('1. How much load');
      expect(keys).toEqual(expect.arrayContaining(['dailyActiveUsers', 'peakRps']));
      expect(r.elicited).toEqual({ asked: expect.arrayContaining(['q-load']), answered: true });
      expect(r.requirements.traffic).toMatchObject({ dailyActiveUsers: 2000, peakRps: 40 });
      expect(r.requirements.sources['traffic.peakRps']).toBe('field');
      expect(r.openQuestions.map((q) => q.id)).not.toContain('q-load');
    } finally {
      await c.close();
    }
  });

  it('carries on without answers when the client cannot elicit', async () => {
    const c = await connect();
    try {
      const r = await c.ok<Analyzed>('analyze_requirements', { description: 'A backend API for our web app where customers manage their accounts.', ask: true });
      expect(r.elicited).toMatchObject({ answered: false });
      expect(r.openQuestions[0]!.id).toBe('q-load');
    } finally {
      await c.close();
    }
  });
});

describe('select_services', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => c.close());

  it('saves requirements and architecture as a named design and links them', async () => {
    const a = await c.ok<Analyzed>('analyze_requirements', { description: brief('static-site') });
    const res = await c.call('select_services', { requirements: a.requirements, design: 'marketing' });
    expect(res.isError).toBeFalsy();
    const s = res.structuredContent as Selected;
    expect(s.saved).toEqual({ design: 'marketing', files: ['design://marketing/requirements.json', 'design://marketing/architecture.json'] });
    expect(s.architecture).toBeUndefined();
    expect(res.content.filter((x) => x.type === 'resource_link').map((x) => (x as { uri: string }).uri)).toContain('design://marketing/architecture.json');
    const onDisk = JSON.parse(readFileSync(join(c.config.projectDir!, '.ai', 'architecture', 'marketing', 'architecture.json'), 'utf8'));
    expect(onDisk.components.map((x: { service: string }) => x.service)).toEqual(expect.arrayContaining(['s3', 'cloudfront', 'ses']));
    const text = (res.content[0] as { text: string }).text;
    expect(text.length).toBeLessThan(3000);
    const again = await c.ok<Selected>('select_services', { design: 'marketing' });
    expect(again.decisions.map((d) => d.chosen)).toEqual(s.decisions.map((d) => d.chosen));
    expect(await c.err('select_services', { design: 'nothing-here' })).toContain("requirements: design 'nothing-here' has no saved requirements.json");
    expect(await c.err('select_services', {})).toContain('requirements: no requirements given');
  });

  it('refuses invalid requirements naming the field, and a bad design name', async () => {
    const bad = await c.err('select_services', { requirements: { name: 'x', summary: 'y', regions: { primary: 'mars-1' } } });
    expect(bad).toContain('requirements.regions.primary');
    const a = await c.ok<Analyzed>('analyze_requirements', { description: brief('static-site') });
    expect(await c.err('select_services', { requirements: a.requirements, design: 'Bad Name' })).toContain("design: 'Bad Name' is not a valid design name");
  });

  it('follows an accepted decision from .ai/memory and cites it', async () => {
    const dir = join(c.config.projectDir!, '.ai', 'memory', 'decisions');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'infrastructure-0001-use-aurora.md'),
      ['---', 'type: decision', 'title: Use Aurora PostgreSQL for application data', 'status: accepted', 'chosen: [aurora]', 'rejected: [dynamodb]', 'layer: data', '---', '', '## Decision', '', 'All application data lives in Aurora PostgreSQL; the team runs no NoSQL stores.', ''].join('\n'),
    );
    const a = await c.ok<Analyzed>('analyze_requirements', { description: brief('realtime-chat') });
    const s = await c.ok<Selected>('select_services', { requirements: a.requirements });
    const store = s.decisions.find((d) => d.id === 'd-data-primary-store')!;
    expect(store.chosen).toBe('aurora');
    expect(store.rationale).toContain('memory://decisions/infrastructure-0001-use-aurora.md');
    expect(store.basedOn).toContain('memory://decisions/infrastructure-0001-use-aurora.md');
    expect(store.alternatives.find((x) => x.service === 'dynamodb')?.whyNot).toMatch(/^Rejected by the accepted decision "Use Aurora PostgreSQL/);
    expect(s.memory.accepted).toBe(1);
    expect(s.memory.cited).toEqual(['memory://decisions/infrastructure-0001-use-aurora.md']);
    const ignoring = await c.ok<Selected>('select_services', { requirements: a.requirements, useMemory: false });
    expect(ignoring.decisions.find((d) => d.id === 'd-data-primary-store')!.chosen).toBe('dynamodb');
  });
});
