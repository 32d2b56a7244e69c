import type { Finding } from '@tracehound/core';
import type { Db } from './db.js';
import {
  findingSummary,
  iso,
  severityOf,
  type AnalystVerdict,
  type FindingSummary,
  type SessionSummary,
  type SpanSummary,
  type VerdictRecord,
} from './records.js';

export interface FindingFilter {
  severity?: string[];
  rule?: string;
  category?: string;
  user?: string;
  session?: string;
  fromMs?: number;
  toMs?: number;
  /** Full-text query over evidence, rule id and rule name (words; each must occur, prefix match). */
  q?: string;
  limit: number;
  cursor?: Cursor;
}

/** Keyset position: the last item of the previous page (newest first). */
export interface Cursor {
  t: number;
  s: number | string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.s])).toString('base64url');
}

/** Undefined when the text is not a cursor this API issues. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || !Number.isSafeInteger(v[0])) return undefined;
    if (!(Number.isSafeInteger(v[1]) || (typeof v[1] === 'string' && v[1].length <= 512))) return undefined;
    return { t: v[0] as number, s: v[1] as number | string };
  } catch {
    return undefined;
  }
}

interface FindingRow {
  seq: number;
  time_ms: number;
  json: string;
  verdict: AnalystVerdict | null;
}

interface SessionRow {
  id: string;
  user: string | null;
  first_ms: number;
  last_ms: number;
  spans: number;
  findings: number;
  max_sev: number;
  sampled: number;
}

/** FTS5 query from free text: each word quoted (no operators from the user), prefix-matched, all required. */
function ftsQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}_-]+/gu)?.slice(0, 16) ?? [];
  if (words.length === 0) return undefined;
  return words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}

const LATEST_VERDICT =
  '(SELECT verdict FROM verdicts v WHERE v.finding_id = f.id ORDER BY v.seq DESC LIMIT 1) AS verdict';

export function parseFinding(json: string): Finding {
  const o = JSON.parse(json) as Finding & { timeUnixNano: string };
  return { ...o, timeUnixNano: BigInt(o.timeUnixNano) };
}

const sessionSummary = (r: SessionRow): SessionSummary => ({
  id: r.id,
  user: r.user,
  firstSeen: iso(r.first_ms),
  lastSeen: iso(r.last_ms),
  spans: r.spans,
  findings: r.findings,
  maxSeverity: severityOf(r.max_sev),
  sampled: r.sampled === 1,
});

/** The read side of the store: what the findings API asks. */
export class StoreQueries {
  constructor(private readonly db: Db) {}

  listFindings(f: FindingFilter): { findings: FindingSummary[]; nextCursor: string | null } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.severity?.length) {
      where.push(`f.severity IN (${f.severity.map(() => '?').join(',')})`);
      args.push(...f.severity);
    }
    for (const [col, v] of [
      ['rule_id', f.rule],
      ['category', f.category],
      ['user', f.user],
      ['session', f.session],
    ] as const) {
      if (v === undefined) continue;
      where.push(`f.${col} = ?`);
      args.push(v);
    }
    if (f.fromMs !== undefined) {
      where.push('f.time_ms >= ?');
      args.push(f.fromMs);
    }
    if (f.toMs !== undefined) {
      where.push('f.time_ms < ?');
      args.push(f.toMs);
    }
    if (f.q !== undefined) {
      const q = ftsQuery(f.q);
      if (q === undefined) return { findings: [], nextCursor: null };
      where.push('f.seq IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)');
      args.push(q);
    }
    if (f.cursor) {
      where.push('(f.time_ms < ? OR (f.time_ms = ? AND f.seq < ?))');
      args.push(f.cursor.t, f.cursor.t, f.cursor.s);
    }
    const rows = this.db
      .prepare(
        `SELECT f.seq, f.time_ms, f.json, ${LATEST_VERDICT} FROM findings f
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.time_ms DESC, f.seq DESC LIMIT ?`,
      )
      .all(...args, f.limit + 1) as FindingRow[];
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    return {
      findings: page.map((r) => findingSummary(parseFinding(r.json), r.verdict)),
      nextCursor: rows.length > f.limit && last ? encodeCursor({ t: last.time_ms, s: last.seq }) : null,
    };
  }

  getFinding(id: string): { finding: Finding; verdict: AnalystVerdict | null } | undefined {
    const r = this.db
      .prepare(`SELECT f.seq, f.time_ms, f.json, ${LATEST_VERDICT} FROM findings f WHERE f.id = ?`)
      .get(id) as FindingRow | undefined;
    return r ? { finding: parseFinding(r.json), verdict: r.verdict } : undefined;
  }

  verdictsOf(findingId: string): VerdictRecord[] {
    return (
      this.db
        .prepare('SELECT finding_id, verdict, note, at_ms, suppression FROM verdicts WHERE finding_id = ? ORDER BY seq')
        .all(findingId) as Array<{
        finding_id: string;
        verdict: AnalystVerdict;
        note: string | null;
        at_ms: number;
        suppression: string | null;
      }>
    ).map((r) => ({
      findingId: r.finding_id,
      verdict: r.verdict,
      note: r.note,
      at: iso(r.at_ms),
      suppression: r.suppression,
    }));
  }

  /** Span summaries of a trace (and of extra span ids), in start order; bounded. */
  spansOfTrace(traceId: string, limit = 200): SpanSummary[] {
    return (
      this.db
        .prepare('SELECT json FROM spans WHERE trace_id = ? ORDER BY start_ms, seq LIMIT ?')
        .all(traceId, limit) as Array<{
        json: string;
      }>
    ).map((r) => JSON.parse(r.json) as SpanSummary);
  }

  session(id: string): SessionSummary | undefined {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return r ? sessionSummary(r) : undefined;
  }

  /** Every stored interaction of a session in start order, its findings inline (bounded by `limit`). */
  timeline(id: string, limit = 2000): Array<SpanSummary & { findingsInline: FindingSummary[] }> {
    const spans = (
      this.db
        .prepare('SELECT json FROM spans WHERE session = ? ORDER BY start_ms, seq LIMIT ?')
        .all(id, limit) as Array<{
        json: string;
      }>
    ).map((r) => JSON.parse(r.json) as SpanSummary);
    const findings = (
      this.db
        .prepare(
          `SELECT f.seq, f.time_ms, f.json, ${LATEST_VERDICT} FROM findings f WHERE f.session = ? ORDER BY f.time_ms, f.seq LIMIT ?`,
        )
        .all(id, limit) as FindingRow[]
    ).map((r) => findingSummary(parseFinding(r.json), r.verdict));
    const bySpan = new Map<string, FindingSummary[]>();
    for (const f of findings) {
      const k = `${f.traceId}/${f.spanId}`;
      bySpan.set(k, [...(bySpan.get(k) ?? []), f]);
    }
    return spans.map((s) => ({ ...s, findingsInline: bySpan.get(`${s.traceId}/${s.spanId}`) ?? [] }));
  }

  listSessions(o: { limit: number; cursor?: Cursor; flagged?: boolean }): {
    sessions: SessionSummary[];
    nextCursor: string | null;
  } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (o.flagged !== undefined) where.push(o.flagged ? 'findings > 0' : 'findings = 0');
    if (o.cursor) {
      where.push('(last_ms < ? OR (last_ms = ? AND id < ?))');
      args.push(o.cursor.t, o.cursor.t, String(o.cursor.s));
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM sessions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY last_ms DESC, id DESC LIMIT ?`,
      )
      .all(...args, o.limit + 1) as SessionRow[];
    const page = rows.slice(0, o.limit);
    const last = page.at(-1);
    return {
      sessions: page.map(sessionSummary),
      nextCursor: rows.length > o.limit && last ? encodeCursor({ t: last.last_ms, s: last.id }) : null,
    };
  }

  reviewQueue(o: { kind: 'flagged' | 'sample' | 'all'; limit: number; cursor?: Cursor }): {
    items: Array<SessionSummary & { reason: 'flagged' | 'sample'; reviewed: boolean }>;
    nextCursor: string | null;
  } {
    const where: string[] = [];
    const args: unknown[] = [];
    if (o.kind !== 'all') {
      where.push('q.reason = ?');
      args.push(o.kind);
    }
    if (o.cursor) {
      where.push('(q.added_ms < ? OR (q.added_ms = ? AND q.session < ?))');
      args.push(o.cursor.t, o.cursor.t, String(o.cursor.s));
    }
    const rows = this.db
      .prepare(
        `SELECT s.*, q.reason, q.added_ms, q.reviewed_ms FROM review_queue q JOIN sessions s ON s.id = q.session
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.added_ms DESC, q.session DESC LIMIT ?`,
      )
      .all(...args, o.limit + 1) as Array<
      SessionRow & { reason: 'flagged' | 'sample'; added_ms: number; reviewed_ms: number | null }
    >;
    const page = rows.slice(0, o.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({ ...sessionSummary(r), reason: r.reason, reviewed: r.reviewed_ms !== null })),
      nextCursor: rows.length > o.limit && last ? encodeCursor({ t: last.added_ms, s: last.id }) : null,
    };
  }

  /** Findings per rule and verdicts per rule and verdict (in the time range, by finding time / verdict time). */
  ruleCounts(
    fromMs: number,
    toMs: number,
  ): {
    findings: Map<string, number>;
    verdicts: Map<string, Record<AnalystVerdict, number>>;
  } {
    const findings = new Map<string, number>();
    for (const r of this.db
      .prepare('SELECT rule_id, count(*) AS n FROM findings WHERE time_ms >= ? AND time_ms < ? GROUP BY rule_id')
      .all(fromMs, toMs) as Array<{ rule_id: string; n: number }>)
      findings.set(r.rule_id, r.n);
    const verdicts = new Map<string, Record<AnalystVerdict, number>>();
    for (const r of this.db
      .prepare(
        'SELECT rule_id, verdict, count(*) AS n FROM verdicts WHERE at_ms >= ? AND at_ms < ? GROUP BY rule_id, verdict',
      )
      .all(fromMs, toMs) as Array<{ rule_id: string; verdict: AnalystVerdict; n: number }>) {
      const v = verdicts.get(r.rule_id) ?? { true_positive: 0, false_positive: 0, benign_true_positive: 0 };
      v[r.verdict] = r.n;
      verdicts.set(r.rule_id, v);
    }
    return { findings, verdicts };
  }

  /** Findings counted per time bucket and category. */
  overTime(fromMs: number, toMs: number, bucketMs: number): Array<{ start: string; counts: Record<string, number> }> {
    const rows = this.db
      .prepare(
        `SELECT CAST((time_ms - ?) / ? AS INTEGER) AS b, category, count(*) AS n FROM findings WHERE time_ms >= ? AND time_ms < ?
         GROUP BY b, category ORDER BY b`,
      )
      .all(fromMs, bucketMs, fromMs, toMs) as Array<{ b: number; category: string; n: number }>;
    const buckets = Math.ceil((toMs - fromMs) / bucketMs);
    const out = Array.from({ length: buckets }, (_, i) => ({
      start: iso(fromMs + i * bucketMs),
      counts: {} as Record<string, number>,
    }));
    for (const r of rows) if (out[r.b]) out[r.b].counts[r.category] = r.n;
    return out;
  }
}
