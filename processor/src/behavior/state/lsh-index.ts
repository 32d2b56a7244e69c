import { LruMap } from './lru.js';
import { bandKeys, similarity } from './minhash.js';

/** A group of near-duplicate prompts: its first signature, the distinct sources (sessions) that sent one, recent spans. */
export interface Cluster {
  readonly id: number;
  readonly signature: Uint32Array;
  lastSeen: number;
  firstSource: string;
  firstSourceAt: number;
  /** Other sources → last seen, insertion order = recency; null until a second source joins (most clusters). */
  members: Map<string, number> | null;
  spans: string[];
  flagged: number;
  dead: boolean;
  /** Until when the cluster's campaign finding is quiet (saves the dedupe lookup on every prompt of a big cluster). */
  quietUntil: number;
}

export interface IndexOptions {
  bands: number;
  similarity: number;
  windowMs: number;
  maxClusters: number;
  maxMembers: number;
  maxSpans: number;
}

/**
 * Locality-sensitive index of MinHash signatures. A new signature is compared only with the clusters found under its
 * band keys (at most `bands` candidates), never with all others, so the cost per prompt does not grow with the number
 * of sessions. Clusters and band keys are capped and age out after the window (LRU on Map insertion order).
 */
export class LshIndex {
  private readonly clusters = new LruMap<number, Cluster>();
  /** Band key → cluster; recency is the last time the key was (re)assigned. */
  private readonly bandMap = new LruMap<number, Cluster>();
  private nextId = 1;
  private readonly clusterEvictions = { lru: 0, ttl: 0 };
  private readonly bandEvictions = { lru: 0, ttl: 0 };

  constructor(private readonly opt: IndexOptions) {}

  /** Views for stats and metrics: clusters and band keys, each with its cap and evictions. */
  stores(): Array<{ name: string; size: number; maxEntries: number; evictions: Record<'lru' | 'ttl', number> }> {
    const self = this;
    return [
      {
        name: 'campaign.clusters',
        get size() {
          return self.clusters.size;
        },
        maxEntries: this.opt.maxClusters,
        evictions: this.clusterEvictions,
      },
      {
        name: 'campaign.bands',
        get size() {
          return self.bandMap.size;
        },
        maxEntries: this.opt.maxClusters * this.opt.bands,
        evictions: this.bandEvictions,
      },
    ];
  }

  get size(): number {
    return this.clusters.size;
  }

  get bandEntries(): number {
    return this.bandMap.size;
  }

  /** Add one prompt's signature from `source`; returns its cluster and how many distinct sources it has in the window. */
  add(
    sig: Uint32Array,
    source: string,
    spanId: string,
    flagged: boolean,
    now: number,
  ): { cluster: Cluster; sources: number; similarity: number } {
    const keys = bandKeys(sig, this.opt.bands);
    let best: Cluster | undefined;
    let bestSim = -1;
    for (const k of keys) {
      const c = this.bandMap.node(k)?.value;
      if (!c || c === best) continue;
      if (c.dead || now - c.lastSeen > this.opt.windowMs) {
        this.bandMap.delete(k);
        this.bandEvictions.ttl++;
        continue;
      }
      const s = similarity(sig, c.signature);
      if (s >= this.opt.similarity && s > bestSim) {
        best = c;
        bestSim = s;
      }
    }
    const cluster = best ?? this.create(sig, source, now);
    this.touch(cluster, now);
    this.join(cluster, source, now);
    cluster.spans.push(spanId);
    if (cluster.spans.length > this.opt.maxSpans) cluster.spans.shift();
    if (flagged) cluster.flagged++;
    for (const k of keys) this.bandMap.set(k, cluster, now);
    while (this.bandMap.size > this.opt.maxClusters * this.opt.bands) {
      this.bandMap.shift();
      this.bandEvictions.lru++;
    }
    this.sweep(now);
    return { cluster, sources: this.sources(cluster, now), similarity: best ? bestSim : 1 };
  }

  clear(): void {
    this.clusters.clear();
    this.bandMap.clear();
  }

  private create(sig: Uint32Array, source: string, now: number): Cluster {
    const c: Cluster = {
      id: this.nextId++,
      signature: sig,
      lastSeen: now,
      firstSource: source,
      firstSourceAt: now,
      members: null,
      spans: [],
      flagged: 0,
      dead: false,
      quietUntil: 0,
    };
    this.clusters.set(c.id, c, now);
    while (this.clusters.size > this.opt.maxClusters) this.evictHead('lru');
    return c;
  }

  private touch(c: Cluster, now: number): void {
    c.lastSeen = now;
    const n = this.clusters.node(c.id);
    if (n) this.clusters.touch(n, now);
  }

  private join(c: Cluster, source: string, now: number): void {
    if (source === c.firstSource) {
      c.firstSourceAt = now;
      return;
    }
    const m = (c.members ??= new Map());
    m.delete(source);
    m.set(source, now);
    if (m.size > this.opt.maxMembers) m.delete(m.keys().next().value as string);
  }

  private sources(c: Cluster, now: number): number {
    const since = now - this.opt.windowMs;
    let n = c.firstSourceAt >= since ? 1 : 0;
    if (c.members) for (const t of c.members.values()) if (t >= since) n++;
    return n;
  }

  /** Clusters idle past the window leave from the head (least recently touched), a couple per call. */
  private sweep(now: number): void {
    for (let i = 0; i < 2; i++) {
      const first = this.clusters.oldest();
      if (!first || now - first.value.lastSeen <= this.opt.windowMs) return;
      this.evictHead('ttl');
    }
  }

  private evictHead(reason: 'lru' | 'ttl'): void {
    const first = this.clusters.shift();
    if (!first) return;
    first.value.dead = true;
    this.clusterEvictions[reason]++;
  }
}
