import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../src/index.js';
import { dashboardQueries, EXAMPLE_VARIABLES, substitute } from '../src/queries.js';
import { ALERTS_FILE } from './support/alert-rules.js';
import { startProcessor, type RunningProcessor } from './support/processor.js';
import { chaosTraces, otlpLogs, otlpTraces, roundSpans } from './support/traffic.js';

/**
 * A real Prometheus (Debian's `prometheus`) scrapes a real processor, started in-process, while attack and benign
 * OTLP traffic flows through it; then every PromQL query of the dashboards must return data from Prometheus's HTTP API,
 * and every alert rule must evaluate without error on that data.
 */

const hasPrometheus = spawnSync('prometheus', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPrometheus)
  console.warn(
    'prometheus not found: skipping the live dashboard-query test (.ci/run installs Debian\u2019s prometheus package)',
  );

/** Values Grafana would substitute; rate windows span the whole test so the traffic is inside them. */
const LIVE_VARIABLES = { ...EXAMPLE_VARIABLES, __rate_interval: '1m', __range: '5m' };
const ROUNDS = 8;

interface PromResponse {
  status: string;
  error?: string;
  data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!hasPrometheus)('dashboard PromQL against a real Prometheus scraping a running processor', () => {
  let processor: RunningProcessor;
  let prometheus: ChildProcess | undefined;
  let promUrl = '';
  let dir = '';
  let promLog = '';

  const query = async (expr: string): Promise<PromResponse> => {
    const res = await fetch(`${promUrl}/api/v1/query?${new URLSearchParams({ query: expr })}`);
    return (await res.json()) as PromResponse;
  };

  beforeAll(async () => {
    processor = await startProcessor();
    const target = new URL(processor.url).host;
    dir = mkdtempSync(join(tmpdir(), 'tracehound-prom-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        `rule_files: [ ${JSON.stringify(ALERTS_FILE)} ]`,
        'scrape_configs:',
        '  - job_name: tracehound',
        `    static_configs: [ { targets: [ ${JSON.stringify(target)} ] } ]`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    prometheus.stderr?.on('data', (c: Buffer) => {
      promLog = (promLog + c.toString()).slice(-4000);
    });
    await until('prometheus ready', async () => ((await fetch(`${promUrl}/-/ready`)).ok ? true : undefined));
    // Prometheus applies discovered targets a few seconds after start: traffic starts once the first scrape is in,
    // so the scrapes during the traffic give every counter several samples (rate() needs two).
    await until('first scrape', async () =>
      (await query('up{job="tracehound"}')).data.result.length > 0 ? true : undefined,
    );

    // Traffic spread over several scrapes so rates are non-zero: attacks, benign calls, tool use, auth events,
    // malformed content, application logs, one request the test stage throws on, and some the next hop refuses.
    for (let i = 0; i < ROUNDS; i++) {
      const now = BigInt(Date.now()) * 1_000_000n;
      await processor.postTraces(otlpTraces(roundSpans(i), now));
      await processor.postLogs(otlpLogs(i, now));
      if (i === 2) await processor.postTraces(chaosTraces(now));
      await new Promise((r) => setTimeout(r, 500));
    }
    // Wait until Prometheus has the processor's final counts (a scrape after the last request).
    const sent = (await (await fetch(`${processor.url}/metrics`)).text())
      .split('\n')
      .find((l) => l.startsWith('tracehound_spans_analysed_total{') && l.includes('kind="llm_call"'));
    const expected = Number(sent?.split(' ').pop());
    await until('a scrape with all traffic', async () => {
      const r = await query('sum(tracehound_spans_analysed_total{kind="llm_call"})');
      return Number(r.data.result[0]?.value[1]) === expected ? true : undefined;
    });
  }, 60_000);

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    await processor?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scrapes the processor', async () => {
    const r = await query('up{job="tracehound"}');
    expect(
      r.data.result.map((s) => s.value[1]),
      promLog,
    ).toEqual(['1']);
  });

  const promQueries = DASHBOARDS.flatMap((s) => dashboardQueries(s.build())).filter((q) => q.language === 'promql');
  it.each(promQueries.map((q) => [`${q.dashboard} / ${q.panel} / ${q.refId}`, q.expr] as const))(
    '%s returns data',
    async (_name, expr) => {
      const text = substitute(expr, LIVE_VARIABLES);
      const r = await query(text);
      expect(r.status, r.error ?? text).toBe('success');
      expect(r.data.result.length, `no series for: ${text}`).toBeGreaterThan(0);
      // A ratio of two zero rates is NaN: that is "no data" in a panel, so at least one value must be a number.
      expect(
        r.data.result.some((s) => !Number.isNaN(Number(s.value[1]))),
        `only NaN for: ${text}`,
      ).toBe(true);
    },
  );

  it('the series carry the labels the panels group by', async () => {
    const r = await query('sum by (severity) (tracehound_findings_total)');
    expect(r.data.result.map((s) => s.metric.severity)).toEqual(
      expect.arrayContaining(['critical', 'high', 'medium', 'low']),
    );
    const tools = await query('sum by (decision) (tracehound_tool_invocations_total)');
    expect(tools.data.result.map((s) => s.metric.decision).sort()).toEqual(['allowed', 'denied']);
  });

  it('every alert rule evaluates without error on the live data', async () => {
    const rules = await until('rules evaluated', async () => {
      const res = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
      };
      const all = res.data.groups.flatMap((g) => g.rules);
      return all.length > 0 && all.every((r) => r.health !== 'unknown') ? all : undefined;
    });
    expect(rules).toHaveLength(8);
    for (const r of rules) expect(r.health, `${r.name}: ${r.lastError ?? ''}`).toBe('ok');
  });
});
