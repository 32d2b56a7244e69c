import type { JsonSchema } from '../../config-section.js';

/** Server-side TLS (receivers). Paths are resolved from the working directory. */
export const tlsServerSchema: JsonSchema = {
  type: 'object',
  description: 'Serve TLS on this receiver.',
  additionalProperties: false,
  required: ['certFile', 'keyFile'],
  properties: {
    certFile: { type: 'string', minLength: 1, description: 'PEM certificate chain presented to clients.' },
    keyFile: { type: 'string', minLength: 1, description: 'PEM private key of the certificate.' },
    clientCaFile: {
      type: 'string',
      minLength: 1,
      description: 'PEM CA bundle; when set, clients must present a certificate it signed (mTLS).',
    },
  },
};

/** Client-side TLS (the forwarder). */
export const tlsClientSchema: JsonSchema = {
  type: 'object',
  description: 'TLS options for the connection to the next hop (https endpoints).',
  additionalProperties: false,
  properties: {
    caFile: {
      type: 'string',
      minLength: 1,
      description: 'PEM CA bundle that signs the next hop certificate (default: system roots).',
    },
    certFile: { type: 'string', minLength: 1, description: 'Client certificate for mTLS (needs keyFile).' },
    keyFile: { type: 'string', minLength: 1, description: 'Private key of the client certificate (needs certFile).' },
    insecureSkipVerify: { type: 'boolean', description: 'Do not verify the next hop certificate. Testing only.' },
  },
};
