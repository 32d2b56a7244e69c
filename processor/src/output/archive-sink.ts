import type { Archive } from '../archive/index.js';
import { findingRecord } from '../archive/index.js';
import type { Finding } from '@tracehound/core';
import type { FindingSink } from './sink.js';

/** Sends every finding to the tamper-evident archive. Append failures are counted, never thrown into the pipeline. */
export class ArchiveSink implements FindingSink {
  readonly name = 'archive';
  failed = 0;

  constructor(
    private readonly archive: Archive,
    private readonly onError?: (err: unknown) => void,
  ) {}

  write(findings: readonly Finding[]): void {
    for (const f of findings) {
      this.archive.append(findingRecord(f)).catch((err) => {
        this.failed++;
        this.onError?.(err);
      });
    }
  }

  forceFlush(): Promise<void> {
    return this.archive.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.archive.shutdown();
  }
}
