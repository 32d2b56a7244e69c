/**
 * OpenLIT (openlit 1.15.0, dist/instrumentation/openai/wrapper.js, dist/helpers.js, dist/semantic-convention.js):
 * current GenAI attributes (`gen_ai.provider.name`, `gen_ai.input.messages` / `gen_ai.output.messages` as JSON,
 * `gen_ai.system_instructions` as JSON parts) plus its own extras: `telemetry.sdk.name`=openlit and `service.name` /
 * `deployment.environment` on the span, `gen_ai.usage.cost`, `gen_ai.request.user`, and on chat spans a
 * comma-joined summary of the output tool calls (`gen_ai.tool.name`, `gen_ai.tool.args`) that is NOT a tool
 * execution. Content may also arrive in a `gen_ai.client.inference.operation.details` log record (merged by the
 * dispatcher only when the span has none inline).
 */
import type { Interaction, SpanView } from '@tracehound/core';
import { str } from './attrs.js';
import { kindFromOperation } from './genai.js';
import type { ParseCtx } from './json.js';
import { genAiKind, normalizeGenAiCore } from './otel-genai.js';

export const DIALECT = 'openlit';

export function normalizeOpenLit(span: SpanView, ctx: ParseCtx): Interaction | null {
  const a = span.attributes;
  // Only an explicit execute_tool makes an OpenLIT span a tool call (chat spans carry tool-call summaries too).
  const op = str(a, 'gen_ai.operation.name');
  const kind = kindFromOperation(op) ?? (op ? 'llm_call' : genAiKind(span));
  const ix = normalizeGenAiCore(
    span,
    ctx,
    DIALECT,
    kind === 'tool_call' && op !== 'execute_tool' && op !== 'mcp_tool_call' ? 'llm_call' : kind,
  );
  if (!ix) return null;
  const app = str(a, 'gen_ai.application_name');
  if (!ix.service && app) ix.service = app;
  return ix;
}
