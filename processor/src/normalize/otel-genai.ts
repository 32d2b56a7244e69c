/**
 * OpenTelemetry GenAI semantic conventions, current form: `gen_ai.provider.name`, `gen_ai.operation.name`
 * (chat, embeddings, execute_tool, retrieval, invoke_agent...), `gen_ai.input.messages` / `gen_ai.output.messages`
 * (parts: text, tool_call, tool_call_response), `gen_ai.system_instructions`, `gen_ai.tool.*`,
 * `gen_ai.retrieval.documents`. Content may instead come in `gen_ai.client.inference.operation.details` log records
 * (@opentelemetry/instrumentation-openai 0.21.0, Responses API path: build/src/instrumentation.js + responses.js).
 * The core reader here is shared by the legacy, OpenLIT and Tracehound dialects.
 */
import type { Interaction, InteractionKind, SpanView } from '@tracehound/core';
import { str } from './attrs.js';
import {
  applyFinishReasons,
  baseInteraction,
  kindFromOperation,
  readCurrentContent,
  readIndexedContent,
  readModel,
  readRetrieval,
  readTool,
  readUsage,
} from './genai.js';
import type { ParseCtx } from './json.js';

export const DIALECT = 'otel_genai';

/** Kind from the operation name, else from which attributes are present. */
export function genAiKind(span: SpanView): InteractionKind | undefined {
  const a = span.attributes;
  const op = str(a, 'gen_ai.operation.name');
  const k = kindFromOperation(op);
  if (k) return k;
  if (a['gen_ai.tool.call.arguments'] !== undefined || a['gen_ai.tool.call.result'] !== undefined) return 'tool_call';
  if (a['gen_ai.retrieval.documents'] !== undefined) return 'retrieval';
  if (
    op !== undefined ||
    a['gen_ai.request.model'] !== undefined ||
    a['gen_ai.system'] !== undefined ||
    a['gen_ai.provider.name'] !== undefined ||
    a['gen_ai.input.messages'] !== undefined ||
    a['gen_ai.output.messages'] !== undefined ||
    a['gen_ai.prompt.0.content'] !== undefined ||
    a['gen_ai.prompt.0.role'] !== undefined
  ) {
    return 'llm_call';
  }
  return undefined;
}

/**
 * Everything the `gen_ai.*` namespace says about a span. `kind` overrides the inferred kind (dialects with their own
 * kind signals); returns null when the span is not a GenAI operation.
 */
export function normalizeGenAiCore(
  span: SpanView,
  ctx: ParseCtx,
  dialect: string,
  kind?: InteractionKind,
): Interaction | null {
  const a = span.attributes;
  const k = kind ?? genAiKind(span);
  if (!k) return null;
  const ix = baseInteraction(span, k, dialect);
  readModel(a, ix);
  readUsage(a, ix);
  if (!readCurrentContent(a, ix, ctx)) readIndexedContent(a, ix, ctx);
  applyFinishReasons(a, ix);
  if (k === 'tool_call') readTool(a, ix);
  if (k === 'retrieval' || a['gen_ai.retrieval.documents'] !== undefined) readRetrieval(a, ix, ctx);
  return ix;
}

export function normalizeOtelGenAi(span: SpanView, ctx: ParseCtx): Interaction | null {
  return normalizeGenAiCore(span, ctx, DIALECT);
}
