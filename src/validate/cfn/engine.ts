import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One diagnostic of AWS's validator, reduced to what a finding needs. */
export interface EngineDiagnostic {
  ruleId: string;
  severity: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
  message: string;
  entityId?: string;
  /** Resource, Parameter, Output, ... */
  entityType?: string;
  propertyPath?: string;
  startLine?: number;
  startColumn?: number;
}

export interface EngineResult {
  diagnostics: EngineDiagnostic[];
  /** Version of the validation core, e.g. 1.14.0. */
  version: string;
  durationMs: number;
}

export interface EngineHostOptions {
  /** Path of the `@aws/cloudformation-validate` package; found inside aws-cdk-lib by default. */
  modulePath?: string;
  /** Stop the worker (and free its ~300 MB) after this long without work. @default 300000 */
  idleMs?: number;
  /** Longest a single validation may take before the worker is stopped. @default 30000 */
  callTimeoutMs?: number;
  /** Longest the engine may take to start (rules compile once). @default 60000 */
  startTimeoutMs?: number;
}

/** Why the AWS validator could not give an answer; reported as a notChecked item, never thrown to the user. */
export class EngineUnavailable extends Error {
  override readonly name = 'EngineUnavailable';
}

/**
 * Where `@aws/cloudformation-validate` lives. Only aws-cdk-lib bundles the current release (1.14): the standalone npm
 * package is an older beta with another API, so the copy in aws-cdk-lib's own node_modules is loaded.
 */
export function bundledValidatorPath(): string {
  const require = createRequire(import.meta.url);
  const cdkDir = dirname(require.resolve('aws-cdk-lib/package.json'));
  return join(cdkDir, 'node_modules', '@aws', 'cloudformation-validate');
}

// Runs in the worker. Kept as source text (CommonJS) so the worker needs no file of its own next to the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let cv, engine;
function start() {
  engine = new cv.CompositeEngine();
}
try {
  cv = require(workerData.modulePath);
  start();
  parentPort.postMessage({ type: 'ready', version: typeof cv.version === 'function' ? String(cv.version()) : 'unknown' });
} catch (e) {
  parentPort.postMessage({ type: 'failed', message: String(e && e.message || e) });
}
parentPort.on('message', (req) => {
  const t0 = performance.now();
  try {
    const rep = engine.validateTemplate(new cv.TemplateContent(req.text, req.name), { detailLevel: 'STANDARD' });
    const diagnostics = rep.diagnostics.map((d) => ({
      ruleId: d.ruleId, severity: d.severity, message: d.message, entityId: d.entity && d.entity.logicalId, entityType: d.entity && d.entity.entityType,
      propertyPath: d.propertyPath, startLine: d.startLine, startColumn: d.startColumn,
    }));
    parentPort.postMessage({ type: 'result', id: req.id, diagnostics, durationMs: performance.now() - t0 });
  } catch (e) {
    // A trapped WebAssembly call leaves the instance unusable: build a fresh engine for the next request.
    if (e instanceof WebAssembly.RuntimeError) { try { engine.free(); } catch {} try { start(); } catch {} }
    parentPort.postMessage({ type: 'error', id: req.id, message: String(e && e.message || e) });
  }
});
`;

interface Pending {
  resolve(r: EngineResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Keeps AWS's CloudFormation validator warm in a worker thread. Starting it takes seconds and ~300 MB (the rules
 * compile once), so one worker serves every call of the process, is unref'd so it never keeps the process alive, and
 * stops itself after an idle period. A call that runs too long stops the worker; the next call starts a new one.
 */
export class CfnEngineHost {
  private worker: Worker | undefined;
  private ready: Promise<string> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly opts: Required<EngineHostOptions>;
  /** Milliseconds the last engine start took (load + rule compilation). */
  lastStartMs: number | undefined;

  constructor(opts: EngineHostOptions = {}) {
    this.opts = {
      modulePath: opts.modulePath ?? '',
      idleMs: opts.idleMs ?? 300_000,
      callTimeoutMs: opts.callTimeoutMs ?? 30_000,
      startTimeoutMs: opts.startTimeoutMs ?? 60_000,
    };
  }

  /** True while a worker is running (started or starting). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Validates template text; rejects with {@link EngineUnavailable} when the engine cannot start or times out. */
  async validate(text: string, name = 'template.yaml', timeoutMs = this.opts.callTimeoutMs): Promise<EngineResult> {
    const version = await this.start();
    this.clearIdle();
    const worker = this.worker;
    if (!worker) throw new EngineUnavailable('the AWS validator stopped before the request was sent');
    const id = this.nextId++;
    try {
      const result = await new Promise<EngineResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new EngineUnavailable(`the AWS validator did not answer within ${timeoutMs / 1000} s and was stopped`));
          void this.stop();
        }, timeoutMs);
        this.pending.set(id, { resolve: (r) => resolve({ ...r, version }), reject, timer });
        // Referenced while busy so a caller awaiting the answer is not cut short by the process exiting.
        worker.ref();
        worker.postMessage({ id, text, name });
      });
      return result;
    } finally {
      this.armIdle();
    }
  }

  /** Starts the worker if needed and resolves with the engine version once its rules are compiled. */
  start(): Promise<string> {
    if (this.ready) return this.ready;
    const started = performance.now();
    const modulePath = this.opts.modulePath || bundledValidatorPath();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath } });
    this.worker = worker;
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new EngineUnavailable(`the AWS validator did not start within ${this.opts.startTimeoutMs / 1000} s`));
        void this.stop();
      }, this.opts.startTimeoutMs);
      worker.on('message', (m: { type: string; id?: number; version?: string; message?: string; diagnostics?: EngineDiagnostic[]; durationMs?: number }) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          if (this.pending.size === 0) worker.unref();
          this.lastStartMs = performance.now() - started;
          resolve(m.version ?? 'unknown');
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new EngineUnavailable(`the AWS validator failed to start: ${m.message}`));
          void this.stop();
        } else if (m.id !== undefined) {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          clearTimeout(p.timer);
          if (m.type === 'result') p.resolve({ diagnostics: m.diagnostics ?? [], version: '', durationMs: m.durationMs ?? 0 });
          else p.reject(new EngineUnavailable(`the AWS validator failed on this template: ${m.message}`));
        }
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        reject(new EngineUnavailable(`the AWS validator crashed: ${e.message}`));
        this.failAll(`the AWS validator crashed: ${e.message}`);
        this.forget(worker);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        reject(new EngineUnavailable('the AWS validator exited'));
        this.failAll('the AWS validator exited');
        this.forget(worker);
      });
    });
    this.ready = ready;
    ready.catch(() => undefined);
    return ready;
  }

  /** Stops the worker and frees its memory; pending calls fail with {@link EngineUnavailable}. */
  async stop(): Promise<void> {
    this.clearIdle();
    const w = this.worker;
    if (!w) return;
    this.forget(w);
    this.failAll('the AWS validator was stopped');
    await w.terminate();
  }

  private forget(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.ready = undefined;
    this.clearIdle();
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new EngineUnavailable(message));
      this.pending.delete(id);
    }
  }

  private armIdle(): void {
    this.clearIdle();
    if (this.pending.size > 0 || !this.worker) return;
    // Idle: never keep the process alive just for the warm engine.
    this.worker.unref();
    this.idleTimer = setTimeout(() => void this.stop(), this.opts.idleMs);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

let shared: CfnEngineHost | undefined;

/** The process-wide engine host that {@link validateCloudFormation} uses. */
export function sharedEngineHost(): CfnEngineHost {
  shared ??= new CfnEngineHost();
  return shared;
}

/** Stops the shared engine (tests and the CLI call this to free memory early). */
export async function stopSharedEngine(): Promise<void> {
  await shared?.stop();
}
