/**
 * Configuration of the findings store (the `store` section): the embedded SQLite database the findings API and the
 * console read (docs/console.md). Composed into the full schema by config/sections.ts.
 */

import { Type, type Static } from '@sinclair/typebox';

/** The `store` section, defined once: the schema the loader checks and the type derived from it. */
export const storeConfigSchema = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Keep findings, span summaries, verdicts and suppressions in SQLite.' }),
    path: Type.String({ minLength: 1, description: 'SQLite database file (WAL mode).' }),
    maxQueue: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: 'Writes waiting for the next batch; beyond it writes are dropped (tracehound_store_dropped_total).',
    }),
    batchSize: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Most writes per transaction.' }),
    flushIntervalMs: Type.Integer({
      minimum: 1,
      maximum: 60_000,
      description: 'Longest a queued write waits before it is committed (ms): what a crash can lose.',
    }),
    retention: Type.Object(
      {
        maxFindings: Type.Integer({ minimum: 1, description: 'Most findings kept (oldest evicted first).' }),
        maxSpans: Type.Integer({ minimum: 1, description: 'Most span summaries kept (oldest evicted first).' }),
        maxBytes: Type.Integer({
          minimum: 1_048_576,
          description: 'Largest size of the live database pages (bytes, at least 1 MiB).',
        }),
        maxAgeDays: Type.Number({ exclusiveMinimum: 0, description: 'Evict rows older than this (days).' }),
      },
      {
        additionalProperties: false,
        description: 'Bounds; evictions are counted (tracehound_store_evictions_total{reason}).',
      },
    ),
    maxContentChars: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Longest captured text kept per field of a span summary (characters; 0 keeps no content).',
    }),
    reviewSampleRate: Type.Number({
      minimum: 0,
      maximum: 1,
      description:
        'Share of clean traces whose sessions enter the review queue (response.review.sampleRate wins when > 0).',
    }),
  },
  {
    description: 'The embedded findings store the findings API and the console read (docs/console.md).',
    additionalProperties: false,
  },
);

/** The findings store: database file, write batching, retention bounds, content kept, review sampling. */
export type StoreConfig = Static<typeof storeConfigSchema>;

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
