/**
 * OpenTelemetry GenAI semantic conventions ≤1.36: `gen_ai.system`, `gen_ai.usage.prompt_tokens` /
 * `completion_tokens`, indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`, and content carried outside the span
 * attributes — span events (`gen_ai.user.message`, `gen_ai.choice`, ... or `gen_ai.content.prompt` /
 * `gen_ai.content.completion`) and per-message OTLP log records correlated by trace and span id.
 * Modelled on @opentelemetry/instrumentation-openai 0.21.0 (Chat Completions path: build/src/instrumentation.js
 * _startChatCompletionsSpan / _onChatCompletionsCreateResult), which logs each message with `event.name` and a body.
 * Event and log content is merged by the dispatcher (events.ts), for every dialect.
 */
import type { Interaction, SpanView } from '@tracehound/core';
import type { ParseCtx } from './json.js';
import { normalizeGenAiCore } from './otel-genai.js';

export const DIALECT = 'otel_genai_legacy';

export function normalizeOtelGenAiLegacy(span: SpanView, ctx: ParseCtx): Interaction | null {
  const ix = normalizeGenAiCore(span, ctx, DIALECT);
  if (ix) return ix;
  // A span whose only GenAI signal is its content events is still an LLM call.
  if (span.events.some((e) => e.name.startsWith('gen_ai.'))) return normalizeGenAiCore(span, ctx, DIALECT, 'llm_call');
  return null;
}
