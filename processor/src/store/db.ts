import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * The store's tables. Findings and span summaries are the bounded bulk (evicted by age, count and bytes); sessions,
 * the review queue, analyst verdicts and API suppressions are small. `findings_fts` indexes evidence, rule id and
 * name (FTS5, external content kept in step by triggers).
 */
const DDL = `
CREATE TABLE IF NOT EXISTS findings (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  time_ms INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  rule_name TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL,
  severity_num INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  session TEXT,
  user TEXT,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_time ON findings(time_ms, seq);
CREATE INDEX IF NOT EXISTS findings_session ON findings(session, time_ms);
CREATE INDEX IF NOT EXISTS findings_trace ON findings(trace_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule_id, time_ms);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_fts USING fts5(evidence, rule_id, rule_name, content='findings', content_rowid='seq');
CREATE TRIGGER IF NOT EXISTS findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts(rowid, evidence, rule_id, rule_name) VALUES (new.seq, new.evidence, new.rule_id, new.rule_name);
END;
CREATE TRIGGER IF NOT EXISTS findings_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts(findings_fts, rowid, evidence, rule_id, rule_name) VALUES ('delete', old.seq, old.evidence, old.rule_id, old.rule_name);
END;
CREATE TABLE IF NOT EXISTS spans (
  seq INTEGER PRIMARY KEY,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  session TEXT,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS spans_time ON spans(start_ms, seq);
CREATE INDEX IF NOT EXISTS spans_session ON spans(session, start_ms);
CREATE INDEX IF NOT EXISTS spans_trace ON spans(trace_id);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user TEXT,
  first_ms INTEGER NOT NULL,
  last_ms INTEGER NOT NULL,
  spans INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0,
  max_sev INTEGER NOT NULL DEFAULT 0,
  sampled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sessions_last ON sessions(last_ms, id);
CREATE TABLE IF NOT EXISTS review_queue (
  session TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  added_ms INTEGER NOT NULL,
  reviewed_ms INTEGER
);
CREATE INDEX IF NOT EXISTS review_added ON review_queue(added_ms, session);
CREATE TABLE IF NOT EXISTS verdicts (
  seq INTEGER PRIMARY KEY,
  finding_id TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  note TEXT,
  at_ms INTEGER NOT NULL,
  suppression TEXT
);
CREATE INDEX IF NOT EXISTS verdicts_finding ON verdicts(finding_id);
CREATE INDEX IF NOT EXISTS verdicts_rule ON verdicts(rule_id);
CREATE TABLE IF NOT EXISTS suppressions (
  id TEXT PRIMARY KEY,
  expires_ms INTEGER NOT NULL,
  json TEXT NOT NULL
);
`;

/**
 * Open (or create) the store's database: WAL journal with synchronous=NORMAL (a process crash loses nothing committed;
 * an OS crash at most the last transactions), incremental auto-vacuum so evicted pages go back to the file system.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  db.exec(DDL);
  return db;
}

/** Bytes of the pages holding data (page_count − freelist_count, times page_size). */
export function liveBytes(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return (pages - free) * size;
}
