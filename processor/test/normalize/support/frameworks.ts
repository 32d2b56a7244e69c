/**
 * Span fixtures recorded from the real frameworks (test/e2e/frameworks/record.ts writes
 * processor/test/fixtures/frameworks/<setup>.json): loaded as SpanViews, normalized one by one, or run as whole
 * traces through the engine's detection stage (trace context included) to see the findings the processor raises.
 */
import { readFileSync } from 'node:fs';
import type { Attributes, Finding, Interaction, SpanRef, SpanView, TraceBatch } from '@tracehound/core';
import { loadConfig } from '../../../src/config/index.js';
import type { DetectionStage } from '../../../src/engine/detection-stage.js';
import { createEngine } from '../../../src/engine/engine.js';
import { normalizeSpan } from '../../../src/normalize/index.js';
import type { FindingSink } from '../../../src/output/sink.js';
import { SECRET_GENERATORS, seededRng } from '../../../../core/test/fixtures/secrets.js';

interface RecordedSpan extends Omit<SpanView, 'startNs' | 'endNs' | 'events' | 'resource'> {
  startNs: string;
  endNs: string;
  events: Array<{ name: string; timeNs: string; attributes: Attributes }>;
}

export interface FrameworkFixture {
  setup: string;
  resource: Attributes;
  cases: Record<string, RecordedSpan[]>;
}

/**
 * The fixture with its `{{secret:KIND}}` placeholders filled: one fresh token per kind, the same everywhere in the
 * fixture (the model's tool call and the tool's own arguments carry the same token).
 */
export function loadFixture(setup: string): FrameworkFixture {
  const url = new URL(`../../fixtures/frameworks/${setup}.json`, import.meta.url);
  const rng = seededRng(15);
  const tokens = new Map<string, string>();
  const text = readFileSync(url, 'utf8').replace(/\{\{secret:([a-z_]+)\}\}/g, (_m, kind: string) => {
    if (!tokens.has(kind)) tokens.set(kind, SECRET_GENERATORS[kind](rng));
    return tokens.get(kind)!;
  });
  return JSON.parse(text) as FrameworkFixture;
}

/** The spans of one acceptance case (one trace), as the processor's span views. */
export function caseSpans(f: FrameworkFixture, caseId: string): SpanView[] {
  const spans = f.cases[caseId];
  if (!spans || spans.length === 0) throw new Error(`${f.setup}: no spans recorded for ${caseId}`);
  // The test's own root span per case was not recorded: the framework's top span is the trace's root here.
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.map(({ parentSpanId, ...s }) => ({
    ...s,
    ...(parentSpanId && ids.has(parentSpanId) ? { parentSpanId } : {}),
    startNs: BigInt(s.startNs),
    endNs: BigInt(s.endNs),
    events: s.events.map((e) => ({ name: e.name, timeNs: BigInt(e.timeNs), attributes: e.attributes })),
    resource: f.resource,
  }));
}

/** Every span of a case that normalizes to an Interaction, with its dialect. */
export function interactions(
  f: FrameworkFixture,
  caseId: string,
): Array<{ span: SpanView; ix: Interaction; dialect: string }> {
  const out: Array<{ span: SpanView; ix: Interaction; dialect: string }> = [];
  for (const span of caseSpans(f, caseId)) {
    const r = normalizeSpan(span);
    if (r.interaction) out.push({ span, ix: r.interaction, dialect: r.dialect ?? '' });
  }
  return out;
}

/** The tool hosts the fake model's legitimate calls use (the demo's allowlist). */
const TOOL_HOSTS = ['api.northwind-travel.example', '*.northwind-travel.example'];

/**
 * Run one case's trace through the engine (one batch, as the SDK's batching exporter sends it) and return what the
 * detection stage raised, with the attributes it set per span.
 */
export async function analyseCase(
  f: FrameworkFixture,
  caseId: string,
): Promise<{ findings: Finding[]; attributes: Map<string, Attributes>; counts: DetectionStage['traces']['counts'] }> {
  const base = loadConfig(undefined, {});
  const written: Finding[] = [];
  const sink: FindingSink = {
    name: 'memory',
    write: (fs) => void written.push(...fs),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const engine = createEngine(
    {
      ...base,
      detection: { ...base.detection, toolHostAllowlist: TOOL_HOSTS },
      findings: { ...base.findings, file: '', console: false },
    },
    { sinks: [sink], outputSinks: false },
  );
  const spans = caseSpans(f, caseId);
  const attributes = new Map<string, Attributes>();
  const refs = spans.map((view, i): { ref: SpanRef; view: SpanView } => ({
    ref: { resource: 0, scope: 0, span: i },
    view,
  }));
  const batch: TraceBatch = {
    signal: 'traces',
    spans: () => refs,
    setSpanAttributes: (ref, a) => {
      const id = spans[ref.span].spanId;
      attributes.set(id, { ...attributes.get(id), ...a });
    },
    setSpanEventAttributes: () => {},
    emitLogs: () => {},
  };
  const stages = engine.stages();
  for (const stage of stages) await stage.processTraces?.(batch);
  await engine.forceFlush();
  const detection = stages.find((s) => s.name === 'detection') as DetectionStage;
  const counts = { ...detection.traces.counts };
  await engine.shutdown();
  return { findings: written, attributes, counts };
}
