import { describe, expect, it } from 'vitest';
import { PreviewTokenStore } from '../../../src/aws/cfn/tokens.js';
import { poll } from '../../../src/aws/poll.js';
import { CHANGE_SET_ID, fakeClock, STACK_ID, throttling } from './support.js';

const grant = { stackName: 'orders-api', stackId: STACK_ID, changeSetId: CHANGE_SET_ID, changeSetName: 'aba-preview-x', region: 'eu-west-1', profile: undefined, changeCount: 7 };

describe('preview tokens', () => {
  it('issues unguessable tokens that check out for their stack only', () => {
    const store = new PreviewTokenStore();
    const a = store.issue(grant);
    const b = store.issue(grant);
    expect(a.token).toMatch(/^cfnp_[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(store.check(a.token, 'orders-api').changeSetId).toBe(CHANGE_SET_ID);
    expect(store.check(a.token, STACK_ID).stackName).toBe('orders-api');
    expect(() => store.check(a.token, 'billing-api')).toThrow(/issued for stack 'orders-api', not 'billing-api'/);
  });

  it('works once', () => {
    const store = new PreviewTokenStore();
    const { token } = store.issue(grant);
    store.redeem(token, 'orders-api');
    expect(() => store.redeem(token, 'orders-api')).toThrow(/already used/);
  });

  it('expires', () => {
    let now = 1_000_000;
    const store = new PreviewTokenStore(60_000, () => now);
    const { token, expiresAt } = store.issue(grant);
    expect(expiresAt.getTime()).toBe(now + 60_000);
    now += 59_999;
    expect(store.check(token, 'orders-api')).toBeTruthy();
    now += 1;
    expect(() => store.check(token, 'orders-api')).toThrow(/unknown or expired/);
  });

  it('refuses made-up and foreign tokens with a way forward', () => {
    const store = new PreviewTokenStore();
    expect(() => store.check('let-me-in', 'orders-api')).toThrow(/not a preview token/);
    expect(() => store.check('cfnp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'orders-api')).toThrow(/unknown or expired/);
    let err: { fix?: string } | undefined;
    try {
      store.check('cfnp_x', 'orders-api');
    } catch (e) {
      err = e as { fix?: string };
    }
    expect(err?.fix).toContain('cfn_preview_changes with keep: true');
  });

  it('stays bounded', () => {
    const store = new PreviewTokenStore(60_000, Date.now, 10);
    for (let i = 0; i < 50; i++) store.issue(grant);
    expect(store.size).toBeLessThanOrEqual(11);
  });
});

describe('poll', () => {
  it('waits with growing intervals until the check answers', async () => {
    const clock = fakeClock();
    let n = 0;
    const r = await poll(async () => (++n === 4 ? 'ready' : undefined), { intervalMs: 1000, maxIntervalMs: 2000, timeoutMs: 60_000, clock });
    expect(r).toEqual({ done: true, value: 'ready', checks: 4 });
    expect(clock.slept).toEqual([1000, 1500, 2000]);
  });

  it('reports a timeout instead of waiting forever', async () => {
    const clock = fakeClock();
    const r = await poll(async () => undefined, { intervalMs: 1000, maxIntervalMs: 5000, timeoutMs: 20_000, clock });
    expect(r.done).toBe(false);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it('slows down when throttled instead of failing: throttled twice, then success', async () => {
    const clock = fakeClock();
    let n = 0;
    let throttled = 0;
    const r = await poll(
      async () => {
        n++;
        if (n <= 2) throw throttling();
        return 'ok';
      },
      { intervalMs: 1000, maxIntervalMs: 4000, timeoutMs: 60_000, clock, onThrottled: () => throttled++ },
    );
    expect(r).toMatchObject({ done: true, value: 'ok', checks: 3 });
    expect(throttled).toBe(2);
    expect(clock.slept).toEqual([2000, 4000]);
  });

  it('lets other errors through and stops when cancelled', async () => {
    await expect(poll(async () => { throw new Error('boom'); }, { intervalMs: 1, maxIntervalMs: 1, timeoutMs: 100, clock: fakeClock() })).rejects.toThrow('boom');
    const ac = new AbortController();
    let n = 0;
    const p = poll(async () => { if (++n === 2) ac.abort(); return undefined; }, { intervalMs: 1, maxIntervalMs: 1, timeoutMs: 10_000, clock: fakeClock(), signal: ac.signal });
    await expect(p).rejects.toThrow(/cancelled by the client/);
  });
});
