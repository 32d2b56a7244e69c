/**
 * Client of the processor's verdict API (GET /v1/verdict): "may this session / user / API key / tool proceed?".
 * The guard runs synchronously before each model call, so lookups are answered from a cache that is refreshed in the
 * background; a cached verdict older than the staleness bound (maxAgeMs) is never used. Without a fresh verdict
 * (first call of an identity, API unreachable) the client fails open (allow) or closed (block), by setting.
 */
import { internalError } from '../safe.js';

export type VerdictDecision = 'allow' | 'throttle' | 'block';

/** Who is asking: any subset; the processor answers with the strongest verdict among them. */
export interface VerdictQuery {
  session?: string;
  user?: string;
  apiKeyFingerprint?: string;
  tool?: string;
}

export interface VerdictAnswer {
  decision: VerdictDecision;
  reason: string;
  rule?: string;
  /** "session:s-1" etc. when a verdict applies. */
  target?: string;
  /** When the verdict itself ends (ms since the epoch). */
  expiresAt?: number;
  /** cache: a fresh answer from the API; fail-open / fail-closed: no fresh answer was available. */
  source: 'cache' | 'fail-open' | 'fail-closed';
}

export interface VerdictClientOptions {
  /** Base URL of the processor's verdict API, e.g. http://127.0.0.1:4322. */
  url: string;
  /** Bearer token (response.api.token of the processor). */
  token: string;
  /** Staleness bound: cached verdicts older than this are not used (default 5000, the processor's default). */
  maxAgeMs?: number;
  /** Identities looked up within this window are refreshed in the background (default 10 × maxAgeMs). */
  activeWindowMs?: number;
  /** Block when no fresh verdict is available (default false: allow). */
  failClosed?: boolean;
  /** Per-request timeout (default 1000 ms). */
  timeoutMs?: number;
  /** Most identities cached (default 10 000; least recently used dropped). */
  maxEntries?: number;
  /** Background refresh period (default maxAgeMs / 2; 0: no timer, call refresh() yourself). */
  refreshIntervalMs?: number;
  clock?: () => number;
  fetch?: typeof fetch;
}

interface Entry {
  query: VerdictQuery;
  answer?: Omit<VerdictAnswer, 'source'>;
  fetchedAt: number;
  usedAt: number;
  inflight?: Promise<void>;
}

const PARAMS: Array<[keyof VerdictQuery, string]> = [
  ['session', 'session'],
  ['user', 'user'],
  ['apiKeyFingerprint', 'api_key'],
  ['tool', 'tool'],
];
const DECISIONS = new Set<VerdictDecision>(['allow', 'throttle', 'block']);
const MAX_ID = 256;

function searchParams(q: VerdictQuery): URLSearchParams | undefined {
  const p = new URLSearchParams();
  for (const [k, name] of PARAMS) {
    const v = q[k];
    if (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID) p.set(name, v);
  }
  return p.size > 0 ? p : undefined;
}

export interface VerdictClient {
  readonly failClosed: boolean;
  readonly maxAgeMs: number;
  /** Synchronous: the cached verdict when fresh, else the fail-open/closed answer (and a fetch is started). */
  lookup(q: VerdictQuery): VerdictAnswer;
  /** Fetch now and cache (call at session start so the first call has a fresh verdict). */
  prefetch(q: VerdictQuery): Promise<VerdictAnswer>;
  /** Refresh every identity used within the active window (what the background timer does). */
  refresh(): Promise<void>;
  shutdown(): void;
}

export function createVerdictClient(opts: VerdictClientOptions): VerdictClient {
  let base = opts.url;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const maxAgeMs = opts.maxAgeMs ?? 5000;
  const activeWindowMs = opts.activeWindowMs ?? 10 * maxAgeMs;
  const failClosed = opts.failClosed ?? false;
  const timeoutMs = opts.timeoutMs ?? 1000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const clock = opts.clock ?? Date.now;
  const doFetch = opts.fetch ?? fetch;
  const cache = new Map<string, Entry>();
  const interval = opts.refreshIntervalMs ?? Math.max(100, Math.floor(maxAgeMs / 2));
  let timer: NodeJS.Timeout | undefined;
  if (interval > 0) {
    timer = setInterval(() => void refresh(), interval);
    timer.unref();
  }

  function keyOf(q: VerdictQuery): string {
    return PARAMS.map(([k]) => q[k] ?? '').join('\u0000');
  }

  async function load(e: Entry): Promise<void> {
    const params = searchParams(e.query);
    if (!params) return;
    try {
      const res = await doFetch(`${base}/v1/verdict?${params.toString()}`, {
        headers: { authorization: `Bearer ${opts.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return; // the entry stays stale: lookups fail open or closed until the API answers again
      }
      const body = (await res.json()) as Record<string, unknown>;
      const decision = body.decision as VerdictDecision;
      if (!DECISIONS.has(decision)) return;
      const expiresAt = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : undefined;
      e.answer = {
        decision,
        reason: typeof body.reason === 'string' ? body.reason : '',
        ...(typeof body.rule === 'string' ? { rule: body.rule } : {}),
        ...(typeof body.target === 'string' ? { target: body.target } : {}),
        ...(expiresAt !== undefined && Number.isFinite(expiresAt) ? { expiresAt } : {}),
      };
      e.fetchedAt = clock();
    } catch (err) {
      if ((err as Error)?.name !== 'TimeoutError') internalError('verdict API', err);
    }
  }

  function start(e: Entry): Promise<void> {
    e.inflight ??= load(e).finally(() => {
      e.inflight = undefined;
    });
    return e.inflight;
  }

  function entry(q: VerdictQuery): Entry {
    const key = keyOf(q);
    let e = cache.get(key);
    if (e) {
      cache.delete(key); // re-insert: Map order is the LRU order
    } else {
      e = { query: { ...q }, fetchedAt: -Infinity, usedAt: 0 };
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, e);
    e.usedAt = clock();
    return e;
  }

  function answer(e: Entry): VerdictAnswer {
    const now = clock();
    if (e.answer && now - e.fetchedAt <= maxAgeMs) {
      // A verdict whose own TTL ended since it was fetched no longer applies.
      if (e.answer.decision !== 'allow' && e.answer.expiresAt !== undefined && e.answer.expiresAt <= now) {
        return { decision: 'allow', reason: 'verdict expired', source: 'cache' };
      }
      return { ...e.answer, source: 'cache' };
    }
    return failClosed
      ? {
          decision: 'block',
          reason: 'no fresh verdict (verdict API not answered yet or unreachable): failing closed',
          source: 'fail-closed',
        }
      : { decision: 'allow', reason: 'no fresh verdict: failing open', source: 'fail-open' };
  }

  function lookup(q: VerdictQuery): VerdictAnswer {
    if (!searchParams(q)) return { decision: 'allow', reason: 'no identity to look up', source: 'cache' };
    const e = entry(q);
    // Refresh ahead of the bound, so an identity in use keeps a fresh verdict.
    if (clock() - e.fetchedAt > maxAgeMs / 2) void start(e);
    return answer(e);
  }

  async function prefetch(q: VerdictQuery): Promise<VerdictAnswer> {
    if (!searchParams(q)) return { decision: 'allow', reason: 'no identity to look up', source: 'cache' };
    const e = entry(q);
    await start(e);
    return answer(e);
  }

  async function refresh(): Promise<void> {
    const now = clock();
    const due = [...cache.values()].filter((e) => now - e.usedAt <= activeWindowMs);
    // Bounded concurrency: a burst of identities must not open thousands of sockets at once.
    for (let i = 0; i < due.length; i += 16) await Promise.all(due.slice(i, i + 16).map(start));
  }

  return {
    failClosed,
    maxAgeMs,
    lookup,
    prefetch,
    refresh,
    shutdown() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
