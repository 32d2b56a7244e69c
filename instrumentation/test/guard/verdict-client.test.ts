import { describe, expect, it } from 'vitest';
import {
  contextWithIdentity,
  createGuard,
  createVerdictClient,
  TracehoundBlockedError,
  type VerdictAnswer,
  type VerdictQuery,
} from '../../src/index.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A fake verdict API: answers what `verdict` says, records the queries. */
function fakeApi() {
  const api = {
    calls: [] as Array<{ url: string; auth: string | null }>,
    verdict: { decision: 'allow', reason: 'no active verdict', rule: null, target: null, expiresAt: null } as Record<
      string,
      unknown
    >,
    status: 200,
    fail: false,
    fetch: (async (url: string, init: RequestInit) => {
      api.calls.push({ url, auth: new Headers(init.headers).get('authorization') });
      if (api.fail) throw new TypeError('fetch failed');
      return new Response(JSON.stringify(api.verdict), {
        status: api.status,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch,
  };
  return api;
}

const blockVerdict = (expiresAt: number) => ({
  decision: 'block',
  reason: 'TH-BEH-001 Repeated injection attempts',
  rule: 'TH-BEH-001',
  target: 'session:s-1',
  expiresAt: new Date(expiresAt).toISOString(),
});

describe('verdict client', () => {
  it('asks the API with the token, caches the answer, and fails open until it has one', async () => {
    const c = clock();
    const api = fakeApi();
    const v = createVerdictClient({
      url: 'http://verdicts.test/',
      token: 'tok',
      maxAgeMs: 5000,
      refreshIntervalMs: 0,
      clock: c.now,
      fetch: api.fetch,
    });
    api.verdict = blockVerdict(c.now() + 900_000);
    expect(v.lookup({ session: 's-1', user: 'u 1' })).toMatchObject({ decision: 'allow', source: 'fail-open' });
    await v.prefetch({ session: 's-1', user: 'u 1' });
    expect(api.calls[0]).toEqual({ url: 'http://verdicts.test/v1/verdict?session=s-1&user=u+1', auth: 'Bearer tok' });
    expect(v.lookup({ session: 's-1', user: 'u 1' })).toMatchObject({
      decision: 'block',
      rule: 'TH-BEH-001',
      target: 'session:s-1',
      source: 'cache',
    });
    expect(v.lookup({})).toMatchObject({ decision: 'allow' });
    v.shutdown();
  });

  it('never uses a verdict older than the staleness bound, and refreshes ahead of it', async () => {
    const c = clock();
    const api = fakeApi();
    const open = createVerdictClient({
      url: 'http://v.test',
      token: 't',
      maxAgeMs: 4000,
      refreshIntervalMs: 0,
      clock: c.now,
      fetch: api.fetch,
    });
    const closed = createVerdictClient({
      url: 'http://v.test',
      token: 't',
      maxAgeMs: 4000,
      refreshIntervalMs: 0,
      clock: c.now,
      fetch: api.fetch,
      failClosed: true,
    });
    api.verdict = blockVerdict(c.now() + 900_000);
    await open.prefetch({ session: 's-1' });
    await closed.prefetch({ session: 's-1' });
    api.fail = true; // the API goes away
    const calls = api.calls.length;
    c.advance(1000);
    open.lookup({ session: 's-1' });
    expect(api.calls.length).toBe(calls); // fresh: no request
    c.advance(1500); // older than half the bound: a lookup starts a background refresh
    expect(open.lookup({ session: 's-1' }).decision).toBe('block');
    expect(api.calls.length).toBe(calls + 1);
    await open.refresh();
    c.advance(2000); // beyond the bound without a successful refresh
    expect(open.lookup({ session: 's-1' })).toMatchObject({ decision: 'allow', source: 'fail-open' });
    expect(closed.lookup({ session: 's-1' })).toMatchObject({ decision: 'block', source: 'fail-closed' });
  });

  it('treats a verdict whose own TTL ended as allow, and ignores malformed answers', async () => {
    const c = clock();
    const api = fakeApi();
    const v = createVerdictClient({
      url: 'http://v.test',
      token: 't',
      maxAgeMs: 60_000,
      refreshIntervalMs: 0,
      clock: c.now,
      fetch: api.fetch,
    });
    api.verdict = blockVerdict(c.now() + 1000);
    await v.prefetch({ session: 's-1' });
    c.advance(1001);
    expect(v.lookup({ session: 's-1' })).toMatchObject({ decision: 'allow', reason: 'verdict expired' });
    api.verdict = { decision: 'explode' };
    expect(await v.prefetch({ session: 's-2' })).toMatchObject({ source: 'fail-open' });
    api.status = 401;
    expect(await v.prefetch({ session: 's-3' })).toMatchObject({ source: 'fail-open' });
  });
});

describe('guard with verdicts', () => {
  const source = (a: Omit<VerdictAnswer, 'source'>) => ({
    queries: [] as VerdictQuery[],
    lookup(q: VerdictQuery): VerdictAnswer {
      this.queries.push(q);
      return { ...a, source: 'cache' };
    },
  });

  it('refuses a blocked identity with the typed error carrying the verdict (enforce)', () => {
    const s = source({
      decision: 'block',
      reason: 'TH-BEH-001 Repeated attempts',
      rule: 'TH-BEH-001',
      target: 'session:s-1',
      expiresAt: 5,
    });
    const guard = createGuard({ mode: 'enforce', verdicts: s });
    let err: unknown;
    try {
      guard.check('hello', 'prompt', contextWithIdentity({ session: 's-1', user: 'u-1' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TracehoundBlockedError);
    expect(err).toMatchObject({
      code: 'TRACEHOUND_BLOCKED',
      ruleIds: ['TH-BEH-001'],
      verdict: { decision: 'block', target: 'session:s-1' },
    });
    expect(s.queries).toEqual([{ session: 's-1', user: 'u-1', apiKeyFingerprint: undefined }]);
    // Outputs and calls without identity are not verdict-checked.
    expect(() => guard.check('hello', 'prompt')).not.toThrow();
    expect(() => guard.check('x', 'output', contextWithIdentity({ session: 's-1' }))).not.toThrow();
    expect(() => guard.checkAccess({ tool: 'shell' })).toThrow(TracehoundBlockedError);
  });

  it('lets one call per interval through a throttle; shadow mode never throws', () => {
    const c = clock();
    const guard = createGuard({
      mode: 'enforce',
      verdicts: source({ decision: 'throttle', reason: 'spend', target: 'api_key:k' }),
      throttleIntervalMs: 1000,
      clock: c.now,
    });
    expect(guard.checkAccess({ apiKeyFingerprint: 'k' })?.decision).toBe('throttle');
    expect(() => guard.checkAccess({ apiKeyFingerprint: 'k' })).toThrow(TracehoundBlockedError);
    c.advance(1000);
    expect(() => guard.checkAccess({ apiKeyFingerprint: 'k' })).not.toThrow();
    const shadow = createGuard({
      mode: 'shadow',
      verdicts: source({ decision: 'block', reason: 'r', target: 'session:s' }),
    });
    expect(shadow.checkAccess({ session: 's' })?.decision).toBe('block');
  });
});
