import type { Architecture, Component, ComponentService, Connection, ConnectionKind } from '../../model/index.js';

/** Edges along which work flows from one component to the next (as opposed to data access or protection). */
export const FLOW_KINDS: readonly ConnectionKind[] = ['invoke', 'trigger', 'publish', 'subscribe', 'route'];
export const ACCESS_KINDS: readonly ConnectionKind[] = ['read', 'write', 'read-write'];

/** Front doors that receive requests from clients. */
export const REQUEST_FRONTS: ReadonlySet<ComponentService> = new Set(['apigateway-rest', 'apigateway-http', 'appsync', 'alb', 'nlb', 'cloudfront']);
/** Channels that hand records or events to consumers. */
export const CHANNELS: ReadonlySet<ComponentService> = new Set(['sqs', 'sns', 'eventbridge', 'kinesis-streams', 'kinesis-firehose', 'iot-core']);
/** Kinds that run code. */
export const COMPUTE: ReadonlySet<ComponentService> = new Set(['lambda', 'ecs-fargate', 'eks', 'ec2-asg', 'glue-job', 'sagemaker-endpoint']);

/** What a design's edges say about each component's place in it. */
export class Structure {
  readonly byId: Map<string, Component>;
  private readonly people = new Map<string, boolean>();
  private readonly incoming = new Map<string, Connection[]>();
  private readonly outgoing = new Map<string, Connection[]>();

  constructor(readonly arch: Architecture) {
    this.byId = new Map(arch.components.map((c) => [c.id, c]));
    // Self-loops and edges to components that do not exist carry nothing.
    for (const e of arch.connections) {
      if (e.from === e.to || !this.byId.has(e.from) || !this.byId.has(e.to)) continue;
      (this.incoming.get(e.to) ?? this.incoming.set(e.to, []).get(e.to)!).push(e);
      (this.outgoing.get(e.from) ?? this.outgoing.set(e.from, []).get(e.from)!).push(e);
    }
  }

  get(id: string): Component | undefined {
    return this.byId.get(id);
  }

  /** Edges into `id` of the given kinds. */
  into(id: string, kinds: readonly ConnectionKind[] = FLOW_KINDS): Connection[] {
    return (this.incoming.get(id) ?? []).filter((e) => kinds.includes(e.kind));
  }

  /** Edges out of `id` of the given kinds. */
  out(id: string, kinds: readonly ConnectionKind[] = FLOW_KINDS): Connection[] {
    return (this.outgoing.get(id) ?? []).filter((e) => kinds.includes(e.kind));
  }

  /**
   * The Lambda authorizer of an API, found the way the generators find it: the invoked function whose connection
   * scope or whose id or name says "authorizer".
   */
  authorizerOf(api: Component): Component | undefined {
    if (!('authorizer' in api.config) || api.config.authorizer !== 'lambda') return undefined;
    const fns = this.out(api.id, ['invoke']).map((e) => ({ e, f: this.byId.get(e.to)! })).filter((x) => x.f.service === 'lambda');
    return (fns.find((x) => /authori[sz]/i.test(x.e.scope ?? '')) ?? fns.find((x) => /authori[sz]/i.test(`${x.f.id} ${x.f.name ?? ''}`)))?.f;
  }

  /** The functions an API routes requests to (its invoke or route targets that run code), without its authorizer. */
  handlersOf(api: Component): Component[] {
    const auth = this.authorizerOf(api);
    return this.out(api.id, ['invoke', 'route'])
      .map((e) => this.byId.get(e.to)!)
      .filter((t) => t.id !== auth?.id && (COMPUTE.has(t.service) || t.service === 'step-functions'));
  }

  /**
   * Whether everything that enters this component ends with people (an email, a push notification, an SMS): SES,
   * an SNS topic with no component subscribers, or a queue, topic or function whose every onward flow goes there
   * and that writes no data of its own.
   */
  peopleBound(id: string, seen: Set<string> = new Set()): boolean {
    const cached = this.people.get(id);
    if (cached !== undefined) return cached;
    if (seen.has(id)) return false;
    seen.add(id);
    const c = this.byId.get(id);
    let result = false;
    if (c) {
      const onward = this.out(id, ['invoke', 'trigger', 'publish', 'subscribe']).filter((e) => this.byId.get(e.to)!.service !== 'apigateway-websocket');
      if (c.service === 'ses') result = true;
      else if (c.service === 'sns') result = onward.length === 0 || onward.every((e) => this.peopleBound(e.to, seen));
      else if (c.service === 'sqs' || c.service === 'eventbridge' || c.service === 'lambda') {
        const writes = this.out(id, ['write', 'read-write']).length > 0;
        result = !writes && onward.length > 0 && onward.every((e) => this.peopleBound(e.to, seen));
      }
    }
    this.people.set(id, result);
    return result;
  }

  /** Whether any function this API invokes pushes messages back through it (a WebSocket API delivering to clients). */
  pushesBack(ws: Component): boolean {
    return this.into(ws.id, ['invoke']).some((e) => this.byId.get(e.from)!.service === 'lambda');
  }

  /** Words that mark a consumer that aggregates what it reads instead of storing every record. */
  aggregates(c: Component, edge?: Connection): boolean {
    return /aggregat|roll-?ups?\b|summar|counters?\b|per-minute|per-hour/i.test(`${c.id} ${c.name ?? ''} ${c.description ?? ''} ${edge?.description ?? ''}`);
  }
}
