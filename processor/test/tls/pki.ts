import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PKI made with the openssl CLI at test time (nothing secret lives in the repo): a trusted CA with a
 * server certificate for 127.0.0.1 and a client certificate, and a second, untrusted CA with its own client and
 * server certificates. P-256 keys keep generation fast.
 */

export interface Pair {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

export interface Pki {
  dir: string;
  caFile: string;
  ca: Buffer;
  server: Pair;
  client: Pair;
  rogueCaFile: string;
  rogueCa: Buffer;
  rogueClient: Pair;
  rogueServer: Pair;
  remove(): void;
}

export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

// Extensions given explicitly so the result does not depend on the system openssl.cnf.
const CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = tracehound-test
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
[client_ext]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
`;

function openssl(cwd: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function makeCa(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    '-config',
    'openssl.cnf',
    '-extensions',
    'ca_ext',
    ...KEY,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
  ]);
}

function makeLeaf(dir: string, ca: string, name: string, ext: 'server_ext' | 'client_ext', serial: number): Pair {
  openssl(dir, [
    'req',
    '-new',
    '-config',
    'openssl.cnf',
    ...KEY,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-set_serial',
    String(serial),
    '-days',
    '2',
    '-extfile',
    'openssl.cnf',
    '-extensions',
    ext,
    '-out',
    `${name}.pem`,
  ]);
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
}

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'tracehound-pki-'));
  writeFileSync(join(dir, 'openssl.cnf'), CONFIG);
  makeCa(dir, 'ca');
  makeCa(dir, 'rogue-ca');
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    ca: readFileSync(join(dir, 'ca.pem')),
    server: makeLeaf(dir, 'ca', 'server', 'server_ext', 1),
    client: makeLeaf(dir, 'ca', 'client', 'client_ext', 2),
    rogueCaFile: join(dir, 'rogue-ca.pem'),
    rogueCa: readFileSync(join(dir, 'rogue-ca.pem')),
    rogueClient: makeLeaf(dir, 'rogue-ca', 'rogue-client', 'client_ext', 3),
    rogueServer: makeLeaf(dir, 'rogue-ca', 'rogue-server', 'server_ext', 4),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
