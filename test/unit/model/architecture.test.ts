import { describe, expect, it } from 'vitest';
import { Architecture, COMPONENT_SERVICES, parseArchitecture, Requirements } from '../../../src/model/index.js';

const minimal = {
  name: 'chat-backend',
  components: [
    { id: 'ws-api', service: 'apigateway-websocket' },
    { id: 'handler', service: 'lambda', config: { memoryMb: 1024 } },
    { id: 'messages', service: 'dynamodb', config: { ttlAttribute: 'expiresAt' } },
  ],
  connections: [
    { from: 'ws-api', to: 'handler', kind: 'invoke', description: 'chat frames' },
    { from: 'handler', to: 'messages', kind: 'read-write' },
  ],
};

describe('Architecture', () => {
  it('fills secure defaults from a minimal design', () => {
    const r = parseArchitecture(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fn = r.value.components[1]!;
    expect(fn.service).toBe('lambda');
    if (fn.service === 'lambda') {
      expect(fn.config.memoryMb).toBe(1024);
      expect(fn.config.architecture).toBe('arm64');
      expect(fn.config.timeoutSeconds).toBe(30);
    }
    const table = r.value.components[2]!;
    if (table.service === 'dynamodb') {
      expect(table.config.pointInTimeRecovery).toBe(true);
      expect(table.config.partitionKey).toEqual({ name: 'pk', type: 'S' });
    }
    expect(table.layer).toBe('data');
    expect(r.value.region).toBe('us-east-1');
    expect(r.value.resilience.availabilityTarget).toBe(99.9);
    expect(r.value.security.auditTrail).toBe(true);
  });

  it('reports dangling references and duplicates as issues, never throwing', () => {
    const r = parseArchitecture({
      ...minimal,
      components: [...minimal.components, { id: 'handler', service: 'sqs' }],
      connections: [...minimal.connections, { from: 'handler', to: 'mesages', kind: 'write' }],
    });
    expect(r.ok).toBe(false);
    const msgs = r.issues.map((i) => `${i.path}: ${i.message}`);
    expect(msgs).toContain("architecture.components[3].id: duplicate component id 'handler'");
    expect(msgs.some((m) => m.startsWith('architecture.connections[2].to') && m.includes("did you mean 'messages'"))).toBe(true);
  });

  it('names an unknown service with a suggestion', () => {
    const r = parseArchitecture({ ...minimal, components: [{ id: 'x', service: 'lambdaa' }] });
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.path).toBe('architecture.components[0].service');
    expect(r.issues[0]!.message).toContain("did you mean 'lambda'");
  });

  it('requires a network for VPC-bound components', () => {
    const r = parseArchitecture({ name: 'x', components: [{ id: 'db', service: 'aurora' }] });
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.path).toBe('architecture.network');
    const ok = parseArchitecture({ name: 'x', components: [{ id: 'db', service: 'aurora' }], network: {} });
    expect(ok.ok).toBe(true);
  });

  it('refuses invalid Fargate sizes and impossible connections', () => {
    const r = parseArchitecture({
      name: 'x',
      network: {},
      components: [
        { id: 'svc', service: 'ecs-fargate', config: { cpu: '256', memoryMb: 4096 } },
        { id: 'bucket', service: 's3' },
      ],
      connections: [{ from: 'svc', to: 'bucket', kind: 'authenticate' }],
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['architecture.connections[0].kind', 'architecture.components[0].config.memoryMb']),
    );
  });

  it('every component kind parses with defaults alone', () => {
    for (const service of COMPONENT_SERVICES) {
      const a = Architecture.parse({ name: 'all', network: {}, components: [{ id: 'c', service }] });
      expect(a.components[0]!.service).toBe(service);
      expect(a.components[0]!.config).toBeTypeOf('object');
    }
  });
});

describe('Requirements', () => {
  it('parses an almost empty object with defaults', () => {
    const r = Requirements.parse({ name: 'x', summary: 'y' });
    expect(r.data.classification).toBe('internal');
    expect(r.preferences.compute).toBe('any');
    expect(r.openQuestions).toEqual([]);
  });
});

describe('reachability', () => {
  it('refuses a Lambda outside the VPC talking to a VPC-only store, naming the fix', () => {
    const r = parseArchitecture({
      name: 'x',
      network: {},
      components: [{ id: 'fn', service: 'lambda' }, { id: 'db', service: 'aurora' }],
      connections: [{ from: 'fn', to: 'db', kind: 'read-write' }],
    });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ path: 'architecture.connections[0]', fix: 'Set components.fn.config.inVpc to true.' });
  });
});

describe('Availability Zones', () => {
  it('refuses one AZ for services that need two, naming the field', () => {
    const r = parseArchitecture({ name: 'x', network: { azCount: 1 }, resilience: { multiAz: false }, components: [{ id: 'db', service: 'rds', config: { multiAz: false } }] });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ path: 'architecture.network.azCount', message: "rds 'db' need subnets in at least two Availability Zones" });
    const fine = parseArchitecture({ name: 'x', network: { azCount: 1 }, resilience: { multiAz: false }, components: [{ id: 'fn', service: 'lambda', config: { inVpc: true } }] });
    expect(fine.ok).toBe(true);
  });
});
