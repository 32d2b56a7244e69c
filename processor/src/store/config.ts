/**
 * Configuration of the findings store (the `store` section): the embedded SQLite database the findings API and the
 * console read (docs/console.md). Composed into the full schema by config/sections.ts.
 */

export interface StoreConfig {
  /** On in the embedded default: findings, span summaries, sessions, verdicts, suppressions, review queue. */
  enabled: boolean;
  /** SQLite database file (WAL mode: `-wal` and `-shm` files sit beside it). */
  path: string;
  /** Writes waiting for the next batch; beyond this new writes are dropped and counted. */
  maxQueue: number;
  /** Most writes committed in one transaction. */
  batchSize: number;
  /** Longest a queued write waits before its batch is committed (ms). */
  flushIntervalMs: number;
  retention: {
    /** Most findings kept; the oldest are evicted first. */
    maxFindings: number;
    /** Most span summaries kept; the oldest are evicted first. */
    maxSpans: number;
    /** Largest size of the live database pages (bytes); the oldest spans and findings are evicted beyond it. */
    maxBytes: number;
    /** Findings, spans and sessions older than this are evicted (days). */
    maxAgeDays: number;
  };
  /** Longest content kept per captured text field of a span summary (characters). */
  maxContentChars: number;
  /** Share of clean traces whose sessions enter the review queue, 0..1 (response.review.sampleRate wins when set). */
  reviewSampleRate: number;
}

export const storeDefaults: StoreConfig = {
  enabled: true,
  path: './.tracehound/store.db',
  maxQueue: 20_000,
  batchSize: 1000,
  flushIntervalMs: 200,
  retention: { maxFindings: 500_000, maxSpans: 500_000, maxBytes: 1024 * 1024 * 1024, maxAgeDays: 30 },
  maxContentChars: 4096,
  reviewSampleRate: 0.02,
};

export const storeConfigSchema = {
  type: 'object',
  description: 'The embedded findings store the findings API and the console read (docs/console.md).',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', description: 'Keep findings, span summaries, verdicts and suppressions in SQLite.' },
    path: { type: 'string', minLength: 1, description: 'SQLite database file (WAL mode).' },
    maxQueue: {
      type: 'integer',
      minimum: 1,
      maximum: 1_000_000,
      description: 'Writes waiting for the next batch; beyond it writes are dropped (tracehound_store_dropped_total).',
    },
    batchSize: { type: 'integer', minimum: 1, maximum: 100_000, description: 'Most writes per transaction.' },
    flushIntervalMs: {
      type: 'integer',
      minimum: 1,
      maximum: 60_000,
      description: 'Longest a queued write waits before it is committed (ms): what a crash can lose.',
    },
    retention: {
      type: 'object',
      additionalProperties: false,
      description: 'Bounds; evictions are counted (tracehound_store_evictions_total{reason}).',
      properties: {
        maxFindings: { type: 'integer', minimum: 1, description: 'Most findings kept (oldest evicted first).' },
        maxSpans: { type: 'integer', minimum: 1, description: 'Most span summaries kept (oldest evicted first).' },
        maxBytes: {
          type: 'integer',
          minimum: 1_048_576,
          description: 'Largest size of the live database pages (bytes, at least 1 MiB).',
        },
        maxAgeDays: { type: 'number', exclusiveMinimum: 0, description: 'Evict rows older than this (days).' },
      },
    },
    maxContentChars: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000_000,
      description: 'Longest captured text kept per field of a span summary (characters; 0 keeps no content).',
    },
    reviewSampleRate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description:
        'Share of clean traces whose sessions enter the review queue (response.review.sampleRate wins when > 0).',
    },
  },
};
