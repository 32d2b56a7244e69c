/**
 * `npm run soak`: a bounded (≈ 100 s) local load and fault run against the real `tracehound serve` (built dist, a
 * child process), with a client that retries like the Collector's OTLP/HTTP exporter (exponential backoff, honours
 * Retry-After, gives up after a maximum elapsed time) and an in-process next hop that records every span and finding
 * record it accepts. Faults, in order: a malformed-input mix throughout (invalid UTF-8, corrupt protobuf, bad gzip,
 * out-of-range OTLP/JSON, odd Content-Types), a next-hop outage for spans, the logs endpoint answering 503 then 404,
 * a burst of concurrent gzip bombs, stalled uploads, and two `kill -9` of the processor with restarts.
 *
 * Prints requests, status codes, RSS peak, lost and duplicated spans and findings, and writes them to
 * .tracehound/soak/reliability.md (not tracked); `npm run soak -- --write-docs` also updates docs/reliability.md
 * (between the SOAK markers). Not a test: nothing here gates CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as prettier from 'prettier';
import { decodeLenient, T } from '../src/otlp/proto.js';
import { SECRET_GENERATORS, seededRng } from '../../core/test/fixtures/secrets.js';
import { freePort, metricTotal, rssKb } from './proc.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(root, 'processor', 'dist', 'cli', 'main.js');
const DOC = join(root, 'docs', 'reliability.md');
const OUT = join(root, '.tracehound', 'soak', 'reliability.md');

/** Phase boundaries (seconds since start). */
const PLAN = {
  spansOutage: [15, 30] as const,
  logs503: [32, 40] as const,
  logs404: [40, 46] as const,
  bombsAt: 48,
  stallsAt: 50,
  kills: [58, 74],
  restartAfterMs: 1500,
  loadEnd: 86,
  drainMaxS: 25,
};
const WORKERS = 4;
const SPANS_PER_BATCH = 20;
const SECRETS_PER_BATCH = 2;
const PACE_MS = 60;
/** The client's retry policy (the Collector's retry_on_failure, scaled down to fit the run). */
const RETRY = { initialMs: 200, maxMs: 2000, maxElapsedMs: 60_000, timeoutMs: 10_000 };
const MiB = 1024 * 1024;

const t0 = performance.now();
const now = () => (performance.now() - t0) / 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rng = seededRng(4242);

// ---------------------------------------------------------------------------------------------------------------
// Next hop
// ---------------------------------------------------------------------------------------------------------------

const hopSpans = new Map<string, number>();
const hopFindings = new Map<string, number>();

function hopMode(path: string): number {
  const t = now();
  if (path === '/v1/traces' && t >= PLAN.spansOutage[0] && t < PLAN.spansOutage[1]) return 503;
  if (path === '/v1/logs' && t >= PLAN.logs503[0] && t < PLAN.logs503[1]) return 503;
  if (path === '/v1/logs' && t >= PLAN.logs404[0] && t < PLAN.logs404[1]) return 404;
  return 200;
}

interface PbAttr {
  key: string;
  value?: { stringValue?: string };
}
interface PbTraces {
  resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ spanId?: Uint8Array; traceId?: Uint8Array }> }> }>;
}
interface PbLogs {
  resourceLogs?: Array<{
    scopeLogs?: Array<{
      logRecords?: Array<{ eventName?: string; spanId?: Uint8Array; traceId?: Uint8Array; attributes?: PbAttr[] }>;
    }>;
  }>;
}
const hex = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('hex') : '');

const hop = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const status = hopMode(req.url ?? '');
    if (status === 200) {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = zlib.gunzipSync(body);
      if (req.url === '/v1/traces') {
        const r = decodeLenient(T.ExportTraceServiceRequest, body) as unknown as PbTraces;
        for (const rs of r.resourceSpans ?? [])
          for (const ss of rs.scopeSpans ?? [])
            for (const sp of ss.spans ?? []) {
              const k = hex(sp.spanId) + hex(sp.traceId);
              hopSpans.set(k, (hopSpans.get(k) ?? 0) + 1);
            }
      } else if (req.url === '/v1/logs') {
        const r = decodeLenient(T.ExportLogsServiceRequest, body) as unknown as PbLogs;
        for (const rl of r.resourceLogs ?? [])
          for (const sl of rl.scopeLogs ?? [])
            for (const rec of sl.logRecords ?? []) {
              if (rec.eventName !== 'tracehound.finding') continue;
              const rule = (rec.attributes ?? []).find((a) => a.key === 'rule.id')?.value?.stringValue;
              const k = `${hex(rec.spanId)}${hex(rec.traceId)}/${rule}`;
              hopFindings.set(k, (hopFindings.get(k) ?? 0) + 1);
            }
      }
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? '{}' : JSON.stringify({ code: 14, message: `hop ${status}` }));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Processor (child process), RSS sampling, kill -9 and restart
// ---------------------------------------------------------------------------------------------------------------

let child: ChildProcess | undefined;
let rssPeakKb = 0;
let lives = 0;
const scraped: string[] = [];

async function startProcessor(config: string, port: number): Promise<void> {
  lives++;
  const c = spawn(process.execPath, [MAIN, 'serve', '--config', config], {
    cwd: root,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRACEHOUND_'))),
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  child = c;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    if (c.exitCode !== null) throw new Error('the processor exited during start-up');
    await sleep(50);
  }
}

async function scrape(port: number): Promise<void> {
  try {
    scraped.push(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
  } catch {
    // a dead processor has no metrics
  }
}

function metricMax(name: string): number {
  let max = 0;
  for (const text of scraped) {
    const m = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
    if (m) max = Math.max(max, Number(m[1]) || 0);
  }
  return max;
}

function metricSum(name: string, label?: string): number {
  return scraped.reduce((sum, text) => sum + metricTotal(text, name, label), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Client: batches with unique ids and a few secrets; retries like the Collector's exporter
// ---------------------------------------------------------------------------------------------------------------

interface Batch {
  body: Buffer;
  spans: string[];
  secretSpans: string[];
}

let batchSeq = 0;
const str = (v: string) => ({ stringValue: v });

function makeBatch(): Batch {
  const n = ++batchSeq;
  const traceId = Buffer.alloc(16);
  traceId.writeUInt32BE(n, 12);
  traceId.writeUInt32BE(0x50a50a, 0);
  const spans: object[] = [];
  const ids: string[] = [];
  const secretIds: string[] = [];
  for (let i = 0; i < SPANS_PER_BATCH; i++) {
    const spanId = Buffer.alloc(8);
    spanId.writeUInt32BE(n, 0);
    spanId.writeUInt32BE(i + 1, 4);
    const key = spanId.toString('hex') + traceId.toString('hex');
    ids.push(key);
    const secret = i < SECRETS_PER_BATCH;
    if (secret) secretIds.push(key);
    const content = secret
      ? `Here is the deploy token: ${SECRET_GENERATORS.github_classic(rng)}`
      : 'The invoice for order 1182 was paid yesterday; the refund is on its way.';
    spans.push({
      traceId,
      spanId,
      name: i < 6 ? 'chat gpt-4o' : 'GET /api/orders',
      kind: 3,
      startTimeUnixNano: '1700000000000000000',
      endTimeUnixNano: '1700000000200000000',
      attributes:
        i < 6
          ? [
              { key: 'gen_ai.operation.name', value: str('chat') },
              { key: 'gen_ai.provider.name', value: str('openai') },
              { key: 'gen_ai.request.model', value: str('gpt-4o') },
              {
                key: 'gen_ai.output.messages',
                value: str(JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content }] }])),
              },
            ]
          : [{ key: 'http.url', value: str(`https://shop.example/api/orders/${n}`) }],
    });
  }
  const body = Buffer.from(
    T.ExportTraceServiceRequest.encode({
      resourceSpans: [
        { resource: { attributes: [{ key: 'service.name', value: str('soak-app') }] }, scopeSpans: [{ spans }] },
      ],
    }).finish(),
  );
  return { body, spans: ids, secretSpans: secretIds };
}

const statusCounts = new Map<string, number>();
const count = (k: string) => statusCounts.set(k, (statusCounts.get(k) ?? 0) + 1);
let requests = 0;
let port = 0;
const acked = new Set<string>();
const ackedSecrets = new Set<string>();
let gaveUp = 0;
let sentSpans = 0;
let retries = 0;

function send(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; retryAfter?: string; code?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            code: res.headers['x-tracehound-error'] as string | undefined,
          }),
        );
        res.on('error', () => resolve({ status: 0, code: 'response error' }));
      },
    );
    req.setTimeout(RETRY.timeoutMs, () => req.destroy());
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, code: e.code ?? 'error' }));
    req.end(body);
  });
}

/** One batch through the retrying exporter: true when acknowledged. */
async function export_(batch: Batch): Promise<boolean> {
  const start = performance.now();
  sentSpans += batch.spans.length;
  for (let attempt = 1; ; attempt++) {
    requests++;
    const r = await send('/v1/traces', batch.body, { 'content-type': 'application/x-protobuf' });
    count(r.status === 0 ? `conn:${r.code}` : String(r.status));
    if (r.status === 200) {
      for (const s of batch.spans) acked.add(s);
      for (const s of batch.secretSpans) ackedSecrets.add(s);
      return true;
    }
    const retryable = r.status === 0 || r.status === 429 || r.status === 502 || r.status === 503 || r.status === 504;
    if (!retryable) return false;
    const backoff = Math.min(RETRY.maxMs, RETRY.initialMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5);
    const wait = Math.min(RETRY.maxMs, Math.max(backoff, Number(r.retryAfter ?? 0) * 1000));
    if (performance.now() - start + wait > RETRY.maxElapsedMs) {
      gaveUp += batch.spans.length;
      return false;
    }
    retries++;
    await sleep(wait);
  }
}

async function worker(): Promise<void> {
  while (now() < PLAN.loadEnd) {
    await export_(makeBatch());
    await sleep(PACE_MS);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Malformed mix, gzip bombs, stalled uploads
// ---------------------------------------------------------------------------------------------------------------

const malformed = new Map<string, Map<string, number>>();
function countBad(kind: string, status: string): void {
  const m = malformed.get(kind) ?? new Map<string, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  malformed.set(kind, m);
}

function invalidUtf8Batch(): Batch {
  const b = makeBatch();
  const body = Buffer.from(b.body);
  const at = body.indexOf(Buffer.from('shop.example'));
  if (at >= 0) body[at] = 0xff;
  return { ...b, body };
}

const BAD: Array<[string, () => { path: string; body: Buffer; headers: Record<string, string> }]> = [
  [
    'corrupt protobuf',
    () => ({
      path: '/v1/traces',
      body: Buffer.from([0x0a, 0xff, 0xff, 0x01]),
      headers: { 'content-type': 'application/x-protobuf' },
    }),
  ],
  [
    'bad gzip',
    () => ({
      path: '/v1/traces',
      body: Buffer.from('not gzip at all'),
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' },
    }),
  ],
  [
    'JSON intValue > 2^64',
    () => ({
      path: '/v1/traces',
      body: Buffer.from(
        JSON.stringify({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: '01'.repeat(16),
                      spanId: '02'.repeat(8),
                      attributes: [{ key: 'n', value: { intValue: '99999999999999999999' } }],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      ),
      headers: { 'content-type': 'application/json' },
    }),
  ],
  [
    'invalid JSON',
    () => ({
      path: '/v1/traces',
      body: Buffer.from('{"resourceSpans": [}'),
      headers: { 'content-type': 'application/json' },
    }),
  ],
  [
    'empty Content-Type',
    () => ({ path: '/v1/traces', body: Buffer.from([0x0a, 0x00]), headers: { 'content-type': '' } }),
  ],
  [
    'huge Content-Type',
    () => ({
      path: '/v1/traces',
      body: Buffer.from([0x0a, 0x00]),
      headers: { 'content-type': `x/${'y'.repeat(8000)}` },
    }),
  ],
  [
    'unknown encoding',
    () => ({
      path: '/v1/traces',
      body: Buffer.from([0x0a, 0x00]),
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'zstd' },
    }),
  ],
];

async function malformedMix(): Promise<void> {
  let i = 0;
  while (now() < PLAN.loadEnd) {
    if (i % 4 === 0) {
      // Invalid UTF-8 in an otherwise good batch: must be accepted and scanned, counted with the good load.
      const ok = await export_(invalidUtf8Batch());
      countBad('invalid UTF-8 (scanned, retried like good data)', ok ? '200' : 'not acked');
    } else {
      const [kind, make] = BAD[i % BAD.length];
      const r = make();
      requests++;
      const res = await send(r.path, r.body, r.headers);
      count(res.status === 0 ? `conn:${res.code}` : String(res.status));
      countBad(kind, res.status === 0 ? 'conn' : String(res.status));
    }
    i++;
    await sleep(200);
  }
}

async function bombs(): Promise<void> {
  const big = T.ExportTraceServiceRequest.encode({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: Buffer.alloc(16, 9),
                spanId: Buffer.alloc(8, 9),
                name: 'bomb',
                attributes: [{ key: 'blob', value: str('a'.repeat(12 * MiB)) }],
              },
            ],
          },
        ],
      },
    ],
  }).finish();
  const gz = zlib.gzipSync(big, { level: 9 });
  const all = await Promise.all(
    Array.from({ length: 24 }, async () => {
      requests++;
      const r = await send('/v1/traces', gz, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' });
      count(r.status === 0 ? `conn:${r.code}` : String(r.status));
      return r;
    }),
  );
  for (const r of all)
    countBad(`gzip bomb (${(gz.length / 1024).toFixed(0)} KB → 12 MiB), 24 at once`, String(r.status));
}

const stallCutoffs: number[] = [];
async function stalls(): Promise<void> {
  await Promise.all(
    Array.from(
      { length: 6 },
      () =>
        new Promise<void>((resolve) => {
          const started = performance.now();
          const s = net.connect(port, '127.0.0.1', () => {
            s.write(
              'POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\nContent-Length: 1000000\r\n\r\n',
            );
            s.write(Buffer.alloc(1000, 0x0a));
          });
          let head = '';
          s.on('data', (d) => (head += d.toString('latin1')));
          const done = () => {
            requests++;
            const status = head.slice(9, 12) || 'closed';
            count(status);
            countBad('stalled upload', status);
            stallCutoffs.push((performance.now() - started) / 1000);
            resolve();
          };
          s.on('close', done);
          s.on('error', () => undefined);
        }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error('build first: npm run build');
  await new Promise<void>((r) => hop.listen(0, '127.0.0.1', () => r()));
  const hopPort = (hop.address() as AddressInfo).port;
  port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'th-soak-'));
  const findingsFile = join(dir, 'findings.jsonl');
  const config = join(dir, 'soak.yaml');
  writeFileSync(
    config,
    [
      'server:',
      `  http: { host: 127.0.0.1, port: ${port} }`,
      '  grpc: { enabled: false }',
      `  maxBodyBytes: ${16 * MiB}`,
      `  maxInFlightBytes: ${64 * MiB}`,
      '  retryAfterSeconds: 1',
      '  shutdownTimeoutMs: 5000',
      '  bodyTimeoutMs: 3000',
      'forward:',
      `  endpoint: http://127.0.0.1:${hopPort}`,
      '  timeoutMs: 5000',
      'capture: { mode: redacted }',
      `findings: { file: ${JSON.stringify(findingsFile)}, console: false, forward: true, forwardRetryMs: 60000 }`,
      // The findings store in the run's temp dir, not the checkout's .tracehound/ (its bounds: npm run soak:store).
      `store: { path: ${JSON.stringify(join(dir, 'store.db'))} }`,
      '',
    ].join('\n'),
  );
  await startProcessor(config, port);
  const sampler = setInterval(() => {
    if (child?.pid) rssPeakKb = Math.max(rssPeakKb, rssKb(child.pid));
  }, 100);

  const faults = (async () => {
    await sleep(PLAN.bombsAt * 1000 - performance.now() + t0);
    await bombs();
    await sleep(Math.max(0, PLAN.stallsAt * 1000 - performance.now() + t0));
    void stalls();
    for (const at of PLAN.kills) {
      await sleep(Math.max(0, at * 1000 - performance.now() + t0));
      await scrape(port);
      child?.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));
      await sleep(PLAN.restartAfterMs);
      await startProcessor(config, port);
    }
  })();

  await Promise.all([...Array.from({ length: WORKERS }, () => worker()), malformedMix(), faults]);
  const loadEndedAt = now();
  // Let the queued finding records drain, then stop the processor cleanly.
  const drainEnd = now() + PLAN.drainMaxS;
  while (now() < drainEnd) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined))?.text();
    const queued = Number(/^tracehound_findings_forward_queue_records (\S+)/m.exec(text ?? '')?.[1] ?? 0);
    if (queued === 0) break;
    await sleep(250);
  }
  await scrape(port);
  child?.kill('SIGTERM');
  const exit = await new Promise<number | null>((r) => child?.once('exit', (code) => r(code)));
  clearInterval(sampler);
  hop.close();

  // Tally.
  const lost = [...acked].filter((s) => !hopSpans.has(s)).length;
  // Client batches only (the gzip bombs repeat one span id on purpose).
  const dupSpans = [...hopSpans.entries()].filter(([k, n]) => n > 1 && acked.has(k)).length;
  const fileLines = readFileSync(findingsFile, 'utf8').split('\n').filter(Boolean);
  const fileKeys = new Map<string, number>();
  for (const l of fileLines) {
    const f = JSON.parse(l) as { spanId: string; traceId: string; rule: { id: string } };
    const k = `${f.spanId}${f.traceId}/${f.rule.id}`;
    fileKeys.set(k, (fileKeys.get(k) ?? 0) + 1);
  }
  const secretSpanKeys = (m: Map<string, number>) => new Set([...m.keys()].map((k) => k.split('/')[0]));
  const hopFound = secretSpanKeys(hopFindings);
  const fileFound = secretSpanKeys(fileKeys);
  const missingAtHop = [...ackedSecrets].filter((s) => !hopFound.has(s)).length;
  const missingInFile = [...ackedSecrets].filter((s) => !fileFound.has(s)).length;
  const dupRecords = [...hopFindings.values()].reduce((a, n) => a + (n - 1), 0);
  const dupFile = [...fileKeys.values()].reduce((a, n) => a + (n - 1), 0);
  const dropped = (reason: string) => metricSum('tracehound_findings_forward_dropped_total', `reason="${reason}"`);
  const droppedCounted = ['rejected', 'expired', 'queue_full', 'shutdown'].reduce((a, r) => a + dropped(r), 0);
  const codes = [...statusCounts.entries()]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const rows: Array<[string, string]> = [
    [
      'duration',
      `${loadEndedAt.toFixed(0)} s of load + ${(now() - loadEndedAt).toFixed(0)} s drain; processor lives: ${lives} (2 × kill -9)`,
    ],
    ['requests', `${requests} (${(requests / loadEndedAt).toFixed(0)}/s); client retries: ${retries}`],
    ['status codes', codes],
    ['RSS peak (processor)', `${(rssPeakKb / 1024).toFixed(0)} MiB (maxInFlightBytes 64 MiB, maxBodyBytes 16 MiB)`],
    ['spans sent / acknowledged', `${sentSpans} / ${acked.size} (client gave up on ${gaveUp})`],
    ['acknowledged spans lost', String(lost)],
    [
      'spans at the next hop more than once',
      `${dupSpans} (at-least-once: a batch forwarded just before a kill -9 is re-sent by the client)`,
    ],
    [
      'leaking spans acknowledged / with their finding at the next hop',
      `${ackedSecrets.size} / ${ackedSecrets.size - missingAtHop}: ${droppedCounted} dropped and counted by the processor (logs endpoint 404 → rejected: ${dropped('rejected')}, expired: ${dropped('expired')}, queue full: ${dropped('queue_full')}, shutdown: ${dropped('shutdown')}), ${Math.max(0, missingAtHop - droppedCounted)} lost uncounted (queued in memory at a kill -9)`,
    ],
    [
      'leaking spans without their finding in the findings file',
      `${missingInFile} (written after the acknowledgement, not yet on disk at a kill -9)`,
    ],
    ['finding records duplicated at the next hop / in the file', `${dupRecords} / ${dupFile}`],
    ['stage failures (batches refused, never forwarded unscanned)', String(metricSum('tracehound_stage_errors_total'))],
    [
      'stalled uploads cut off after',
      stallCutoffs.length
        ? `${Math.min(...stallCutoffs).toFixed(1)}–${Math.max(...stallCutoffs).toFixed(1)} s (bodyTimeoutMs 3 s)`
        : 'n/a',
    ],
    [
      'in-flight bytes peak (charged to maxInFlightBytes)',
      `${(metricMax('tracehound_inflight_bytes_peak') / MiB).toFixed(1)} MiB (highest of the processor lives)`,
    ],
    ['exit code of the final SIGTERM', String(exit)],
  ];
  const bad = [...malformed.entries()].map(
    ([k, m]) => [k, [...m.entries()].map(([s, n]) => `${s} × ${n}`).join(', ')] as [string, string],
  );
  const table = (r: Array<[string, string]>) =>
    ['| | |', '|---|---|', ...r.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
  const markdown = `${table(rows)}\n\nMalformed mix (answers by kind):\n\n${table(bad)}\n`;
  console.log(markdown);
  const stamp = `Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}.`;
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `# Soak run\n\n${stamp}\n\n${markdown}`);
  console.log(`wrote ${OUT}`);
  if (!process.argv.includes('--write-docs') || !existsSync(DOC)) return;
  const doc = readFileSync(DOC, 'utf8');
  const begin = '<!-- BEGIN SOAK (npm run soak) -->';
  const end = '<!-- END SOAK -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) return;
  const updated = `${doc.slice(0, a + begin.length)}\n\n${stamp}\n\n${markdown}\n${doc.slice(b)}`;
  // Formatted like every other file (prettier aligns the tables), so `npm run lint` stays clean.
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(updated, { ...options, filepath: DOC }));
  console.log(`wrote ${DOC}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    child?.kill('SIGKILL');
    process.exit(1);
  },
);
