import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { exportBundle } from '../../archive/export.js';
import { isBundle, verifyBundle } from '../../archive/bundle.js';
import { loadPublicKeyFile, writeKeyPair } from '../../archive/keys.js';
import { verifyArchive, type VerifyResult } from '../../archive/verify.js';
import { isTracehoundError } from '../../errors.js';
import { UsageError, type CliIO, type Command, type CommandArgs } from '../command.js';

function str(v: CommandArgs['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isoArg(name: string, v: string | undefined): number {
  if (v === undefined) throw new UsageError(`--${name} is required (ISO-8601 time)`);
  const t = Date.parse(v);
  if (!Number.isFinite(t)) throw new UsageError(`--${name}: not an ISO-8601 time: ${v}`);
  return t;
}

function report(result: VerifyResult, dir: string): string {
  const lines = [
    `${dir}: ${result.ok ? 'OK' : 'TAMPERED'} (${result.verifiedRecords} records verified in ${result.segments} segment(s), ${result.sealedSegments} sealed; verified up to seq ${result.lastGoodSeq})`,
  ];
  for (const p of result.problems) {
    const where = [p.segment, p.line !== undefined ? `line ${p.line}` : '', p.seq !== undefined ? `seq ${p.seq}` : '']
      .filter(Boolean)
      .join(' ');
    lines.push(`  ${p.severity === 'error' ? 'ERROR' : 'warn '} ${p.code}${where ? ` [${where}]` : ''}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function fail(io: CliIO, err: unknown): Promise<number> {
  if (!isTracehoundError(err)) throw err;
  io.err(`tracehound archive: ${err.code}: ${err.message}\n`);
  return 1;
}

export const archiveCommand: Command = {
  name: 'archive',
  summary: 'Verify the forensic archive, export an evidence bundle, or generate its signing key.',
  synopsis:
    'tracehound archive verify DIR [--public-key FILE] [--json] | export DIR --from ISO --to ISO [--session ID] --out DIR [--public-key FILE] | keygen --out DIR',
  help: `Subcommands:
  verify DIR     check every record hash, the hash chain, every sealed segment against its signed checkpoint,
                 the checkpoint chain and that every missing segment was deleted by retention. DIR may also be an
                 evidence bundle (a folder with manifest.json). Names the segment, line and seq of each problem.
  export DIR     write an evidence bundle folder (--out) with the records whose event time lies in [--from, --to]
                 (and of --session), the segments and checkpoints holding them, the public key(s), the source
                 verification result and a manifest with the SHA-256 of every file (also as SHA256SUMS).
  keygen         write a new Ed25519 key pair to --out: archive-signing-key.pem (0600) and archive-public-key.pem.

Options:
  --public-key FILE  pin the signer (PEM): without it signatures are checked against the key inside each checkpoint
  --from, --to ISO   export window (inclusive), e.g. 2025-03-01T00:00:00Z
  --session ID       export only records of this session
  --out DIR          bundle folder (export, must be new or empty) or key folder (keygen)
  --json             verify: print the result as JSON

Exit codes: 0 verified (warnings allowed) / exported / key written, 1 tampered or I/O error (TH_ARCHIVE_* codes,
see docs/archive.md), 2 usage error.
`,
  options: {
    'public-key': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    session: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [1, 2],
  async run({ values, positionals }, io) {
    const [action, dir] = positionals;
    const keyFile = str(values['public-key']);
    try {
      if (action === 'keygen') {
        const out = str(values.out);
        if (!out || dir !== undefined) throw new UsageError('keygen takes --out DIR and no other argument');
        const k = writeKeyPair(out);
        await io.out(
          `wrote ${k.privateKeyFile} (keep secret; set archive.signingKeyFile or TRACEHOUND_ARCHIVE_KEY)\nwrote ${k.publicKeyFile} (key id ${k.keyId}; give it to whoever verifies)\n`,
        );
        return 0;
      }
      if (action !== 'verify' && action !== 'export')
        throw new UsageError(`unknown subcommand '${action}' (verify, export, keygen)`);
      if (dir === undefined) throw new UsageError(`${action} needs the archive folder`);
      if (!existsSync(dir)) {
        io.err(`tracehound archive: TH_ARCHIVE_IO: ${dir} does not exist\n`);
        return 1;
      }
      const publicKey: KeyObject | undefined = keyFile ? loadPublicKeyFile(keyFile) : undefined;
      if (action === 'verify') {
        const result = isBundle(dir)
          ? verifyBundle(dir, publicKey)
          : verifyArchive(dir, publicKey ? { publicKey } : undefined);
        await io.out(values.json ? `${JSON.stringify(result)}\n` : report(result, dir));
        if (!result.ok && !values.json) io.err(`tracehound archive: TH_ARCHIVE_TAMPERED: ${dir} failed verification\n`);
        return result.ok ? 0 : 1;
      }
      const out = str(values.out);
      if (!out) throw new UsageError('export needs --out DIR');
      const from = isoArg('from', str(values.from));
      const to = isoArg('to', str(values.to));
      if (to < from) throw new UsageError('--to is before --from');
      const res = exportBundle(dir, { from, to, session: str(values.session), out, publicKey });
      await io.out(
        `wrote ${out}: ${res.recordCount} record(s) from ${res.segments.length} segment(s); manifest.json sha256 ${res.manifestSha256}\n` +
          (res.verification.ok
            ? ''
            : `warning: the source archive failed verification (see ${out}/verification.json)\n`),
      );
      return 0;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      return fail(io, err);
    }
  },
};
