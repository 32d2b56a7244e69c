/**
 * Vercel AI SDK (`ai` package, experimental_telemetry): spans `ai.generateText` / `ai.streamText` /
 * `ai.generateObject` / `ai.streamObject` (outer call: kind agent, `ai.prompt` = JSON {system, prompt, messages}),
 * their `.doGenerate` / `.doStream` children (one model call: kind llm_call, `ai.prompt.messages`), `ai.toolCall`,
 * `ai.embed*` and `ai.rerank`. Modelled on ai 6.0.x dist/index.mjs (getBaseTelemetryAttributes, assembleOperationName,
 * stringifyForTelemetry, asToolCalls, executeToolCall); ai.usage.promptTokens/completionTokens are the ≤4.x names.
 */
import type { Interaction, InteractionKind, Attributes, SpanView } from '@tracehound/core';
import { firstNum, firstStr, str } from './attrs.js';
import { baseInteraction, documentFrom, MAX_DOCUMENTS, pushRaw, readCurrentContent, readTool } from './genai.js';
import { readJson, readMaybeJson, toText, type ParseCtx } from './json.js';
import { coerceMessage, coerceMessages, MAX_MESSAGES } from './messages.js';

export const DIALECT = 'vercel_ai';

function kindOf(op: string): InteractionKind | undefined {
  if (op === 'ai.toolCall') return 'tool_call';
  if (op.startsWith('ai.embed')) return 'embedding';
  if (op.startsWith('ai.rerank')) return 'retrieval';
  if (op.endsWith('.doGenerate') || op.endsWith('.doStream')) return 'llm_call';
  if (op.startsWith('ai.generate') || op.startsWith('ai.stream')) return 'agent';
  return undefined;
}

/** `openai.chat` → `openai`; `amazon-bedrock` stays. */
function providerName(p: string): string {
  const dot = p.indexOf('.');
  return (dot > 0 ? p.slice(0, dot) : p).toLowerCase();
}

function readOuterPrompt(a: Attributes, ix: Interaction, ctx: ParseCtx): void {
  const v = a['ai.prompt'];
  if (v === undefined) return;
  const r = readJson(v, ctx);
  const o = r.value;
  if (typeof o === 'object' && o !== null && !Array.isArray(o)) {
    const p = o as Record<string, unknown>;
    if (typeof p.system === 'string' && p.system) ix.systemInstructions = p.system;
    if (Array.isArray(p.messages)) coerceMessages(p.messages, 'unknown', ix.input);
    if (typeof p.prompt === 'string') ix.input.push({ role: 'user', content: p.prompt });
    else if (Array.isArray(p.prompt)) coerceMessages(p.prompt, 'user', ix.input);
  }
  pushRaw(r.raw, 'unknown', ix.input);
}

function readOutput(a: Attributes, ix: Interaction, ctx: ParseCtx): void {
  const text = str(a, 'ai.response.text') ?? str(a, 'ai.response.object');
  const callsV = a['ai.response.toolCalls'];
  const fr = str(a, 'ai.response.finishReason') ?? str(a, 'ai.finishReason');
  if (text === undefined && callsV === undefined && !fr) return;
  const before = ix.output.length;
  if (text !== undefined || callsV !== undefined) {
    const tmp: Record<string, unknown> = { role: 'assistant', content: text ?? '' };
    if (callsV !== undefined) {
      const r = readJson(callsV, ctx);
      // [{toolCallType?, toolCallId, toolName, input (v5+) | args (≤v4)}]
      if (Array.isArray(r.value))
        tmp.content = [
          ...(text ? [{ type: 'text', text }] : []),
          ...r.value.map((c) => ({ ...(c as object), type: 'tool-call' })),
        ];
      pushRaw(r.raw, 'assistant', ix.output);
    }
    coerceMessage(tmp, 'assistant', ix.output);
  } else ix.output.push({ role: 'assistant', content: '' });
  if (fr)
    for (let i = before; i < ix.output.length; i++)
      if (ix.output[i].role === 'assistant') ix.output[i].finishReason ??= fr;
}

/** Kind from the attributes present, when the operation id is unknown or damaged. */
function inferKind(a: Attributes): InteractionKind | undefined {
  if (a['ai.toolCall.name'] !== undefined) return 'tool_call';
  if (a['ai.prompt.messages'] !== undefined) return 'llm_call';
  if (a['ai.prompt'] !== undefined || a['ai.response.text'] !== undefined) return 'agent';
  if (a['ai.value'] !== undefined || a['ai.values'] !== undefined) return 'embedding';
  return undefined;
}

export function normalizeVercelAi(span: SpanView, ctx: ParseCtx): Interaction | null {
  const a = span.attributes;
  const op = str(a, 'ai.operationId') ?? span.name;
  const kind = kindOf(op) ?? inferKind(a);
  if (!kind) return null;
  const ix = baseInteraction(span, kind, DIALECT);
  ix.operation = op;
  const provider = str(a, 'ai.model.provider') ?? str(a, 'gen_ai.system');
  if (provider) ix.provider = providerName(provider);
  const model = firstStr(a, ['ai.model.id', 'gen_ai.request.model']);
  if (model) ix.model = model;
  const rmodel = firstStr(a, ['ai.response.model', 'gen_ai.response.model']);
  if (rmodel) ix.responseModel = rmodel;

  const input = firstNum(a, ['ai.usage.inputTokens', 'ai.usage.promptTokens', 'gen_ai.usage.input_tokens']);
  const output = firstNum(a, ['ai.usage.outputTokens', 'ai.usage.completionTokens', 'gen_ai.usage.output_tokens']);
  const total = firstNum(a, ['ai.usage.totalTokens', 'ai.usage.tokens']);
  if (input !== undefined) ix.usage.inputTokens = input;
  if (output !== undefined) ix.usage.outputTokens = output;
  if (total !== undefined) ix.usage.totalTokens = total;
  else if (input !== undefined && output !== undefined) ix.usage.totalTokens = input + output;

  // The OpenLLMetry SDK rewrites AI SDK spans in place (its Vercel transform): ai.operationId stays, the content moves
  // to gen_ai.input.messages / gen_ai.output.messages / gen_ai.tool.call.* and traceloop.entity.*.
  const moved =
    a['ai.prompt'] === undefined &&
    a['ai.prompt.messages'] === undefined &&
    a['ai.response.text'] === undefined &&
    a['ai.response.toolCalls'] === undefined &&
    a['ai.toolCall.args'] === undefined &&
    a['ai.toolCall.input'] === undefined;
  if (moved && (kind === 'llm_call' || kind === 'agent') && readCurrentContent(a, ix, ctx)) return ix;
  if (moved && kind === 'tool_call') {
    readTool(a, ix);
    ix.tool ??= { name: str(a, 'gen_ai.tool.name') ?? str(a, 'traceloop.entity.name') ?? '' };
    const args = toText(a['traceloop.entity.input']);
    const result = toText(a['traceloop.entity.output']);
    if (args !== undefined) ix.tool.arguments ??= args;
    if (result !== undefined) ix.tool.result ??= result;
    return ix;
  }

  switch (kind) {
    case 'llm_call': {
      const pm = a['ai.prompt.messages'];
      if (pm !== undefined) {
        const r = readJson(pm, ctx);
        if (r.value !== undefined) coerceMessages(r.value, 'unknown', ix.input);
        pushRaw(r.raw, 'unknown', ix.input);
      } else readOuterPrompt(a, ix, ctx);
      readOutput(a, ix, ctx);
      break;
    }
    case 'agent':
      readOuterPrompt(a, ix, ctx);
      readOutput(a, ix, ctx);
      break;
    case 'tool_call': {
      ix.tool = { name: str(a, 'ai.toolCall.name') ?? '' };
      const id = str(a, 'ai.toolCall.id');
      if (id) ix.tool.callId = id;
      const args = toText(a['ai.toolCall.args'] ?? a['ai.toolCall.input']);
      if (args !== undefined) ix.tool.arguments = args;
      const result = toText(a['ai.toolCall.result'] ?? a['ai.toolCall.output']);
      if (result !== undefined) ix.tool.result = result;
      break;
    }
    case 'embedding': {
      // ai.value (embed) is one JSON-encoded value; ai.values (embedMany) is an array of JSON-encoded values.
      const one = a['ai.value'];
      const many = a['ai.values'];
      const items = Array.isArray(many) ? many : one !== undefined ? [one] : [];
      for (const it of items) {
        if (ix.input.length >= MAX_MESSAGES) break;
        const r = readMaybeJson(it, ctx);
        const t = typeof r.value === 'string' ? r.value : (toText(r.value) ?? r.raw);
        if (t) ix.input.push({ role: 'user', content: t });
      }
      break;
    }
    case 'retrieval': {
      const q = readMaybeJson(a['ai.query'] ?? a['ai.rerank.query'], ctx);
      const qt = typeof q.value === 'string' ? q.value : (toText(q.value) ?? q.raw);
      if (qt) ix.input.push({ role: 'user', content: qt });
      const docs = a['ai.documents'];
      const list = Array.isArray(docs) ? docs : docs !== undefined ? [docs] : [];
      for (const d of list) {
        if (ix.documents.length >= MAX_DOCUMENTS) break;
        const r = readMaybeJson(d, ctx);
        const doc = documentFrom(r.value ?? r.raw);
        if (doc) ix.documents.push(doc);
      }
      break;
    }
    default:
      break;
  }
  return ix;
}
