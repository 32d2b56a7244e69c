/**
 * OpenInference (Arize Phoenix): `openinference.span.kind`, flattened `llm.input_messages.N.message.*` /
 * `llm.output_messages.N.message.*`, `input.value` / `output.value` with mime types, `retrieval.documents.N.document.*`,
 * `tool.*`, `embedding.embeddings.N.embedding.text`, `llm.token_count.*`, `llm.cost.total`.
 * Modelled on @arizeai/openinference-instrumentation-openai 4.2.7 (dist/src/instrumentation.js) and
 * @arizeai/openinference-semantic-conventions 2.12.0 (trace/SemanticConventions.js).
 */
import type { Interaction, InteractionKind, Message, Role, Attributes, SpanView } from '@tracehound/core';
import {
  entriesWithPrefix,
  entryNum,
  entryStr,
  entryValue,
  firstStr,
  groupIndexed,
  num,
  str,
  type Entry,
} from './attrs.js';
import { baseInteraction, documentFrom, MAX_DOCUMENTS, pushRaw } from './genai.js';
import { readJson, leafText, type ParseCtx } from './json.js';
import { lcMessages, routeLcMessages, takeLcDocuments } from './langchain.js';
import { coerceMessages, MAX_MESSAGES, normalizeRole } from './messages.js';

export const DIALECT = 'openinference';

function kindOf(spanKind: string): InteractionKind {
  switch (spanKind.toUpperCase()) {
    case 'LLM':
      return 'llm_call';
    case 'TOOL':
      return 'tool_call';
    case 'RETRIEVER':
    case 'RERANKER':
      return 'retrieval';
    case 'EMBEDDING':
      return 'embedding';
    case 'GUARDRAIL':
      return 'policy_decision';
    default:
      // AGENT, CHAIN, EVALUATOR, PROMPT, UNKNOWN: application steps around the model.
      return 'agent';
  }
}

/** One `message.*` group into a Message. */
function messageFrom(group: readonly Entry[], fallback: Role): Message {
  const role = normalizeRole(entryStr(group, 'message.role'), fallback);
  let content = entryStr(group, 'message.content') ?? '';
  if (!content) {
    const texts: string[] = [];
    for (const [, c] of groupIndexed(group, 'message.contents.')) {
      const type = entryStr(c, 'message_content.type');
      const text = entryStr(c, 'message_content.text');
      if (text !== undefined && (type === undefined || type === 'text')) texts.push(text);
    }
    content = texts.join('\n');
  }
  const msg: Message = { role, content };
  for (const [, tc] of groupIndexed(group, 'message.tool_calls.')) {
    const name = entryStr(tc, 'tool_call.function.name') ?? '';
    const args = entryValue(tc, 'tool_call.function.arguments');
    const id = entryStr(tc, 'tool_call.id');
    (msg.toolCalls ??= []).push({
      name,
      ...(id ? { id } : {}),
      ...(typeof args === 'string' ? { arguments: args } : {}),
    });
  }
  const fnName = entryStr(group, 'message.function_call_name');
  if (fnName) {
    const args = entryStr(group, 'message.function_call_arguments_json');
    (msg.toolCalls ??= []).push({ name: fnName, ...(args !== undefined ? { arguments: args } : {}) });
  }
  const tcid = entryStr(group, 'message.tool_call_id');
  if (tcid) msg.toolCallId = tcid;
  return msg;
}

function readMessages(attrs: Attributes, prefix: string, fallback: Role, out: Message[]): boolean {
  const groups = groupIndexed(entriesWithPrefix(attrs, prefix), prefix);
  for (const [, g] of groups) {
    if (out.length >= MAX_MESSAGES) break;
    out.push(messageFrom(g, fallback));
  }
  return groups.length > 0;
}

/**
 * `input.value` / `output.value`: plain text, or JSON (mime application/json). JSON holding a `messages` array (an
 * OpenAI request body) yields those messages; other JSON yields its string leaves.
 */
function readValue(
  attrs: Attributes,
  which: 'input' | 'output',
  fallback: Role,
  out: Message[],
  ctx: ParseCtx,
  ix?: Interaction,
): void {
  const v = attrs[`${which}.value`];
  if (v === undefined || v === null) return;
  const mime = str(attrs, `${which}.mime_type`);
  if (typeof v === 'string' && mime !== 'application/json') {
    if (v.length > 0) out.push({ role: fallback, content: v });
    return;
  }
  const r = readJson(v, ctx);
  const val = r.value;
  // Serialized LangChain messages keep their roles (a chain whose input is the model's answer is not a prompt).
  const lc = ix && val !== undefined ? lcMessages(val) : undefined;
  if (lc && ix) routeLcMessages(lc, which, ix.input, ix.output);
  else if (val !== undefined) {
    const o =
      typeof val === 'object' && val !== null && !Array.isArray(val) ? (val as Record<string, unknown>) : undefined;
    if (o && Array.isArray(o.messages)) coerceMessages(o.messages, fallback, out);
    else if (o && Array.isArray(o.choices)) coerceMessages(o.choices, 'assistant', out);
    else {
      const rest = ix && which === 'input' ? takeLcDocuments(val, ix.documents, MAX_DOCUMENTS) : val;
      const text = leafText(rest);
      if (text) out.push({ role: fallback, content: text });
    }
  }
  pushRaw(r.raw, fallback, out);
}

function readDocs(attrs: Attributes, prefix: string, ix: Interaction, ctx: ParseCtx): void {
  for (const [, g] of groupIndexed(entriesWithPrefix(attrs, prefix), prefix)) {
    if (ix.documents.length >= MAX_DOCUMENTS) break;
    const content = entryStr(g, 'document.content');
    const id = entryStr(g, 'document.id');
    const score = entryNum(g, 'document.score');
    const metaV = entryValue(g, 'document.metadata');
    const meta = metaV !== undefined ? readJson(metaV, ctx).value : undefined;
    const d = documentFrom({ ...(meta !== undefined ? { metadata: meta } : {}), id, content, score }) ?? {};
    ix.documents.push(d);
  }
}

/**
 * OpenInference's LangChain instrumentation flattens only string contents: a system message whose content is a part
 * list arrives empty, its text only in `input.value` (serialized LangChain messages). Fill empty messages from there,
 * by position and role; and take the system prompt of a Responses API call from the echoed `instructions`.
 */
function fillEmptyFromValue(a: Attributes, ix: Interaction, ctx: ParseCtx): void {
  if (ix.input.some((m) => m.content.length === 0 && !m.toolCalls) && typeof a['input.value'] === 'string') {
    const lc = lcMessages(readJson(a['input.value'], ctx).value);
    if (lc && lc.length === ix.input.length)
      ix.input.forEach((m, i) => {
        if (m.content.length === 0 && lc[i].role === m.role && lc[i].content) m.content = lc[i].content;
      });
  }
  const hasSystem = ix.input.some((m) => m.role === 'system' || m.role === 'developer');
  if (!hasSystem && !ix.systemInstructions && typeof a['output.value'] === 'string') {
    const out = a['output.value'];
    if (out.includes('"instructions"')) {
      const o = readJson(out, ctx).value;
      const instr = typeof o === 'object' && o !== null ? (o as Record<string, unknown>).instructions : undefined;
      if (typeof instr === 'string' && instr) ix.systemInstructions = instr;
    }
  }
}

/** Span kind from the attributes present, when `openinference.span.kind` is empty or missing. */
function inferSpanKind(a: Attributes): string | undefined {
  if (
    a['llm.model_name'] !== undefined ||
    a['llm.input_messages.0.message.role'] !== undefined ||
    a['llm.input_messages.0.message.content'] !== undefined
  )
    return 'LLM';
  if (a['tool.name'] !== undefined) return 'TOOL';
  if (a['retrieval.documents.0.document.content'] !== undefined || a['retrieval.documents.0.document.id'] !== undefined)
    return 'RETRIEVER';
  if (a['input.value'] !== undefined || a['output.value'] !== undefined) return 'CHAIN';
  return undefined;
}

export function normalizeOpenInference(span: SpanView, ctx: ParseCtx): Interaction | null {
  const a = span.attributes;
  const spanKind = str(a, 'openinference.span.kind') ?? inferSpanKind(a);
  if (!spanKind) return null;
  const kind = kindOf(spanKind);
  const ix = baseInteraction(span, kind, DIALECT);
  ix.operation = spanKind.toUpperCase();
  const provider = firstStr(a, ['llm.provider', 'llm.system']);
  if (provider) ix.provider = provider.toLowerCase();
  const model = firstStr(a, [
    'llm.model_name',
    'llm.request.model_name',
    'embedding.model_name',
    'reranker.model_name',
  ]);
  if (model) ix.model = model;
  const rmodel = str(a, 'llm.response.model_name');
  if (rmodel) ix.responseModel = rmodel;

  const input = num(a, 'llm.token_count.prompt');
  const output = num(a, 'llm.token_count.completion');
  const total = num(a, 'llm.token_count.total');
  const cost = num(a, 'llm.cost.total');
  if (input !== undefined) ix.usage.inputTokens = input;
  if (output !== undefined) ix.usage.outputTokens = output;
  if (total !== undefined) ix.usage.totalTokens = total;
  if (cost !== undefined) ix.usage.costUsd = cost;

  switch (kind) {
    case 'llm_call': {
      // The flattened messages are authoritative; input.value is the whole request body (only a fallback).
      if (!readMessages(a, 'llm.input_messages.', 'unknown', ix.input)) readValue(a, 'input', 'unknown', ix.input, ctx);
      if (!readMessages(a, 'llm.output_messages.', 'assistant', ix.output))
        readValue(a, 'output', 'assistant', ix.output, ctx);
      fillEmptyFromValue(a, ix, ctx);
      const fr = str(a, 'llm.finish_reason');
      if (fr) for (const m of ix.output) if (m.role !== 'tool') m.finishReason ??= fr;
      break;
    }
    case 'tool_call': {
      const name = str(a, 'tool.name') ?? '';
      ix.tool = { name };
      const id = str(a, 'tool.id') ?? str(a, 'tool_call.id');
      if (id) ix.tool.callId = id;
      const args = str(a, 'input.value') ?? str(a, 'tool_call.function.arguments');
      if (args !== undefined) ix.tool.arguments = args;
      const result = str(a, 'output.value');
      if (result !== undefined) ix.tool.result = result;
      break;
    }
    case 'retrieval': {
      readValue(a, 'input', 'user', ix.input, ctx);
      readDocs(a, 'retrieval.documents.', ix, ctx);
      readDocs(a, 'reranker.output_documents.', ix, ctx);
      if (ix.documents.length === 0) readDocs(a, 'reranker.input_documents.', ix, ctx);
      break;
    }
    case 'embedding': {
      const groups = groupIndexed(entriesWithPrefix(a, 'embedding.embeddings.'), 'embedding.embeddings.');
      for (const [, g] of groups) {
        const t = entryStr(g, 'embedding.text');
        if (t && ix.input.length < MAX_MESSAGES) ix.input.push({ role: 'user', content: t });
      }
      if (groups.length === 0) readValue(a, 'input', 'user', ix.input, ctx);
      break;
    }
    default: {
      readValue(a, 'input', 'unknown', ix.input, ctx, ix);
      readValue(a, 'output', 'assistant', ix.output, ctx, ix);
    }
  }
  return ix;
}
