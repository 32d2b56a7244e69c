/**
 * The archive writer: appends records to the open segment as hash-chained JSON lines, seals segments with signed
 * checkpoints (rotation by size and age), deletes expired sealed segments (retention, itself recorded), and fsyncs
 * according to the configured policy. All file work runs on one sequential queue, so the chain order is the queue order.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TracehoundError } from '../errors.js';
import type { ArchiveConfig } from './config.js';
import {
  FORMAT_VERSION,
  checkpointName,
  encodeCheckpoint,
  encodeRecord,
  segmentName,
  sha256Hex,
  type ArchiveRecordType,
  type StoredRecord,
} from './format.js';
import { publicKeyDer, publicKeyId, resolveSigningKey, type KeySource } from './keys.js';
import { openChain, readCheckpointFile, type ChainState } from './recover.js';
import { toJsonSafe, type ArchiveRecord } from './records.js';
import { TMP_PREFIX, listArchive } from './store.js';

export interface ArchiveDeps {
  /** Milliseconds since the epoch; injectable so rotation and retention can be tested. */
  clock: () => number;
  signingKey?: KeyObject;
  env?: NodeJS.ProcessEnv;
  /** Operator warnings (ephemeral key, recovered crash). Default: stderr. */
  warn?: (message: string) => void;
}

export interface ArchiveStats {
  lastSeq: number;
  openSegment?: string;
  appended: number;
  rejected: number;
  sealed: number;
  retentionDeleted: number;
  pending: number;
  failed: boolean;
}

export interface Archive {
  readonly keyId: string;
  readonly keySource: KeySource;
  /** Queue one record. Resolves once written (and fsynced under policy 'always'); rejects with a TracehoundError. */
  append(record: ArchiveRecord): Promise<void>;
  /** Write everything queued and fsync it, whatever the policy. */
  forceFlush(): Promise<void>;
  /** Age rotation and retention now (also run by the maintenance timer). */
  maintain(): Promise<void>;
  /** Write everything queued, seal the open segment (unless `seal: false`: it is continued on next start) and stop. */
  shutdown(opts?: { seal?: boolean }): Promise<void>;
  stats(): ArchiveStats;
}

interface InternalRecord {
  type: ArchiveRecordType;
  time?: number;
  traceId?: string;
  spanId?: string;
  session?: string;
  data: unknown;
}

type Op =
  | { kind: 'record'; rec: InternalRecord; resolve: () => void; reject: (e: Error) => void }
  | { kind: 'task'; run: () => Promise<void>; resolve: () => void; reject: (e: Error) => void };

const BATCH_RECORDS = 256;
const DAY_MS = 86_400_000;

function ioError(detail: string, err?: unknown): TracehoundError {
  if (err instanceof TracehoundError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return new TracehoundError('TH_ARCHIVE_IO', code ? `${detail}: ${code}` : detail);
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

class ArchiveWriter implements Archive {
  readonly keyId: string;
  readonly keySource: KeySource;
  private readonly publicKeyB64: string;
  private readonly queue: Op[] = [];
  private draining = false;
  private closed = false;
  private failure: TracehoundError | undefined;
  private fh: FileHandle | undefined;
  private pending: Buffer[] = [];
  private dirty = false;
  private syncQueued = false;
  private inRetention = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private counters = { appended: 0, rejected: 0, sealed: 0, retentionDeleted: 0 };

  constructor(
    private readonly config: ArchiveConfig,
    private readonly clock: () => number,
    private readonly key: KeyObject,
    keySource: KeySource,
    private readonly state: ChainState,
  ) {
    this.keyId = publicKeyId(key);
    this.keySource = keySource;
    this.publicKeyB64 = publicKeyDer(key).toString('base64');
  }

  startTimers(): void {
    const add = (ms: number, fn: () => void) => {
      if (ms <= 0) return;
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    add(this.config.maintenanceIntervalMs, () => void this.maintain().catch(() => undefined));
    if (this.config.fsync === 'interval') {
      add(this.config.fsyncIntervalMs, () => {
        if (this.syncQueued || (!this.dirty && this.pending.length === 0)) return;
        this.syncQueued = true;
        void this.enqueueTask(() => {
          this.syncQueued = false;
          return this.sync();
        }).catch(() => undefined);
      });
    }
  }

  append(record: ArchiveRecord): Promise<void> {
    if (record.type !== 'finding' && record.type !== 'span') {
      this.counters.rejected++;
      return Promise.reject(
        new TracehoundError('TH_ARCHIVE_IO', `record type ${String(record.type)} cannot be appended`),
      );
    }
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    // Sanitized here, on the caller's turn, so nothing inside the write queue can throw on odd data.
    return this.enqueueRecord({
      type: record.type,
      time: typeof record.time === 'number' ? record.time : undefined,
      traceId: str(record.traceId),
      spanId: str(record.spanId),
      session: str(record.session),
      data: toJsonSafe(record.data) ?? null,
    });
  }

  /** Internal records (recovery) bypass the type check. */
  enqueueRecord(rec: InternalRecord): Promise<void> {
    const refused = this.refusal();
    if (refused) {
      this.counters.rejected++;
      return Promise.reject(refused);
    }
    if (this.queue.length >= this.config.maxQueueRecords) {
      this.counters.rejected++;
      return Promise.reject(new TracehoundError('TH_ARCHIVE_IO', 'write queue full'));
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'record', rec, resolve, reject });
      void this.drain();
    });
  }

  forceFlush(): Promise<void> {
    return this.enqueueTask(() => this.sync());
  }

  maintain(): Promise<void> {
    return this.enqueueTask(async () => {
      const now = this.clock();
      const open = this.state.open;
      if (open && open.count > 0 && now - open.openedAtMs >= this.config.segment.maxAgeSeconds * 1000)
        await this.seal(now);
      await this.applyRetention(now);
      if (this.config.fsync !== 'never') await this.sync();
    });
  }

  async shutdown(opts: { seal?: boolean } = {}): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    if (this.closed) return;
    if (this.failure) {
      // Nothing more can be written safely; release the file and let the next start recover.
      this.closed = true;
      await this.fh?.close().catch(() => undefined);
      this.fh = undefined;
      return;
    }
    const done = this.enqueueTask(async () => {
      if (opts.seal !== false && this.state.open && this.state.open.count > 0) await this.seal(this.clock());
      else await this.closeHandle();
    });
    this.closed = true;
    await done;
  }

  stats(): ArchiveStats {
    return {
      lastSeq: this.state.lastSeq,
      openSegment: this.state.open ? segmentName(this.state.open.index) : undefined,
      ...this.counters,
      pending: this.queue.length,
      failed: this.failure !== undefined,
    };
  }

  private refusal(): TracehoundError | undefined {
    if (this.failure) return this.failure;
    if (this.closed) return new TracehoundError('TH_ARCHIVE_IO', 'the archive is shut down');
    return undefined;
  }

  enqueueTask(run: () => Promise<void>): Promise<void> {
    const refused = this.refusal();
    if (refused) return Promise.reject(refused);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'task', run, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        if (this.failure) {
          for (const op of this.queue.splice(0)) op.reject(this.failure);
          break;
        }
        const head = this.queue[0];
        if (head.kind === 'task') {
          this.queue.shift();
          try {
            await head.run();
            head.resolve();
          } catch (err) {
            this.fail(err);
            head.reject(this.failure ?? ioError('task failed', err));
          }
          continue;
        }
        const batch: Extract<Op, { kind: 'record' }>[] = [];
        while (batch.length < BATCH_RECORDS && this.queue.length > 0 && this.queue[0].kind === 'record') {
          batch.push(this.queue.shift() as Extract<Op, { kind: 'record' }>);
        }
        const accepted: typeof batch = [];
        try {
          for (const op of batch) {
            if (await this.writeRecord(op.rec)) accepted.push(op);
            else {
              this.counters.rejected++;
              op.reject(
                new TracehoundError(
                  'TH_ARCHIVE_IO',
                  `record larger than maxRecordBytes (${this.config.maxRecordBytes})`,
                ),
              );
            }
          }
          await this.flushPending();
          if (this.config.fsync === 'always') await this.sync();
          this.counters.appended += accepted.length;
          for (const op of accepted) op.resolve();
        } catch (err) {
          this.fail(err);
          for (const op of batch) op.reject(this.failure ?? ioError('write failed', err));
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** After an I/O error the in-memory chain may be ahead of the disk: stop rather than write a broken chain. */
  private fail(err: unknown): void {
    this.failure ??= ioError('archive write failed; restart to recover', err);
  }

  private encode(
    rec: InternalRecord,
    atMs: number,
  ): { line: Buffer; hash: string; fields: Omit<StoredRecord, 'hash'> } {
    const timeMs = typeof rec.time === 'number' && Number.isFinite(rec.time) ? rec.time : atMs;
    const fields: Omit<StoredRecord, 'hash'> = {
      v: FORMAT_VERSION,
      seq: this.state.lastSeq + 1,
      prev: this.state.lastHash,
      at: iso(atMs),
      type: rec.type,
      time: iso(timeMs),
      traceId: rec.traceId,
      spanId: rec.spanId,
      session: rec.session,
      data: rec.data ?? null,
    };
    return { ...encodeRecord(fields), fields };
  }

  /** Returns false when the record is too large (rejected alone; the archive goes on). */
  private async writeRecord(rec: InternalRecord): Promise<boolean> {
    const atMs = this.clock();
    let enc = this.encode(rec, atMs);
    if (enc.line.length > this.config.maxRecordBytes) return false;
    const open = this.state.open;
    if (
      open &&
      open.count > 0 &&
      (open.bytes + enc.line.length > this.config.segment.maxBytes ||
        atMs - open.openedAtMs >= this.config.segment.maxAgeSeconds * 1000)
    ) {
      await this.seal(atMs);
      await this.applyRetention(atMs);
      enc = this.encode(rec, atMs); // seq and prev moved if retention wrote records
    }
    await this.commit(enc.line, enc.hash, enc.fields, atMs);
    return true;
  }

  private async commit(line: Buffer, hash: string, fields: Omit<StoredRecord, 'hash'>, atMs: number): Promise<void> {
    let open = this.state.open;
    if (!open) {
      open = {
        index: this.state.nextIndex,
        bytes: 0,
        count: 0,
        firstSeq: fields.seq,
        firstPrev: fields.prev,
        openedAtMs: atMs,
        minTimeMs: Infinity,
        maxTimeMs: -Infinity,
        hasher: createHash('sha256'),
      };
      this.state.open = open;
      this.state.nextIndex = open.index + 1;
    }
    if (!this.fh) {
      const path = join(this.config.dir, segmentName(open.index));
      const created = !existsSync(path);
      try {
        this.fh = await open_(path);
      } catch (err) {
        throw ioError(`cannot open ${path}`, err);
      }
      if (created && this.config.fsync !== 'never') await this.syncDir();
    }
    if (open.count === 0) {
      open.firstSeq = fields.seq;
      open.firstPrev = fields.prev;
      open.openedAtMs = atMs;
    }
    const t = Date.parse(fields.time);
    open.minTimeMs = Math.min(open.minTimeMs, t);
    open.maxTimeMs = Math.max(open.maxTimeMs, t);
    open.count++;
    open.bytes += line.length;
    open.hasher.update(line);
    this.pending.push(line);
    this.state.lastSeq = fields.seq;
    this.state.lastHash = hash;
  }

  private async flushPending(): Promise<void> {
    if (this.pending.length === 0 || !this.fh) return;
    const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await this.fh.write(buf, off, buf.length - off);
      off += bytesWritten;
    }
    this.dirty = true;
  }

  private async sync(): Promise<void> {
    await this.flushPending();
    if (this.fh && this.dirty) {
      await this.fh.sync();
      this.dirty = false;
    }
  }

  private async syncDir(): Promise<void> {
    // Directory fsync makes file creation, rename and deletion durable; not supported everywhere (ignored then).
    let dh: FileHandle | undefined;
    try {
      dh = await open(this.config.dir, 'r');
      await dh.sync();
    } catch {
      /* best effort */
    } finally {
      await dh?.close().catch(() => undefined);
    }
  }

  private async closeHandle(): Promise<void> {
    await this.sync();
    await this.fh?.close();
    this.fh = undefined;
  }

  /** Seal the open segment: fsync it, then write its signed checkpoint atomically (temp file, fsync, rename). */
  private async seal(atMs: number): Promise<void> {
    const open = this.state.open;
    if (!open || open.count === 0) return;
    await this.closeHandle();
    const name = segmentName(open.index);
    const body = encodeCheckpoint(
      {
        v: FORMAT_VERSION,
        segment: name,
        index: open.index,
        firstSeq: open.firstSeq,
        lastSeq: this.state.lastSeq,
        recordCount: open.count,
        bytes: open.bytes,
        sha256: open.hasher.digest('hex'),
        firstPrevHash: open.firstPrev,
        lastRecordHash: this.state.lastHash,
        firstTime: iso(open.minTimeMs),
        lastTime: iso(open.maxTimeMs),
        openedAt: iso(open.openedAtMs),
        sealedAt: iso(atMs),
        prevCheckpointHash: this.state.prevCheckpointHash,
        keyId: this.keyId,
        publicKey: this.publicKeyB64,
      },
      this.key,
    );
    const final = join(this.config.dir, checkpointName(open.index));
    const tmp = join(this.config.dir, `${TMP_PREFIX}${checkpointName(open.index)}`);
    const fh = await open_(tmp, 'w');
    try {
      await fh.writeFile(body);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
    await this.syncDir();
    this.state.prevCheckpointHash = sha256Hex(body);
    this.state.open = undefined;
    this.counters.sealed++;
  }

  /** Delete sealed segments older than the retention period, oldest first, recording each deletion beforehand. */
  private async applyRetention(now: number): Promise<void> {
    const days = this.config.retention.maxAgeDays;
    if (days <= 0 || this.inRetention) return;
    this.inRetention = true;
    try {
      const listing = listArchive(this.config.dir);
      const segments = new Set(listing.segments);
      for (const index of listing.checkpoints) {
        if (this.state.open && index >= this.state.open.index) break;
        const dec = readCheckpointFile(this.config.dir, index);
        if (!dec.ok) break; // never delete on a damaged checkpoint: verification must see it
        const sealedAt = Date.parse(dec.checkpoint.sealedAt);
        if (!(now - sealedAt > days * DAY_MS)) break;
        const segPath = join(this.config.dir, segmentName(index));
        if (segments.has(index)) {
          const c = dec.checkpoint;
          await this.writeRecord({
            type: 'retention',
            time: now,
            data: {
              action: 'delete',
              segment: c.segment,
              index: c.index,
              checkpoint: checkpointName(index),
              checkpointSha256: dec.hash,
              segmentSha256: c.sha256,
              firstSeq: c.firstSeq,
              lastSeq: c.lastSeq,
              recordCount: c.recordCount,
              lastRecordHash: c.lastRecordHash,
              firstTime: c.firstTime,
              lastTime: c.lastTime,
              sealedAt: c.sealedAt,
              maxAgeDays: days,
            },
          });
          await this.sync(); // the record of a deletion is durable before the deletion
          await rm(segPath, { force: true });
          this.counters.retentionDeleted++;
        }
        // A checkpoint without its segment is the rest of an interrupted deletion that was already recorded.
        await rm(join(this.config.dir, checkpointName(index)), { force: true });
        await this.syncDir();
      }
    } finally {
      this.inRetention = false;
    }
  }
}

function open_(path: string, flags = 'a'): Promise<FileHandle> {
  return open(path, flags, 0o644);
}

/**
 * Open (or create) the archive in `config.dir`. Synchronous start-up work: recover the chain, cut a torn tail left by a
 * crash (and queue a 'recovery' record saying so), then run retention.
 */
export function createArchive(config: ArchiveConfig, deps: ArchiveDeps): Archive {
  const warn = deps.warn ?? ((m: string) => void process.stderr.write(`tracehound archive: ${m}\n`));
  const resolved = deps.signingKey
    ? { key: deps.signingKey, source: 'deps' as const }
    : resolveSigningKey({ file: config.signingKeyFile, env: deps.env ?? process.env });
  if (resolved.source === 'ephemeral') {
    warn(
      'no signing key configured (archive.signingKeyFile or TRACEHOUND_ARCHIVE_KEY): using an ephemeral key; checkpoints prove integrity but not who wrote them',
    );
  }
  const { state, torn } = openChain(config.dir);
  const writer = new ArchiveWriter(config, deps.clock, resolved.key, resolved.source, state);
  if (torn) {
    warn(`recovered from an interrupted write: cut ${torn.tornBytes} incomplete bytes at the end of ${torn.segment}`);
    void writer
      .enqueueRecord({ type: 'recovery', data: { action: 'truncate_torn_tail', ...torn } })
      .catch(() => undefined);
  }
  void writer.maintain().catch(() => undefined);
  writer.startTimers();
  return writer;
}
