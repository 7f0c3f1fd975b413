import { describe, expect, it } from 'vitest';
import { COMPONENT_SERVICES, deriveGrants, deriveNetworkRules, parseArchitecture } from '../../../src/model/index.js';
import { architectureFixture, architectureFixtureNames, rawArchitectureFixture } from '../../helpers/fixtures.js';

describe('architecture fixtures', () => {
  it.each(architectureFixtureNames())('%s is a valid design with no warnings', (name) => {
    const r = parseArchitecture(rawArchitectureFixture(name));
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('the kitchen sink has one component of every kind', () => {
    const services = new Set(architectureFixture('kitchen-sink').components.map((c) => c.service));
    expect([...COMPONENT_SERVICES].filter((s) => !services.has(s))).toEqual([]);
  });
});

describe('permissions derived from connections', () => {
  const chat = architectureFixture('realtime-chat');
  const grants = deriveGrants(chat);

  it('gives the handler read-write on the table and its indexes, nothing wider', () => {
    const g = grants.find((x) => x.type === 'identity' && x.principal === 'ws-handler' && x.target === 'messages');
    expect(g).toMatchObject({ actions: expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']), resources: [{ component: 'messages', part: 'arn' }, { component: 'messages', part: 'indexes' }] });
    expect(g!.actions).not.toContain('dynamodb:*');
  });

  it('lets API Gateway invoke functions through resource policies scoped to the API', () => {
    const g = grants.find((x) => x.type === 'resource' && x.target === 'ws-handler');
    expect(g).toMatchObject({ servicePrincipal: 'apigateway.amazonaws.com', actions: ['lambda:InvokeFunction'], sourceArn: { component: 'ws-api', part: 'execute-api' } });
  });

  it('lets CloudFront read the media bucket through origin access control', () => {
    expect(grants).toContainEqual(expect.objectContaining({ type: 'resource', target: 'media', source: 'media-cdn', servicePrincipal: 'cloudfront.amazonaws.com', actions: ['s3:GetObject'] }));
  });

  it('gives pollers consume rights on their source', () => {
    const portal = deriveGrants(architectureFixture('hipaa-patient-portal'));
    expect(portal).toContainEqual(expect.objectContaining({ type: 'identity', principal: 'notify-fn', target: 'notify', actions: expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']) }));
  });

  it('never grants a wildcard action', () => {
    for (const name of architectureFixtureNames()) {
      for (const g of deriveGrants(architectureFixture(name))) for (const a of g.actions) expect(a).not.toMatch(/\*/);
    }
  });

  it('opens the database port only to the components that use it', () => {
    const rules = deriveNetworkRules(architectureFixture('ecommerce-api'));
    expect(rules.filter((r) => r.to === 'db')).toEqual([
      expect.objectContaining({ from: 'api', port: 5432 }),
      expect.objectContaining({ from: 'order-worker', port: 5432 }),
    ]);
  });
});
