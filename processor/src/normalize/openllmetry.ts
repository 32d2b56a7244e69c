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
import { leafText, readMaybeJson, scalarText, toText, type ParseCtx } from './json.js';
import { lcMessages, lcToolMessage, routeLcMessages, takeLcDocuments } from './langchain.js';
import { coerceMessages } from './messages.js';

export const DIALECT = 'openllmetry';

/** LlamaIndex retrievers are wrapped as `<class>.retrieve` tasks whose output is the node list. */
function isRetrieveTask(span: SpanView): boolean {
  const entity = str(span.attributes, 'traceloop.entity.name') ?? span.name;
  return entity.endsWith('.retrieve') || span.name.endsWith('.retrieve');
}

function kindOf(span: SpanView): InteractionKind | undefined {
  const a = span.attributes;
  const spanKind = str(a, 'traceloop.span.kind');
  // LangChain tools are `task` spans with gen_ai.operation.name=execute_tool (@traceloop/instrumentation-langchain).
  if (str(a, 'gen_ai.operation.name') === 'execute_tool') return 'tool_call';
  if (spanKind === 'task' && isRetrieveTask(span)) return 'retrieval';
  switch (spanKind) {
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** LlamaIndex node-with-score lists (`[{node: {text, id_, metadata, relationships}, score}]`) carried by entity values. */
function nodeList(v: unknown): Obj[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return v.every((x) => isObj(x) && isObj(x.node)) ? (v as Obj[]) : undefined;
}

/** Keys whose values are LlamaIndex node lists: read as documents, not as the entity's text. */
const NODE_KEYS = new Set(['nodes', 'sourceNodes', 'source_nodes']);

/** A parsed entity value without its node lists (the retrieved text is read once, from the retrieve span). */
function withoutNodes(v: unknown, depth = 0): unknown {
  if (depth > 8 || nodeList(v)) return undefined;
  if (Array.isArray(v)) return v.map((x) => withoutNodes(x, depth + 1));
  if (!isObj(v)) return v;
  const o: Obj = {};
  for (const k in v) if (!NODE_KEYS.has(k)) o[k] = withoutNodes(v[k], depth + 1);
  return o;
}

/**
 * A workflow/task/agent entity value as messages: serialized LangChain messages keep their roles (a parser's input
 * is the model's answer, not a prompt), anything else becomes its string leaves in one message.
 */
function entityMessages(
  v: SpanView['attributes'][string],
  side: 'input' | 'output',
  ix: Interaction,
  ctx: ParseCtx,
): void {
  const role = side === 'input' ? 'unknown' : 'assistant';
  const out = side === 'input' ? ix.input : ix.output;
  const r = readMaybeJson(v, ctx);
  if (r.value !== undefined) {
    const lc = lcMessages(r.value);
    if (lc) return routeLcMessages(lc, side, ix.input, ix.output);
    if (isObj(r.value) && Array.isArray(r.value.messages)) return coerceMessages(r.value.messages, role, out);
    const rest = side === 'input' ? takeLcDocuments(r.value, ix.documents, MAX_DOCUMENTS) : r.value;
    const t = leafText(withoutNodes(rest));
    if (t) out.push({ role, content: t });
  }
  if (r.raw) out.push({ role, content: r.raw });
}

/** Documents of a LlamaIndex retrieve task: the node list of its output. */
function readNodes(v: SpanView['attributes'][string], ix: Interaction, ctx: ParseCtx): void {
  const nodes = nodeList(readMaybeJson(v, ctx).value);
  for (const n of nodes ?? []) {
    if (ix.documents.length >= MAX_DOCUMENTS) break;
    const node = n.node as Obj;
    const rel = isObj(node.relationships) && isObj(node.relationships.SOURCE) ? node.relationships.SOURCE : undefined;
    const d = documentFrom({
      ...node,
      id: rel?.nodeId ?? node.id_,
      ...(typeof n.score === 'number' ? { score: n.score } : {}),
    });
    if (d) ix.documents.push(d);
  }
}

/** `{args: [x], kwargs: {}}` with one argument: that argument (LangChain passes the model's JSON arguments so). */
function toolArguments(v: SpanView['attributes'][string], ctx: ParseCtx): string | undefined {
  const raw = scalarText(v);
  const parsed = readMaybeJson(v, ctx).value;
  if (isObj(parsed) && Array.isArray(parsed.args)) {
    const args = parsed.args.filter((x) => x !== null && x !== undefined);
    const kw = isObj(parsed.kwargs) && Object.keys(parsed.kwargs).length > 0;
    if (args.length === 1 && !kw) return typeof args[0] === 'string' ? args[0] : toText(args[0]);
  }
  return raw;
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
    const input = toolArguments(a['traceloop.entity.input'], ctx);
    if (input !== undefined) ix.tool.arguments ??= input;
    const outV = a['traceloop.entity.output'];
    const toolMsg = lcToolMessage(readMaybeJson(outV, ctx).value);
    if (toolMsg) {
      // The tool's own name: the span is named after its class (DynamicStructuredTool).
      if (toolMsg.name) ix.tool.name = toolMsg.name;
      ix.tool.result ??= toolMsg.content;
    } else {
      const output = scalarText(outV);
      if (output !== undefined) ix.tool.result ??= output;
    }
    return ix;
  }
  if (kind === 'agent') {
    if (!readCurrentContent(a, ix, ctx)) {
      entityMessages(a['traceloop.entity.input'], 'input', ix, ctx);
      entityMessages(a['traceloop.entity.output'], 'output', ix, ctx);
    }
    return ix;
  }
  if (kind === 'retrieval' && a['traceloop.entity.output'] !== undefined) {
    const q = readMaybeJson(a['traceloop.entity.input'], ctx).value;
    const query = isObj(q) && Array.isArray(q.args) && typeof q.args[0] === 'string' ? q.args[0] : undefined;
    if (query) ix.input.push({ role: 'user', content: query });
    readNodes(a['traceloop.entity.output'], ix, ctx);
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
