import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { idOffsets, withFreshIds } from './fresh-ids.js';
import { generateTraceRequestWithIds } from './llm-spans.js';

/**
 * Benchmark load generator, run as a child process so the service under test has the parent's event loop to itself.
 * It hosts the sink (the next hop) and the client. Protocol over IPC:
 *   parent → {type:'init', spansPerRequest, distinctBodies, systemPool?}  child → {type:'ready', sinkUrl}
 *   parent → {type:'run', url, gzip, durationMs, concurrency, freshIds, rate?}  child → {type:'result', ...}
 * freshIds (uncompressed only): every request gets trace and span ids never sent before (fresh-ids.ts), so the
 * service analyses each span instead of replaying a retried batch.
 * rate (requests/s): an open-loop client instead of `concurrency` closed loops. A request is due every 1/rate s
 * whether or not the earlier ones were answered, and its latency is counted from when it was due (a client that
 * waited would hide the queueing it causes: coordinated omission). At most MAX_OUTSTANDING requests are in flight;
 * a request due beyond that is not sent and counted as failed.
 */

interface RunMsg {
  type: 'run';
  url: string;
  gzip: boolean;
  durationMs: number;
  concurrency: number;
  freshIds?: boolean;
  rate?: number;
}

const MAX_OUTSTANDING = 256;

let bodies: Buffer[] = [];
let offsets: number[][] = [];
/** Requests sent with fresh ids, over all runs: ids never repeat within the load generator's life. */
let sequence = 0;
let gzBodies: Buffer[] = [];
let sinkBytes = 0;
let sinkRequests = 0;

const sink = http.createServer((req, res) => {
  req.on('data', (c: Buffer) => (sinkBytes += c.length));
  req.on('end', () => {
    sinkRequests++;
    res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': '0' });
    res.end();
  });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: URL, body: Buffer, gzip: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': 'application/x-protobuf',
      'content-length': String(body.length),
    };
    if (gzip) headers['content-encoding'] = 'gzip';
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(msg: RunMsg): Promise<void> {
  const url = new URL(msg.url);
  const pool = msg.gzip ? gzBodies : bodies;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let i = 0;
  const start = performance.now();
  const end = start + msg.durationMs;
  sinkBytes = 0;
  sinkRequests = 0;
  const next = (): Buffer => {
    const k = i++ % pool.length;
    return msg.freshIds && !msg.gzip ? withFreshIds(pool[k], offsets[k], ++sequence) : pool[k];
  };
  if (msg.rate) {
    const interval = 1000 / msg.rate;
    const pending: Array<Promise<void>> = [];
    let outstanding = 0;
    for (let k = 0; start + k * interval < end; k++) {
      const due = start + k * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (outstanding >= MAX_OUTSTANDING) {
        failed++;
        continue;
      }
      outstanding++;
      pending.push(
        post(url, next(), msg.gzip).then(
          (status) => {
            outstanding--;
            latencies.push(performance.now() - due);
            if (status === 200) ok++;
            else failed++;
          },
          () => {
            outstanding--;
            failed++;
          },
        ),
      );
    }
    await Promise.all(pending);
  } else
    await Promise.all(
      Array.from({ length: msg.concurrency }, async () => {
        while (performance.now() < end) {
          const body = next();
          const t = performance.now();
          const status = await post(url, body, msg.gzip);
          latencies.push(performance.now() - t);
          if (status === 200) ok++;
          else failed++;
        }
      }),
    );
  const elapsedMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  process.send!({
    type: 'result',
    ok,
    failed,
    elapsedMs,
    p50: q(0.5),
    p99: q(0.99),
    sinkRequests,
    sinkBytes,
    requestBytes: pool[0].length,
  });
}

process.on('message', (msg: { type: string } & Record<string, unknown>) => {
  if (msg.type === 'init') {
    const n = msg.spansPerRequest as number;
    const generated = Array.from({ length: msg.distinctBodies as number }, (_, k) =>
      generateTraceRequestWithIds(n, k + 1, { systemPool: msg.systemPool as number | undefined }),
    );
    bodies = generated.map((g) => g.body);
    offsets = generated.map((g) => idOffsets(g.body, g.ids));
    gzBodies = bodies.map((b) => zlib.gzipSync(b, { level: 1 }));
    sink.listen(0, '127.0.0.1', () => {
      process.send!({ type: 'ready', sinkUrl: `http://127.0.0.1:${(sink.address() as AddressInfo).port}` });
    });
  } else if (msg.type === 'run') {
    void run(msg as unknown as RunMsg);
  } else if (msg.type === 'exit') {
    agent.destroy();
    sink.close();
    process.exit(0);
  }
});
