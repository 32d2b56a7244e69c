import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ForwarderOptions } from './options.js';
import type { Signal } from './signal.js';
import { messageOfErrorBody } from './responses.js';

/**
 * Sends OTLP/HTTP protobuf requests to the next hop over keep-alive connections. The result says whether the hop
 * accepted, and if not whether the condition is retryable (connection failures, timeouts, 429, 5xx) or a permanent
 * rejection (other 4xx) — the receivers map that to 503/UNAVAILABLE or 400/INVALID_ARGUMENT.
 */

export type ForwardResult =
  | { ok: true }
  | {
      ok: false;
      retryable: boolean;
      reason: 'connection' | 'timeout' | 'status' | 'shutdown';
      status?: number;
      /** Safe to show: status line and the hop's own error message, never our payload. */
      message: string;
      retryAfterSeconds?: number;
    };

const PATHS: Record<Signal, string> = { traces: '/v1/traces', logs: '/v1/logs', metrics: '/v1/metrics' };
const MAX_ERROR_BODY = 64 * 1024;
/** Fastest deflate level: on LLM text it still compresses ~3-4x, at a fraction of the CPU of the default level. */
const GZIP_LEVEL = 1;

const gzipAsync = promisify(zlib.gzip);

function parseRetryAfter(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return undefined;
  const n = Number(s);
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const date = Date.parse(s);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export class Forwarder {
  private readonly base?: URL;
  private readonly agent?: http.Agent;
  private readonly headers: Record<string, string>;
  private readonly basePath: string = '';
  /** Requests in progress and how to abort each, so shutdown can stop them at its deadline. */
  private readonly outstanding = new Map<http.ClientRequest, () => void>();

  constructor(private readonly cfg: ForwarderOptions) {
    this.headers = { ...cfg.headers };
    if (!cfg.endpoint) return;
    this.base = new URL(cfg.endpoint);
    const p = this.base.pathname;
    this.basePath = p.endsWith('/') ? p.slice(0, -1) : p;
    const keepAlive = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16 };
    if (this.base.protocol === 'https:') {
      const tls = cfg.tls ?? {};
      this.agent = new https.Agent({
        ...keepAlive,
        ca: tls.caFile ? readFileSync(tls.caFile) : undefined,
        cert: tls.certFile ? readFileSync(tls.certFile) : undefined,
        key: tls.keyFile ? readFileSync(tls.keyFile) : undefined,
        rejectUnauthorized: !tls.insecureSkipVerify,
      });
    } else {
      this.agent = new http.Agent(keepAlive);
    }
  }

  /** False for the embedded default (no next hop): data is acknowledged once the pipeline ran. */
  get enabled(): boolean {
    return this.base !== undefined;
  }

  get compression(): ForwarderOptions['compression'] {
    return this.cfg.compression;
  }

  /**
   * Sends one request. `body` is uncompressed protobuf; `gzipped`, when given, is the same payload already gzip-encoded
   * (the client's own bytes) and is sent as is instead of compressing again.
   */
  async send(signal: Signal, body: Buffer, gzipped?: Buffer): Promise<ForwardResult> {
    if (!this.base || !this.agent) return { ok: true };
    let payload = body;
    const headers: Record<string, string> = { ...this.headers, 'content-type': 'application/x-protobuf' };
    if (this.cfg.compression === 'gzip') {
      payload = gzipped ?? (await gzipAsync(body, { level: GZIP_LEVEL }));
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(payload.length);
    const url = new URL(this.basePath + PATHS[signal], this.base);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<ForwardResult>((resolve) => {
      let settled = false;
      const finish = (r: ForwardResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.outstanding.delete(req);
        resolve(r);
      };
      const req = mod.request(url, { method: 'POST', agent: this.agent, headers }, (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < MAX_ERROR_BODY) chunks.push(c);
          size += c.length;
        });
        res.on('error', () =>
          finish({ ok: false, retryable: true, reason: 'connection', message: 'next hop response interrupted' }),
        );
        res.on('end', () => {
          if (status >= 200 && status < 300) return finish({ ok: true });
          const hopMessage = messageOfErrorBody(
            Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY),
            res.headers['content-type'],
          );
          const message = `next hop answered ${status}${hopMessage ? `: ${hopMessage}` : ''}`;
          const permanent = status >= 400 && status < 500 && status !== 429 && status !== 408;
          finish({
            ok: false,
            retryable: !permanent,
            reason: 'status',
            status,
            message,
            retryAfterSeconds: parseRetryAfter(res.headers['retry-after']),
          });
        });
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish({
          ok: false,
          retryable: true,
          reason: 'timeout',
          message: `next hop did not answer within ${this.cfg.timeoutMs} ms`,
        });
      }, this.cfg.timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) =>
        finish({
          ok: false,
          retryable: true,
          reason: 'connection',
          message: `cannot reach the next hop (${err.code ?? 'error'})`,
        }),
      );
      this.outstanding.set(req, () => {
        finish({
          ok: false,
          retryable: true,
          reason: 'shutdown',
          message: 'forwarding aborted at the shutdown deadline',
        });
        req.destroy();
      });
      req.end(payload);
    });
  }

  /** Requests to the next hop still waiting for its answer. */
  get inProgress(): number {
    return this.outstanding.size;
  }

  /**
   * Aborts every request still waiting for the next hop: each resolves as not accepted (reason 'shutdown'). The hop
   * may have received some of them already — the client is told to retry, so they may arrive twice (at-least-once).
   */
  abortAll(): void {
    for (const abort of [...this.outstanding.values()]) abort();
  }

  close(): void {
    this.agent?.destroy();
  }
}
