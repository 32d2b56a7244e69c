import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@tracehound/core';
import type { Logger } from '../../src/log/logger.js';
import { createRegistry } from '../../src/metrics/registry.js';
import { JsonlFileSink } from '../../src/output/jsonl-file-sink.js';
import { ConsoleSink } from '../../src/output/console-sink.js';
import { ArchiveSink } from '../../src/output/archive-sink.js';
import { WebhookSink } from '../../src/response/webhook-sink.js';
import type { FindingSink } from '../../src/output/sink.js';
import type { SinkAccounting } from '../../src/output/sink-accounting.js';
import { createService } from '../../src/service/service.js';
import { keyPair, open, tempDir } from '../archive/helpers.js';
import { testConfig as serviceConfig } from '../service/helpers.js';

const f = (id: string, evidence = ''): Finding => ({
  id,
  timeUnixNano: 123n,
  rule: { id: 'TH-REF-001', name: 'R', category: 'refusal', owasp: [], atlas: [] },
  severity: 'low',
  score: 20,
  confidence: 1,
  channel: 'output',
  evidence,
  traceId: '',
  spanId: '',
  context: {},
});

/** A logger that keeps what was logged (with the bindings of its children). */
function capture(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const put = (level: string) => (obj: Record<string, unknown>, msg?: string) =>
      lines.push({ level, ...bindings, ...obj, msg });
    return {
      debug: put('debug'),
      info: put('info'),
      warn: put('warn'),
      error: put('error'),
      child: (b) => make({ ...bindings, ...b }),
    };
  };
  return { logger: make({}), lines };
}

async function sinkMetric(registry: ReturnType<typeof createRegistry>, sink: string, outcome: string): Promise<number> {
  const m = await registry.getSingleMetric('tracehound_sink_findings_total')?.get();
  return m?.values.find((v) => v.labels.sink === sink && v.labels.outcome === outcome)?.value ?? 0;
}

describe('the findings file sink', () => {
  it('counts and logs TH_FINDINGS_WRITE once per failure streak, and recovers when the path becomes writable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'th-sink-'));
    const blocker = join(dir, 'sub');
    writeFileSync(blocker, 'a file where the folder should be');
    const registry = createRegistry();
    const { logger, lines } = capture();
    const sink = new JsonlFileSink({ path: join(blocker, 'findings.jsonl'), registry, logger });
    sink.write([f('1'), f('2')]);
    await sink.forceFlush();
    sink.write([f('3')]);
    await sink.forceFlush();
    expect(await sinkMetric(registry, 'jsonl-file', 'failed')).toBe(3);
    const failures = lines.filter((l) => l.code === 'TH_FINDINGS_WRITE');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'warn', sink: 'jsonl-file', cause: expect.stringMatching(/^E[A-Z]+$/) });
    expect(JSON.stringify(lines)).not.toContain(dir); // the path is not logged

    rmSync(blocker);
    sink.write([f('4')]);
    await sink.forceFlush();
    expect(await sinkMetric(registry, 'jsonl-file', 'written')).toBe(1);
    expect(lines.some((l) => l.msg === 'finding sink writes again')).toBe(true);
    sink.write([f('5')]);
    rmSync(join(blocker), { recursive: true });
    writeFileSync(blocker, 'blocked again');
    await sink.forceFlush();
    expect(lines.filter((l) => l.code === 'TH_FINDINGS_WRITE')).toHaveLength(2); // a new streak is logged again
    await sink.shutdown();
  });
});

describe('writes after shutdown()', () => {
  const archiveDir = tempDir();
  const sinks: Array<[string, (o: { registry: ReturnType<typeof createRegistry>; logger: Logger }) => FindingSink]> = [
    ['jsonl-file', (o) => new JsonlFileSink({ path: join(mkdtempSync(join(tmpdir(), 'th-')), 'f.jsonl'), ...o })],
    ['console', (o) => new ConsoleSink(() => undefined, o)],
    ['archive', (o) => new ArchiveSink(open(archiveDir, keyPair().privateKey, Date.now), o)],
    [
      'webhook:soar',
      (o) =>
        new WebhookSink(
          { name: 'soar', url: 'http://127.0.0.1:9/hook', secret: 'whsec-0123456789abcdef' },
          { ...o, fetch: () => Promise.resolve(new Response(null, { status: 204 })) },
        ),
    ],
  ];

  it.each(sinks)('%s refuses them, counts every finding, logs TH_SINK_CLOSED once', async (name, make) => {
    const registry = createRegistry();
    const { logger, lines } = capture();
    const sink = make({ registry, logger });
    sink.write([f('before')]);
    await sink.shutdown();
    sink.write([f('a'), f('b')]);
    sink.write([f('c')]);
    const accounting = (sink as unknown as { accounting: SinkAccounting }).accounting;
    expect(accounting.counts.refused).toBe(3);
    expect(await sinkMetric(registry, name, 'refused')).toBe(3);
    expect(lines.filter((l) => l.code === 'TH_SINK_CLOSED')).toHaveLength(1);
  });
});

describe('the archive sink', () => {
  it('fails visibly: counted, logged with TH_ARCHIVE_IO, unhealthy (so /readyz fails) until an append succeeds', async () => {
    const registry = createRegistry();
    const { logger, lines } = capture();
    // Records over maxRecordBytes are refused by the archive: a real append failure, without faking the archive.
    const archive = open(tempDir(), keyPair().privateKey, Date.now, { maxRecordBytes: 1024 });
    const sink = new ArchiveSink(archive, { registry, logger });
    let reason: string | undefined;
    const service = createService({
      config: serviceConfig({}, { grpc: { enabled: false } }),
      stages: [],
      registry,
      unready: () => (sink.healthy() ? undefined : 'the archive cannot write'),
    });
    const { httpPort } = await service.start();
    const readyz = async () => {
      const r = await fetch(`http://127.0.0.1:${httpPort}/readyz`);
      reason = ((await r.json()) as { reason?: string }).reason;
      return r.status;
    };
    try {
      expect(await readyz()).toBe(200);
      sink.write([f('big-1', 'x'.repeat(4096)), f('big-2', 'y'.repeat(4096))]);
      await sink.forceFlush();
      await new Promise((r) => setImmediate(r));
      expect(sink.healthy()).toBe(false);
      expect(await readyz()).toBe(503);
      expect(reason).toBe('the archive cannot write');
      expect(await sinkMetric(registry, 'archive', 'failed')).toBe(2);
      expect(lines.filter((l) => l.code === 'TH_ARCHIVE_IO')).toHaveLength(1);

      sink.write([f('small')]);
      await sink.forceFlush();
      await new Promise((r) => setImmediate(r));
      expect(sink.healthy()).toBe(true);
      expect(await readyz()).toBe(200);
      expect(await sinkMetric(registry, 'archive', 'written')).toBe(1);
    } finally {
      await service.shutdown();
      await sink.shutdown();
    }
  });
});
