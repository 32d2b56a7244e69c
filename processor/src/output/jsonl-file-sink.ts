import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Finding } from '@tracehound/core';
import { findingToJson, type FindingSink } from './sink.js';
import { SinkAccounting, type SinkAccountingOptions } from './sink-accounting.js';

export interface JsonlFileSinkOptions extends SinkAccountingOptions {
  path: string;
  /** Findings queued at most; beyond that new ones are dropped and counted. */
  maxQueued?: number;
}

/**
 * Appends findings to a JSONL file, one write per batch, in order. A failed append is counted and logged as
 * TH_FINDINGS_WRITE (once per failure streak); the next batch tries again.
 */
export class JsonlFileSink implements FindingSink {
  readonly name = 'jsonl-file';
  readonly accounting: SinkAccounting;
  private queue: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly maxQueued: number;
  private dirReady: Promise<unknown> | undefined;

  constructor(private readonly opts: JsonlFileSinkOptions) {
    this.maxQueued = opts.maxQueued ?? 10_000;
    this.accounting = new SinkAccounting(this.name, opts);
  }

  write(findings: readonly Finding[]): void {
    if (!this.accounting.admit(findings.length)) return;
    let dropped = 0;
    for (const f of findings) {
      if (this.queue.length >= this.maxQueued) {
        dropped++;
        continue;
      }
      this.queue.push(JSON.stringify(findingToJson(f)) + '\n');
    }
    this.accounting.dropped(dropped);
    this.schedule();
  }

  private schedule(): void {
    this.writing = this.writing.then(async () => {
      if (this.queue.length === 0) return;
      const chunk = this.queue.join('');
      const n = this.queue.length;
      this.queue = [];
      try {
        this.dirReady ??= mkdir(dirname(this.opts.path), { recursive: true });
        await this.dirReady;
        await appendFile(this.opts.path, chunk);
        this.accounting.written(n);
      } catch (err) {
        this.dirReady = undefined; // the directory may be created later: try again with the next batch
        this.accounting.failed(n, 'TH_FINDINGS_WRITE', err);
      }
    });
  }

  async forceFlush(): Promise<void> {
    this.schedule();
    await this.writing;
  }

  async shutdown(): Promise<void> {
    this.accounting.close();
    this.schedule();
    await this.writing;
  }
}
