import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './proc.js';
import type { LoadGen, ServiceBenchResult } from './transport.bench.js';

/**
 * The service under benchmark as a user runs it: `tracehound serve` from the compiled CLI (processor/dist) in a child
 * process of its own, driven over OTLP/HTTP by the load generator; its CPU and peak RSS read from /proc (Linux), so the
 * bench process's own memory (the load generator's bookkeeping, the floor's buffers, tsx) is not counted.
 * Pass-through (no detection stage) is the same service built without stages, also from dist.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(root, 'processor', 'dist', 'cli', 'main.js');
const SERVICE = join(root, 'processor', 'dist', 'service', 'service.js');
const MiB = 1024 * 1024;
/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

export interface ChildServiceOptions {
  label: string;
  /** Undefined: pass-through (the service without a detection stage). */
  workers?: number;
  behavior?: boolean;
  spansPerRequest: number;
  durationMs?: number;
  concurrency?: number;
  rate?: number;
  /** Node options for the service process (e.g. ['--max-semi-space-size=8'] for an A/B). */
  execArgv?: string[];
}

/** CPU microseconds of a process (every thread) and of its main thread, from /proc. */
function cpuOf(pid: number): { process: number; main: number } | undefined {
  const read = (path: string): number => {
    const stat = readFileSync(path, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) / USER_HZ) * 1e6;
  };
  try {
    return { process: read(`/proc/${pid}/stat`), main: read(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a process over its life (VmHWM), in KiB; 0 when it cannot be read. */
function peakRssKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function serverYaml(port: number): string[] {
  return [
    'server:',
    `  http: { host: 127.0.0.1, port: ${port} }`,
    '  grpc: { enabled: false }',
    `  maxBodyBytes: ${64 * MiB}`,
    `  maxInFlightBytes: ${512 * MiB}`,
    '  retryAfterSeconds: 1',
    '  shutdownTimeoutMs: 5000',
  ];
}

/**
 * The row's configuration: the embedded defaults' detection settings, findings forwarded as log records (no file, no
 * console), no findings store (SQLite) and no archive, as the in-process rows ran; content only turns behavioral
 * detection and agent flows off.
 */
function configYaml(port: number, sinkUrl: string, o: ChildServiceOptions): string {
  return [
    ...serverYaml(port),
    'forward:',
    `  endpoint: ${sinkUrl}`,
    '  compression: none',
    '  timeoutMs: 30000',
    'findings: { file: "", console: false, forward: true }',
    `detection: { workers: ${o.workers ?? 1} }`,
    `behavior: { enabled: ${o.behavior ? 'true' : 'false'} }`,
    `flows: { enabled: ${o.behavior ? 'true' : 'false'} }`,
    'store: { enabled: false }',
    '',
  ].join('\n');
}

/** A pass-through service (no stages) from the compiled modules, configured on the command line. */
function passThroughScript(port: number, sinkUrl: string): string {
  return `
import { createService } from ${JSON.stringify(SERVICE)};
const service = createService({
  config: {
    server: { http: { enabled: true, host: '127.0.0.1', port: ${port} }, grpc: { enabled: false, host: '127.0.0.1', port: 0 },
      maxBodyBytes: ${64 * MiB}, maxInFlightBytes: ${512 * MiB}, retryAfterSeconds: 1, shutdownTimeoutMs: 5000 },
    forward: { endpoint: ${JSON.stringify(sinkUrl)}, headers: {}, compression: 'none', timeoutMs: 30000 },
  },
  stages: [],
});
await service.start();
process.on('SIGTERM', () => void service.shutdown().then(() => process.exit(0)));
`;
}

/** The child's last 4 KiB of stderr, shown only when it fails to start (its log is not the benchmark's output). */
function tailOf(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString('utf8')).slice(-4096)));
  return () => tail;
}

async function waitReady(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null)
      throw new Error(`the service exited during start-up (${child.exitCode}):\n${stderr()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the service did not become ready in 60 s');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** One scenario against a fresh service child process: warm-up (1 s), then the measured window. */
export async function runChildServiceBench(load: LoadGen, o: ChildServiceOptions): Promise<ServiceBenchResult> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'th-bench-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRACEHOUND_')));
  let child: ChildProcess;
  if (o.workers === undefined) {
    child = spawn(process.execPath, ['--input-type=module', '-e', passThroughScript(port, load.sinkUrl)], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    const config = join(dir, 'bench.yaml');
    writeFileSync(config, configYaml(port, load.sinkUrl, o));
    child = spawn(process.execPath, [...(o.execArgv ?? []), MAIN, 'serve', '--config', config], {
      cwd: dir,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  const stderr = tailOf(child);
  try {
    await waitReady(child, port, stderr);
    const url = `http://127.0.0.1:${port}/v1/traces`;
    const concurrency = o.concurrency ?? 4;
    await load.run({ url, gzip: false, durationMs: 1000, concurrency, freshIds: true }); // warm-up
    const pid = child.pid!;
    const cpu0 = cpuOf(pid);
    const r = await load.run({
      url,
      gzip: false,
      durationMs: o.durationMs ?? 8000,
      concurrency,
      freshIds: true,
      ...(o.rate ? { rate: o.rate } : {}),
    });
    const cpu1 = cpuOf(pid);
    const peak = peakRssKb(pid);
    const spans = Math.max(1, r.ok * o.spansPerRequest);
    const secs = r.elapsedMs / 1000;
    return {
      label: o.label,
      spansPerSec: (r.ok * o.spansPerRequest) / secs,
      requestsPerSec: r.ok / secs,
      p50Ms: r.p50,
      p99Ms: r.p99,
      peakRssMiB: peak / 1024,
      failed: r.failed,
      requests: r.ok + r.failed,
      requestBytes: r.requestBytes,
      cpuUsPerSpan: cpu0 && cpu1 ? (cpu1.process - cpu0.process) / spans : 0,
      ...(cpu0 && cpu1 ? { mainUsPerSpan: (cpu1.main - cpu0.main) / spans } : {}),
    };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}
