/**
 * Evidence bundles: the layout written by `exportBundle` and its verification. A bundle is a folder an investigator
 * can attach to a case file and check with nothing but `sha256sum -c SHA256SUMS` and `tracehound archive verify`.
 *
 *   manifest.json        what was selected, from where, when, and the SHA-256 of every other file
 *   SHA256SUMS           sha256sum format, covering every file including manifest.json
 *   records.jsonl        the selected record lines, byte for byte as in the archive
 *   archive/             whole segments holding those records, with their signed checkpoints
 *   public-key-*.pem     the signing key(s)
 *   verification.json    the result of verifying the source archive at export time
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { decodeRecord, sha256Hex, splitLines } from './format.js';
import { parsePublicKey } from './keys.js';
import { verifyArchive, type VerifyProblem, type VerifyResult } from './verify.js';

export const BUNDLE_FORMAT = 'tracehound-evidence-bundle';
export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const RECORDS_FILE = 'records.jsonl';
export const BUNDLE_ARCHIVE_DIR = 'archive';
export const VERIFICATION_FILE = 'verification.json';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  v: number;
  createdAt: string;
  source: string;
  query: { from: string; to: string; session?: string };
  recordCount: number;
  /** Where each selected record sits in the archive. */
  selection: { segment: string; line: number; seq: number; hash: string }[];
  publicKeys: { file: string; keyId: string; pinned: boolean }[];
  files: { path: string; bytes: number; sha256: string }[];
}

export function isBundle(dir: string): boolean {
  try {
    return statSync(join(dir, MANIFEST_FILE)).isFile();
  } catch {
    return false;
  }
}

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, root, out);
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out;
}

/** Check a bundle: file hashes against the manifest, the included archive subset, and every selected record. */
export function verifyBundle(dir: string, publicKey?: KeyObject): VerifyResult {
  const problems: VerifyProblem[] = [];
  const bad = (code: VerifyProblem['code'], segment: string, message: string, extra: Partial<VerifyProblem> = {}) =>
    problems.push({ code, severity: 'error', segment, message, ...extra });
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;
    if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files) || !Array.isArray(manifest.selection))
      throw new Error('format');
  } catch {
    bad('bundle_malformed', MANIFEST_FILE, 'manifest.json is missing or not a bundle manifest');
    return { ok: false, problems, verifiedRecords: 0, lastGoodSeq: 0, segments: 0, sealedSegments: 0 };
  }
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of manifest.files) {
    let buf: Buffer;
    try {
      buf = readFileSync(join(dir, f.path));
    } catch {
      bad('bundle_file_mismatch', f.path, 'listed in the manifest but missing');
      continue;
    }
    if (buf.length !== f.bytes || sha256Hex(buf) !== f.sha256)
      bad('bundle_file_mismatch', f.path, 'content differs from the manifest hash');
  }
  for (const path of walk(dir)) {
    if (path !== MANIFEST_FILE && path !== SUMS_FILE && !listed.has(path))
      bad('bundle_file_mismatch', path, 'file not listed in the manifest');
  }

  // The archive subset: the pinned key if given, else the key shipped in the bundle.
  let key = publicKey;
  if (!key) {
    const shipped = manifest.publicKeys[0];
    try {
      if (shipped) key = parsePublicKey(readFileSync(join(dir, shipped.file), 'utf8'), shipped.file);
    } catch {
      /* reported by the subset verification as unpinned */
    }
  }
  const sub = verifyArchive(join(dir, BUNDLE_ARCHIVE_DIR), { publicKey: key, partial: true });
  if (!publicKey) {
    problems.push({
      code: 'key_not_pinned',
      severity: 'warning',
      segment: '',
      message:
        'checked against the key inside the bundle; pass the key from the case file with --public-key to prove authorship',
    });
  }
  problems.push(...sub.problems.filter((p) => p.code !== 'key_not_pinned'));

  // Each selected record must be a valid record and sit, byte for byte, where the manifest says.
  let recordsBuf: Buffer;
  try {
    recordsBuf = readFileSync(join(dir, RECORDS_FILE));
  } catch {
    recordsBuf = Buffer.alloc(0);
    bad('bundle_malformed', RECORDS_FILE, 'missing');
  }
  const { lines } = splitLines(recordsBuf);
  if (lines.length !== manifest.selection.length) {
    bad(
      'bundle_record_mismatch',
      RECORDS_FILE,
      `${lines.length} lines but the manifest selects ${manifest.selection.length} records`,
    );
  }
  const segLines = new Map<string, Buffer[]>();
  let verified = 0;
  for (let i = 0; i < Math.min(lines.length, manifest.selection.length); i++) {
    const sel = manifest.selection[i];
    const dec = decodeRecord(lines[i].bytes);
    if (!dec.ok || dec.record.seq !== sel.seq || dec.record.hash !== sel.hash) {
      bad('bundle_record_mismatch', RECORDS_FILE, 'record does not match its manifest entry or its own hash', {
        line: i + 1,
        seq: sel.seq,
      });
      continue;
    }
    let seg = segLines.get(sel.segment);
    if (!seg) {
      try {
        seg = splitLines(readFileSync(join(dir, BUNDLE_ARCHIVE_DIR, sel.segment))).lines.map((l) => l.bytes);
      } catch {
        seg = [];
      }
      segLines.set(sel.segment, seg);
    }
    if (!seg[sel.line - 1]?.equals(lines[i].bytes)) {
      bad('bundle_record_mismatch', sel.segment, 'selected record is not at this place in the included segment', {
        line: sel.line,
        seq: sel.seq,
      });
      continue;
    }
    verified++;
  }
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    ok,
    problems,
    verifiedRecords: verified,
    lastGoodSeq: ok ? (manifest.selection.at(-1)?.seq ?? 0) : 0,
    segments: sub.segments,
    sealedSegments: sub.sealedSegments,
  };
}
