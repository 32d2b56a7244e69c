/**
 * Configuration of the forensic archive (the `archive` section). The config loader composes `ArchiveConfigSchema`
 * into the full schema and merges `archiveDefaults` under the user's values.
 */

import { Type, type Static } from '@sinclair/typebox';
import { issue, type CheckContext, type SectionIssue } from '../config-section.js';
import { StringEnum } from '../schema/types.js';

/** The `archive` section, defined once: the JSON schema the config loader checks, and the type derived from it. */
export const ArchiveConfigSchema = Type.Object(
  {
    enabled: Type.Boolean({
      description: 'Off in the embedded default: an archive is a deliberate decision that comes with a signing key.',
    }),
    dir: Type.String({ minLength: 1, description: 'Folder holding the segment and checkpoint files.' }),
    segment: Type.Object(
      {
        maxBytes: Type.Integer({
          minimum: 4096,
          description: 'Seal the open segment before it grows past this size (bytes).',
        }),
        maxAgeSeconds: Type.Integer({
          minimum: 1,
          description: 'Seal the open segment once its first record is this old (seconds); bounds the unsealed window.',
        }),
      },
      { additionalProperties: false },
    ),
    retention: Type.Object(
      {
        maxAgeDays: Type.Number({
          minimum: 0,
          description: 'Delete sealed segments sealed longer ago than this (days); 0 keeps everything.',
        }),
      },
      { additionalProperties: false },
    ),
    fsync: StringEnum(['always', 'interval', 'never'], {
      description:
        'When appended records reach the disk: after every batch, every fsyncIntervalMs, or only when sealing.',
    }),
    fsyncIntervalMs: Type.Integer({ minimum: 10 }),
    signingKeyFile: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'PEM (PKCS#8) Ed25519 private key; env TRACEHOUND_ARCHIVE_KEY (PEM text) takes precedence.',
      }),
    ),
    maxQueueRecords: Type.Integer({
      minimum: 1,
      description: 'Records waiting to be written; beyond this append() rejects (memory stays bounded).',
    }),
    maxRecordBytes: Type.Integer({
      minimum: 1024,
      description: 'Largest serialized record (bytes); larger records are rejected.',
    }),
    maintenanceIntervalMs: Type.Integer({
      minimum: 0,
      description:
        'How often age rotation, retention and interval fsync run (ms); 0 disables the timer (call maintain()).',
    }),
  },
  { additionalProperties: false },
);

export type ArchiveConfig = Static<typeof ArchiveConfigSchema>;

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
  return [issue.unreadable(['signingKeyFile'], c.signingKeyFile)];
}
