/**
 * Stalled uploads are cut off (issue 22, item 3): a client that sends headers and part of a body, then nothing, gets
 * 408 TH_REQUEST_TIMEOUT after server.bodyTimeoutMs over HTTP (DEADLINE_EXCEEDED over gRPC), its bytes are given back
 * to the in-flight budget, and real batches keep flowing meanwhile instead of getting 429.
 */
import http2 from 'node:http2';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  createNextHop,
  makeSpans,
  metricValue,
  startService,
  testConfig,
  until,
  type NextHop,
  type Running,
} from './helpers.js';

const BODY_TIMEOUT_MS = 300;

/** Opens a raw connection, sends the headers and `sent` of `declared` body bytes, then stalls. */
function stallHttp(
  port: number,
  declared: number,
  sent: number,
): Promise<{ response: Promise<string>; socket: net.Socket }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: ${declared}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(sent, 0x0a));
      let text = '';
      const response = new Promise<string>((r) => {
        socket.on('data', (d) => (text += d.toString('latin1')));
        socket.on('close', () => r(text));
        socket.on('error', () => r(text));
      });
      resolve({ response, socket });
    });
  });
}

describe('stalled request bodies', () => {
  let hop: NextHop;
  let svc: Running;
  beforeAll(async () => {
    hop = createNextHop();
    await hop.listen();
    svc = await startService(
      testConfig(
        { endpoint: hop.url },
        { bodyTimeoutMs: BODY_TIMEOUT_MS, maxInFlightBytes: 2 * 1024 * 1024, maxBodyBytes: 1024 * 1024 },
      ),
    );
  });
  afterAll(async () => {
    await svc?.stop();
    await hop?.close();
  });

  it('HTTP: a body that stops arriving is answered 408 TH_REQUEST_TIMEOUT and the connection closed', async () => {
    const port = Number(new URL(svc.httpUrl).port);
    // Four stalled uploads that together hold the whole in-flight budget.
    const stalled = await Promise.all([1, 2, 3, 4].map(() => stallHttp(port, 1024 * 1024, 500 * 1024)));
    await until(
      async () => (await metricValue(svc.service, 'tracehound_inflight_bytes')) >= 1.9 * 1024 * 1024,
      'bytes held',
    );
    const answers = await Promise.all(stalled.map((s) => s.response));
    for (const text of answers) {
      expect(text.startsWith('HTTP/1.1 408')).toBe(true);
      expect(text.toLowerCase()).toContain('x-tracehound-error: th_request_timeout');
      expect(text.toLowerCase()).toContain('connection: close');
      expect(text).toContain('TH_REQUEST_TIMEOUT');
    }
    expect(await metricValue(svc.service, 'tracehound_inflight_bytes')).toBe(0);
    expect(await metricValue(svc.service, 'tracehound_receiver_requests_total', { code: 'TH_REQUEST_TIMEOUT' })).toBe(
      4,
    );
    // Real batches go through afterwards (and would have been refused 429 for as long as the stalls held the budget).
    const res = await fetch(`${svc.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: ProtobufTraceSerializer.serializeRequest(await makeSpans(2))!,
    });
    expect(res.status).toBe(200);
  });

  it('gRPC: a call whose message never completes is ended with DEADLINE_EXCEEDED (TH_REQUEST_TIMEOUT)', async () => {
    const session = http2.connect(svc.grpcUrl);
    const stream = session.request({
      ':method': 'POST',
      ':path': '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    // gRPC framing: not compressed, length 100000, then only 10 bytes of it.
    const prefix = Buffer.alloc(5);
    prefix.writeUInt32BE(100_000, 1);
    stream.write(Buffer.concat([prefix, Buffer.alloc(10, 0x0a)]));
    const trailers = await new Promise<http2.IncomingHttpHeaders>((resolve) => {
      stream.on('response', (h) => h['grpc-status'] !== undefined && resolve(h)); // trailers-only answer
      stream.on('trailers', (t) => resolve(t));
      stream.on('error', () => {});
      stream.resume();
    });
    session.on('error', () => {});
    session.destroy();
    expect(trailers['grpc-status']).toBe('4'); // DEADLINE_EXCEEDED
    expect(decodeURIComponent(String(trailers['grpc-message']))).toContain('TH_REQUEST_TIMEOUT');
  });
});
