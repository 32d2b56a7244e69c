import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../src/detect/config.js';
import { createContentRunner } from '../../src/detect/content-runner.js';
import type { ContentDetector } from '../../src/detect/detector.js';
import { Analyzer } from '../../src/score/analyzer.js';
import { DetectionStage, type CaptureRewriters, type Correlator } from '../../src/engine/detection-stage.js';
import {
  type Finding,
  type RuleMeta,
  emptyInteraction,
  type AttrValue,
  type Attributes,
  type LogView,
  type SpanView,
  type EmittedLog,
  type LogBatch,
  type SpanRef,
  type TraceBatch,
} from '@tracehound/core';
import { RuleCatalog } from '../../src/rules/catalog.js';
import { Scorer } from '../../src/score/scorer.js';
import { SuppressionList } from '../../src/score/suppressions.js';

const RULE: RuleMeta = {
  id: 'T-1',
  name: 'word',
  category: 'prompt_injection',
  severity: 'high',
  description: '',
  example: '',
  falsePositives: '',
  owasp: ['LLM01:2025'],
  atlas: ['AML.T0051'],
  channels: ['prompt'],
};
/** A detector that fires on the word "attack" in a prompt, and one that always throws. */
const wordDetector: ContentDetector = {
  id: 'word',
  rules: [RULE],
  detect: ({ texts }) =>
    texts
      .filter((t) => t.channel === 'prompt' && t.text.includes('attack'))
      .map((t) => ({ ruleId: 'T-1', confidence: 1, channel: t.channel, evidence: 'attack' })),
};
const broken: ContentDetector = {
  id: 'broken',
  rules: [{ ...RULE, id: 'T-2' }],
  detect: () => {
    throw new Error('boom');
  },
};

function span(id: string, attrs: Attributes): SpanView {
  return {
    traceId: 't'.repeat(32),
    spanId: id,
    name: 'chat',
    kind: 3,
    startNs: 0n,
    endNs: 1n,
    attributes: attrs,
    events: [],
    resource: { 'service.name': 'svc' },
    scope: { name: 's' },
  };
}

class FakeBatch implements TraceBatch {
  readonly signal = 'traces' as const;
  edits = new Map<number, Attributes>();
  logs: EmittedLog[] = [];
  constructor(private readonly views: SpanView[]) {}
  spans() {
    return this.views.map((view, span) => ({ ref: { resource: 0, scope: 0, span }, view }));
  }
  eventEdits = new Map<string, Attributes>();
  setSpanAttributes(ref: SpanRef, a: Attributes) {
    this.edits.set(ref.span, { ...this.edits.get(ref.span), ...a });
  }
  setSpanEventAttributes(ref: SpanRef, i: number, a: Attributes) {
    this.eventEdits.set(`${ref.span}/${i}`, { ...this.eventEdits.get(`${ref.span}/${i}`), ...a });
  }
  emitLogs(l: EmittedLog[]) {
    this.logs.push(...l);
  }
}

class FakeCorrelator implements Correlator {
  store = new Map<string, LogView[]>();
  add(logs: LogView[]) {
    for (const l of logs) this.store.set(l.spanId!, [...(this.store.get(l.spanId!) ?? []), l]);
  }
  take(_t: string, s: string) {
    const v = this.store.get(s) ?? [];
    this.store.delete(s);
    return v;
  }
  expectsLogs(s: SpanView) {
    return s.attributes['needs.logs'] === true;
  }
  drainExpired() {
    return [];
  }
}

class FakeLogBatch implements LogBatch {
  readonly signal = 'logs' as const;
  edits = new Map<number, Attributes>();
  bodies = new Map<number, AttrValue>();
  constructor(private readonly views: LogView[]) {}
  logs() {
    return this.views.map((view, index) => ({ index, view }));
  }
  setLogAttributes(i: number, a: Attributes) {
    this.edits.set(i, { ...this.edits.get(i), ...a });
  }
  setLogBody(i: number, b: AttrValue) {
    this.bodies.set(i, b);
  }
  emitLogs() {}
}

/** A capture mode that upper-cases content, so the test sees exactly what the stage routed where. */
const upperCapture: CaptureRewriters = {
  mode: 'redacted',
  rewrite: (a): Attributes => ('prompt' in a ? { prompt: String(a.prompt).toUpperCase() } : {}),
  rewriteEvent: (ev): Attributes =>
    typeof ev.attributes.content === 'string' ? { content: ev.attributes.content.toUpperCase() } : {},
  rewriteLogBody: (l) => (typeof l.body === 'string' ? l.body.toUpperCase() : undefined),
};

function build(correlator = new FakeCorrelator(), sink: Finding[] = [], capture?: CaptureRewriters) {
  const content = createContentRunner(detectionDefaults, { factories: [() => wordDetector, () => broken] });
  const analyzer = new Analyzer(
    content,
    new Scorer(new RuleCatalog(content.rules), detectionDefaults, () => 0),
    new SuppressionList([], () => 0),
  );
  const stage = new DetectionStage({
    analyzer,
    correlator,
    normalizer: {
      normalize: (s, logs) => {
        if (!('prompt' in s.attributes) && logs.length === 0 && s.attributes['needs.logs'] !== true)
          return { interaction: null, parseErrors: 0 };
        const ix = emptyInteraction('llm_call', 'fake');
        const text = logs.length ? String(logs[0].body) : String(s.attributes.prompt ?? '');
        ix.input = [{ role: 'user', content: text }];
        ix.span = { traceId: s.traceId, spanId: s.spanId, name: s.name };
        return { interaction: ix, parseErrors: 0, dialect: 'fake' };
      },
    },
    sinks: [{ name: 'mem', write: (f) => sink.push(...f), forceFlush: async () => {}, shutdown: async () => {} }],
    forwardFindings: true,
    correlationWaitMs: 100,
    sleep: async () => {},
    capture,
  });
  return { stage, content, sink };
}

describe('DetectionStage', () => {
  it('enriches LLM spans, leaves other spans untouched, emits findings as logs and to sinks', async () => {
    const { stage, sink, content } = build();
    const batch = new FakeBatch([
      span('01', { prompt: 'please attack' }),
      span('02', { 'http.method': 'GET' }),
      span('03', { prompt: 'hello' }),
    ]);
    await stage.processTraces(batch);
    expect(batch.edits.get(0)).toMatchObject({
      'tracehound.risk.severity': 'high',
      'tracehound.finding.rules': ['T-1'],
      'tracehound.finding.count': 1,
    });
    expect(batch.edits.has(1)).toBe(false);
    expect(batch.edits.get(2)).toMatchObject({ 'tracehound.risk.score': 0, 'tracehound.risk.severity': 'none' });
    expect(batch.logs).toHaveLength(1);
    expect(batch.logs[0].spanId).toBe('01');
    expect(sink).toHaveLength(1);
    expect(content.stats.detectorErrors).toBe(2); // the broken detector ran on both LLM spans and was contained
  });

  it('waits a bounded time for content logs, and scores what it has when they do not come', async () => {
    const correlator = new FakeCorrelator();
    const { stage } = build(correlator);
    const late = new FakeBatch([span('04', { 'needs.logs': true })]);
    const log: LogView = {
      traceId: 't'.repeat(32),
      spanId: '04',
      timeNs: 0n,
      body: 'attack now',
      attributes: {},
      resource: {},
      scope: { name: 's' },
    };
    const pending = stage.processTraces(late);
    correlator.add([log]);
    await pending;
    expect(late.logs).toHaveLength(1);

    const never = new FakeBatch([span('05', { 'needs.logs': true })]);
    await stage.processTraces(never);
    expect(never.edits.get(0)).toMatchObject({ 'tracehound.risk.score': 0 });
  });

  it('applies the capture mode to span attributes, span events and log bodies', async () => {
    const { stage } = build(new FakeCorrelator(), [], upperCapture);
    const s = span('06', { prompt: 'hello' });
    s.events = [
      { name: 'gen_ai.user.message', timeNs: 0n, attributes: { content: 'hi there' } },
      { name: 'other', timeNs: 0n, attributes: { 'http.status': 200 } },
    ];
    const batch = new FakeBatch([s]);
    await stage.processTraces(batch);
    expect(batch.edits.get(0)).toMatchObject({ prompt: 'HELLO', 'tracehound.capture.mode': 'redacted' });
    expect(batch.eventEdits.get('0/0')).toEqual({ content: 'HI THERE' });
    expect(batch.eventEdits.has('0/1')).toBe(false);

    const logs = new FakeLogBatch([
      {
        traceId: 't'.repeat(32),
        spanId: '07',
        timeNs: 0n,
        body: 'quiet text',
        attributes: {},
        resource: {},
        scope: { name: 's' },
      },
      { timeNs: 0n, body: 42, attributes: {}, resource: {}, scope: { name: 's' } },
    ]);
    stage.processLogs(logs);
    expect(logs.bodies.get(0)).toBe('QUIET TEXT');
    expect(logs.bodies.has(1)).toBe(false);
  });
});
