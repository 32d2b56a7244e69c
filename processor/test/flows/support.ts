/** Spans in Tracehound's own dialect and an engine with agent flow detection, for the flows tests. */
import { Registry } from 'prom-client';
import type { Attributes, EmittedLog, Finding, SpanRef, SpanView, TraceBatch } from '@tracehound/core';
import { loadConfig } from '../../src/config/load.js';
import type { FlowsConfig } from '../../src/correlate/flows/config.js';
import { createEngine, type Engine, type EngineOptions } from '../../src/engine/engine.js';

export const TRACE = 'a'.repeat(32);

let seq = 0;
/** A span of `trace` starting at `startMs` (ms after an epoch), with the given attributes. */
export function span(
  name: string,
  attrs: Attributes,
  opts: { trace?: string; startMs: number; id?: string; parent?: string },
): SpanView {
  const id = opts.id ?? (++seq).toString(16).padStart(16, '0');
  const start = BigInt(1_700_000_000_000 + opts.startMs) * 1_000_000n;
  return {
    traceId: opts.trace ?? TRACE,
    spanId: id,
    ...(opts.parent ? { parentSpanId: opts.parent } : {}),
    name,
    kind: 1,
    startNs: start,
    endNs: start + 1_000_000n,
    attributes: attrs,
    events: [],
    resource: { 'service.name': 'support-agent' },
    scope: { name: '@tracehound/instrumentation' },
  };
}

export function tool(
  name: string,
  a: { args?: unknown; result?: unknown; url?: string; identity?: Attributes; decision?: 'allowed' | 'denied' },
): Attributes {
  return {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': name,
    ...(a.args !== undefined ? { 'gen_ai.tool.call.arguments': JSON.stringify(a.args) } : {}),
    ...(a.result !== undefined
      ? { 'gen_ai.tool.call.result': typeof a.result === 'string' ? a.result : JSON.stringify(a.result) }
      : {}),
    ...(a.url ? { 'tracehound.tool.target.url': a.url } : {}),
    ...(a.decision ? { 'tracehound.tool.decision': a.decision } : {}),
    ...a.identity,
  };
}

export function decision(rule: string, d: string, target: string, enforced = true): Attributes {
  return {
    'tracehound.policy.rule': rule,
    'tracehound.policy.decision': d,
    'tracehound.policy.enforced': enforced,
    'tracehound.policy.target': target,
  };
}

export class Batch implements TraceBatch {
  readonly signal = 'traces' as const;
  edits = new Map<string, Attributes>();
  logs: EmittedLog[] = [];
  constructor(private readonly views: SpanView[]) {}
  spans() {
    return this.views.map((view, span) => ({ ref: { resource: 0, scope: 0, span }, view }));
  }
  setSpanAttributes(ref: SpanRef, a: Attributes) {
    const id = this.views[ref.span].spanId;
    this.edits.set(id, { ...this.edits.get(id), ...a });
  }
  setSpanEventAttributes() {}
  emitLogs(l: EmittedLog[]) {
    this.logs.push(...l);
  }
}

export interface Harness {
  engine: Engine;
  findings: Finding[];
  registry: Registry;
  clock: { now: number };
  send(spans: SpanView[]): Promise<Batch>;
}

export function harness(
  flows: Partial<FlowsConfig> = {},
  detection: { toolHostAllowlist?: string[] } = {},
  options: EngineOptions = {},
): Harness {
  const base = loadConfig(undefined, {});
  const config = {
    ...base,
    detection: { ...base.detection, toolHostAllowlist: detection.toolHostAllowlist ?? ['*.corp.example'] },
    flows: { ...base.flows, ...flows },
  };
  const clock = { now: 1_700_000_100_000 };
  const findings: Finding[] = [];
  const registry = new Registry();
  const engine = createEngine(config, {
    clock: () => clock.now,
    registry,
    outputSinks: false,
    sinks: [
      { name: 'memory', write: (f) => findings.push(...f), forceFlush: async () => {}, shutdown: async () => {} },
    ],
    ...options,
  });
  const stage = engine.stages()[0];
  return {
    engine,
    findings,
    registry,
    clock,
    async send(spans) {
      const b = new Batch(spans);
      await stage.processTraces!(b);
      return b;
    },
  };
}

export const byRule = (fs: Finding[], prefix: string) => fs.filter((f) => f.rule.id.startsWith(prefix));
