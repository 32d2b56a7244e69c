/**
 * The installable Splunk app archives (<app>-<version>.tar.gz, the app folder at the archive root). Entries are
 * sorted, owner-less and dated at a fixed instant so the same sources always give the same listing and contents.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tar from 'tar';

/** Fixed entry time (2025-01-01T00:00:00Z): archives do not change when nothing in them changed. */
export const ARCHIVE_MTIME = new Date(Date.UTC(2025, 0, 1));

export const archiveName = (app: string, version: string): string => `${app}-${version}.tar.gz`;

/** Write `files` (paths inside the app) as `<app>/...` into a gzipped tarball at `outFile`. */
export async function writeAppArchive(app: string, files: ReadonlyMap<string, string>, outFile: string): Promise<void> {
  const stage = mkdtempSync(join(tmpdir(), 'th-splunk-'));
  try {
    const entries = [...files.keys()].sort().map((p) => `${app}/${p}`);
    for (const [p, content] of files) {
      const target = join(stage, app, p);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    mkdirSync(dirname(outFile), { recursive: true });
    await tar.c(
      { gzip: true, cwd: stage, file: outFile, portable: true, mtime: ARCHIVE_MTIME, noDirRecurse: true },
      entries,
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Entries of an archive with their text, for the drift test. */
export async function readArchive(file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await tar.t({
    file,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => out.set(entry.path, Buffer.concat(chunks).toString('utf8')));
    },
  });
  return out;
}
