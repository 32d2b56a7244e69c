/** Anthropic messages.create (and the .stream helper, which calls it) → GenAI attributes. */
import type { GenAiMessage, Part, RequestContent } from '../content/parts.js';
import { asText } from '../content/parts.js';
import * as A from '@tracehound/core/attributes';
import { anthropicRedaction } from './redaction.js';
import { anthropicModeration } from './moderation.js';
import { toolDefinitions } from './openai-common.js';
import {
  appendBounded,
  arr,
  num,
  rec,
  str,
  type OperationMapping,
  type ResponseSummary,
  type StreamAccumulator,
  type Usage,
} from './types.js';

function stringify(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** One content block → parts; tool results go to `toolParts` so they can become a role=tool message. */
function blockParts(block: unknown, parts: Part[], toolParts: Part[]): void {
  if (typeof block === 'string') {
    parts.push({ type: 'text', content: block });
    return;
  }
  const b = rec(block);
  if (!b) return;
  switch (b.type) {
    case 'text':
      if (typeof b.text === 'string') parts.push({ type: 'text', content: b.text });
      return;
    case 'thinking':
      if (typeof b.thinking === 'string') parts.push({ type: 'reasoning', content: b.thinking });
      return;
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      parts.push({ type: 'tool_call', id: str(b.id), name: str(b.name) ?? 'unknown', arguments: stringify(b.input) });
      return;
    case 'tool_result':
    case 'mcp_tool_result':
      toolParts.push({ type: 'tool_call_response', id: str(b.tool_use_id), response: asText(b.content) });
      return;
    case 'image':
      parts.push({ type: 'blob', modality: 'image' });
      return;
    case 'document':
      parts.push({ type: 'blob', modality: 'file' });
      return;
    default:
      // Server tool results (web_search_tool_result, code_execution_tool_result...) answer server_tool_use calls.
      if (typeof b.type === 'string' && b.type.endsWith('_tool_result')) {
        toolParts.push({ type: 'tool_call_response', id: str(b.tool_use_id), response: stringify(b.content) ?? '' });
      }
  }
}

export function anthropicRequestContent(p: Record<string, unknown>): RequestContent {
  const system: Part[] = [];
  if (typeof p.system === 'string') system.push({ type: 'text', content: p.system });
  else for (const b of arr(p.system)) blockParts(b, system, []);
  const messages: GenAiMessage[] = [];
  for (const m of arr(p.messages)) {
    const r = rec(m);
    if (!r) continue;
    const parts: Part[] = [];
    const toolParts: Part[] = [];
    if (typeof r.content === 'string') parts.push({ type: 'text', content: r.content });
    else for (const b of arr(r.content)) blockParts(b, parts, toolParts);
    if (toolParts.length) messages.push({ role: 'tool', parts: toolParts });
    if (parts.length || !toolParts.length) messages.push({ role: str(r.role) ?? 'user', parts });
  }
  return { system, messages };
}

function usageOf(u: unknown): Usage | undefined {
  const r = rec(u);
  if (!r) return undefined;
  const input = num(r.input_tokens);
  const cacheRead = num(r.cache_read_input_tokens);
  const cacheCreation = num(r.cache_creation_input_tokens);
  // The conventions' input_tokens includes cached tokens; Anthropic reports them separately.
  const total = input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheCreation ?? 0);
  return { input: total, output: num(r.output_tokens), cacheRead, cacheCreation };
}

export function anthropicResponse(data: unknown, needContent: boolean): ResponseSummary {
  const body = rec(data);
  if (!body) return {};
  const stop = str(body.stop_reason);
  let output: GenAiMessage[] | undefined;
  if (needContent) {
    const parts: Part[] = [];
    const toolParts: Part[] = [];
    for (const b of arr(body.content)) blockParts(b, parts, toolParts);
    const msg: GenAiMessage = { role: 'assistant', parts: [...parts, ...toolParts] };
    if (stop) msg.finish_reason = stop;
    output = [msg];
  }
  return {
    responseModel: str(body.model),
    responseId: str(body.id),
    finishReasons: stop ? [stop] : [],
    usage: usageOf(body.usage),
    output,
    moderation: anthropicModeration(stop),
  };
}

interface BlockState {
  type: string;
  id?: string;
  name?: string;
  text: string;
}

/** Rebuilds a message from message_start / content_block_* / message_delta events. */
export function anthropicStreamAccumulator(needContent: boolean): StreamAccumulator {
  let message: Record<string, unknown> | undefined;
  let stop: string | undefined;
  let usage: Record<string, unknown> = {};
  const blocks = new Map<number, BlockState>();
  return {
    push(event) {
      const e = rec(event);
      if (!e) return;
      switch (e.type) {
        case 'message_start':
          message = rec(e.message);
          usage = { ...(rec(message?.usage) ?? {}) };
          return;
        case 'content_block_start': {
          if (!needContent || blocks.size >= 256) return;
          const b = rec(e.content_block);
          const index = typeof e.index === 'number' ? e.index : blocks.size;
          if (!b) return;
          const st: BlockState = { type: str(b.type) ?? 'text', id: str(b.id), name: str(b.name), text: '' };
          if (typeof b.text === 'string') st.text = b.text;
          blocks.set(index, st);
          return;
        }
        case 'content_block_delta': {
          if (!needContent) return;
          const st = blocks.get(typeof e.index === 'number' ? e.index : -1);
          const d = rec(e.delta);
          if (!st || !d) return;
          if (d.type === 'text_delta') st.text = appendBounded(st.text, d.text);
          else if (d.type === 'input_json_delta') st.text = appendBounded(st.text, d.partial_json);
          else if (d.type === 'thinking_delta') st.text = appendBounded(st.text, d.thinking);
          return;
        }
        case 'message_delta': {
          const d = rec(e.delta);
          if (d && typeof d.stop_reason === 'string') stop = d.stop_reason;
          const u = rec(e.usage);
          if (u) for (const [k, v] of Object.entries(u)) if (typeof v === 'number') usage[k] = v;
          return;
        }
        default:
          return;
      }
    },
    finish() {
      const content: unknown[] = [];
      for (const [, b] of [...blocks.entries()].sort((x, y) => x[0] - y[0])) {
        if (b.type === 'text') content.push({ type: 'text', text: b.text });
        else if (b.type === 'thinking') content.push({ type: 'thinking', thinking: b.text });
        else if (b.type.endsWith('tool_use'))
          content.push({ type: b.type, id: b.id, name: b.name, input: b.text || '{}' });
      }
      return anthropicResponse(
        { id: message?.id, model: message?.model, stop_reason: stop, usage, content },
        needContent,
      );
    },
  };
}

export const anthropicMessagesMapping: OperationMapping = {
  operation: A.OP_CHAT,
  provider: () => A.PROVIDER_ANTHROPIC,
  request(p, needContent) {
    const attributes: Record<string, number | boolean | string> = {};
    const mt = num(p.max_tokens);
    if (mt !== undefined) attributes[A.GEN_AI_REQUEST_MAX_TOKENS] = mt;
    const t = num(p.temperature);
    if (t !== undefined) attributes[A.GEN_AI_REQUEST_TEMPERATURE] = t;
    const tp = num(p.top_p);
    if (tp !== undefined) attributes[A.GEN_AI_REQUEST_TOP_P] = tp;
    if (p.stream === true) attributes[A.GEN_AI_REQUEST_STREAM] = true;
    const defs = toolDefinitions(p.tools);
    if (defs) attributes[A.GEN_AI_TOOL_DEFINITIONS] = defs;
    return { model: str(p.model), attributes, content: needContent ? anthropicRequestContent(p) : undefined };
  },
  response: (data, needContent) => anthropicResponse(data, needContent),
  stream: (needContent) => anthropicStreamAccumulator(needContent),
  redaction: anthropicRedaction,
};
