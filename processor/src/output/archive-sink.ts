import type { Archive } from '../archive/index.js';
import { findingRecord } from '../archive/index.js';
import type { Finding } from '@tracehound/core';
import type { FindingSink } from './sink.js';
import { SinkAccounting, type SinkAccountingOptions } from './sink-accounting.js';

/**
 * Sends every finding to the tamper-evident archive. Append failures are counted and logged as TH_ARCHIVE_IO (once per
 * failure streak), never thrown into the pipeline; while the latest append failed, `healthy()` is false and the
 * service's /readyz fails. A write error stops the archive for good (its hash chain cannot skip a record it may have
 * half-written): every later finding is counted as failed and readiness stays down until a restart recovers the open
 * segment (archive/recover.ts). A full queue is transient: the next accepted append makes the sink healthy again.
 */
export class ArchiveSink implements FindingSink {
  readonly name = 'archive';
  readonly accounting: SinkAccounting;

  constructor(
    private readonly archive: Archive,
    opts: SinkAccountingOptions = {},
  ) {
    this.accounting = new SinkAccounting(this.name, opts);
  }

  write(findings: readonly Finding[]): void {
    if (!this.accounting.admit(findings.length)) return;
    for (const f of findings) {
      this.archive.append(findingRecord(f)).then(
        () => this.accounting.written(1),
        (err: unknown) => this.accounting.failed(1, 'TH_ARCHIVE_IO', err),
      );
    }
  }

  /** False while the latest append failed. */
  healthy(): boolean {
    return !this.accounting.isFailing;
  }

  forceFlush(): Promise<void> {
    return this.archive.forceFlush();
  }

  shutdown(): Promise<void> {
    this.accounting.close();
    return this.archive.shutdown();
  }
}
