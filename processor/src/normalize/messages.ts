/**
 * One coercer for every message shape the dialects carry once parsed: OTel GenAI `parts`, OpenAI chat messages
 * (string or part-array content, tool_calls, function_call), OpenAI choice bodies ({message, finish_reason}),
 * Vercel AI SDK prompt messages (tool-call / tool-result parts), and Anthropic tool_use / tool_result blocks.
 * Tool results always become their own role=tool message so detectors scan them on the tool_result channel.
 */
import type { Message, Role, ToolCallPart } from '@tracehound/core';
import { toText } from './json.js';

/** Hard bound on messages per side of one Interaction. */
export const MAX_MESSAGES = 2000;
/** Hard bound on parts visited per message. */
const MAX_PARTS = 2000;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function s(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function normalizeRole(r: unknown, fallback: Role): Role {
  if (typeof r !== 'string') return fallback;
  switch (r.toLowerCase()) {
    case 'user':
    case 'human':
      return 'user';
    case 'assistant':
    case 'ai':
    case 'model':
    case 'bot':
      return 'assistant';
    case 'system':
      return 'system';
    case 'developer':
      return 'developer';
    case 'tool':
    case 'function':
    case 'ipython':
      return 'tool';
    default:
      return 'unknown';
  }
}

function toolCallFrom(o: Obj): ToolCallPart | undefined {
  // OpenAI: {id, type:'function', function:{name, arguments}}; OTel part: {id, name, arguments};
  // Vercel: {toolCallId, toolName, input|args}; Anthropic: {id, name, input}.
  const fn = isObj(o.function) ? o.function : undefined;
  const name = s(fn?.name) ?? s(o.name) ?? s(o.toolName) ?? '';
  const args = fn ? fn.arguments : o.arguments !== undefined ? o.arguments : o.input !== undefined ? o.input : o.args;
  const id = s(o.id) ?? s(o.toolCallId) ?? s(o.call_id);
  if (!name && args === undefined) return undefined;
  const call: ToolCallPart = { name };
  if (id) call.id = id;
  const a = toText(args);
  if (a !== undefined) call.arguments = a;
  return call;
}

function toolResultText(o: Obj): string | undefined {
  // OTel: response | result; Vercel v5+: output {type, value}; Vercel v4: result; Anthropic: content.
  let v: unknown = o.response !== undefined ? o.response : o.result !== undefined ? o.result : o.output;
  if (v === undefined) v = o.content;
  if (isObj(v) && 'value' in v && typeof v.type === 'string') v = v.value;
  if (Array.isArray(v)) {
    // Anthropic content blocks / Vercel content output: keep the text parts.
    const texts: string[] = [];
    for (const p of v.slice(0, MAX_PARTS)) {
      if (typeof p === 'string') texts.push(p);
      else if (isObj(p) && typeof p.text === 'string') texts.push(p.text);
      else if (isObj(p) && typeof p.content === 'string') texts.push(p.content);
      else if (isObj(p) && typeof p.value === 'string') texts.push(p.value);
    }
    if (texts.length > 0) return texts.join('\n');
  }
  return toText(v);
}

interface Acc {
  texts: string[];
  calls: ToolCallPart[];
  results: Message[];
  refusal: boolean;
}

/**
 * A text part whose text is itself a JSON-stringified part list (OpenLLMetry's LangChain instrumentation stores a
 * message's part-list content so): visit those parts instead. False when the text is not one.
 */
function unwrapParts(t: string, acc: Acc): boolean {
  if (t.length > 1 << 20 || !t.startsWith('[{') || !t.includes('"type"')) return false;
  let parts: unknown;
  try {
    parts = JSON.parse(t);
  } catch {
    return false;
  }
  if (!Array.isArray(parts) || !parts.every((x) => isObj(x) && typeof x.type === 'string')) return false;
  for (const x of parts.slice(0, MAX_PARTS)) {
    // One level only: a part list inside a part list inside a text is not unwrapped again.
    if (isObj(x) && (x.type === 'text' || x.type === 'input_text') && typeof (x.text ?? x.content) === 'string')
      acc.texts.push((x.text ?? x.content) as string);
    else visitPart(x, acc);
  }
  return true;
}

function visitPart(p: unknown, acc: Acc): void {
  if (typeof p === 'string') {
    acc.texts.push(p);
    return;
  }
  if (!isObj(p)) return;
  const type = typeof p.type === 'string' ? p.type : undefined;
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text': {
      const t = s(p.content) ?? s(p.text);
      if (t !== undefined && !unwrapParts(t, acc)) acc.texts.push(t);
      return;
    }
    case 'refusal': {
      const t = s(p.refusal) ?? s(p.content) ?? s(p.text);
      if (t !== undefined) acc.texts.push(t);
      acc.refusal = true;
      return;
    }
    case 'tool_call':
    case 'tool-call':
    case 'tool_use':
    case 'function_call':
    case 'server_tool_call': {
      const c = toolCallFrom(p);
      if (c) acc.calls.push(c);
      return;
    }
    case 'tool_call_response':
    case 'tool-result':
    case 'tool_result':
    case 'function_call_output':
    case 'server_tool_call_response': {
      const msg: Message = { role: 'tool', content: toolResultText(p) ?? '' };
      const id = s(p.id) ?? s(p.toolCallId) ?? s(p.tool_use_id) ?? s(p.call_id);
      if (id) msg.toolCallId = id;
      acc.results.push(msg);
      return;
    }
    case undefined: {
      // Untyped part objects: {text} or {content}.
      const t = s(p.text) ?? s(p.content);
      if (t !== undefined) acc.texts.push(t);
      return;
    }
    default:
      // image, audio, file, blob, uri, reasoning...: not scanned as message text.
      return;
  }
}

/**
 * Coerce one message-like value into Messages (appended to `out`). Returns nothing; bounded by MAX_MESSAGES.
 * `fallback` is the role used when the value carries none (inputs: 'unknown', outputs: 'assistant').
 */
export function coerceMessage(v: unknown, fallback: Role, out: Message[], depth = 0): void {
  if (out.length >= MAX_MESSAGES || depth > 4) return;
  if (typeof v === 'string') {
    if (v.length > 0) out.push({ role: fallback, content: v });
    return;
  }
  if (!isObj(v)) return;
  // OpenAI choice body / log event: {index, finish_reason, message:{...}}.
  if (isObj(v.message) && v.parts === undefined && v.content === undefined) {
    const before = out.length;
    coerceMessage(v.message, fallback, out, depth + 1);
    const fr = s(v.finish_reason);
    if (fr) for (let i = before; i < out.length; i++) if (out[i].role !== 'tool') out[i].finishReason ??= fr;
    return;
  }
  const role = normalizeRole(v.role, fallback);
  const acc: Acc = { texts: [], calls: [], results: [], refusal: false };
  if (Array.isArray(v.parts)) {
    for (const p of v.parts.slice(0, MAX_PARTS)) visitPart(p, acc);
  }
  const content = v.content;
  if (typeof content === 'string') acc.texts.push(content);
  else if (Array.isArray(content)) for (const p of content.slice(0, MAX_PARTS)) visitPart(p, acc);
  else if (isObj(content)) visitPart(content, acc);
  if (typeof v.text === 'string' && acc.texts.length === 0) acc.texts.push(v.text);
  if (Array.isArray(v.tool_calls)) {
    for (const tc of v.tool_calls.slice(0, MAX_PARTS))
      if (isObj(tc)) {
        const c = toolCallFrom(tc);
        if (c) acc.calls.push(c);
      }
  }
  if (isObj(v.function_call)) {
    const c = toolCallFrom({ function: v.function_call });
    if (c) acc.calls.push(c);
  }
  const hasOwn = acc.texts.length > 0 || acc.calls.length > 0;
  if (hasOwn || (acc.results.length === 0 && role !== 'unknown')) {
    const msg: Message = { role, content: acc.texts.join('\n') };
    if (acc.calls.length > 0) msg.toolCalls = acc.calls;
    const tcid = s(v.tool_call_id) ?? s(v.toolCallId) ?? (role === 'tool' ? s(v.id) : undefined);
    if (tcid) msg.toolCallId = tcid;
    const fr = s(v.finish_reason) ?? s(v.finishReason);
    if (fr) msg.finishReason = fr;
    else if (acc.refusal) msg.finishReason = 'refusal';
    if (hasOwn || role === 'tool' || msg.content.length > 0 || msg.finishReason) out.push(msg);
  }
  for (const r of acc.results) {
    if (out.length >= MAX_MESSAGES) break;
    out.push(r);
  }
}

/** Coerce a parsed list (or a single message) into `out`. */
export function coerceMessages(v: unknown, fallback: Role, out: Message[]): void {
  if (Array.isArray(v)) {
    for (const m of v) {
      if (out.length >= MAX_MESSAGES) break;
      coerceMessage(m, fallback, out);
    }
  } else coerceMessage(v, fallback, out);
}

/** Text of a `gen_ai.system_instructions`-style value: a string, or a list of parts/strings. */
export function instructionsText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  const acc: Acc = { texts: [], calls: [], results: [], refusal: false };
  if (Array.isArray(v)) for (const p of v.slice(0, MAX_PARTS)) visitPart(p, acc);
  else if (isObj(v)) {
    if (Array.isArray(v.parts) || v.content !== undefined) {
      const tmp: Message[] = [];
      coerceMessage(v, 'system', tmp);
      return (
        tmp
          .map((m) => m.content)
          .filter((t) => t.length > 0)
          .join('\n') || undefined
      );
    }
    visitPart(v, acc);
  }
  const t = acc.texts.join('\n');
  return t.length > 0 ? t : undefined;
}
