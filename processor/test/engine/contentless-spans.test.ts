/**
 * LLM spans with no message content (capture off in the instrumentation): counted by service and logged once with
 * TH_CAPTURE_OFF, through the real engine and its normalizers; spans with content are neither counted nor logged.
 */
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { SpanView } from '@tracehound/core';
import { loadConfig } from '../../src/config/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { ERROR_CATALOGUE } from '../../src/errors.js';
import type { Logger } from '../../src/log/logger.js';

function chatSpan(i: number, service: string, content?: string): SpanView {
  return {
    traceId: 'ab'.repeat(16),
    spanId: i.toString(16).padStart(16, '0'),
    name: 'chat gpt-4o',
    kind: 3,
    startNs: 1n,
    endNs: 2n,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      ...(content
        ? { 'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content }] }]) }
        : {}),
    },
    events: [],
    resource: { 'service.name': service },
    scope: { name: '@tracehound/instrumentation' },
  };
}

function capturingLogger(lines: Array<{ level: string; obj: Record<string, unknown>; msg?: string }>): Logger {
  const at =
    (level: string) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

describe('LLM spans without message content', () => {
  it('are counted by service and logged once with TH_CAPTURE_OFF', async () => {
    const registry = new Registry();
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> = [];
    const engine = createEngine(loadConfig(undefined, {}), {
      registry,
      outputSinks: false,
      behavior: false,
      logger: capturingLogger(lines),
    });
    engine.scanSpans([chatSpan(1, 'bot-a'), chatSpan(2, 'bot-a'), chatSpan(3, 'bot-b'), chatSpan(4, 'bot-c', 'hello')]);
    engine.scanSpans([chatSpan(5, 'bot-b')]);

    const text = await registry.metrics();
    expect(text).toContain('tracehound_llm_spans_without_content_total{service="bot-a"} 2');
    expect(text).toContain('tracehound_llm_spans_without_content_total{service="bot-b"} 2');
    expect(text).not.toContain('tracehound_llm_spans_without_content_total{service="bot-c"}');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'capture is off in the instrumentation: content detectors cannot run',
      obj: { code: 'TH_CAPTURE_OFF', service: 'bot-a', metric: 'tracehound_llm_spans_without_content_total' },
    });
    expect(lines[0].msg).toBe(ERROR_CATALOGUE.TH_CAPTURE_OFF.message);
    await engine.shutdown();
  });

  it('a span with content is not counted, and nothing is logged', async () => {
    const registry = new Registry();
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> = [];
    const engine = createEngine(loadConfig(undefined, {}), {
      registry,
      outputSinks: false,
      logger: capturingLogger(lines),
    });
    engine.scanSpans([chatSpan(1, 'bot-a', 'what is the weather')]);
    expect(await registry.metrics()).not.toContain('tracehound_llm_spans_without_content_total{');
    expect(lines).toEqual([]);
    await engine.shutdown();
  });
});
