/** Ed25519 keys of the archive: generation, loading and identification. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TracehoundError } from '../errors.js';
import { sha256Hex } from './format.js';

export const ARCHIVE_KEY_ENV = 'TRACEHOUND_ARCHIVE_KEY';
export const PRIVATE_KEY_FILE = 'archive-signing-key.pem';
export const PUBLIC_KEY_FILE = 'archive-public-key.pem';

export type KeySource = 'deps' | 'env' | 'file' | 'ephemeral';

function requireEd25519(key: KeyObject, where: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TracehoundError(
      'TH_ARCHIVE_KEY',
      `${where}: expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`,
    );
  }
  return key;
}

/** Environment values often arrive with literal "\n" instead of newlines. */
function normalizePem(text: string): string {
  return text.includes('\\n') ? text.split('\\n').join('\n') : text;
}

export function parsePrivateKey(pem: string, where: string): KeyObject {
  try {
    return requireEd25519(createPrivateKey(normalizePem(pem)), where);
  } catch (err) {
    if (err instanceof TracehoundError) throw err;
    throw new TracehoundError('TH_ARCHIVE_KEY', `${where}: not a PEM private key`);
  }
}

/** Accepts a public key PEM, or a private key PEM (its public half is used). */
export function parsePublicKey(pem: string, where: string): KeyObject {
  try {
    return requireEd25519(createPublicKey(normalizePem(pem)), where);
  } catch (err) {
    if (err instanceof TracehoundError) throw err;
    throw new TracehoundError('TH_ARCHIVE_KEY', `${where}: not a PEM public key`);
  }
}

export function loadPublicKeyFile(path: string): KeyObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new TracehoundError('TH_ARCHIVE_KEY', `cannot read ${path}`);
  }
  return parsePublicKey(text, path);
}

export function publicKeyDer(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' });
}

/** Short stable identifier of a key: first 16 hex of SHA-256 over its SPKI DER. */
export function publicKeyId(key: KeyObject): string {
  return sha256Hex(publicKeyDer(key)).slice(0, 16);
}

export function publicKeyFromDerBase64(b64: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

export function publicKeyPem(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'pem' }).toString();
}

export interface ResolvedKey {
  key: KeyObject;
  source: KeySource;
}

/** The signing key: env TRACEHOUND_ARCHIVE_KEY (PEM text), else the configured file, else a fresh ephemeral key. */
export function resolveSigningKey(opts: { file?: string; env?: NodeJS.ProcessEnv }): ResolvedKey {
  const fromEnv = opts.env?.[ARCHIVE_KEY_ENV];
  if (fromEnv && fromEnv.trim() !== '') return { key: parsePrivateKey(fromEnv, ARCHIVE_KEY_ENV), source: 'env' };
  if (opts.file) {
    let text: string;
    try {
      text = readFileSync(opts.file, 'utf8');
    } catch {
      throw new TracehoundError('TH_ARCHIVE_KEY', `cannot read ${opts.file}`);
    }
    return { key: parsePrivateKey(text, opts.file), source: 'file' };
  }
  return { key: generateKeyPairSync('ed25519').privateKey, source: 'ephemeral' };
}

/** Generate a key pair and write it to DIR (private key mode 0600). */
export function writeKeyPair(dir: string): { privateKeyFile: string; publicKeyFile: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dir, { recursive: true });
  const privateKeyFile = join(dir, PRIVATE_KEY_FILE);
  const publicKeyFile = join(dir, PUBLIC_KEY_FILE);
  // 'wx': never overwrite an existing key, which would orphan every checkpoint signed with it.
  try {
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(publicKeyFile, publicKeyPem(publicKey), { mode: 0o644, flag: 'wx' });
  } catch (err) {
    throw new TracehoundError(
      'TH_ARCHIVE_KEY',
      `cannot write the key pair in ${dir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  return { privateKeyFile, publicKeyFile, keyId: publicKeyId(publicKey) };
}
