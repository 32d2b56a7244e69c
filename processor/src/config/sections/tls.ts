import { Type } from '@sinclair/typebox';

const file = (description: string) => Type.String({ minLength: 1, description });

/** Server-side TLS (receivers). Paths are resolved from the working directory. */
export const TlsServerConfigSchema = Type.Object(
  {
    certFile: file('PEM certificate chain presented to clients.'),
    keyFile: file('PEM private key of the certificate.'),
    clientCaFile: Type.Optional(file('PEM CA bundle; when set, clients must present a certificate it signed (mTLS).')),
  },
  { description: 'Serve TLS on this receiver.', additionalProperties: false },
);

/** Client-side TLS (the forwarder). */
export const TlsClientConfigSchema = Type.Object(
  {
    caFile: Type.Optional(file('PEM CA bundle that signs the next hop certificate (default: system roots).')),
    certFile: Type.Optional(file('Client certificate for mTLS (needs keyFile).')),
    keyFile: Type.Optional(file('Private key of the client certificate (needs certFile).')),
    insecureSkipVerify: Type.Optional(
      Type.Boolean({ description: 'Do not verify the next hop certificate. Testing only.' }),
    ),
  },
  { description: 'TLS options for the connection to the next hop (https endpoints).', additionalProperties: false },
);
