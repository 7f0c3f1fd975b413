import type { ComponentService, ConnectionKind, Decision } from '../../model/index.js';

/** A component as selection writes it: the model's input shape (config defaults are filled when parsed). */
export interface DraftComponent {
  id: string;
  service: ComponentService;
  name?: string;
  description?: string;
  config: Record<string, unknown>;
}

export interface DraftConnection {
  from: string;
  to: string;
  kind: ConnectionKind;
  description?: string;
  /** Narrowing the generators read, e.g. `authorizer` marks a function as the API's authorizer. */
  scope?: string;
}

/**
 * The design under construction: components with unique ids, de-duplicated connections, and the decisions with the
 * components that implement each.
 */
export class DesignDraft {
  readonly components: DraftComponent[] = [];
  readonly connections: DraftConnection[] = [];
  readonly decisions: Decision[] = [];

  /** Records a decision once (by id) and returns it. */
  decision(d: Decision | undefined): Decision | undefined {
    if (!d) return undefined;
    const existing = this.decisions.find((x) => x.id === d.id);
    if (existing) return existing;
    this.decisions.push(d);
    return d;
  }

  /** Adds a component (suffixing the id if taken) and ties it to a decision; returns the id used. */
  add(c: DraftComponent, decision?: Decision): string {
    let id = c.id;
    for (let n = 2; this.get(id); n++) id = `${c.id}-${n}`;
    this.components.push({ ...c, id });
    if (decision && !decision.components.includes(id)) decision.components.push(id);
    return id;
  }

  get(id: string | undefined): DraftComponent | undefined {
    return id === undefined ? undefined : this.components.find((c) => c.id === id);
  }

  byService(service: ComponentService): DraftComponent[] {
    return this.components.filter((c) => c.service === service);
  }

  connect(from: string | undefined, to: string | undefined, kind: ConnectionKind, description?: string, scope?: string): void {
    if (!from || !to || from === to) return;
    if (this.connections.some((c) => c.from === from && c.to === to && c.kind === kind)) return;
    this.connections.push({ from, to, kind, ...(description ? { description } : {}), ...(scope ? { scope } : {}) });
  }

  outgoing(id: string): DraftConnection[] {
    return this.connections.filter((c) => c.from === id);
  }

  /** Ties an existing component to a decision (a need served by a component chosen for another need). */
  link(decision: Decision | undefined, id: string | undefined): void {
    if (decision && id && this.get(id) && !decision.components.includes(id)) decision.components.push(id);
  }
}
