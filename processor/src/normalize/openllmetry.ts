/**
 * OpenLLMetry (Traceloop). LLM spans: `llm.request.type` + legacy indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`
 * (@traceloop/instrumentation-openai ≤0.22, dist/index.js startSpan/_endSpan), or the current
 * `gen_ai.input.messages` JSON (0.26, buildOpenAIInputMessages / buildOpenAIOutputMessage). SDK spans
 * (@traceloop/node-server-sdk withEntity): `traceloop.span.kind` workflow/task/agent/tool with
 * `traceloop.entity.name` and `traceloop.entity.input` / `traceloop.entity.output` (JSON {args, kwargs} / result).
 * Vector-DB spans: `db.query.result` events (id, score, document, metadata).
 */
import type { Interaction, InteractionKind, SpanView } from '@tracehound/core';
import { str } from './attrs.js';
import {
  applyFinishReasons,
  baseInteraction,
  documentFrom,
  kindFromOperation,
  MAX_DOCUMENTS,
  readCurrentContent,
  readIndexedContent,
  readModel,
  readRetrieval,
  readTool,
  readUsage,
} from './genai.js';
import { leafText, readMaybeJson, scalarText, type ParseCtx } from './json.js';

export const DIALECT = 'openllmetry';

function kindOf(span: SpanView): InteractionKind | undefined {
  const a = span.attributes;
  switch (str(a, 'traceloop.span.kind')) {
    case 'tool':
      return 'tool_call';
    case 'workflow':
    case 'task':
    case 'agent':
    case 'session':
      return 'agent';
    default:
      break;
  }
  const fromOp = kindFromOperation(str(a, 'gen_ai.operation.name'));
  if (fromOp) return fromOp;
  switch (str(a, 'llm.request.type')) {
    case 'chat':
    case 'completion':
      return 'llm_call';
    case 'embedding':
    case 'embeddings':
      return 'embedding';
    case 'rerank':
      return 'retrieval';
    default:
      break;
  }
  if (span.events.some((e) => e.name === 'db.query.result')) return 'retrieval';
  if (str(a, 'gen_ai.request.model') || str(a, 'gen_ai.system')) return 'llm_call';
  return undefined;
}

/** Entity input/output as scannable text: string leaves of the serialized JSON, or the raw string. */
function entityText(v: SpanView['attributes'][string], ctx: ParseCtx): string | undefined {
  const r = readMaybeJson(v, ctx);
  const t = r.value !== undefined ? leafText(r.value) : '';
  const parts = [t, r.raw].filter((x): x is string => !!x);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

export function normalizeOpenLlmetry(span: SpanView, ctx: ParseCtx): Interaction | null {
  const a = span.attributes;
  const kind = kindOf(span);
  if (!kind) return null;
  const ix = baseInteraction(span, kind, DIALECT);
  readModel(a, ix);
  ix.operation ??= str(a, 'llm.request.type') ?? str(a, 'traceloop.span.kind');
  readUsage(a, ix);

  if (kind === 'tool_call') {
    readTool(a, ix);
    const name = str(a, 'traceloop.entity.name');
    ix.tool ??= { name: name ?? '' };
    if (name && !ix.tool.name) ix.tool.name = name;
    const input = scalarText(a['traceloop.entity.input']);
    const output = scalarText(a['traceloop.entity.output']);
    if (input !== undefined) ix.tool.arguments ??= input;
    if (output !== undefined) ix.tool.result ??= output;
    return ix;
  }
  if (kind === 'agent') {
    if (!readCurrentContent(a, ix, ctx)) {
      const input = entityText(a['traceloop.entity.input'], ctx);
      const output = entityText(a['traceloop.entity.output'], ctx);
      if (input) ix.input.push({ role: 'unknown', content: input });
      if (output) ix.output.push({ role: 'assistant', content: output });
    }
    return ix;
  }
  if (!readCurrentContent(a, ix, ctx)) readIndexedContent(a, ix, ctx);
  applyFinishReasons(a, ix);
  if (kind === 'retrieval') {
    readRetrieval(a, ix, ctx);
    for (const ev of span.events) {
      if (ev.name !== 'db.query.result' || ix.documents.length >= MAX_DOCUMENTS) continue;
      const ea = ev.attributes;
      const meta = readMaybeJson(ea['db.query.result.metadata'], ctx).value;
      const d = documentFrom({
        id: scalarText(ea['db.query.result.id']),
        content: scalarText(ea['db.query.result.document']),
        ...(typeof ea['db.query.result.score'] === 'number' ? { score: ea['db.query.result.score'] } : {}),
        ...(meta !== undefined ? { metadata: meta } : {}),
      });
      if (d) ix.documents.push(d);
    }
  }
  return ix;
}
