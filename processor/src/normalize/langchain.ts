/**
 * LangChain.js serialized values, as instrumentations copy them into span attributes (OpenInference `input.value` /
 * `output.value`, OpenLLMetry `traceloop.entity.input` / `output`): `{lc: 1, type: 'constructor', id: [...,
 * 'HumanMessage'], kwargs: {content, tool_calls, name, tool_call_id}}` messages, LLM results `{generations: [[{text,
 * message}]]}`, prompt values `{kwargs: {messages}}`, LangGraph commands `{update: {messages}}`. Turning them into
 * Messages with their real roles keeps a chain's copy of the model's answer off the prompt channel (it is an output)
 * and recovers system messages whose content is a part list. Bounded walk; never throws.
 */
import type { Message, RetrievedDocument, Role } from '@tracehound/core';
import { toText } from './json.js';
import { coerceMessage, MAX_MESSAGES } from './messages.js';

type Obj = Record<string, unknown>;

const MAX_VISITS = 20_000;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Role of a LangChain message class name (`HumanMessage`, `AIMessageChunk`, `ToolMessage`...). */
function roleOfClass(name: string): Role | undefined {
  if (!name.endsWith('Message') && !name.endsWith('MessageChunk')) return undefined;
  if (name.startsWith('Human')) return 'user';
  if (name.startsWith('AI')) return 'assistant';
  if (name.startsWith('System')) return 'system';
  if (name.startsWith('Tool') || name.startsWith('Function')) return 'tool';
  if (name.startsWith('Chat')) return 'unknown';
  return undefined;
}

/** The message of one serialized LangChain message object, or undefined when `o` is not one. */
export function lcMessage(o: unknown): Message | undefined {
  if (!isObj(o) || o.lc !== 1 || !Array.isArray(o.id) || !isObj(o.kwargs)) return undefined;
  const cls = o.id[o.id.length - 1];
  if (typeof cls !== 'string') return undefined;
  const role = roleOfClass(cls);
  if (!role) return undefined;
  const k = o.kwargs;
  const tmp: Message[] = [];
  const additional = isObj(k.additional_kwargs) ? k.additional_kwargs : undefined;
  const calls = Array.isArray(k.tool_calls) && k.tool_calls.length > 0 ? k.tool_calls : additional?.tool_calls;
  coerceMessage(
    {
      role,
      content: k.content ?? '',
      ...(Array.isArray(calls)
        ? { tool_calls: calls.map((c) => (isObj(c) && isObj(c.args) ? { ...c, arguments: c.args } : c)) }
        : {}),
      ...(typeof k.tool_call_id === 'string' ? { tool_call_id: k.tool_call_id } : {}),
    },
    role,
    tmp,
  );
  const m = tmp[0] ?? { role, content: '' };
  m.role = role;
  return m;
}

/** Tool name and result of a serialized ToolMessage (LangChain tools return one). */
export function lcToolMessage(o: unknown): { name?: string; content: string } | undefined {
  if (!isObj(o) || o.lc !== 1 || !Array.isArray(o.id) || !isObj(o.kwargs)) return undefined;
  const cls = o.id[o.id.length - 1];
  if (cls !== 'ToolMessage') return undefined;
  const k = o.kwargs;
  const content = typeof k.content === 'string' ? k.content : (toText(k.content) ?? '');
  return { ...(typeof k.name === 'string' && k.name ? { name: k.name } : {}), content };
}

/**
 * Every LangChain message inside a parsed value, in document order (depth-first, bounded). Undefined when the value
 * holds none: the caller falls back to its generic reading.
 */
export function lcMessages(v: unknown): Message[] | undefined {
  const out: Message[] = [];
  let visits = 0;
  const walk = (cur: unknown, depth: number): void => {
    if (visits++ > MAX_VISITS || depth > 12 || out.length >= MAX_MESSAGES) return;
    if (Array.isArray(cur)) {
      for (const x of cur) walk(x, depth + 1);
      return;
    }
    if (!isObj(cur)) return;
    const m = lcMessage(cur);
    if (m) {
      out.push(m);
      return;
    }
    for (const key in cur) walk(cur[key], depth + 1);
  };
  walk(v, 0);
  return out.length > 0 ? out : undefined;
}

/**
 * Put LangChain messages found in a span's input or output where they belong: in an output (`side` 'output') only
 * answers stay outputs — a prompt template's output is a prompt, a graph's output its whole history — and the rest
 * joins the span's input with its own role (history before the last answer is not re-scanned as a prompt).
 */
export function routeLcMessages(lc: Message[], side: 'input' | 'output', input: Message[], output: Message[]): void {
  for (const m of lc) {
    if (side === 'input') {
      if (input.length < MAX_MESSAGES) input.push(m);
    } else if (m.role === 'assistant' || m.role === 'unknown') {
      if (output.length < MAX_MESSAGES) output.push({ ...m, role: 'assistant' });
    } else if (input.length < MAX_MESSAGES) input.push(m);
  }
}

/** A LangChain Document (`{pageContent, metadata}`, or its serialized `{lc: 1, id: [..., 'Document'], kwargs}`). */
function lcDocument(o: Obj): RetrievedDocument | undefined {
  const k = o.lc === 1 && Array.isArray(o.id) && o.id[o.id.length - 1] === 'Document' && isObj(o.kwargs) ? o.kwargs : o;
  const content = typeof k.pageContent === 'string' ? k.pageContent : k.page_content;
  if (typeof content !== 'string' || !content) return undefined;
  const meta = isObj(k.metadata) ? k.metadata : undefined;
  const src = meta && typeof meta.source === 'string' ? meta.source : undefined;
  const id = typeof k.id === 'string' ? k.id : undefined;
  return { content, source: 'langchain', ...(src ? { id: src } : id ? { id } : {}) };
}

/**
 * LangChain Documents inside a parsed value (a retriever's output piped into a chain step, whose span carries it as
 * its input), moved to `docs`: what is left is the value without them. Retrieved content, not the user's words, even
 * where the instrumentation records no retriever span (OpenLLMetry's LangChain instrumentation). Bounded walk.
 */
export function takeLcDocuments(v: unknown, docs: RetrievedDocument[], maxDocs: number): unknown {
  let visits = 0;
  let found = false;
  const walk = (cur: unknown, depth: number): unknown => {
    if (visits++ > MAX_VISITS || depth > 12) return cur;
    if (Array.isArray(cur)) return cur.map((x) => walk(x, depth + 1)).filter((x) => x !== undefined);
    if (!isObj(cur)) return cur;
    const d = lcDocument(cur);
    if (d) {
      found = true;
      if (docs.length < maxDocs) docs.push(d);
      return undefined;
    }
    const o: Obj = {};
    for (const key in cur) {
      const x = walk(cur[key], depth + 1);
      if (x !== undefined) o[key] = x;
    }
    return o;
  };
  const rest = walk(v, 0);
  return found ? rest : v;
}
