import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNextHop,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  type NextHop,
  type Running,
} from '../service/helpers.js';
import { hasOpenssl, makePki, type Pair, type Pki } from './pki.js';

/**
 * TLS and mTLS on both receivers and on the forwarder, with a throwaway PKI and the official OTLP exporters as
 * clients. Handshake failures are probed with raw clients so they fail at once instead of through exporter retries.
 */

const OPENSSL = hasOpenssl();
const TRACE_PATH = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';

const exported = (
  exporter: { export(s: ReadableSpan[], cb: (r: ExportResult) => void): void },
  spans: ReadableSpan[],
): Promise<ExportResult> => new Promise((resolve) => exporter.export(spans, resolve));
const serialize = (spans: ReadableSpan[]): Buffer => Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);

/** POSTs over HTTPS; resolves with the status, or with the error code when the handshake or connection fails. */
function httpsPost(url: string, body: Buffer, tls: https.RequestOptions): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = https.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, agent: false, ...tls },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}

/** One raw gRPC trace Export; resolves with the status code (0 = OK). */
function grpcExport(address: string, creds: grpc.ChannelCredentials, body: Buffer): Promise<number> {
  const client = new grpc.Client(address, creds);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      TRACE_PATH,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      new grpc.Metadata(),
      { deadline: Date.now() + 5000 },
      (err) => {
        client.close();
        resolve(err ? err.code : 0);
      },
    );
  });
}

interface HttpsHop {
  url: string;
  bodies: Buffer[];
  /** Whether each accepted request's client certificate was verified by the hop. */
  clientVerified: boolean[];
  close(): Promise<void>;
}

/** An OTLP/HTTP next hop over TLS; with `clientCa`, it also requires a client certificate that CA signed. */
async function httpsHop(server: Pair, clientCa?: Buffer): Promise<HttpsHop> {
  const hop: Omit<HttpsHop, 'url' | 'close'> = { bodies: [], clientVerified: [] };
  const srv = https.createServer(
    {
      cert: server.cert,
      key: server.key,
      ...(clientCa ? { ca: clientCa, requestCert: true, rejectUnauthorized: true } : {}),
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hop.bodies.push(Buffer.concat(chunks));
        hop.clientVerified.push((req.socket as TLSSocket).authorized);
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end();
      });
    },
  );
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    ...hop,
    url: `https://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
}

describe.skipIf(!OPENSSL)('TLS and mTLS (needs the openssl CLI to make a throwaway PKI)', () => {
  let pki: Pki;
  let hop: NextHop;
  let tlsSvc: Running;
  let mtlsSvc: Running;
  const cleanup: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    pki = makePki();
    cleanup.push(() => pki.remove());
    hop = createNextHop();
    await hop.listen();
    cleanup.push(() => hop.close());
    const serverTls = { certFile: pki.server.certFile, keyFile: pki.server.keyFile };
    tlsSvc = await startService(
      testConfig({ endpoint: hop.url }, { http: { tls: serverTls }, grpc: { tls: serverTls } }),
    );
    cleanup.push(() => tlsSvc.stop());
    const mutual = { ...serverTls, clientCaFile: pki.caFile };
    mtlsSvc = await startService(testConfig({ endpoint: hop.url }, { http: { tls: mutual }, grpc: { tls: mutual } }));
    cleanup.push(() => mtlsSvc.stop());
  });
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  const httpsUrl = (svc: Running): string => svc.httpUrl.replace('http://', 'https://');
  const grpcAddress = (svc: Running): string => svc.grpcUrl.replace('http://', '');

  describe('OTLP/HTTP receiver', () => {
    it('serves TLS: the official exporter trusting the CA delivers, the bytes reach the next hop unchanged', async () => {
      const spans = await makeSpans(4);
      const before = hop.requests.length;
      const exporter = new ProtoTraceExporter({
        url: `${httpsUrl(tlsSvc)}/v1/traces`,
        httpAgentOptions: { ca: pki.ca },
      });
      expect((await exported(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
      await exporter.shutdown();
      expect(hop.requests).toHaveLength(before + 1);
      expect(Buffer.compare(hop.requests[before].body, serialize(spans))).toBe(0);
    });

    it('a client that does not trust the CA, or speaks cleartext, gets nothing through', async () => {
      const body = serialize(await makeSpans(1));
      const untrusting = await httpsPost(`${httpsUrl(tlsSvc)}/v1/traces`, body, { ca: pki.rogueCa });
      expect(untrusting.status).toBeUndefined();
      expect(untrusting.error).toBeTruthy();
      const cleartext = await fetch(`${tlsSvc.httpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body,
      }).then(
        (r) => r.status,
        () => 'failed' as const,
      );
      expect(cleartext === 'failed' || cleartext >= 400).toBe(true);
    });

    it('mTLS: a client certificate signed by the CA is accepted', async () => {
      const spans = await makeSpans(3);
      const before = hop.requests.length;
      const exporter = new ProtoTraceExporter({
        url: `${httpsUrl(mtlsSvc)}/v1/traces`,
        httpAgentOptions: { ca: pki.ca, cert: pki.client.cert, key: pki.client.key },
      });
      expect((await exported(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
      await exporter.shutdown();
      expect(Buffer.compare(hop.requests[before].body, serialize(spans))).toBe(0);
    });

    it('mTLS: no client certificate, or one signed by another CA, is rejected before any data is read', async () => {
      const body = serialize(await makeSpans(2));
      const acceptedBefore = await metricValue(mtlsSvc.service, 'tracehound_receiver_accepted_spans_total');
      const hopBefore = hop.received;
      const url = `${httpsUrl(mtlsSvc)}/v1/traces`;
      const noCert = await httpsPost(url, body, { ca: pki.ca });
      const rogue = await httpsPost(url, body, { ca: pki.ca, cert: pki.rogueClient.cert, key: pki.rogueClient.key });
      for (const r of [noCert, rogue]) {
        expect(r.status).toBeUndefined();
        expect(r.error).toBeTruthy();
      }
      expect(await metricValue(mtlsSvc.service, 'tracehound_receiver_accepted_spans_total')).toBe(acceptedBefore);
      expect(hop.received).toBe(hopBefore);
      // The same client with its CA-signed certificate passes (the failures above were the certificate, nothing else).
      expect((await httpsPost(url, body, { ca: pki.ca, cert: pki.client.cert, key: pki.client.key })).status).toBe(200);
    });
  });

  describe('OTLP/gRPC receiver', () => {
    it('serves TLS to the official gRPC exporter', async () => {
      const spans = await makeSpans(5);
      const before = hop.requests.length;
      const exporter = new GrpcTraceExporter({
        url: `https://${grpcAddress(tlsSvc)}`,
        credentials: grpc.credentials.createSsl(pki.ca),
      });
      expect((await exported(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
      await exporter.shutdown();
      expect(Buffer.compare(hop.requests[before].body, serialize(spans))).toBe(0);
      // Insecure (plaintext) channels are not served on a TLS port.
      expect(await grpcExport(grpcAddress(tlsSvc), grpc.credentials.createInsecure(), serialize(spans))).toBe(
        grpc.status.UNAVAILABLE,
      );
    });

    it('mTLS: the official exporter with a CA-signed client certificate delivers', async () => {
      const spans = await makeSpans(2);
      const before = hop.requests.length;
      const exporter = new GrpcTraceExporter({
        url: `https://${grpcAddress(mtlsSvc)}`,
        credentials: grpc.credentials.createSsl(pki.ca, pki.client.key, pki.client.cert),
      });
      expect((await exported(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
      await exporter.shutdown();
      expect(Buffer.compare(hop.requests[before].body, serialize(spans))).toBe(0);
    });

    it('mTLS: no client certificate, or one signed by another CA, is refused', async () => {
      const body = serialize(await makeSpans(1));
      const acceptedBefore = await metricValue(mtlsSvc.service, 'tracehound_receiver_accepted_spans_total', {
        transport: 'grpc',
      });
      const noCert = await grpcExport(grpcAddress(mtlsSvc), grpc.credentials.createSsl(pki.ca), body);
      const rogue = await grpcExport(
        grpcAddress(mtlsSvc),
        grpc.credentials.createSsl(pki.ca, pki.rogueClient.key, pki.rogueClient.cert),
        body,
      );
      expect(noCert).toBe(grpc.status.UNAVAILABLE);
      expect(rogue).toBe(grpc.status.UNAVAILABLE);
      expect(
        await metricValue(mtlsSvc.service, 'tracehound_receiver_accepted_spans_total', { transport: 'grpc' }),
      ).toBe(acceptedBefore);
      expect(
        await grpcExport(
          grpcAddress(mtlsSvc),
          grpc.credentials.createSsl(pki.ca, pki.client.key, pki.client.cert),
          body,
        ),
      ).toBe(0);
    });
  });

  describe('forwarder', () => {
    async function forwardOnce(hopUrl: string, tls: Record<string, string | boolean>): Promise<Response> {
      const svc = await startService(testConfig({ endpoint: hopUrl, tls }));
      try {
        return await fetch(`${svc.httpUrl}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf' },
          body: serialize(await makeSpans(2)),
        });
      } finally {
        await svc.stop();
      }
    }

    it('verifies the next hop against forward.tls.caFile; an untrusted hop → 503 + Retry-After, nothing acknowledged', async () => {
      const trustedHop = await httpsHop(pki.server);
      const rogueHop = await httpsHop(pki.rogueServer);
      cleanup.push(
        () => trustedHop.close(),
        () => rogueHop.close(),
      );

      expect((await forwardOnce(trustedHop.url, { caFile: pki.caFile })).status).toBe(200);
      expect(trustedHop.bodies).toHaveLength(1);

      for (const [url, tls] of [
        [rogueHop.url, { caFile: pki.caFile }], // hop certificate signed by another CA
        [trustedHop.url, { caFile: pki.rogueCaFile }], // we trust the wrong CA
        [trustedHop.url, {}], // system roots do not know the test CA
      ] as const) {
        const res = await forwardOnce(url, tls);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('1');
        expect(res.headers.get('x-tracehound-error')).toBe('TH_NEXT_HOP_UNAVAILABLE');
      }
      expect(rogueHop.bodies).toHaveLength(0);
      expect(trustedHop.bodies).toHaveLength(1);
    });

    it('presents forward.tls.certFile/keyFile to a next hop that requires mTLS', async () => {
      const mtlsHop = await httpsHop(pki.server, pki.ca);
      cleanup.push(() => mtlsHop.close());
      const withCert = await forwardOnce(mtlsHop.url, {
        caFile: pki.caFile,
        certFile: pki.client.certFile,
        keyFile: pki.client.keyFile,
      });
      expect(withCert.status).toBe(200);
      expect(mtlsHop.clientVerified).toEqual([true]);
      expect((await forwardOnce(mtlsHop.url, { caFile: pki.caFile })).status).toBe(503);
      expect(mtlsHop.bodies).toHaveLength(1);
    });
  });
});
