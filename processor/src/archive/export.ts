/** Export an evidence bundle: the records of a time window (and session), their segments and checkpoints, keys, hashes. */
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { join, resolve } from 'node:path';
import { TracehoundError } from '../errors.js';
import {
  BUNDLE_ARCHIVE_DIR,
  BUNDLE_FORMAT,
  MANIFEST_FILE,
  RECORDS_FILE,
  SUMS_FILE,
  VERIFICATION_FILE,
  type BundleManifest,
} from './bundle.js';
import { checkpointName, decodeCheckpoint, decodeRecord, segmentName, sha256Hex, splitLines } from './format.js';
import { publicKeyFromDerBase64, publicKeyId, publicKeyPem } from './keys.js';
import { listArchive } from './store.js';
import { verifyArchive, type VerifyResult } from './verify.js';

export interface ExportOptions {
  /** Inclusive window on the records' event time (ms since the epoch). */
  from: number;
  to: number;
  session?: string;
  /** Bundle folder; must not exist or be empty. */
  out: string;
  /** The key the case file pins; otherwise the keys embedded in the checkpoints are shipped. */
  publicKey?: KeyObject;
  clock?: () => number;
}

export interface ExportResult {
  recordCount: number;
  segments: string[];
  manifestSha256: string;
  /** Verification of the source archive at export time (also in verification.json). */
  verification: VerifyResult;
}

export function exportBundle(dir: string, opts: ExportOptions): ExportResult {
  if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
    throw new TracehoundError('TH_ARCHIVE_IO', `${opts.out} exists and is not empty`);
  }
  const verification = verifyArchive(dir, opts.publicKey ? { publicKey: opts.publicKey } : undefined);
  const listing = listArchive(dir);
  const sealed = new Set(listing.checkpoints);
  const newest = listing.segments.at(-1);
  mkdirSync(join(opts.out, BUNDLE_ARCHIVE_DIR), { recursive: true });

  const selection: BundleManifest['selection'] = [];
  const segments: string[] = [];
  const keys = new Map<string, string>(); // keyId -> PEM
  const recordsFd = openSync(join(opts.out, RECORDS_FILE), 'w');
  try {
    for (const index of listing.segments) {
      const name = segmentName(index);
      const buf = readFileSync(join(dir, name));
      const { lines } = splitLines(buf);
      let picked = false;
      for (let i = 0; i < lines.length; i++) {
        const dec = decodeRecord(lines[i].bytes);
        if (!dec.ok) continue; // a damaged record is not evidence; verification.json names it
        const r = dec.record;
        const t = Date.parse(r.time);
        if (!(t >= opts.from && t <= opts.to)) continue;
        if (opts.session !== undefined && r.session !== opts.session) continue;
        writeSync(recordsFd, lines[i].bytes);
        writeSync(recordsFd, '\n');
        selection.push({ segment: name, line: i + 1, seq: r.seq, hash: r.hash });
        picked = true;
      }
      if (!picked) continue;
      segments.push(name);
      if (sealed.has(index)) {
        copyFileSync(join(dir, name), join(opts.out, BUNDLE_ARCHIVE_DIR, name));
        const cbuf = readFileSync(join(dir, checkpointName(index)));
        writeFileSync(join(opts.out, BUNDLE_ARCHIVE_DIR, checkpointName(index)), cbuf);
        const cd = decodeCheckpoint(cbuf);
        if (cd.ok && !opts.publicKey) {
          const k = publicKeyFromDerBase64(cd.checkpoint.publicKey);
          if (k) keys.set(publicKeyId(k), publicKeyPem(k));
        }
      } else if (index === newest) {
        // The open segment is still growing: copy its complete lines only (it has no checkpoint yet).
        const last = lines.at(-1);
        writeFileSync(
          join(opts.out, BUNDLE_ARCHIVE_DIR, name),
          last ? buf.subarray(0, last.offset + last.bytes.length + 1) : Buffer.alloc(0),
        );
      } else {
        copyFileSync(join(dir, name), join(opts.out, BUNDLE_ARCHIVE_DIR, name));
      }
    }
  } finally {
    closeSync(recordsFd);
  }
  if (opts.publicKey) keys.set(publicKeyId(opts.publicKey), publicKeyPem(opts.publicKey));
  const publicKeys: BundleManifest['publicKeys'] = [];
  for (const [keyId, pem] of keys) {
    const file = `public-key-${keyId}.pem`;
    writeFileSync(join(opts.out, file), pem);
    publicKeys.push({ file, keyId, pinned: opts.publicKey !== undefined });
  }
  writeFileSync(join(opts.out, VERIFICATION_FILE), `${JSON.stringify(verification, null, 2)}\n`);

  const paths = [RECORDS_FILE, VERIFICATION_FILE, ...publicKeys.map((k) => k.file)];
  for (const name of segments) {
    paths.push(`${BUNDLE_ARCHIVE_DIR}/${name}`);
    const idx = Number(name.slice('segment-'.length, -'.jsonl'.length));
    if (sealed.has(idx)) paths.push(`${BUNDLE_ARCHIVE_DIR}/${checkpointName(idx)}`);
  }
  const files = paths.map((path) => {
    const b = readFileSync(join(opts.out, path));
    return { path, bytes: b.length, sha256: sha256Hex(b) };
  });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    v: 1,
    createdAt: new Date((opts.clock ?? Date.now)()).toISOString(),
    source: resolve(dir),
    query: { from: new Date(opts.from).toISOString(), to: new Date(opts.to).toISOString(), session: opts.session },
    recordCount: selection.length,
    selection,
    publicKeys,
    files,
  };
  const manifestBuf = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(opts.out, MANIFEST_FILE), manifestBuf);
  const manifestSha256 = sha256Hex(manifestBuf);
  const sums = [...files, { path: MANIFEST_FILE, sha256: manifestSha256 }]
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
  writeFileSync(join(opts.out, SUMS_FILE), sums);
  return { recordCount: selection.length, segments, manifestSha256, verification };
}
