/**
 * LLM calls that arrive with no message content at all: the instrumentation captures metadata only (content capture
 * is off by default in every GenAI instrumentation), so the content detectors have nothing to read and stay silent.
 * Each such span is counted (tracehound_llm_spans_without_content_total, by service) and the first one is logged once,
 * with the TH_CAPTURE_OFF code, so "no findings" is never mistaken for "no attacks".
 */
import type { Registry } from 'prom-client';
import type { Interaction } from '@tracehound/core';
import { ERROR_CATALOGUE } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { getOrCreateCounter } from '../metrics/registry.js';
import { LabelLimiter } from '../metrics/label-limiter.js';

export const CONTENTLESS_METRIC = 'tracehound_llm_spans_without_content_total';

/** True when an LLM call carries no text the content detectors could read. */
export function hasNoMessageContent(ix: Interaction): boolean {
  if (ix.kind !== 'llm_call' || ix.systemInstructions) return false;
  for (const list of [ix.input, ix.output])
    for (const m of list) if (m.content || m.toolCalls?.some((c) => c.arguments)) return false;
  return true;
}

export class ContentlessSpans {
  private readonly counter;
  private readonly services = new LabelLimiter(50);
  private logged = false;

  constructor(
    registry: Registry,
    private readonly logger: Logger,
  ) {
    this.counter = getOrCreateCounter<'service'>(registry, {
      name: CONTENTLESS_METRIC,
      help: 'LLM spans that arrived with no message content (capture is off in the instrumentation), by service.',
      labelNames: ['service'],
    });
  }

  observe(ix: Interaction): void {
    if (!hasNoMessageContent(ix)) return;
    this.counter.inc({ service: this.services.value(ix.service) });
    if (this.logged) return;
    this.logged = true;
    this.logger.warn(
      {
        code: 'TH_CAPTURE_OFF',
        service: ix.service?.slice(0, 64),
        dialect: ix.dialect,
        metric: CONTENTLESS_METRIC,
        hint: 'enable content capture in the instrumentation (TRACEHOUND_CAPTURE_CONTENT=full|redacted|hashed or OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true); logged once',
      },
      ERROR_CATALOGUE.TH_CAPTURE_OFF.message,
    );
  }
}
