import type { Counter, Gauge, Registry } from 'prom-client';
import { Registry as PromRegistry } from 'prom-client';
import type { Finding, Interaction } from '@tracehound/core';
import type { CaptureMode } from '@tracehound/core/privacy';
import type { Suppression } from '../detect/config.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { getOrCreateCounter, getOrCreateGauge } from '../metrics/registry.js';
import type { FindingSink } from '../output/sink.js';
import type { StoreConfig } from './config.js';
import { liveBytes, openDatabase, type Db } from './db.js';
import { StoreQueries } from './queries.js';
import {
  ContentCapture,
  findingSummary,
  nsToMs,
  severityNum,
  spanSummary,
  type AnalystVerdict,
  type FindingSummary,
  type VerdictRecord,
} from './records.js';

type Write =
  | { kind: 'finding'; f: Finding }
  | { kind: 'span'; ix: Interaction; findings: number; suppressed: number; sampled: boolean };

export type EvictionReason = 'rows' | 'bytes' | 'age';

export interface FindingsStoreOptions {
  capture: { mode: CaptureMode; hashKey?: string };
  clock?: () => number;
  registry?: Registry;
  logger?: Logger;
}

const DAY_MS = 86_400_000;

/**
 * The findings store: a FindingSink (and span recorder) whose writes are queued in memory (bounded, drops counted)
 * and committed in batched transactions off the request path, plus the queries of the findings API. Analyst verdicts
 * and API suppressions are written at once (they come from the API, not the pipeline).
 */
export class FindingsStore implements FindingSink {
  readonly name = 'store';
  readonly queries: StoreQueries;
  private readonly db: Db;
  private queue: Write[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly clock: () => number;
  private readonly logger: Logger;
  private readonly capture: ContentCapture;
  private readonly listeners = new Set<(f: FindingSummary[]) => void>();
  private counts = { findings: 0, spans: 0 };
  readonly stats = { written: 0, dropped: 0, failed: 0, evictions: { rows: 0, bytes: 0, age: 0 } };
  private readonly m: {
    written: Counter<'kind'>;
    dropped: Counter;
    evicted: Counter<'reason'>;
    queued: Gauge;
  };
  private readonly insertFinding;
  private readonly insertSpan;
  private readonly upsertSessionSpan;
  private readonly upsertSessionFinding;
  private readonly enqueueReview;

  constructor(
    private readonly config: StoreConfig,
    opts: FindingsStoreOptions,
  ) {
    this.clock = opts.clock ?? Date.now;
    this.logger = (opts.logger ?? silentLogger).child({ component: 'store' });
    this.capture = new ContentCapture(opts.capture.mode, opts.capture.hashKey, config.maxContentChars);
    this.db = openDatabase(config.path);
    this.queries = new StoreQueries(this.db);
    const reg = opts.registry ?? new PromRegistry();
    this.m = {
      written: getOrCreateCounter(reg, {
        name: 'tracehound_store_writes_total',
        help: 'Rows committed to the findings store, by kind (finding | span).',
        labelNames: ['kind'] as const,
      }),
      dropped: getOrCreateCounter(reg, {
        name: 'tracehound_store_dropped_total',
        help: 'Store writes dropped: the write queue was full, or a batch failed to commit.',
      }),
      evicted: getOrCreateCounter(reg, {
        name: 'tracehound_store_evictions_total',
        help: 'Findings and span summaries evicted from the store, by reason (rows | bytes | age).',
        labelNames: ['reason'] as const,
      }),
      queued: getOrCreateGauge(reg, { name: 'tracehound_store_queued', help: 'Writes waiting for the next batch.' }),
    };
    this.counts.findings = (this.db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n;
    this.counts.spans = (this.db.prepare('SELECT count(*) AS n FROM spans').get() as { n: number }).n;
    this.insertFinding = this.db.prepare(
      `INSERT OR IGNORE INTO findings (id, time_ms, rule_id, rule_name, category, severity, severity_num, evidence,
       trace_id, span_id, session, user, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    this.insertSpan = this.db.prepare(
      'INSERT INTO spans (trace_id, span_id, start_ms, session, json) VALUES (?,?,?,?,?)',
    );
    this.upsertSessionSpan = this.db.prepare(
      `INSERT INTO sessions (id, user, first_ms, last_ms, spans, sampled) VALUES (?,?,?,?,1,?)
       ON CONFLICT(id) DO UPDATE SET user = coalesce(user, excluded.user), first_ms = min(first_ms, excluded.first_ms),
       last_ms = max(last_ms, excluded.last_ms), spans = spans + 1, sampled = max(sampled, excluded.sampled)`,
    );
    this.upsertSessionFinding = this.db.prepare(
      `INSERT INTO sessions (id, user, first_ms, last_ms, findings, max_sev) VALUES (?,?,?,?,1,?)
       ON CONFLICT(id) DO UPDATE SET user = coalesce(user, excluded.user), first_ms = min(first_ms, excluded.first_ms),
       last_ms = max(last_ms, excluded.last_ms), findings = findings + 1, max_sev = max(max_sev, excluded.max_sev)`,
    );
    this.enqueueReview = this.db.prepare(
      `INSERT INTO review_queue (session, reason, added_ms) VALUES (?,?,?)
       ON CONFLICT(session) DO UPDATE SET reason = 'flagged' WHERE excluded.reason = 'flagged'`,
    );
  }

  get path(): string {
    return this.config.path;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Called with the summaries of each committed batch's findings (live updates). */
  onFindings(fn: (f: FindingSummary[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  write(findings: readonly Finding[]): void {
    for (const f of findings) this.enqueue({ kind: 'finding', f });
  }

  /** Queue one analysed span's summary (its content is captured at commit time, off the request path). */
  recordSpan(ix: Interaction, counts: { findings: number; suppressed: number; sampled: boolean }): void {
    this.enqueue({ kind: 'span', ix, ...counts });
  }

  private enqueue(w: Write): void {
    if (this.closed || this.queue.length >= this.config.maxQueue) {
      this.stats.dropped++;
      this.m.dropped.inc();
      return;
    }
    this.queue.push(w);
    this.m.queued.set(this.queue.length);
    if (this.queue.length >= this.config.batchSize) this.immediate ??= setImmediate(() => this.drainSome());
    else if (!this.timer) {
      this.timer = setTimeout(() => this.drainSome(), this.config.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Commit one batch; schedule the next when more is waiting (so a backlog never blocks the event loop long). */
  private drainSome(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.immediate = undefined;
    this.commitBatch();
    if (this.queue.length > 0) this.immediate ??= setImmediate(() => this.drainSome());
  }

  private commitBatch(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.config.batchSize);
    this.m.queued.set(this.queue.length);
    const added: FindingSummary[] = [];
    try {
      this.db.transaction(() => {
        for (const w of batch) {
          if (w.kind === 'finding') {
            if (this.putFinding(w.f)) added.push(findingSummary(w.f));
          } else this.putSpan(w);
        }
        this.enforceBounds();
      })();
      this.stats.written += batch.length;
      this.m.written.inc({ kind: 'finding' }, added.length);
      this.m.written.inc({ kind: 'span' }, batch.filter((w) => w.kind === 'span').length);
    } catch (err) {
      this.stats.failed++;
      this.stats.dropped += batch.length;
      this.m.dropped.inc(batch.length);
      this.logger.warn({ code: 'TH_STORE_WRITE', error: (err as Error).message }, 'store batch failed to commit');
      return;
    }
    if (added.length > 0) for (const fn of this.listeners) fn(added);
  }

  private putFinding(f: Finding): boolean {
    const time = nsToMs(f.timeUnixNano);
    const c = f.context;
    const r = this.insertFinding.run(
      f.id,
      time,
      f.rule.id,
      f.rule.name,
      f.rule.category,
      f.severity,
      severityNum(f.severity),
      f.evidence,
      f.traceId,
      f.spanId,
      c.session ?? null,
      c.user ?? null,
      JSON.stringify({ ...f, timeUnixNano: f.timeUnixNano.toString() }),
    );
    if (r.changes === 0) return false;
    this.counts.findings++;
    if (c.session) {
      this.upsertSessionFinding.run(c.session, c.user ?? null, time, time, severityNum(f.severity));
      this.enqueueReview.run(c.session, 'flagged', this.clock());
    }
    return true;
  }

  private putSpan(w: Extract<Write, { kind: 'span' }>): void {
    const s = spanSummary(w.ix, this.capture, w);
    const start = nsToMs(w.ix.timing.startNs);
    this.insertSpan.run(s.traceId, s.spanId, start, s.session, JSON.stringify(s));
    this.counts.spans++;
    if (s.session) {
      this.upsertSessionSpan.run(s.session, s.user, start, start, w.sampled ? 1 : 0);
      if (w.sampled) this.enqueueReview.run(s.session, 'sample', this.clock());
    }
  }

  /** Age, row and byte bounds, inside the batch's transaction; every evicted row is counted by reason. */
  private enforceBounds(): void {
    const r = this.config.retention;
    const cutoff = this.clock() - r.maxAgeDays * DAY_MS;
    const aged =
      this.db.prepare('DELETE FROM findings WHERE time_ms < ?').run(cutoff).changes +
      this.db.prepare('DELETE FROM spans WHERE start_ms < ?').run(cutoff).changes;
    if (aged > 0) {
      this.recount();
      this.evicted('age', aged);
    }
    this.db.prepare('DELETE FROM sessions WHERE last_ms < ?').run(cutoff);
    this.db.prepare('DELETE FROM review_queue WHERE added_ms < ?').run(cutoff);
    let rows = 0;
    if (this.counts.findings > r.maxFindings)
      rows += this.evictOldest('findings', this.counts.findings - r.maxFindings);
    if (this.counts.spans > r.maxSpans) rows += this.evictOldest('spans', this.counts.spans - r.maxSpans);
    if (rows > 0) this.evicted('rows', rows);
    let bytes = 0;
    for (let guard = 0; guard < 100 && liveBytes(this.db) > r.maxBytes; guard++) {
      const n = this.evictOldestShare();
      if (n === 0) break;
      bytes += n;
    }
    if (bytes > 0) this.evicted('bytes', bytes);
    if (aged + rows + bytes > 0) {
      this.db.pragma('incremental_vacuum');
      this.db.exec(
        `DELETE FROM sessions WHERE NOT EXISTS (SELECT 1 FROM spans WHERE spans.session = sessions.id)
         AND NOT EXISTS (SELECT 1 FROM findings WHERE findings.session = sessions.id)`,
      );
    }
  }

  /**
   * One step of the byte bound: both tables lose their rows up to a common time — the earlier of the two tables'
   * 5 % quantiles — so findings and span summaries keep covering the same window (a table of a few findings is not
   * emptied for the bulk of spans, nor the reverse). Removes at least the oldest row of one table.
   */
  private evictOldestShare(): number {
    const quantile = (table: 'findings' | 'spans', col: string, n: number) =>
      n === 0
        ? Infinity
        : (
            this.db
              .prepare(`SELECT ${col} AS t FROM ${table} ORDER BY ${col}, seq LIMIT 1 OFFSET ?`)
              .get(Math.ceil(n / 20) - 1) as { t: number }
          ).t;
    const cutoff = Math.min(
      quantile('findings', 'time_ms', this.counts.findings),
      quantile('spans', 'start_ms', this.counts.spans),
    );
    if (cutoff === Infinity) return 0;
    const f = this.db.prepare('DELETE FROM findings WHERE time_ms <= ?').run(cutoff).changes;
    const sp = this.db.prepare('DELETE FROM spans WHERE start_ms <= ?').run(cutoff).changes;
    this.counts.findings -= f;
    this.counts.spans -= sp;
    return f + sp;
  }

  private evictOldest(table: 'findings' | 'spans', n: number): number {
    const col = table === 'findings' ? 'time_ms' : 'start_ms';
    const changes = this.db
      .prepare(`DELETE FROM ${table} WHERE seq IN (SELECT seq FROM ${table} ORDER BY ${col}, seq LIMIT ?)`)
      .run(n).changes;
    this.counts[table] -= changes;
    return changes;
  }

  private recount(): void {
    this.counts.findings = (this.db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n;
    this.counts.spans = (this.db.prepare('SELECT count(*) AS n FROM spans').get() as { n: number }).n;
  }

  private evicted(reason: EvictionReason, n: number): void {
    this.stats.evictions[reason] += n;
    this.m.evicted.inc({ reason }, n);
  }

  // ---- analyst verdicts and suppressions (written at once: they come from the API) ----

  addVerdict(v: {
    findingId: string;
    ruleId: string;
    verdict: AnalystVerdict;
    note?: string;
    suppression?: string;
  }): VerdictRecord {
    const at = this.clock();
    this.db
      .prepare('INSERT INTO verdicts (finding_id, rule_id, verdict, note, at_ms, suppression) VALUES (?,?,?,?,?,?)')
      .run(v.findingId, v.ruleId, v.verdict, v.note ?? null, at, v.suppression ?? null);
    return {
      findingId: v.findingId,
      verdict: v.verdict,
      note: v.note ?? null,
      at: new Date(at).toISOString(),
      suppression: v.suppression ?? null,
    };
  }

  /** Mark a session of the review queue as reviewed. False when it is not in the queue. */
  markReviewed(session: string): boolean {
    return (
      this.db.prepare('UPDATE review_queue SET reviewed_ms = ? WHERE session = ?').run(this.clock(), session).changes >
      0
    );
  }

  /** API suppressions persisted across restarts (expired ones are dropped on load). */
  loadSuppressions(): Suppression[] {
    this.db.prepare('DELETE FROM suppressions WHERE expires_ms <= ?').run(this.clock());
    return (this.db.prepare('SELECT json FROM suppressions ORDER BY rowid').all() as Array<{ json: string }>).map(
      (r) => JSON.parse(r.json) as Suppression,
    );
  }

  saveSuppression(s: Suppression): void {
    this.db
      .prepare('INSERT OR REPLACE INTO suppressions (id, expires_ms, json) VALUES (?,?,?)')
      .run(s.id, Date.parse(s.expires), JSON.stringify(s));
  }

  removeSuppression(id: string): void {
    this.db.prepare('DELETE FROM suppressions WHERE id = ?').run(id);
  }

  status() {
    return {
      enabled: true,
      path: this.config.path,
      findings: this.counts.findings,
      spans: this.counts.spans,
      sessions: (this.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n,
      bytes: liveBytes(this.db),
      evictions: { ...this.stats.evictions },
      droppedWrites: this.stats.dropped,
      queued: this.queue.length,
    };
  }

  async forceFlush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = undefined;
    while (this.queue.length > 0) this.commitBatch();
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    await this.forceFlush();
    this.closed = true;
    this.listeners.clear();
    this.db.close();
  }
}
