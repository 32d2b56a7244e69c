/**
 * Configuration of the forensic archive (the `archive` section). The config loader composes `archiveConfigSchema`
 * into the full schema and merges `archiveDefaults` under the user's values.
 */

import type { CheckContext, SectionIssue } from '../config-section.js';

export type FsyncPolicy = 'always' | 'interval' | 'never';

export interface ArchiveConfig {
  /** Off in the embedded default: an archive is a deliberate decision that comes with a signing key. */
  enabled: boolean;
  /** Folder holding the segment and checkpoint files. */
  dir: string;
  segment: {
    /** Seal the open segment before it grows past this size (bytes). */
    maxBytes: number;
    /** Seal the open segment once its first record is this old (seconds); bounds the unsealed window. */
    maxAgeSeconds: number;
  };
  retention: {
    /** Delete sealed segments sealed longer ago than this (days); 0 keeps everything. */
    maxAgeDays: number;
  };
  /** When appended records reach the disk: after every batch, every `fsyncIntervalMs`, or only when sealing. */
  fsync: FsyncPolicy;
  fsyncIntervalMs: number;
  /** PEM (PKCS#8) Ed25519 private key; env TRACEHOUND_ARCHIVE_KEY (PEM text) takes precedence. */
  signingKeyFile?: string;
  /** Records waiting to be written; beyond this append() rejects (memory stays bounded). */
  maxQueueRecords: number;
  /** Largest serialized record (bytes); larger records are rejected. */
  maxRecordBytes: number;
  /** How often age rotation, retention and interval fsync run (ms); 0 disables the timer (call maintain()). */
  maintenanceIntervalMs: number;
}

export const archiveDefaults: ArchiveConfig = {
  enabled: false,
  dir: './tracehound-archive',
  segment: { maxBytes: 64 * 1024 * 1024, maxAgeSeconds: 3600 },
  retention: { maxAgeDays: 400 },
  fsync: 'always',
  fsyncIntervalMs: 1000,
  maxQueueRecords: 10_000,
  maxRecordBytes: 1024 * 1024,
  maintenanceIntervalMs: 30_000,
};

/** JSON schema fragment (ajv) for the `archive` section. */
export const archiveConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    dir: { type: 'string', minLength: 1 },
    segment: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxBytes: { type: 'integer', minimum: 4096 },
        maxAgeSeconds: { type: 'integer', minimum: 1 },
      },
    },
    retention: {
      type: 'object',
      additionalProperties: false,
      properties: { maxAgeDays: { type: 'number', minimum: 0 } },
    },
    fsync: { type: 'string', enum: ['always', 'interval', 'never'] },
    fsyncIntervalMs: { type: 'integer', minimum: 10 },
    signingKeyFile: { type: 'string', minLength: 1 },
    maxQueueRecords: { type: 'integer', minimum: 1 },
    maxRecordBytes: { type: 'integer', minimum: 1024 },
    maintenanceIntervalMs: { type: 'integer', minimum: 0 },
  },
} as const;

/** Fill missing fields from the defaults (for callers that bypass the config loader, e.g. tests and the CLI). */
export type ArchiveConfigInput = Omit<Partial<ArchiveConfig>, 'segment' | 'retention'> & {
  segment?: Partial<ArchiveConfig['segment']>;
  retention?: Partial<ArchiveConfig['retention']>;
};

export function withArchiveDefaults(partial: ArchiveConfigInput): ArchiveConfig {
  return {
    ...archiveDefaults,
    ...partial,
    segment: { ...archiveDefaults.segment, ...partial.segment },
    retention: { ...archiveDefaults.retention, ...partial.retention },
  };
}

/** The key file must be readable when the archive is on: serve would otherwise refuse to start (TH_ARCHIVE_KEY). */
export function checkArchiveConfig(c: ArchiveConfig, ctx: CheckContext): SectionIssue[] {
  if (!c.enabled || !c.signingKeyFile || ctx.fileReadable(c.signingKeyFile)) return [];
  return [{ code: 'TH_CONFIG_FILE', path: ['signingKeyFile'], message: `cannot read ${c.signingKeyFile}` }];
}
