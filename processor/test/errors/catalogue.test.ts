import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, TracehoundError, type ErrorCode } from '../../src/errors.js';
import { codeSites } from './sites.js';

/**
 * The error catalogue and the code agree, after fastify's errors test: every catalogued code is emitted, every code
 * emitted is catalogued, and a code has one emitting site (file) unless it is listed below as answered or reported
 * from several places, with the reason. A new site of any other code fails here; so does a stale entry.
 * (docs/errors.md ⇔ catalogue is checked in test/config/docs.test.ts.)
 */
const SHARED: Partial<Record<ErrorCode, { files: string[]; why: string }>> = {
  TH_BAD_REQUEST: {
    files: ['http/api-errors.ts', 'otlp/refusals.ts', 'service/export-handler.ts'],
    why: "the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols), an OTLP payload that does not decode or that the next hop rejects (export handler), and the JSON APIs (http/api-errors.ts, one helper for both route sets)",
  },
  TH_BODY_TOO_LARGE: {
    files: ['http/api-errors.ts', 'otlp/refusals.ts'],
    why: "two answer formats: the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols), and the JSON APIs (http/api-errors.ts, one helper for both route sets)",
  },
  TH_UNAUTHORIZED: {
    files: ['http/api-errors.ts', 'otlp/refusals.ts'],
    why: "two answer formats: the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols), and the JSON APIs (http/api-errors.ts, one helper for both route sets)",
  },
  TH_NOT_FOUND: {
    files: ['http/api-errors.ts', 'otlp/refusals.ts'],
    why: "two answer formats: the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols), and the JSON APIs (http/api-errors.ts, one helper for both route sets)",
  },
  TH_UNSUPPORTED_MEDIA_TYPE: {
    files: ['http/api-errors.ts', 'otlp/refusals.ts'],
    why: "two answer formats: the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols), and the JSON APIs (http/api-errors.ts, one helper for both route sets)",
  },
  TH_SHUTTING_DOWN: {
    files: ['otlp/refusals.ts', 'service/export-handler.ts', 'service/service.ts'],
    why: "new requests while draining (the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols)), accepted batches the next hop can no longer take (export handler), the drain deadline log (service)",
  },
  TH_NEXT_HOP_UNAVAILABLE: {
    files: ['otlp/refusals.ts', 'service/export-handler.ts', 'service/finding-log-queue.ts'],
    why: "the next hop failed a span batch (export handler) or finding log records (their queue); a receiver's own unexpected failure is answered the same retryable way (the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols))",
  },
  TH_STAGE_TIMEOUT: {
    files: ['config/sections/server.ts', 'pipeline/runner.ts', 'service/export-handler.ts'],
    why: 'the runner logs it, the export handler answers it; the option documents it',
  },
  TH_STAGE_FAILED: {
    files: ['engine/engine.ts', 'pipeline/runner.ts', 'service/service.ts'],
    why: 'stages (runner), stage shutdown (service) and stage extensions inside the detection stage',
  },
  TH_CONFIG_ENV: {
    files: ['config/env.ts', 'config/load.ts', 'config/validate.ts'],
    why: 'parsed, attributed, summed',
  },
  TH_CONFIG_FILE: {
    files: ['config-section.ts', 'response/suppression-manager.ts'],
    why: 'sections check the files they name at start (one helper); the suppressions file is re-read at run time',
  },
  TH_CONFIG_INVALID: {
    files: ['behavior/metrics.ts', 'config/load.ts', 'response/suppression-manager.ts'],
    why: 'the configuration, a reloaded suppressions file, a behavior option checked at construction',
  },
  TH_CONFIG_MISSING: {
    files: ['config-section.ts', 'config/problems.ts', 'response/index.ts'],
    why: 'the schema (problems.ts) and the section checks (one helper); createResponse used as a library still refuses the API without a token',
  },
  TH_CONFIG_TYPE: { files: ['config/problems.ts', 'config/validate.ts'], why: 'schema types and the document root' },
  TH_CONFIG_VALUE: {
    files: ['config-section.ts', 'config/problems.ts'],
    why: 'values the schema rejects (problems.ts), and values the section checks and unknown rule ids reject (one helper)',
  },
  TH_ARCHIVE_IO: {
    files: [
      'archive/export.ts',
      'archive/recover.ts',
      'archive/store.ts',
      'archive/writer.ts',
      'cli/commands/archive.ts',
      'engine/engine.ts',
      'output/archive-sink.ts',
    ],
    why: 'the archive module reads and writes in several files; the sink logs it, the CLI and /readyz name it',
  },
  TH_ARCHIVE_TAMPERED: { files: ['archive/recover.ts', 'cli/commands/archive.ts'], why: 'recovery, and verify exit' },
  TH_REQUEST_TIMEOUT: {
    files: ['config/sections/server.ts', 'otlp/refusals.ts'],
    why: "a body that stalls on either receiver (the OTLP receivers' refusals (otlp/refusals.ts, one table for both protocols)); the bodyTimeoutMs option documents it",
  },
  TH_STAGE_UNAVAILABLE: {
    files: ['engine/detection-stage.ts', 'engine/engine.ts', 'pipeline/runner.ts', 'service/export-handler.ts'],
    why: 'the runner fails closed, the export handler answers it; the detection workers refuse a batch or do not start',
  },
  TH_TIER_MODEL: {
    files: ['tiers/classifier/model-dir.ts', 'tiers/classifier/pool.ts'],
    why: 'a model directory that does not load at start, or a worker that cannot load it',
  },
};

/** Codes this repository promised as "logged, counted" and had never emitted: one site each, no exception. */
const WIRED: ErrorCode[] = ['TH_NORMALIZE_FAILED', 'TH_FINDINGS_WRITE', 'TH_SINK_CLOSED'];

const sites = codeSites(fileURLToPath(new URL('../../src/', import.meta.url)));
const catalogued = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

describe('the error catalogue (processor/src/errors.ts)', () => {
  it('every catalogued code is emitted somewhere in processor/src', () => {
    expect(catalogued.filter((c) => !sites.has(c))).toEqual([]);
  });

  it('every code used in processor/src is catalogued', () => {
    expect([...sites.keys()].filter((c) => !(c in ERROR_CATALOGUE))).toEqual([]);
  });

  it.each(catalogued)('%s has its one emitting site, or its listed ones', (code) => {
    const files = [...(sites.get(code) ?? [])].sort();
    const shared = SHARED[code];
    if (shared) {
      expect(files, `${code}: ${shared.why}`).toEqual([...shared.files].sort());
      expect(files.length, `${code} is listed as shared but has one site: remove it from SHARED`).toBeGreaterThan(1);
    } else {
      expect(files, `${code} must be emitted from one place`).toHaveLength(1);
    }
  });

  it('the pipeline codes that were promised and not wired have exactly one emitting site', () => {
    for (const code of WIRED) {
      expect(SHARED[code]).toBeUndefined();
      expect([...(sites.get(code) ?? [])], code).toHaveLength(1);
    }
  });

  it('each code carries its own message and status into TracehoundError', () => {
    for (const code of catalogued) {
      const e = new TracehoundError(code, 'detail');
      expect(e.code).toBe(code);
      expect(e.status).toBe(ERROR_CATALOGUE[code].status);
      expect(e.message).toBe(`${ERROR_CATALOGUE[code].message}: detail`);
    }
  });
});

describe('the scan that proves it', () => {
  it('finds codes in literals and template text, not in comments', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'th-sites-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(
      join(dir, 'a', 'x.ts'),
      "// TH_IN_COMMENT\nconst a = 'TH_ONE';\nconst b = `x ${a} (TH_TWO)`;\nconst c = { code: 'TH_ONE' as const };\n",
    );
    writeFileSync(join(dir, 'y.ts'), "export const d = 'TH_ONE';\n");
    writeFileSync(join(dir, 'errors.ts'), "export const E = { TH_THREE: 1, x: 'TH_THREE' };\n");
    const found = codeSites(dir);
    expect(Object.fromEntries([...found].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      TH_ONE: ['a/x.ts', 'y.ts'],
      TH_TWO: ['a/x.ts'],
    });
  });
});
