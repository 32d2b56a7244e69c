import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Finding } from '@tracehound/core';
import { findingToJson, type FindingSink } from './sink.js';

export interface JsonlFileSinkOptions {
  path: string;
  /** Findings queued at most; beyond that new ones are dropped and counted. */
  maxQueued?: number;
  onError?: (err: unknown) => void;
}

/** Appends findings to a JSONL file, one write per batch, in order. */
export class JsonlFileSink implements FindingSink {
  readonly name = 'jsonl-file';
  dropped = 0;
  written = 0;
  private queue: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly maxQueued: number;
  private dirReady: Promise<unknown> | undefined;

  constructor(private readonly opts: JsonlFileSinkOptions) {
    this.maxQueued = opts.maxQueued ?? 10_000;
  }

  write(findings: readonly Finding[]): void {
    for (const f of findings) {
      if (this.queue.length >= this.maxQueued) {
        this.dropped++;
        continue;
      }
      this.queue.push(JSON.stringify(findingToJson(f)) + '\n');
    }
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
        this.written += n;
      } catch (err) {
        this.dropped += n;
        this.opts.onError?.(err);
      }
    });
  }

  async forceFlush(): Promise<void> {
    this.schedule();
    await this.writing;
  }

  async shutdown(): Promise<void> {
    await this.forceFlush();
  }
}
