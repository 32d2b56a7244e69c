import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '@tracehound/processor';

/**
 * otel-collector.yaml has no Collector binary to validate it here (use `otelcol-contrib validate`); this test checks
 * what can drift: ports and paths against the processor's defaults, pipeline references, and ≥ 0.144 component names.
 */

type Obj = Record<string, any>;
const root = fileURLToPath(new URL('..', import.meta.url));
const text = readFileSync(`${root}otel-collector.yaml`, 'utf8');
const collector = parse(text) as Obj;
const defaults = loadConfig(undefined, {});
const behindCollector = loadConfig(`${root}processor/config/collector.yaml`, {});

const typeOf = (id: string) => id.split('/')[0];
const portOf = (endpoint: string) => Number.parseInt(endpoint.slice(endpoint.lastIndexOf(':') + 1), 10);
const uncomment = (line: string) =>
  line.startsWith('# ') ? line.slice(2) : line.startsWith('#') ? line.slice(1) : line;

/** The commented load_balancing variant, uncommented. */
function variant(): Obj {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('BEGIN load_balancing variant'));
  const end = lines.findIndex((l) => l.includes('END load_balancing variant'));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return parse(
    lines
      .slice(start + 1, end)
      .map(uncomment)
      .join('\n'),
  ) as Obj;
}

function checkReferences(cfg: Obj) {
  for (const [name, p] of Object.entries<Obj>(cfg.service.pipelines)) {
    for (const kind of ['receivers', 'processors', 'exporters'] as const) {
      for (const id of p[kind] ?? []) expect(cfg[kind]?.[id], `${name} uses undefined ${kind} ${id}`).toBeDefined();
    }
    expect(p.receivers?.length, `${name} has receivers`).toBeGreaterThan(0);
    expect(p.exporters?.length, `${name} has exporters`).toBeGreaterThan(0);
  }
  for (const id of cfg.service.extensions ?? []) expect(cfg.extensions?.[id], `extension ${id}`).toBeDefined();
  for (const [id, e] of Object.entries<Obj>(cfg.exporters)) {
    const storage = e.sending_queue?.storage ?? e.protocol?.otlp?.sending_queue?.storage;
    if (storage) {
      expect(cfg.extensions?.[storage], `${id} queue storage ${storage}`).toBeDefined();
      expect(cfg.service.extensions).toContain(storage);
    }
  }
}

describe('otel-collector.yaml', () => {
  it('uses the component names of Collector-contrib >= 0.144', () => {
    const exporters = Object.keys(collector.exporters).map(typeOf);
    for (const deprecated of ['otlp', 'otlphttp', 'loadbalancing']) expect(exporters).not.toContain(deprecated);
    expect(exporters).toEqual(expect.arrayContaining(['otlp_http', 'otlp_grpc', 'splunk_hec', 'elasticsearch']));
    const lb = Object.keys(variant().exporters).map(typeOf);
    expect(lb).toEqual(['load_balancing']);
  });

  it('defines every component a pipeline references', () => {
    checkReferences(collector);
    const v = variant();
    checkReferences({
      ...collector,
      exporters: { ...collector.exporters, ...v.exporters },
      service: { ...collector.service, pipelines: { ...collector.service.pipelines, ...v.service.pipelines } },
    });
  });

  it('pipeline "in" receives OTLP, limits memory, and sends to the processor default HTTP port with retry and a persistent queue', () => {
    for (const name of ['traces/in', 'logs/in']) {
      const p = collector.service.pipelines[name];
      expect(p.processors[0]).toBe('memory_limiter');
      const [exporterId] = p.exporters;
      expect(typeOf(exporterId)).toBe('otlp_http');
      const e = collector.exporters[exporterId];
      expect(e.endpoint).toBe(`http://127.0.0.1:${defaults.server.http.port}`);
      expect(e.retry_on_failure.enabled).toBe(true);
      expect(e.sending_queue.enabled).toBe(true);
      expect(typeOf(e.sending_queue.storage)).toBe('file_storage');
      const receiver = collector.receivers[p.receivers[0]];
      expect(portOf(receiver.protocols.grpc.endpoint)).toBe(4317);
      expect(portOf(receiver.protocols.http.endpoint)).toBe(4318);
    }
  });

  it('pipeline "out" listens where the processor forwards, and fans out to Splunk, Elasticsearch and Tempo', () => {
    const forwardUrl = new URL(behindCollector.forward.endpoint);
    for (const name of ['traces/out', 'logs/out']) {
      const p = collector.service.pipelines[name];
      const receiver = collector.receivers[p.receivers[0]];
      expect(portOf(receiver.protocols.http.endpoint)).toBe(Number(forwardUrl.port));
      expect(p.exporters).toEqual(expect.arrayContaining(['splunk_hec', 'elasticsearch']));
    }
    expect(collector.service.pipelines['traces/out'].exporters.some((e: string) => typeOf(e) === 'otlp_grpc')).toBe(
      true,
    );
    expect(collector.exporters.elasticsearch.mapping.mode).toBe('otel');
    const token = String(collector.exporters.splunk_hec.token);
    expect(token.startsWith('${env:') && token.endsWith('}'), 'HEC token comes from the environment').toBe(true);
    expect(collector.exporters.splunk_hec.sourcetype).toBeTruthy();
    expect(collector.exporters.splunk_hec.index).toBeTruthy();
  });

  it('keeps the Collector ports and the processor ports apart', () => {
    const collectorPorts = Object.values<Obj>(collector.receivers).flatMap((r) =>
      Object.values<Obj>(r.protocols).map((p) => portOf(p.endpoint)),
    );
    expect(new Set(collectorPorts).size).toBe(collectorPorts.length);
    for (const cfg of [defaults, behindCollector]) {
      expect(collectorPorts).not.toContain(cfg.server.http.port);
      expect(collectorPorts).not.toContain(cfg.server.grpc.port);
    }
    expect(behindCollector.server.http.port).toBe(defaults.server.http.port);
    expect(behindCollector.server.grpc.port).toBe(defaults.server.grpc.port);
  });

  it('the load_balancing variant routes by session over OTLP/gRPC to the processor gRPC port', () => {
    const v = variant();
    const [id] = Object.keys(v.exporters);
    const lb = v.exporters[id];
    expect(lb.routing_key).toBe('attributes');
    expect(lb.routing_attributes).toContain('session.id');
    expect(lb.protocol.otlp).toBeDefined();
    for (const host of lb.resolver.static.hostnames as string[]) expect(portOf(host)).toBe(defaults.server.grpc.port);
    for (const name of ['traces/in', 'logs/in']) expect(v.service.pipelines[name].exporters).toEqual([id]);
  });
});
