/**
 * Readers for the `gen_ai.*` namespace shared by several dialects (OTel GenAI current and legacy, OpenLLMetry,
 * OpenLIT, Tracehound): model and provider, usage, messages (current JSON and legacy indexed keys), finish reasons,
 * tool execution and retrieval.
 */
import {
  type Interaction,
  type InteractionKind,
  type Message,
  type RetrievedDocument,
  type TrustLevel,
  emptyInteraction,
  type AttrValue,
  type Attributes,
  type SpanView,
} from '@tracehound/core';
import {
  entriesWithPrefix,
  entryStr,
  entryValue,
  firstNum,
  firstStr,
  groupIndexed,
  num,
  str,
  strList,
  type Entry,
} from './attrs.js';
import { readJson, readMaybeJson, toText, type ParseCtx } from './json.js';
import { coerceMessage, coerceMessages, instructionsText, MAX_MESSAGES, normalizeRole } from './messages.js';

/** Hard bound on documents per Interaction. */
export const MAX_DOCUMENTS = 1000;

/** A fresh Interaction with span identity, timing and service filled in. */
export function baseInteraction(span: SpanView, kind: InteractionKind, dialect: string): Interaction {
  const ix = emptyInteraction(kind, dialect);
  ix.timing = { startNs: span.startNs, endNs: span.endNs };
  ix.span = { traceId: span.traceId, spanId: span.spanId, name: span.name };
  if (span.parentSpanId) ix.span.parentSpanId = span.parentSpanId;
  const service = str(span.resource, 'service.name') ?? str(span.attributes, 'service.name');
  if (service) ix.service = service;
  return ix;
}

/** Map a `gen_ai.operation.name` to an Interaction kind (undefined when the operation is not one we model). */
export function kindFromOperation(op: string | undefined): InteractionKind | undefined {
  switch (op) {
    case 'chat':
    case 'text_completion':
    case 'generate_content':
    case 'completion':
    case 'responses':
    case 'image':
    case 'image_generation':
    case 'audio':
      return 'llm_call';
    case 'embeddings':
    case 'embedding':
      return 'embedding';
    case 'execute_tool':
    case 'mcp_tool_call':
      return 'tool_call';
    case 'retrieval':
    case 'retrieve':
    case 'search_memory':
    case 'vectordb':
      return 'retrieval';
    case 'invoke_agent':
    case 'agent_step':
    case 'workflow':
    case 'create_agent':
    case 'invoke_workflow':
    case 'plan':
    case 'execute_task':
      return 'agent';
    default:
      return undefined;
  }
}

export function readModel(attrs: Attributes, ix: Interaction): void {
  const op = str(attrs, 'gen_ai.operation.name');
  if (op) ix.operation = op;
  const provider = firstStr(attrs, ['gen_ai.provider.name', 'gen_ai.system']);
  if (provider) ix.provider = provider.toLowerCase();
  const model = firstStr(attrs, ['gen_ai.request.model', 'gen_ai.response.model']);
  if (model) ix.model = model;
  const rmodel = str(attrs, 'gen_ai.response.model');
  if (rmodel) ix.responseModel = rmodel;
}

export function readUsage(attrs: Attributes, ix: Interaction): void {
  const input = firstNum(attrs, ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.usage.prompt_tokens']);
  const output = firstNum(attrs, [
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.usage.completion_tokens',
  ]);
  const total = firstNum(attrs, ['gen_ai.usage.total_tokens', 'llm.usage.total_tokens']);
  const cost = num(attrs, 'gen_ai.usage.cost');
  if (input !== undefined) ix.usage.inputTokens = input;
  if (output !== undefined) ix.usage.outputTokens = output;
  if (total !== undefined) ix.usage.totalTokens = total;
  else if (input !== undefined && output !== undefined) ix.usage.totalTokens = input + output;
  if (cost !== undefined) ix.usage.costUsd = cost;
}

/** Push raw (unparseable) text as one message so detectors still scan it. */
export function pushRaw(raw: string | undefined, role: Message['role'], out: Message[]): void {
  if (raw && out.length < MAX_MESSAGES) out.push({ role, content: raw });
}

/** Where message content lands: an Interaction, or an accumulator for span events and log records. */
export interface ContentSink {
  input: Message[];
  output: Message[];
  systemInstructions?: string;
}

/** Current convention: `gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.system_instructions`. */
export function readCurrentContent(attrs: Attributes, ix: ContentSink, ctx: ParseCtx): boolean {
  let found = false;
  const inV = attrs['gen_ai.input.messages'];
  if (inV !== undefined) {
    found = true;
    const r = readJson(inV, ctx);
    if (r.value !== undefined) coerceMessages(r.value, 'unknown', ix.input);
    pushRaw(r.raw, 'unknown', ix.input);
  }
  const outV = attrs['gen_ai.output.messages'];
  if (outV !== undefined) {
    found = true;
    const r = readJson(outV, ctx);
    if (r.value !== undefined) coerceMessages(r.value, 'assistant', ix.output);
    pushRaw(r.raw, 'assistant', ix.output);
  }
  const sysV = attrs['gen_ai.system_instructions'];
  if (sysV !== undefined) {
    found = true;
    const r = readMaybeJson(sysV, ctx);
    const t = r.value !== undefined ? instructionsText(r.value) : undefined;
    const text = [t, r.raw].filter((x): x is string => !!x).join('\n');
    if (text) ix.systemInstructions = ix.systemInstructions ? `${ix.systemInstructions}\n${text}` : text;
  }
  return found;
}

/** Content of one legacy indexed message group (`role`, `content`, `tool_calls.M.*`, `function_call.*`...). */
function legacyMessage(group: readonly Entry[], fallback: Message['role'], ctx: ParseCtx, out: Message[]): void {
  const role = normalizeRole(entryStr(group, 'role'), fallback);
  const contentV = entryValue(group, 'content');
  let content = '';
  const extra: Message[] = [];
  if (typeof contentV === 'string') {
    // OpenLLMetry stores non-string content as JSON.stringify(parts): unwrap it when it looks that way.
    const c0 = contentV.charCodeAt(0);
    if ((c0 === 91 || c0 === 123) && contentV.includes('"type"')) {
      const r = readJson(contentV, ctx);
      const tmp: Message[] = [];
      if (r.value !== undefined) coerceMessage({ role, content: r.value }, fallback, tmp);
      for (const m of tmp) {
        if (m.role === role && !content) content = m.content;
        else extra.push(m);
      }
      if (r.raw) content = content ? `${content}\n${r.raw}` : r.raw;
    } else content = contentV;
  } else if (contentV !== undefined && contentV !== null) content = toText(contentV) ?? '';
  const msg: Message = { role, content };
  const calls = groupIndexed(group, 'tool_calls.');
  for (const [, g] of calls) {
    const name = entryStr(g, 'name') ?? entryStr(g, 'function.name') ?? '';
    const args = entryStr(g, 'arguments') ?? entryStr(g, 'function.arguments');
    const id = entryStr(g, 'id');
    (msg.toolCalls ??= []).push({ name, ...(id ? { id } : {}), ...(args !== undefined ? { arguments: args } : {}) });
  }
  const fnName = entryStr(group, 'function_call.name');
  if (fnName) {
    const args = entryStr(group, 'function_call.arguments');
    (msg.toolCalls ??= []).push({ name: fnName, ...(args !== undefined ? { arguments: args } : {}) });
  }
  const tcid = entryStr(group, 'tool_call_id');
  if (tcid) msg.toolCallId = tcid;
  const fr = entryStr(group, 'finish_reason');
  if (fr) msg.finishReason = fr;
  if (out.length < MAX_MESSAGES) out.push(msg);
  for (const m of extra) if (out.length < MAX_MESSAGES) out.push(m);
}

/** Legacy indexed content: `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` (and the older `llm.prompts.N.*`). */
export function readIndexedContent(attrs: Attributes, ix: Interaction, ctx: ParseCtx): boolean {
  let found = false;
  for (const prefix of ['gen_ai.prompt.', 'llm.prompts.']) {
    const groups = groupIndexed(entriesWithPrefix(attrs, prefix), prefix);
    for (const [, g] of groups) {
      found = true;
      legacyMessage(g, 'unknown', ctx, ix.input);
    }
    if (groups.length > 0) break;
  }
  for (const prefix of ['gen_ai.completion.', 'llm.completions.']) {
    const groups = groupIndexed(entriesWithPrefix(attrs, prefix), prefix);
    for (const [, g] of groups) {
      found = true;
      legacyMessage(g, 'assistant', ctx, ix.output);
    }
    if (groups.length > 0) break;
  }
  return found;
}

/** `gen_ai.response.finish_reasons` fills the finish reason of output messages that lack one (by position). */
export function applyFinishReasons(attrs: Attributes, ix: Interaction): string[] | undefined {
  const reasons = strList(attrs['gen_ai.response.finish_reasons']);
  if (!reasons) return undefined;
  let i = 0;
  for (const m of ix.output) {
    if (m.role === 'tool') continue;
    if (!m.finishReason && reasons[i] !== undefined) m.finishReason = reasons[i];
    i++;
  }
  return reasons;
}

/** Execute-tool attributes: `gen_ai.tool.name`, `gen_ai.tool.call.id`, `gen_ai.tool.call.arguments`, `gen_ai.tool.call.result`. */
export function readTool(attrs: Attributes, ix: Interaction): void {
  const name = str(attrs, 'gen_ai.tool.name');
  const args = attrs['gen_ai.tool.call.arguments'] ?? attrs['gen_ai.tool.input'];
  const result = attrs['gen_ai.tool.call.result'] ?? attrs['gen_ai.tool.output'];
  if (!name && args === undefined && result === undefined) return;
  ix.tool = { name: name ?? '' };
  const id = str(attrs, 'gen_ai.tool.call.id');
  if (id) ix.tool.callId = id;
  const a = toText(args);
  if (a !== undefined) ix.tool.arguments = a;
  const r = toText(result);
  if (r !== undefined) ix.tool.result = r;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TRUST: ReadonlySet<string> = new Set(['trusted', 'internal', 'untrusted', 'unknown']);

/** One retrieved document from a JSON object (OTel schema plus Tracehound's and common framework fields). */
export function documentFrom(o: unknown): RetrievedDocument | undefined {
  if (typeof o === 'string') return { content: o };
  if (!isObj(o)) return undefined;
  const d: RetrievedDocument = {};
  const meta = isObj(o.metadata) ? o.metadata : undefined;
  const id = o.id ?? o.document_id ?? meta?.id;
  if (typeof id === 'string' || typeof id === 'number') d.id = String(id);
  const content = o.content ?? o.text ?? o.page_content ?? o.document;
  const c = typeof content === 'string' ? content : toText(content);
  if (c !== undefined) d.content = c;
  const source = o.source ?? o.url ?? meta?.source ?? meta?.url ?? meta?.file_path;
  if (typeof source === 'string') d.source = source;
  if (typeof o.score === 'number') d.score = o.score;
  const trust = o.trust ?? meta?.trust;
  if (typeof trust === 'string' && TRUST.has(trust)) d.trust = trust as TrustLevel;
  const cls = o.classification ?? meta?.classification;
  if (typeof cls === 'string') d.classification = cls;
  const tenant = o.tenant ?? meta?.tenant;
  if (typeof tenant === 'string') d.tenant = tenant;
  return d;
}

/** Append documents from a JSON attribute (array of objects or strings); raw text when unparseable. */
export function readDocuments(v: AttrValue | undefined, out: RetrievedDocument[], ctx: ParseCtx): void {
  if (v === undefined) return;
  const r = readJson(v, ctx);
  const list = Array.isArray(r.value) ? r.value : r.value !== undefined ? [r.value] : [];
  for (const o of list) {
    if (out.length >= MAX_DOCUMENTS) break;
    const d = documentFrom(o);
    if (d) out.push(d);
  }
  if (r.raw && out.length < MAX_DOCUMENTS) out.push({ content: r.raw });
}

/** Retrieval attributes: `gen_ai.retrieval.documents`, `gen_ai.retrieval.query.text`, `gen_ai.data_source.id`. */
export function readRetrieval(attrs: Attributes, ix: Interaction, ctx: ParseCtx): void {
  readDocuments(attrs['gen_ai.retrieval.documents'], ix.documents, ctx);
  const q = str(attrs, 'gen_ai.retrieval.query.text') ?? str(attrs, 'gen_ai.retrieval.query');
  if (q) ix.input.push({ role: 'user', content: q });
  const ds = str(attrs, 'gen_ai.data_source.id');
  if (ds) for (const d of ix.documents) d.source ??= ds;
}
